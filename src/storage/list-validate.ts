/**
 * Validates company entries the way the engine will load them, before anything is saved: the
 * zod EntrySchema, then what the schema cannot see: phrase syntax and regular expressions
 * (engine/matchers) and ids, which must be unique across the built-in lists and every company
 * list (the engine refuses a list with a duplicate id: engine/dictionary/compile.ts).
 */
import { EntrySchema, entryIds, type Entry, type Pattern } from '../engine/dictionary/schema';
import { expandPhrase } from '../engine/matchers/phrase-syntax';
import type { JsonPath } from './json-lines';

export interface EntryIssue {
  path: JsonPath;
  message: string;
}

function patternIssue(p: Pattern): string | undefined {
  try {
    // plain words are most of a big list: only phrases with syntax need expanding to be checked
    if (typeof p === 'string') {
      if (/[()[\]\\\u2026|]/.test(p)) expandPhrase(p);
      else if (p.trim() === '') return 'a phrase of only spaces matches nothing';
    } else new RegExp(p.re, `${p.flags ?? ''}g`);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const isPattern = (p: unknown): p is Pattern =>
  (typeof p === 'string' && p !== '') || (!!p && typeof p === 'object' && typeof (p as { re?: unknown }).re === 'string');
const each = (v: unknown, fn: (item: unknown, i: number) => void) => Array.isArray(v) && v.forEach(fn);

/** Phrase syntax and regular expressions; works on an unvalidated entry too (best effort). */
export function checkPatterns(e: Partial<Record<keyof Entry, unknown>>): EntryIssue[] {
  const issues: EntryIssue[] = [];
  const check = (p: unknown, path: JsonPath) => {
    if (!isPattern(p)) return; // the schema reports it
    const problem = patternIssue(p);
    if (problem) issues.push({ path, message: problem });
  };
  each(e.patterns, (p, i) => check(p, ['patterns', i]));
  each(e.requires, (g, gi) => each(g, (p, i) => check(p, ['requires', gi, i])));
  each(e.unless, (p, i) => check(p, ['unless', i]));
  each(e.allow, (p, i) => check(p, ['allow', i]));
  return issues;
}

export type ValidatedEntry = { ok: true; entry: Entry } | { ok: false; issues: EntryIssue[] };

/** One entry, as the engine would take it. */
export function validateEntry(raw: unknown): ValidatedEntry {
  const parsed = EntrySchema.safeParse(raw);
  const issues: EntryIssue[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
  if (raw && typeof raw === 'object') issues.push(...checkPatterns(raw as Record<string, unknown>));
  return parsed.success && !issues.length ? { ok: true, entry: parsed.data } : { ok: false, issues };
}

/** id → where it is already used ("built-in: dictionaries/religion.json", "list: 販促"). */
export type TakenIds = ReadonlyMap<string, string>;

export interface LocatedIssue {
  line: number;
  /** entry id when known */
  id?: string;
  /** field or CSV column */
  field?: string;
  message: string;
}

/**
 * Validates every entry and reports every problem (never only the first), each at its line.
 * `lineOf(index, path)` places an issue; the caller knows the file's layout.
 */
export function validateEntries(
  raws: readonly unknown[],
  options: { taken?: TakenIds; lineOf: (index: number, path: JsonPath) => number; fieldOf?: (index: number, path: JsonPath) => string | undefined },
): { entries: Entry[]; issues: LocatedIssue[] } {
  const entries: Entry[] = [];
  const issues: LocatedIssue[] = [];
  const seen = new Map<string, number>();
  const field = (i: number, path: JsonPath) => options.fieldOf?.(i, path) ?? (path.length ? path.map(String).join('.') : undefined);
  raws.forEach((raw, i) => {
    const rawId = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
    const result = validateEntry(raw);
    if (!result.ok) {
      for (const iss of result.issues) issues.push({ line: options.lineOf(i, iss.path), id: rawId, field: field(i, iss.path), message: iss.message });
      return;
    }
    const { entry } = result;
    // the entry's own id, then its `also` ids: each must be unused
    const idIssues: LocatedIssue[] = [];
    const ids = entryIds(entry);
    ids.forEach((id, k) => {
      const path: JsonPath = k === 0 ? ['id'] : ['also', k - 1, 'id'];
      const first = seen.get(id);
      const where = options.taken?.get(id);
      if (first !== undefined) idIssues.push({ line: options.lineOf(i, path), id: entry.id, field: field(i, path), message: `duplicate id "${id}" (first on line ${options.lineOf(first, ['id'])})` });
      else if (where !== undefined) idIssues.push({ line: options.lineOf(i, path), id: entry.id, field: field(i, path), message: `id "${id}" is already used (${where})` });
    });
    if (idIssues.length) {
      issues.push(...idIssues);
      return;
    }
    for (const id of ids) seen.set(id, i);
    entries.push(entry);
  });
  return { entries, issues };
}
