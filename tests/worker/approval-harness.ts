/**
 * Runs the background's approval and audit handlers the way the extension does: requests go
 * through the real router (zod-parsed) and replies through the real client (zod-parsed), over
 * fakeBrowser storage (managed policy included) and a fresh fake-indexeddb (audit log and the
 * identity's key), with the real src/approval.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Finding } from '../../src/engine/finding';
import { createClient } from '../../src/messaging/client';
import type { DraftContext, Request } from '../../src/messaging/protocol';
import { createRouter, type Handlers } from '../../src/messaging/router';
import { AuditLog } from '../../src/storage/audit-log';
import { IdentityDb, IdentityStore, type StoredIdentity, useIdentityStore } from '../../src/storage/identity';
import { loadEffectiveSettings } from '../../src/storage/policy';
import { saveSettings } from '../../src/storage/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/storage/settings-schema';
import { approvalHandlers } from '../../src/worker/handlers/approval-handlers';

export const APPROVE_URL = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/approve.html';

/** A checker standing in for the engine: "No.1" is a block-level compliance finding, "PR" info. */
export function fakeCheck(text: string, context: DraftContext) {
  const findings: Finding[] = [];
  for (const [word, rule, severity] of [['No.1', 'compliance/no1-claim', 'block'], ['PR', 'compliance/pr-tag', 'info']] as const) {
    const start = text.indexOf(word);
    if (start >= 0) findings.push({ category: 'compliance', severity, start, end: start + word.length, text: word, rule, message: { ja: word, en: word } });
  }
  const held = findings.some((f) => f.severity === 'block');
  return { findings, account: context.account ?? 'company', hold: { held, reason: held ? ('findings' as const) : null, allowOverride: true } };
}

export interface Harness {
  send: ReturnType<typeof createClient>;
  /** the background as extension pages reach it (runtime.sendMessage); pass a content script's sender to be one */
  transport: (message: Request, sender?: { url?: string; tab?: { id?: number } }) => Promise<unknown>;
  audit: AuditLog;
  clock: { now: number };
  checked: string[];
  /** the background's identity store, over this harness's fake-indexeddb */
  identity: IdentityStore;
}

let identity: IdentityStore;

export function setup(start = Date.UTC(2026, 0, 15, 9)): Harness {
  fakeBrowser.reset();
  const audit = new AuditLog(new IDBFactory());
  identity = new IdentityStore(new IdentityDb(new IDBFactory()));
  useIdentityStore(identity);
  const clock = { now: start };
  const checked: string[] = [];
  const handlers = {
    ...approvalHandlers({
      // as the background does: own settings with the managed policy (fakeBrowser.storage.managed) over them
      settings: async () => (await loadEffectiveSettings()).settings,
      audit,
      check: async (text, context) => {
        checked.push(text);
        return fakeCheck(text, context);
      },
      approvalPageUrl: APPROVE_URL,
      now: () => clock.now,
    }),
  } as Handlers;
  const router = createRouter(handlers);
  const transport = (message: Request, sender: { url?: string; tab?: { id?: number } } = { url: APPROVE_URL }) =>
    new Promise<unknown>((resolve) => void router(message, sender, resolve));
  return { send: createClient(transport), transport, audit, clock, checked, identity };
}

/** Each person's browser keeps its own key: switch whose key store (IndexedDB row) the worker sees. */
export async function actAs(person: StoredIdentity | undefined): Promise<void> {
  if (person) await identity.db.write(person, { replace: true });
  else await identity.db.clear();
}

/** The identity the worker holds now, as stored: its private key is a non-extractable CryptoKey. */
export async function currentIdentity(): Promise<StoredIdentity> {
  const stored = await identity.db.read();
  if (!stored) throw new Error('no identity stored in this browser');
  return stored;
}

export async function configure(change: Omit<Partial<Settings>, 'policy'> & { policy?: Partial<Settings['policy']> }): Promise<void> {
  await saveSettings({ ...DEFAULT_SETTINGS, ...change, policy: { ...DEFAULT_SETTINGS.policy, ...change.policy } });
}
