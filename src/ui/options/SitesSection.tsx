/**
 * Per-site on/off, and Mastodon instances or other sites added through optional host permissions
 * (manifest optional_host_permissions: https://*\/*). The permission is asked for first, straight
 * from the click, since browsers only grant it during a user gesture; the site is stored only if
 * it was granted.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { lockKey } from '../../storage/policy';
import { isHttpsOrigin, SITE_IDS, type CustomSite, type SiteId } from '../../storage/settings-schema';
import { useOptions } from './context';
import { LockNote } from './Locked';
import { messages } from './messages';

export const SITE_NAMES: Record<SiteId, string> = {
  x: 'X (Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon (mastodon.social など / etc.)',
  note: 'note',
};

/** "mastodon.example.jp" or "https://mastodon.example.jp/home" → "https://mastodon.example.jp" */
export function toOrigin(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  try {
    const origin = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).origin;
    return isHttpsOrigin(origin) ? origin : undefined;
  } catch {
    return undefined;
  }
}

export function SitesSection() {
  const { t, effective, locked, apply, services } = useOptions();
  const [input, setInput] = useState('');
  const [kind, setKind] = useState<CustomSite['kind']>('mastodon');
  const [error, setError] = useState<string>();
  const [granted, setGranted] = useState<Record<string, boolean>>({});

  const refreshPermissions = useCallback(async () => {
    const pairs = await Promise.all(effective.customSites.map(async (c) => [c.origin, await services.hasOrigin(c.origin).catch(() => false)] as const));
    setGranted(Object.fromEntries(pairs));
  }, [effective.customSites, services]);
  useEffect(() => void refreshPermissions(), [refreshPermissions]);

  const add = async (e: Event) => {
    e.preventDefault();
    const origin = toOrigin(input);
    if (!origin) return setError(t(messages.badOrigin));
    if (effective.customSites.some((c) => c.origin === origin)) return setError(t(messages.siteExists));
    const ok = await services.requestOrigin(origin).catch(() => false);
    if (!ok) return setError(t(messages.permissionDenied));
    setError(undefined);
    if (await apply((s) => ({ ...s, customSites: [...s.customSites, { origin, kind, enabled: true }] }), { done: messages.saved })) setInput('');
    void refreshPermissions();
  };

  const grant = async (origin: string) => {
    await services.requestOrigin(origin).catch(() => false);
    void refreshPermissions();
  };

  const remove = async (origin: string) => {
    if (await apply((s) => ({ ...s, customSites: s.customSites.filter((c) => c.origin !== origin) }), { done: messages.saved, undoable: true })) {
      await services.removeOrigin(origin).catch(() => undefined);
    }
  };

  return (
    <section id="sites" class="section" aria-labelledby="sites-title">
      <h2 id="sites-title">{t(messages.sites)}</h2>
      <p>{t(messages.sitesIntro)}</p>
      <ul class="site-toggles">
        {SITE_IDS.map((id) => {
          const isLocked = locked.has(lockKey.site(id));
          return (
            <li key={id}>
              <label class="checkbox">
                <input
                  type="checkbox"
                  checked={effective.sites[id] ?? true}
                  disabled={isLocked}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    void apply((s) => ({ ...s, sites: { ...s.sites, [id]: on } }), { done: messages.saved });
                  }}
                />
                {t(messages.siteEnabled(SITE_NAMES[id]))}
              </label>
              {isLocked && <LockNote />}
            </li>
          );
        })}
      </ul>

      <h3>{t(messages.customSites)}</h3>
      <p>{t(messages.customSitesIntro)}</p>
      {effective.customSites.length === 0 ? (
        <p class="empty">{t(messages.noCustomSites)}</p>
      ) : (
        <ul class="custom-sites">
          {effective.customSites.map((c) => {
            const isLocked = locked.has(lockKey.customSite(c.origin));
            return (
              <li key={c.origin}>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={c.enabled}
                    disabled={isLocked}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      void apply((s) => ({ ...s, customSites: s.customSites.map((x) => (x.origin === c.origin ? { ...x, enabled: on } : x)) }), { done: messages.saved });
                    }}
                  />
                  {t(messages.siteEnabled(c.origin))} ({t(c.kind === 'mastodon' ? messages.kindMastodon : messages.kindAny)})
                </label>
                {c.kind === 'any' && c.enabled && !effective.anyTextBox && (
                  <span class="warning-text"> {t(messages.anyTextBoxOff)}</span>
                )}
                {granted[c.origin] ? (
                  <span class="ok"> ✓ {t(messages.permissionOk)}</span>
                ) : (
                  <>
                    <span class="warning-text"> {t(messages.permissionMissing)}</span>
                    <button type="button" onClick={() => void grant(c.origin)} aria-label={`${t(messages.grant)}: ${c.origin}`}>
                      {t(messages.grant)}
                    </button>
                  </>
                )}
                {isLocked ? (
                  <LockNote />
                ) : (
                  <button type="button" class="danger" onClick={() => void remove(c.origin)} aria-label={`${t(messages.delete)} ${c.origin}`}>
                    {t(messages.delete)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form class="inline-form" onSubmit={add} noValidate>
        <label for="site-origin">{t(messages.origin)}</label>
        <input id="site-origin" type="url" value={input} placeholder="https://mastodon.example.jp" onInput={(e) => setInput(e.currentTarget.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? 'site-error' : undefined} />
        <label for="site-kind">{t(messages.customKind)}</label>
        <select id="site-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as CustomSite['kind'])}>
          <option value="mastodon">{t(messages.kindMastodon)}</option>
          <option value="any">{t(messages.kindAny)}</option>
        </select>
        <button type="submit">{t(messages.addSite)}</button>
        {error && (
          <p id="site-error" class="error" role="alert">
            {error}
          </p>
        )}
      </form>

      <label class="checkbox">
        <input
          type="checkbox"
          checked={effective.anyTextBox}
          disabled={locked.has(lockKey.anyTextBox)}
          aria-describedby="any-text-box-hint"
          onChange={(e) => {
            const on = e.currentTarget.checked;
            void apply((s) => ({ ...s, anyTextBox: on }), { done: messages.saved });
          }}
        />
        {t(messages.anyTextBox)}
      </label>
      {locked.has(lockKey.anyTextBox) && <LockNote />}
      <small id="any-text-box-hint" class="hint">
        {t(messages.anyTextBoxHint)}
      </small>
    </section>
  );
}
