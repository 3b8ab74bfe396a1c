/** Posting accounts marked company or personal (storage/accounts.ts resolveAccountKind; the account-mixup check). */
import { useState } from 'preact/hooks';
import type { AccountKind } from '../../engine/finding';
import { normalizeHandle } from '../../storage/accounts';
import { lockKey } from '../../storage/policy';
import { SITE_IDS, type Account, type Settings } from '../../storage/settings-schema';
import { useOptions } from './context';
import { LockNote } from './Locked';
import { messages } from './messages';

const sameAccount = (a: Account, b: Account) => a.site === b.site && normalizeHandle(a.handle) === normalizeHandle(b.handle);

export function AccountsSection() {
  const { t, effective, locked, apply } = useOptions();
  const [site, setSite] = useState<string>('x');
  const [handle, setHandle] = useState('');
  const [kind, setKind] = useState<AccountKind>('company');
  const [error, setError] = useState<string>();
  const kindLabel = (k: AccountKind) => t(k === 'company' ? messages.company : messages.personal);
  // Every Mastodon instance is the site `mastodon` (handle `user`, or `user@instance` for one
  // instance); other added sites are listed by host.
  const siteChoices = [...SITE_IDS, ...effective.customSites.filter((c) => c.kind !== 'mastodon').map((c) => new URL(c.origin).host)];
  const unknownLocked = locked.has(lockKey.unknownAccountKind);

  const add = async (e: Event) => {
    e.preventDefault();
    const account: Account = { site: site.trim(), handle: normalizeHandle(handle), kind };
    if (!account.site) return setError(t(messages.siteRequired));
    if (!account.handle) return setError(t(messages.handleRequired));
    if (effective.accounts.some((a) => sameAccount(a, account))) return setError(t(messages.accountExists));
    setError(undefined);
    if (await apply((s: Settings) => ({ ...s, accounts: [...s.accounts, account] }), { done: messages.saved })) setHandle('');
  };

  return (
    <section id="accounts" class="section" aria-labelledby="accounts-title">
      <h2 id="accounts-title">{t(messages.accounts)}</h2>
      <p>{t(messages.accountsIntro)}</p>
      <p class="hint">{t(messages.accountsMastodon)}</p>
      {effective.accounts.length === 0 ? (
        <p class="empty">{t(messages.noAccounts)}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(messages.site)}</th>
              <th scope="col">{t(messages.handle)}</th>
              <th scope="col">{t(messages.kind)}</th>
              <th scope="col">
                <span class="visually-hidden">{t(messages.delete)}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {effective.accounts.map((a) => {
              const isLocked = locked.has(lockKey.account(a.site, a.handle));
              const label = `${a.site} @${a.handle}`;
              return (
                <tr key={`${a.site}:${a.handle}`}>
                  <td>{a.site}</td>
                  <td>@{normalizeHandle(a.handle)}</td>
                  <td>
                    <select
                      aria-label={`${t(messages.kind)}: ${label}`}
                      value={a.kind}
                      disabled={isLocked}
                      onChange={(e) => {
                        const k = e.currentTarget.value as AccountKind;
                        void apply((s) => ({ ...s, accounts: s.accounts.map((x) => (sameAccount(x, a) ? { ...x, kind: k } : x)) }), { done: messages.saved });
                      }}
                    >
                      <option value="company">{kindLabel('company')}</option>
                      <option value="personal">{kindLabel('personal')}</option>
                    </select>
                  </td>
                  <td>
                    {isLocked ? (
                      <LockNote />
                    ) : (
                      <button type="button" class="danger" aria-label={`${t(messages.delete)} ${label}`} onClick={() => void apply((s) => ({ ...s, accounts: s.accounts.filter((x) => !sameAccount(x, a)) }), { done: messages.saved, undoable: true })}>
                        {t(messages.delete)}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <form class="inline-form" onSubmit={add} aria-labelledby="add-account-title" noValidate>
        <h3 id="add-account-title">{t(messages.addAccount)}</h3>
        <label for="account-site">{t(messages.site)}</label>
        <input id="account-site" list="account-sites" value={site} onInput={(e) => setSite(e.currentTarget.value)} />
        <datalist id="account-sites">
          {siteChoices.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <label for="account-handle">{t(messages.handle)}</label>
        <input id="account-handle" value={handle} onInput={(e) => setHandle(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'account-error' : undefined} />
        <label for="account-kind">{t(messages.kind)}</label>
        <select id="account-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as AccountKind)}>
          <option value="company">{kindLabel('company')}</option>
          <option value="personal">{kindLabel('personal')}</option>
        </select>
        <button type="submit">{t(messages.add)}</button>
        {error && (
          <p id="account-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>

      <div class="field">
        <label for="unknown-kind">{t(messages.unknownAccountKind)}</label>
        <select
          id="unknown-kind"
          value={effective.unknownAccountKind}
          disabled={unknownLocked}
          onChange={(e) => {
            const k = e.currentTarget.value as AccountKind; // read now: the change runs after an await
            void apply((s) => ({ ...s, unknownAccountKind: k }), { done: messages.saved });
          }}
        >
          <option value="company">{kindLabel('company')}</option>
          <option value="personal">{kindLabel('personal')}</option>
        </select>
        {unknownLocked && <LockNote />}
      </div>
    </section>
  );
}
