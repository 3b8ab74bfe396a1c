/** Why an approval was refused: every reason verifyApprovals gave, in the reader's language. */
import type { Lang } from '../i18n/lang';
import { commonMessages as msg } from './messages';

export function ReasonList({ lang, reasons, title = msg.reasonsTitle[lang] }: { lang: Lang; reasons: readonly { code: string; message: { ja: string; en: string } }[]; title?: string }) {
  return (
    <div class="reasons" role="alert">
      <strong>{title}</strong>
      <ul>
        {reasons.map((r, i) => (
          <li key={i} data-reason={r.code}>
            {r.message[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
