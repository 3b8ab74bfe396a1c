/**
 * Managed policy (an admin's chrome.storage.managed, schema in public/managed_schema.json) merged
 * over the user's own settings: admin lists, accounts and approvers are added and locked; admin
 * policy values and category settings win. Values of the wrong shape are ignored and reported
 * (uBlock's applyAdminConfig does the same), never crash.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { loadSettings, type LoadedSettings } from './settings';
import { PolicySchema, SettingsSchema, type Settings } from './settings-schema';

const shape = SettingsSchema.shape;
export const ManagedPolicySchema = z.object({
  lists: shape.lists.removeDefault().optional(),
  categories: shape.categories.removeDefault().optional(),
  disabledRules: shape.disabledRules.removeDefault().optional(),
  accounts: shape.accounts.removeDefault().optional(),
  unknownAccountKind: shape.unknownAccountKind.removeDefault().optional(),
  approvers: shape.approvers.removeDefault().optional(),
  // each policy field on its own, without defaults: an admin who sets holdAt locks only holdAt
  policy: z
    .object({
      holdAt: PolicySchema.shape.holdAt.removeDefault().optional(),
      companyAlwaysNeedsApproval: PolicySchema.shape.companyAlwaysNeedsApproval.removeDefault().optional(),
      requiredApprovals: PolicySchema.shape.requiredApprovals.removeDefault().optional(),
      approvalTtlHours: PolicySchema.shape.approvalTtlHours.removeDefault().optional(),
      allowOverride: PolicySchema.shape.allowOverride.removeDefault().optional(),
    })
    .optional(),
  sites: shape.sites.removeDefault().optional(),
  customSites: shape.customSites.removeDefault().optional(),
  dates: shape.dates.removeDefault().optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

export interface EffectiveSettings extends LoadedSettings {
  managed: ManagedPolicy;
  /** which top-level settings (and list/account/approver ids) the admin set: shown locked */
  locked: Set<string>;
}

export function parseManaged(raw: unknown): { managed: ManagedPolicy; problems: string[] } {
  const problems: string[] = [];
  const managed: Record<string, unknown> = {};
  if (raw && typeof raw === 'object') {
    for (const [key, schema] of Object.entries(ManagedPolicySchema.shape)) {
      const value = (raw as Record<string, unknown>)[key];
      if (value === undefined) continue;
      const parsed = schema.safeParse(value);
      if (parsed.success) managed[key] = parsed.data;
      else problems.push(`managed policy "${key}" ignored: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
  }
  return { managed: managed as ManagedPolicy, problems };
}

export function mergePolicy(own: Settings, managed: ManagedPolicy): { settings: Settings; locked: Set<string> } {
  const locked = new Set<string>();
  const s: Settings = structuredClone(own);
  if (managed.lists) {
    for (const l of managed.lists) locked.add(`list:${l.id}`);
    s.lists = [...managed.lists, ...own.lists.filter((l) => !managed.lists!.some((m) => m.id === l.id))];
  }
  if (managed.accounts) {
    for (const a of managed.accounts) locked.add(`account:${a.site}:${a.handle.toLowerCase()}`);
    s.accounts = [...managed.accounts, ...own.accounts];
  }
  if (managed.approvers) {
    for (const a of managed.approvers) locked.add(`approver:${a.publicKey}`);
    s.approvers = [...managed.approvers, ...own.approvers.filter((a) => !managed.approvers!.some((m) => m.publicKey === a.publicKey))];
  }
  if (managed.categories) {
    for (const k of Object.keys(managed.categories)) locked.add(`category:${k}`);
    s.categories = { ...own.categories, ...managed.categories };
  }
  if (managed.policy) {
    for (const [k, v] of Object.entries(managed.policy)) {
      if (v === undefined) continue;
      locked.add(`policy:${k}`);
      (s.policy as Record<string, unknown>)[k] = v;
    }
  }
  if (managed.disabledRules) {
    locked.add('disabledRules');
    s.disabledRules = [...new Set([...managed.disabledRules, ...own.disabledRules])];
  }
  if (managed.unknownAccountKind) {
    locked.add('unknownAccountKind');
    s.unknownAccountKind = managed.unknownAccountKind;
  }
  if (managed.sites) {
    for (const k of Object.keys(managed.sites)) locked.add(`site:${k}`);
    s.sites = { ...own.sites, ...managed.sites };
  }
  if (managed.customSites) {
    for (const c of managed.customSites) locked.add(`customSite:${c.origin}`);
    s.customSites = [...managed.customSites, ...own.customSites.filter((c) => !managed.customSites!.some((m) => m.origin === c.origin))];
  }
  if (managed.dates) {
    for (const d of managed.dates) locked.add(`date:${d.id}`);
    s.dates = [...managed.dates, ...own.dates.filter((d) => !managed.dates!.some((m) => m.id === d.id))];
  }
  return { settings: s, locked };
}

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get(null);
  } catch {
    return {}; // no policy installed (or Firefox without a policy file)
  }
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const own = await loadSettings();
  const { managed, problems } = parseManaged(await readManaged());
  const { settings, locked } = mergePolicy(own.settings, managed);
  return { settings, problems: [...own.problems, ...problems], managed, locked };
}
