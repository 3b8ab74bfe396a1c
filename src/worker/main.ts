/**
 * Background wiring: the message router and its handlers over the engine host, settings and the
 * audit log. Listeners are registered synchronously (MV3: a restarted worker must have them before
 * the first event is delivered).
 */
import { browser } from 'wxt/browser';
import { createRouter, type Handlers } from '../messaging/router';
import { builtinIds } from '../rules/builtin';
import { resolveAccountKind } from '../storage/accounts';
import { AuditLog } from '../storage/audit-log';
import { migrateIdentity } from '../storage/identity';
import { loadEffectiveSettings, type EffectiveSettings } from '../storage/policy';
import { watchSettings } from '../storage/settings';
import { scheduleAuditPruning } from './audit-retention';
import { createContentScriptSync, type ScriptingApi } from './content-scripts';
import { decideHold } from './decide-hold';
import { createEngineHost, today } from './engine-host';
import { pageEnabled } from './page-config';
import { approvalHandlers } from './handlers/approval-handlers';

export const DICTIONARY_PATH = '/dict/ipadic.kkd';
export const SNAPSHOT_PATH = '/dict/builtin-index.kix';
export const MODEL_PATH = '/dict/model.kkm';

export function startBackground(): void {
  const host = createEngineHost(async () => {
    // Built by the WXT hook, so not in WXT's generated PublicPath union.
    const res = await fetch((browser.runtime.getURL as (path: string) => string)(DICTIONARY_PATH));
    if (!res.ok) throw new Error(`tokenizer dictionary: HTTP ${res.status}`);
    return res.arrayBuffer();
  }, async () => {
    const res = await fetch((browser.runtime.getURL as (path: string) => string)(SNAPSHOT_PATH));
    return res.ok ? res.arrayBuffer() : undefined;
  }, async () => {
    const res = await fetch((browser.runtime.getURL as (path: string) => string)(MODEL_PATH));
    return res.ok ? res.arrayBuffer() : undefined;
  });
  // The fetches first: everything below keeps the worker busy for a while, and they run meanwhile.
  host.preload();
  const audit = new AuditLog();
  let settings: Promise<EffectiveSettings> | undefined;
  // the policy's ids are checked against the built-ins as it is read (problems in the options page)
  const current = () => (settings ??= loadEffectiveSettings(builtinIds()));
  // Mastodon instances and any-text-box sites added in options get their content scripts at
  // runtime (src/worker/content-scripts.ts); re-synced on every settings change.
  const syncScripts = createContentScriptSync(
    browser.scripting as unknown as ScriptingApi,
    (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []),
  );
  // Settings are read when the sync's turn comes, so the newest settings always win.
  const resyncScripts = () => void syncScripts(async () => (await current()).settings);
  watchSettings(() => {
    settings = undefined;
    resyncScripts();
  });
  resyncScripts();

  const handlers: Handlers = {
    async checkDraft({ text, context }) {
      const { settings: s } = await current();
      const account = context.account ?? resolveAccountKind(s, context.site, context.handle);
      const findings = await host.check(text, { account, site: context.site, date: context.date ?? today() }, s);
      return { findings, account, hold: decideHold(findings, account, s.policy) };
    },
    async getPageConfig({ site, host }) {
      const { settings: s } = await current();
      return { enabled: pageEnabled(s, site, host), holdAt: s.policy.holdAt, allowOverride: s.policy.allowOverride };
    },
    getEngineStatus: () => host.status(),
    ...approvalHandlers({
      settings: async () => (await current()).settings,
      audit,
      check: async (text, context) => handlers.checkDraft({ type: 'checkDraft', text, context }, {}),
      approvalPageUrl: (browser.runtime.getURL as (path: string) => string)('/approve.html'),
      now: Date.now,
    }),
  };
  browser.runtime.onMessage.addListener(createRouter(handlers) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);

  // Load the tokenizer as soon as the worker starts, so the first draft is checked without waiting.
  void current().then((s) => host.warm(s.settings));
  // A key stored by an earlier version as a JWK in storage.local (readable by content scripts)
  // moves into IndexedDB now, not only when first used; a failure is retried at the next read.
  migrateIdentity().catch((e: unknown) => console.warn('Kakunin: identity migration failed; retried on next use', e));
  scheduleAuditPruning(async () => audit.prune((await current()).settings.audit.retentionDays));
}
