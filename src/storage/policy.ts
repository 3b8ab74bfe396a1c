/**
 * Managed policy merged over the user's own settings: admin lists, accounts, approvers, dates and
 * custom sites are added first and locked (with managedApproversOnly the admin's approvers are the
 * only ones); admin policy values, categories and sites win and are locked one by one (uBlock's
 * filter-lists.js shows admin lists as disabled checkboxes). Parsing the policy is managed-policy.ts.
 */
import { browser } from 'wxt/browser';
import { normalizeHandle } from './accounts';
import type { BuiltinIds } from './builtin-ids';
import { parseManaged, type ManagedPolicy } from './managed-policy';
import { loadSettings, type LoadedSettings } from './settings';
import type { Settings } from './settings-schema';

export interface EffectiveSettings extends LoadedSettings {
  /** the user's own stored settings (what the options page edits and saves) */
  own: Settings;
  managed: ManagedPolicy;
  /** which values the admin set, shown locked: see lockKey */
  locked: Set<string>;
}

/** Keys of the `locked` set. */
export const lockKey = {
  list: (id: string) => `list:${id}`,
  account: (site: string, handle: string) => `account:${site}:${normalizeHandle(handle)}`,
  approver: (publicKey: string) => `approver:${publicKey}`,
  /** the admin set managedApproversOnly: the user's own approvers do not count */
  managedApproversOnly: 'managedApproversOnly',
  category: (c: string) => `category:${c}`,
  policy: (field: string) => `policy:${field}`,
  rule: (id: string) => `rule:${id}`,
  site: (id: string) => `site:${id}`,
  customSite: (origin: string) => `customSite:${origin}`,
  date: (id: string) => `date:${id}`,
  audit: (field: string) => `audit:${field}`,
  unknownAccountKind: 'unknownAccountKind',
  anyTextBox: 'anyTextBox',
} as const;

/** Items of `own` whose key the admin's items do not already have, after the admin's. */
function adminFirst<T>(admin: readonly T[], own: readonly T[], key: (t: T) => string): T[] {
  const taken = new Set(admin.map(key));
  return [...admin, ...own.filter((t) => !taken.has(key(t)))];
}

export function mergePolicy(own: Settings, managed: ManagedPolicy): { settings: Settings; locked: Set<string> } {
  const locked = new Set<string>();
  // shallow: every field below is replaced, never mutated, except policy and audit (copied); a
  // deep clone of a 10,000-entry list on every render of the options page would cost ~100 ms
  const s: Settings = { ...own, policy: { ...own.policy }, audit: { ...own.audit } };
  const lockAll = <T>(items: readonly T[] | undefined, key: (t: T) => string) => items?.forEach((t) => locked.add(key(t)));
  const accountKey = (a: { site: string; handle: string }) => lockKey.account(a.site, a.handle);

  if (managed.lists) {
    lockAll(managed.lists, (l) => lockKey.list(l.id));
    s.lists = adminFirst(managed.lists, own.lists, (l) => l.id);
  }
  if (managed.accounts) {
    lockAll(managed.accounts, accountKey);
    s.accounts = adminFirst(managed.accounts, own.accounts, accountKey);
  }
  if (managed.approvers) {
    lockAll(managed.approvers, (a) => lockKey.approver(a.publicKey));
    s.approvers = adminFirst(managed.approvers, own.approvers, (a) => a.publicKey);
  }
  if (managed.managedApproversOnly) {
    // Self-approval is detected per key, so an approver list the user can extend lets a requester
    // add a second key of their own (another profile) and approve themselves (approval.md, threat
    // model). Locked, the user's own approvers are left out of what is in force: verification,
    // requests and the N-of-M checks all read `approvers` from here. The options page shows them
    // disabled (own minus effective).
    locked.add(lockKey.managedApproversOnly);
    s.approvers = [...(managed.approvers ?? [])];
  }
  if (managed.categories) {
    for (const k of Object.keys(managed.categories)) locked.add(lockKey.category(k));
    s.categories = { ...own.categories, ...managed.categories };
  }
  if (managed.policy) {
    for (const [k, v] of Object.entries(managed.policy)) {
      if (v === undefined) continue;
      locked.add(lockKey.policy(k));
      (s.policy as Record<string, unknown>)[k] = v;
    }
  }
  if (managed.disabledRules) {
    // the admin's switched-off rules stay off; the user may switch off more
    lockAll(managed.disabledRules, lockKey.rule);
    s.disabledRules = [...new Set([...managed.disabledRules, ...own.disabledRules])];
  }
  if (managed.unknownAccountKind) {
    locked.add(lockKey.unknownAccountKind);
    s.unknownAccountKind = managed.unknownAccountKind;
  }
  if (managed.sites) {
    for (const k of Object.keys(managed.sites)) locked.add(lockKey.site(k));
    s.sites = { ...own.sites, ...managed.sites };
  }
  if (managed.customSites) {
    lockAll(managed.customSites, (c) => lockKey.customSite(c.origin));
    s.customSites = adminFirst(managed.customSites, own.customSites, (c) => c.origin);
  }
  if (managed.anyTextBox !== undefined) {
    locked.add(lockKey.anyTextBox);
    s.anyTextBox = managed.anyTextBox;
  }
  if (managed.dates) {
    lockAll(managed.dates, (d) => lockKey.date(d.id));
    s.dates = adminFirst(managed.dates, own.dates, (d) => d.id);
  }
  if (managed.audit) {
    for (const [k, v] of Object.entries(managed.audit)) {
      if (v === undefined) continue;
      locked.add(lockKey.audit(k));
      (s.audit as Record<string, unknown>)[k] = v;
    }
  }
  return { settings: s, locked };
}

export async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {}; // no policy installed (or Firefox without a policy file)
  }
}

/**
 * The settings in force. `builtin`: what the built-ins name, so the policy's ids are checked
 * against them (parseManaged); the service worker and the options page pass it, the popup, which
 * only reads the checklist and the approval settings, need not.
 */
export async function loadEffectiveSettings(builtin?: BuiltinIds): Promise<EffectiveSettings> {
  const own = await loadSettings();
  const { managed, problems } = parseManaged(await readManaged(), builtin);
  const { settings, locked } = mergePolicy(own.settings, managed);
  return { settings, own: own.settings, problems: [...own.problems, ...problems], managed, locked };
}
