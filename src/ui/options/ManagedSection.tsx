/** What the administrator set through chrome.storage.managed, shown in one place (and locked in each section). */
import type { ManagedPolicy } from '../../storage/managed-policy';
import { useOptions } from './context';
import { LockNote } from './Locked';
import { messages } from './messages';

const TITLES: Record<keyof ManagedPolicy, { ja: string; en: string }> = {
  lists: messages.wordLists,
  categories: messages.builtinRules,
  disabledRules: { ja: '無効にしたルール', en: 'Disabled rules' },
  accounts: messages.accounts,
  unknownAccountKind: messages.unknownAccountKind,
  approvers: { ja: '承認者', en: 'Approvers' },
  managedApproversOnly: { ja: '管理者が登録した承認者のみ有効', en: "Only the administrator's approvers count" },
  policy: messages.policyTitle,
  sites: messages.sites,
  customSites: messages.customSites,
  anyTextBox: messages.anyTextBox,
  dates: messages.dates,
  audit: { ja: '監査ログ', en: 'Audit log' },
};

function summary(key: keyof ManagedPolicy, m: ManagedPolicy, lang: 'ja' | 'en'): string {
  const kv = (o: object) =>
    Object.entries(o)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
  switch (key) {
    case 'lists':
      return (m.lists ?? []).map((l) => `${l.name} (${l.entries.length})`).join(', ');
    case 'accounts':
      return (m.accounts ?? []).map((a) => `${a.site} @${a.handle} = ${a.kind}`).join(', ');
    case 'approvers':
      return (m.approvers ?? []).map((a) => a.name).join(', ');
    case 'customSites':
      return (m.customSites ?? []).map((c) => c.origin).join(', ');
    case 'dates':
      return (m.dates ?? []).map((d) => `${d.month}/${d.day} ${d.reason[lang]}`).join(', ');
    case 'disabledRules':
      return (m.disabledRules ?? []).join(', ');
    case 'categories':
    case 'sites':
    case 'policy':
    case 'audit':
      return kv(m[key] ?? {});
    default:
      return String(m[key]);
  }
}

export function ManagedSection() {
  const { t, lang, data } = useOptions();
  const keys = (Object.keys(TITLES) as Array<keyof ManagedPolicy>).filter((k) => data.managed[k] !== undefined);
  return (
    <section id="managed" class="section" aria-labelledby="managed-title">
      <h2 id="managed-title">{t(messages.managed)}</h2>
      {keys.length === 0 ? (
        <p class="empty">{t(messages.managedNone)}</p>
      ) : (
        <>
          <p>
            <LockNote /> {t(messages.managedIntro)}
          </p>
          <dl class="managed">
            {keys.map((k) => (
              <div key={k}>
                <dt>
                  {t(TITLES[k])} <code>{k}</code>
                </dt>
                <dd>{summary(k, data.managed, lang)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <p class="hint">{t(messages.managedHow)}</p>
    </section>
  );
}
