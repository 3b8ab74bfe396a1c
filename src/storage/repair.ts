/**
 * Repairs a stored settings value as finely as possible: a bad account, approver, date or list
 * entry is dropped on its own (and reported), not the whole field with it. What is dropped is
 * never lost: settings.ts keeps the original value in a backup before anything overwrites it.
 */
import type { z } from 'zod';
import { SensitiveDateSchema } from '../engine/context/calendar';
import { EntrySchema } from '../engine/dictionary/schema';
import { CategorySchema } from '../engine/finding';
import {
  AccountSchema,
  ApproverSchema,
  CustomSiteSchema,
  DEFAULT_SETTINGS,
  PolicySchema,
  SettingsSchema,
  SiteIdSchema,
  type CompanyList,
  type Settings,
} from './settings-schema';

type Report = (problem: string) => void;
type Repairer = (value: unknown, report: Report, key: string) => unknown;

const firstMessage = (e: z.ZodError) => {
  const i = e.issues[0];
  return i ? `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}` : 'invalid';
};

const describeItem = (item: unknown): string => {
  if (!item || typeof item !== 'object') return '';
  const o = item as Record<string, unknown>;
  const label = [o.id, o.name, o.handle, o.origin].find((v) => typeof v === 'string');
  return label ? ` (${String(label)})` : '';
};

/** Keeps the valid items of an array. */
const items =
  (schema: z.ZodType): Repairer =>
  (value, report, key) => {
    if (!Array.isArray(value)) {
      report(`settings.${key} was not a list and was reset`);
      return [];
    }
    return value.flatMap((item, i) => {
      const r = schema.safeParse(item);
      if (r.success) return [r.data];
      report(`settings.${key}[${i}]${describeItem(item)} was invalid and was removed (${firstMessage(r.error)})`);
      return [];
    });
  };

/** Keeps the valid fields of an object; defaults for the rest. */
const fields =
  (schema: z.ZodObject): Repairer =>
  (value, report, key) => {
    const source = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    if (source !== value) report(`settings.${key} was not an object and was reset`);
    const out: Record<string, unknown> = {};
    for (const [k, s] of Object.entries(schema.shape)) {
      const r = (s as z.ZodType).safeParse(source[k]);
      if (r.success) out[k] = r.data;
      else report(`settings.${key}.${k} was invalid and was reset (${firstMessage(r.error)})`);
    }
    return schema.parse(out);
  };

/** Keeps the valid keys of a record. */
const entries =
  (keySchema: z.ZodType, valueSchema: z.ZodType): Repairer =>
  (value, report, key) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      report(`settings.${key} was not an object and was reset`);
      return {};
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (keySchema.safeParse(k).success && valueSchema.safeParse(v).success) out[k] = v;
      else report(`settings.${key}.${k} was invalid and was removed`);
    }
    return out;
  };

/** A list keeps its valid entries; a list without an id or name gets one. */
const lists: Repairer = (value, report, key) => {
  if (!Array.isArray(value)) {
    report(`settings.${key} was not a list and was reset`);
    return [];
  }
  const out: CompanyList[] = [];
  value.forEach((raw, i) => {
    if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { entries?: unknown }).entries)) {
      report(`settings.${key}[${i}]${describeItem(raw)} was not a word list and was removed`);
      return;
    }
    const l = raw as Record<string, unknown>;
    const name = typeof l.name === 'string' && l.name.trim() ? l.name : `List ${i + 1}`;
    const id = typeof l.id === 'string' && l.id ? l.id : `list-repaired-${i + 1}`;
    const kept = (l.entries as unknown[]).flatMap((e, j) => {
      const r = EntrySchema.safeParse(e);
      if (r.success) return [r.data];
      report(`word list "${name}": entry ${j + 1}${describeItem(e)} was invalid and was removed (${firstMessage(r.error)})`);
      return [];
    });
    out.push({ id, name, enabled: typeof l.enabled === 'boolean' ? l.enabled : true, entries: kept });
  });
  return out;
};

const REPAIRERS: Partial<Record<keyof Settings, Repairer>> = {
  lists,
  accounts: items(AccountSchema),
  approvers: items(ApproverSchema),
  customSites: items(CustomSiteSchema),
  dates: items(SensitiveDateSchema),
  categories: entries(CategorySchema, SettingsSchema.shape.categories.unwrap().valueType),
  sites: entries(SiteIdSchema, SettingsSchema.shape.sites.unwrap().valueType),
  disabledRules: items(SettingsSchema.shape.disabledRules.unwrap().element),
  policy: fields(PolicySchema),
  audit: fields(SettingsSchema.shape.audit.unwrap()),
};

/** Field by field: valid fields are kept as they are, invalid ones repaired or reset. */
export function repairFields(value: Record<string, unknown>, report: Report): Settings {
  const repaired: Record<string, unknown> = { version: DEFAULT_SETTINGS.version };
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    if (key === 'version') continue;
    const field = (schema as z.ZodType).safeParse(value[key]);
    if (field.success) {
      repaired[key] = field.data;
      continue;
    }
    const repair = REPAIRERS[key as keyof Settings];
    if (repair && value[key] !== undefined) repaired[key] = repair(value[key], report, key);
    else {
      repaired[key] = DEFAULT_SETTINGS[key as keyof Settings];
      report(`settings.${key} was invalid and was reset (${firstMessage(field.error)})`);
    }
  }
  const whole = SettingsSchema.safeParse(repaired);
  if (whole.success) return whole.data;
  report(`settings could not be repaired (${firstMessage(whole.error)}); defaults used`);
  return DEFAULT_SETTINGS;
}
