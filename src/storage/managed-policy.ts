/**
 * Reading an admin's managed policy (chrome.storage.managed; schema in public/managed_schema.json)
 * item by item: a value of the wrong shape is ignored and reported, never fatal (uBlock's
 * applyAdminConfig ignores values whose type differs). Chrome has already dropped values that
 * break the schema; this also covers Firefox's policies.json, which no schema checks.
 */
import { z } from 'zod';
import { SensitiveDateSchema } from '../engine/context/calendar';
import { CategorySchema } from '../engine/finding';
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
