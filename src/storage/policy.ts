/**
 * Managed policy (an admin's chrome.storage.managed, schema in public/managed_schema.json) merged
 * over the user's own settings: admin lists, accounts, approvers, dates and custom sites are added
 * and locked; admin policy values, categories and sites win and are locked one by one. Values of
 * the wrong shape are ignored item by item and reported (uBlock's applyAdminConfig ignores values
 * whose type differs), never crash. Chrome has already dropped values that break the schema.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { SensitiveDateSchema } from '../engine/context/calendar';
import { CategorySchema } from '../engine/finding';
import { normalizeHandle } from './accounts';
import { importList } from './list-import';
import { validateEntries } from './list-validate';
import { loadSettings, type LoadedSettings } from './settings';
import {
  AccountSchema,
  ApproverSchema,
  CustomSiteSchema,
  PolicySchema,
  SettingsSchema,
  SiteIdSchema,
  type CompanyList,
  type Settings,
} from './settings-schema';

const shape = SettingsSchema.shape;
const optionalFields = <T extends z.ZodRawShape>(o: z.ZodObject<T>) =>
  z.object(Object.fromEntries(Object.entries(o.shape).map(([k, s]) => [k, unwrapDefault(s as z.ZodType).optional()])) as { [K in keyof T]: z.ZodOptional<z.ZodType<z.output<T[K]>>> });
function unwrapDefault(s: z.ZodType): z.ZodType {
  return s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : s;
}

/** What an admin may set. Lists may come as entries, or as `json`: a whole list file's text. */
export const ManagedListSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  enabled: z.boolean().optional(),
  entries: z.array(z.unknown()).optional(),
  json: z.string().optional(),
});

export const ManagedPolicySchema = z.object({
  lists: z.array(z.custom<CompanyList>()).optional(),
  categories: shape.categories.unwrap().optional(),
  disabledRules: shape.disabledRules.unwrap().optional(),
  accounts: shape.accounts.unwrap().optional(),
  unknownAccountKind: shape.unknownAccountKind.unwrap().optional(),
  approvers: shape.approvers.unwrap().optional(),
  // each policy field on its own, without defaults: an admin who sets holdAt locks only holdAt
  policy: optionalFields(PolicySchema).optional(),
  sites: shape.sites.unwrap().optional(),
  customSites: shape.customSites.unwrap().optional(),
  anyTextBox: z.boolean().optional(),
  dates: shape.dates.unwrap().optional(),
  audit: optionalFields(shape.audit.unwrap()).optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;
export const MANAGED_KEYS = Object.keys(ManagedPolicySchema.shape) as Array<keyof ManagedPolicy>;

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

type Report = (problem: string) => void;
const why = (e: z.ZodError) => e.issues[0]?.message ?? 'invalid';

function validItems<T>(key: string, value: unknown, schema: z.ZodType<T>, report: Report): T[] | undefined {
  if (!Array.isArray(value)) {
    report(`managed policy "${key}" ignored: expected a list`);
    return undefined;
  }
  return value.flatMap((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) return [r.data];
    report(`managed policy "${key}[${i}]" ignored: ${why(r.error)}`);
    return [];
  });
}

function validFields<T extends Record<string, unknown>>(key: string, value: unknown, schema: z.ZodObject, report: Report): Partial<T> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    report(`managed policy "${key}" ignored: expected an object`);
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const s = schema.shape[k] as z.ZodType | undefined;
    if (!s) {
      report(`managed policy "${key}.${k}" ignored: unknown setting`);
      continue;
    }
    const r = s.safeParse(v);
    if (r.success) out[k] = r.data;
    else report(`managed policy "${key}.${k}" ignored: ${why(r.error)}`);
  }
  return out as Partial<T>;
}

/** An admin list is taken whole or not at all, like an import: a list with any bad entry is refused. */
function managedLists(value: unknown, report: Report): CompanyList[] | undefined {
  const lists = validItems('lists', value, ManagedListSchema, report);
  return lists?.flatMap((l) => {
    const entries: unknown[] = [...(l.entries ?? [])];
    const problems: string[] = [];
    if (l.json !== undefined) {
      const r = importList(l.json, 'json');
      if (r.ok) entries.push(...r.entries);
      else problems.push(...r.issues.map((i) => `json line ${i.line}: ${i.field ? `${i.field}: ` : ''}${i.message}`));
    }
    const { entries: valid, issues } = validateEntries(entries, { lineOf: (i) => i + 1 });
    problems.push(...issues.map((i) => `entry ${i.line}${i.id ? ` (${i.id})` : ''}: ${i.field ? `${i.field}: ` : ''}${i.message}`));
    if (problems.length) {
      report(`managed word list "${l.name}" ignored: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
      return [];
    }
    return [{ id: l.id, name: l.name, enabled: l.enabled ?? true, entries: valid }];
  });
}

export function parseManaged(raw: unknown): { managed: ManagedPolicy; problems: string[] } {
  const problems: string[] = [];
  const report: Report = (p) => problems.push(p);
  const m: Record<string, unknown> = {};
  if (!raw || typeof raw !== 'object') return { managed: {}, problems };
  const source = raw as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (!(MANAGED_KEYS as string[]).includes(key)) report(`managed policy "${key}" ignored: unknown setting`);
  }
  const set = (key: keyof ManagedPolicy, v: unknown) => {
    if (v !== undefined) m[key] = v;
  };
  const single = (key: keyof ManagedPolicy, schema: z.ZodType) => {
    if (source[key] === undefined) return;
    const r = schema.safeParse(source[key]);
    if (r.success) set(key, r.data);
    else report(`managed policy "${key}" ignored: ${why(r.error)}`);
  };
  const record = (key: 'categories' | 'sites', keySchema: z.ZodType, valueSchema: z.ZodType) => {
    const v = source[key];
    if (v === undefined) return;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return report(`managed policy "${key}" ignored: expected an object`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (keySchema.safeParse(k).success && valueSchema.safeParse(x).success) out[k] = x;
      else report(`managed policy "${key}.${k}" ignored: invalid`);
    }
    set(key, out);
  };
  if (source.lists !== undefined) set('lists', managedLists(source.lists, report));
  record('categories', CategorySchema, shape.categories.unwrap().valueType);
  if (source.disabledRules !== undefined) set('disabledRules', validItems('disabledRules', source.disabledRules, z.string().min(1), report));
  if (source.accounts !== undefined) set('accounts', validItems('accounts', source.accounts, AccountSchema, report));
  single('unknownAccountKind', shape.unknownAccountKind.unwrap());
  if (source.approvers !== undefined) set('approvers', validItems('approvers', source.approvers, ApproverSchema, report));
  if (source.policy !== undefined) set('policy', validFields('policy', source.policy, optionalFields(PolicySchema), report));
  record('sites', SiteIdSchema, z.boolean());
  if (source.customSites !== undefined) set('customSites', validItems('customSites', source.customSites, CustomSiteSchema, report));
  single('anyTextBox', z.boolean());
  if (source.dates !== undefined) set('dates', validItems('dates', source.dates, SensitiveDateSchema, report));
  if (source.audit !== undefined) set('audit', validFields('audit', source.audit, optionalFields(shape.audit.unwrap()), report));
  return { managed: m as ManagedPolicy, problems };
}

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

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const own = await loadSettings();
  const { managed, problems } = parseManaged(await readManaged());
  const { settings, locked } = mergePolicy(own.settings, managed);
  return { settings, own: own.settings, problems: [...own.problems, ...problems], managed, locked };
}
