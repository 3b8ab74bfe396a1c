/**
 * Content scripts for sites that live on any domain: Mastodon instances and "any text box"
 * pages the user adds in options (settings.customSites; the options page asks for the origin's
 * optional host permission). Registered with chrome.scripting at runtime and re-registered
 * whenever the settings change. A registration for an origin not (or no longer) granted is
 * harmless: Chrome injects only where the extension has host access.
 */
import type { Settings } from '../storage/settings-schema';

/** The settings that decide what is registered. */
export type ScriptSettings = Pick<Settings, 'customSites' | 'anyTextBox'>;

export interface RegisteredScript {
  id: string;
  js: string[];
  matches: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/** The slice of chrome.scripting used here (injected: the fake browser has no scripting). */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<Array<Partial<RegisteredScript> & { id: string }>>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

/** Whether a registration Chrome reports is already `want` (Chrome may write paths with a leading slash). */
function sameScript(have: Partial<RegisteredScript>, want: RegisteredScript): boolean {
  const files = (js: readonly string[] | undefined) => (js ?? []).map((f) => f.replace(/^\//, '')).join('\n');
  const list = (m: readonly string[] | undefined) => [...(m ?? [])].sort().join('\n');
  return files(have.js) === files(want.js) && list(have.matches) === list(want.matches)
    && (have.runAt ?? 'document_idle') === want.runAt && (have.persistAcrossSessions ?? true) === want.persistAcrossSessions;
}

/** Built files (WXT names them after the entrypoints) and the ids we register them under. */
export const DYNAMIC_SCRIPTS = {
  mastodon: { id: 'kakunin-mastodon', js: 'content-scripts/mastodon.js' },
  any: { id: 'kakunin-any', js: 'content-scripts/any.js' },
} as const;

const IDS = Object.values(DYNAMIC_SCRIPTS).map((s) => s.id);

/**
 * What should be registered for these settings: the enabled Mastodon instances, and the enabled
 * "any text box" sites only while `anyTextBox` is on (the opt-in; off, those sites are not
 * checked at all). Origins already covered by a manifest content script (mastodon.social,
 * x.com…) are left out: two runtimes on one page would draw two badges and gate twice.
 */
export function desiredContentScripts(settings: ScriptSettings, staticMatches: readonly string[]): RegisteredScript[] {
  const covered = new Set(staticMatches);
  const sites = settings.customSites.filter((s) => s.enabled && (s.kind !== 'any' || settings.anyTextBox));
  return (Object.keys(DYNAMIC_SCRIPTS) as Array<keyof typeof DYNAMIC_SCRIPTS>).flatMap((kind) => {
    const matches = [...new Set(sites.filter((s) => s.kind === kind).map((s) => `${s.origin}/*`))].filter((m) => !covered.has(m)).sort();
    const { id, js } = DYNAMIC_SCRIPTS[kind];
    return matches.length ? [{ id, js: [js], matches, runAt: 'document_idle' as const, persistAcrossSessions: true }] : [];
  });
}

/**
 * Returns `sync(settings)`, which makes the registrations match `settings`. Calls are serialized (two
 * settings changes in a row must not register the same id twice) and never throw: a failure is
 * reported and the next settings change tries again.
 *
 * A sync changes only what differs: a registration that is already right is left alone, a changed
 * one is updated in place. Unregistering and registering again on every sync left a window in which
 * a page loading on an added site got no content script (unchecked, its Post button not held), and
 * syncs are frequent: every settings change, every worker start (MV3 workers stop when idle).
 *
 * `settings` may be a function, called only when this sync's turn comes: the background passes
 * "read the settings now", so the last sync always applies the newest settings. (Reading first
 * and syncing after let a slow read at worker start-up, with the settings before a change,
 * finish after the read that followed the change and register the old sites.)
 */
export function createContentScriptSync(api: ScriptingApi, staticMatches: readonly string[], report: (e: unknown) => void = console.warn) {
  let queue: Promise<void> = Promise.resolve();
  return (settings: ScriptSettings | (() => Promise<ScriptSettings>)): Promise<void> => {
    queue = queue.then(async () => {
      try {
        const current = typeof settings === 'function' ? await settings() : settings;
        const existing = new Map((await api.getRegisteredContentScripts({ ids: IDS })).map((s) => [s.id, s]));
        const desired = desiredContentScripts(current, staticMatches);
        const gone = [...existing.keys()].filter((id) => !desired.some((d) => d.id === id));
        const changed = desired.filter((d) => existing.has(d.id) && !sameScript(existing.get(d.id)!, d));
        const added = desired.filter((d) => !existing.has(d.id));
        if (gone.length) await api.unregisterContentScripts({ ids: gone });
        if (changed.length) await api.updateContentScripts(changed);
        if (added.length) await api.registerContentScripts(added);
      } catch (e) {
        report(e);
      }
    });
    return queue;
  };
}
