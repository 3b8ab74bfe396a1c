/**
 * Reading an admin's managed policy (chrome.storage.managed; schema in public/managed_schema.json)
 * item by item: a value of the wrong shape is ignored and reported, never fatal (uBlock's
 * applyAdminConfig ignores values whose type differs). Chrome has already dropped values that
 * break the schema; this also covers Firefox's policies.json, which no schema checks.
 *
 * Ids are checked as the engine will use them: an admin list whose entry ids are taken (by the
 * built-ins or an earlier admin list) is refused whole, and a date whose id is a built-in day or an
 * earlier admin date is ignored, rather than left for the engine to drop quietly. Switched-off rule
 * ids that name no rule are reported (they switch nothing off). Checks against the built-ins need
 * them handed in (BuiltinIds); without them (the popup) the policy is checked against itself only.
 */
import { z } from 'zod';
import { SensitiveDateSchema, type SensitiveDate } from '../engine/context/calendar';
import { CategorySchema } from '../engine/finding';
import { entryIds, NamedListsSchema, type NamedLists } from '../engine/dictionary/schema';
import { describeUnknownRule, unknownRuleIds, type BuiltinIds } from './builtin-ids';
import { importList } from './list-import';
import { validateEntries } from './list-validate';
import {
  AccountSchema,
  ApproverSchema,
  CustomSiteSchema,
  PolicySchema,
  SettingsSchema,
  SiteIdSchema,
  type CompanyList,
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
  /** named word lists (`{name}` in the list's phrases), as in a list file */
  lists: z.unknown().optional(),
  json: z.string().optional(),
});

export const ManagedPolicySchema = z.object({
  lists: z.array(z.custom<CompanyList>()).optional(),
  categories: shape.categories.unwrap().optional(),
  disabledRules: shape.disabledRules.unwrap().optional(),
  accounts: shape.accounts.unwrap().optional(),
  unknownAccountKind: shape.unknownAccountKind.unwrap().optional(),
  approvers: shape.approvers.unwrap().optional(),
  /**
   * Only the admin's `approvers` count: approvers a user added are ignored (not merged), so a
   * requester cannot add a second key of their own and approve their own post. Admin-only: it is
   * not a user setting.
   */
  managedApproversOnly: z.boolean().optional(),
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

const upTo = (items: string[], n: number, sep: string) => `${items.slice(0, n).join(sep)}${items.length > n ? ` (and ${items.length - n} more)` : ''}`;

/**
 * An admin list is taken whole or not at all, like an import: a list with any bad entry is refused,
 * and so is a list with an entry id already used by a built-in entry or an earlier admin list (the
 * engine would leave it out: engine/dictionary/compile.ts), or with an earlier admin list's id.
 */
function managedLists(value: unknown, report: Report, builtin: BuiltinIds | undefined): CompanyList[] | undefined {
  const lists = validItems('lists', value, ManagedListSchema, report);
  const taken = new Map(builtin?.entries);
  const listIds = new Map<string, string>();
  return lists?.flatMap((l) => {
    const firstWithId = listIds.get(l.id);
    if (firstWithId !== undefined) {
      report(`managed word list "${l.name}" ignored: list id "${l.id}" is already used by managed list "${firstWithId}"`);
      return [];
    }
    const entries: unknown[] = [...(l.entries ?? [])];
    const problems: string[] = [];
    let named: NamedLists | undefined;
    if (l.lists !== undefined) {
      const parsed = NamedListsSchema.safeParse(l.lists);
      if (parsed.success) named = parsed.data;
      else problems.push(...parsed.error.issues.map((i) => `lists.${i.path.join('.')}: ${i.message}`));
    }
    if (l.json !== undefined) {
      const r = importList(l.json, 'json');
      if (r.ok) {
        entries.push(...r.entries);
        if (r.lists) named = { ...r.lists, ...named };
      }
      else problems.push(...r.issues.map((i) => `json line ${i.line}: ${i.field ? `${i.field}: ` : ''}${i.message}`));
    }
    const { entries: valid, issues } = validateEntries(entries, { lineOf: (i) => i + 1 });
    problems.push(...issues.map((i) => `entry ${i.line}${i.id ? ` (${i.id})` : ''}: ${i.field ? `${i.field}: ` : ''}${i.message}`));
    if (problems.length) {
      report(`managed word list "${l.name}" ignored: ${upTo(problems, 5, '; ')}`);
      return [];
    }
    const collisions = valid.flatMap(entryIds).flatMap((id) => (taken.has(id) ? [`${id} (${taken.get(id)})`] : []));
    if (collisions.length) {
      report(`managed word list "${l.name}" ignored: ${collisions.length} entry ${collisions.length === 1 ? 'id is' : 'ids are'} already used: ${upTo(collisions, 20, ', ')}`);
      return [];
    }
    listIds.set(l.id, l.name);
    for (const id of valid.flatMap(entryIds)) taken.set(id, `managed list "${l.name}"`);
    return [{ id: l.id, name: l.name, enabled: l.enabled ?? true, entries: valid, ...(named ? { lists: named } : {}) }];
  });
}

/** Admin dates one by one: an id that is a built-in day, or an earlier admin date's, is ignored. */
function managedDates(value: unknown, report: Report, builtin: BuiltinIds | undefined): SensitiveDate[] | undefined {
  if (!Array.isArray(value)) return validItems('dates', value, SensitiveDateSchema, report);
  const seen = new Map<string, number>();
  return value.flatMap((item, i) => {
    const r = SensitiveDateSchema.safeParse(item);
    if (!r.success) {
      report(`managed policy "dates[${i}]" ignored: ${why(r.error)}`);
      return [];
    }
    const d = r.data;
    if (builtin?.dates.has(d.id)) {
      report(`managed policy "dates[${i}]" ignored: id "${d.id}" is a built-in sensitive date`);
      return [];
    }
    const first = seen.get(d.id);
    if (first !== undefined) {
      report(`managed policy "dates[${i}]" ignored: id "${d.id}" is already used by dates[${first}]`);
      return [];
    }
    seen.set(d.id, i);
    return [d];
  });
}

/** Switched-off ids that name no rule are kept (they are harmless) but reported, each with a near miss. */
function managedDisabledRules(value: unknown, report: Report, builtin: BuiltinIds | undefined, lists: readonly CompanyList[]): string[] | undefined {
  const ids = validItems('disabledRules', value, z.string().min(1), report);
  if (!ids || !builtin) return ids;
  const unknown = new Set(unknownRuleIds(ids, builtin, lists));
  const reported = new Set<string>();
  ids.forEach((id, i) => {
    if (!unknown.has(id) || reported.has(id)) return;
    reported.add(id);
    report(`managed policy "disabledRules[${i}]": ${describeUnknownRule(id, builtin)}; it switches nothing off`);
  });
  return ids;
}

export function parseManaged(raw: unknown, builtin?: BuiltinIds): { managed: ManagedPolicy; problems: string[] } {
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
  if (source.lists !== undefined) set('lists', managedLists(source.lists, report, builtin));
  record('categories', CategorySchema, shape.categories.unwrap().valueType);
  if (source.disabledRules !== undefined) set('disabledRules', managedDisabledRules(source.disabledRules, report, builtin, (m.lists as CompanyList[] | undefined) ?? []));
  if (source.accounts !== undefined) set('accounts', validItems('accounts', source.accounts, AccountSchema, report));
  single('unknownAccountKind', shape.unknownAccountKind.unwrap());
  if (source.approvers !== undefined) set('approvers', validItems('approvers', source.approvers, ApproverSchema, report));
  single('managedApproversOnly', z.boolean());
  if (source.policy !== undefined) set('policy', validFields('policy', source.policy, optionalFields(PolicySchema), report));
  record('sites', SiteIdSchema, z.boolean());
  if (source.customSites !== undefined) set('customSites', validItems('customSites', source.customSites, CustomSiteSchema, report));
  single('anyTextBox', z.boolean());
  if (source.dates !== undefined) set('dates', managedDates(source.dates, report, builtin));
  if (source.audit !== undefined) set('audit', validFields('audit', source.audit, optionalFields(shape.audit.unwrap()), report));
  return { managed: m as ManagedPolicy, problems };
}
