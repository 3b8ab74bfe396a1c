/**
 * E-mail addresses (also written `name(at)example.jp`, `name [at] example.jp`; ＠ is @ after
 * normalization). SNS mentions (@tokyo_foodie) are not addresses: an address needs a local part
 * and a dotted domain.
 *
 * Severity: a role address (info@, support@, press@, recruit@, noreply@…) is `info` unless a
 * private person is named next to it. A personal-looking address — a free-mail domain, a name with
 * digits (m.kato1987@), or one next to お客様/会員/田中様 — is `warn`. Any other address is `info`
 * on a company account when a business cue (お問い合わせ, 担当, 窓口…) is near, else `warn`.
 */
import type { Span } from '../../analysis';
import type { Detector } from '../types';
import { basisFor, cuesIn, looksPrivate, privacyFinding, urlSpans, windowAround } from './shared';

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const EMAIL = new RegExp(
  `(?<![A-Za-z0-9._%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)(@|\\s?[([]at[)\\]]\\s?)(${LABEL}(?:\\.${LABEL})*\\.([A-Za-z]{2,24}))(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`,
  'gi',
);

/** What an image or file name (logo@2x.png) ends in: not a top-level domain here. */
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'heic', 'pdf', 'mp4', 'mov', 'js', 'ts', 'css', 'html', 'json', 'zip', 'txt', 'csv']);

/** Local parts a company uses for a shared mailbox (also with a suffix: info-tokyo@, support.jp@). */
const ROLE =
  /^(info|information|support|help|helpdesk|contact|contactus|contact-us|press|pr|media|news|newsletter|magazine|recruit|recruiting|recruitment|saiyo|saiyou|jinji|hr|career|careers|job|jobs|noreply|no-reply|no_reply|donotreply|do-not-reply|sales|eigyo|service|services|customer|customers|cs|office|admin|administrator|webmaster|postmaster|hostmaster|abuse|security|privacy|hello|inquiry|inquiries|enquiry|enquiries|toiawase|otoiawase|shop|store|reservation|reservations|reserve|yoyaku|booking|bookings|order|orders|marketing|team|partner|partners|partnership|ir|legal|billing|feedback|event|events|campaign|cp|kojinjoho|soumu|ec|online|onlineshop|official|desk|center|centre|callcenter|mail|staff)[0-9]*(?:[._-][a-z0-9]+)*$/i;

/** Free-mail and carrier domains: an address there belongs to a person, not to the company. */
const FREE_MAIL =
  /(^|\.)(gmail\.com|googlemail\.com|yahoo\.co\.jp|yahoo\.com|ymail\.ne\.jp|hotmail\.(com|co\.jp)|outlook\.(com|jp)|live\.(jp|com)|msn\.com|icloud\.com|me\.com|mac\.com|aol\.com|proton\.me|protonmail\.com|gmx\.(com|net|de)|mail\.ru|qq\.com|163\.com|naver\.com|docomo\.ne\.jp|ezweb\.ne\.jp|au\.com|softbank\.ne\.jp|i\.softbank\.jp|ybb\.ne\.jp|nifty\.com|biglobe\.ne\.jp|ocn\.ne\.jp|so-net\.ne\.jp|excite\.co\.jp|zoho\.com)$/i;

export interface EmailMatch {
  span: Span;
  local: string;
  domain: string;
}

export function findEmails(text: string): EmailMatch[] {
  const urls = urlSpans(text);
  const out: EmailMatch[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const span = { start: m.index!, end: m.index! + m[0].length };
    if (FILE_EXTENSIONS.has(m[4]!.toLowerCase())) continue;
    // inside a URL only when it is not a mailto: link
    if (urls.some((u) => u.start <= span.start && span.end <= u.end) && !/mailto:$/i.test(text.slice(0, span.start))) continue;
    out.push({ span, local: m[1]!, domain: m[3]! });
  }
  return out;
}

export const isRoleAddress = (local: string) => ROLE.test(local);
export const isFreeMail = (domain: string) => FREE_MAIL.test(domain);
/** A name with digits: m.kato1987, taro_0512, hanako88. */
export const looksLikeNameWithDigits = (local: string) => /[A-Za-z]{2,}/.test(local) && /[0-9]{2,}/.test(local) && !ROLE.test(local);

export const emailDetector: Detector = {
  id: 'privacy/email-address',
  rules: ['privacy/email-address'],
  detect({ analysis, context }) {
    const text = analysis.norm.text;
    return findEmails(text).map(({ span, local, domain }) => {
      const cues = cuesIn(analysis, windowAround(text, span, 30, 20), span);
      const privateish = looksPrivate(cues);
      const personal = isFreeMail(domain) || looksLikeNameWithDigits(local);
      let severity: 'info' | 'warn';
      if (privateish) severity = 'warn';
      else if (isRoleAddress(local)) severity = 'info';
      else if (personal || context.account === 'personal') severity = 'warn';
      else severity = cues.business ? 'info' : 'warn';

      const message =
        severity === 'info'
          ? {
              ja: 'メールアドレスが含まれています。会社として公開している窓口のアドレスか確認してください。',
              en: 'The post contains an e-mail address. Check that it is a contact address the company publishes.',
            }
          : {
              ja: '個人のメールアドレスの可能性があります。本人の同意なく公開すると個人情報の漏えいになります。',
              en: "This looks like a person's e-mail address. Publishing it without consent leaks personal data.",
            };
      const suggestion =
        severity === 'info'
          ? { ja: '公式の窓口アドレスであればそのままで問題ありません。', en: "If it is the company's official contact address, no change is needed." }
          : {
              ja: 'アドレスを削除してください。お客様の声を紹介するなら、個人が特定できない形(「30代・女性」など)にしてください。',
              en: 'Remove the address. When quoting a customer, make them unidentifiable (e.g. "a customer in her 30s").',
            };
      return privacyFinding('privacy/email-address', severity, span, message, suggestion, basisFor(context.account));
    });
  },
};
