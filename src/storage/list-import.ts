/**
 * Import and export of company word lists, as CSV (list-csv.ts) or JSON in the format of
 * dictionaries/*.json (`{ "name", "entries": [...] }`, or a bare array of entries). An import
 * either yields every entry, validated, or every problem with its line: never a part of the file.
 */
import { NamedListsSchema, type Entry, type NamedLists } from '../engine/dictionary/schema';
import { formatCsv, parseCsv } from './csv';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines';
import { columnOf, CSV_COLUMNS, entryToRow, readHeader, rowToRaw } from './list-csv';
import { validateEntries, type LocatedIssue, type TakenIds } from './list-validate';

export type ListFormat = 'csv' | 'json';

export type ImportResult =
  | {
      ok: true;
      format: ListFormat;
      entries: Entry[];
      /** the file's own list name (JSON) */
      name?: string;
      /** the file's named word lists (JSON `"lists"`), checked for shape; references are checked when the engine loads the list */
      lists?: NamedLists;
    }
  | { ok: false; format: ListFormat; issues: LocatedIssue[] };

/** By extension, else by content. */
export function detectFormat(fileName: string, text: string): ListFormat {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

export function importList(text: string, format: ListFormat, options: { taken?: TakenIds } = {}): ImportResult {
  return format === 'csv' ? importCsv(text, options.taken) : importJson(text, options.taken);
}

function importCsv(text: string, taken: TakenIds | undefined): ImportResult {
  const { records, errors } = parseCsv(text);
  const issues: LocatedIssue[] = errors.map((e) => ({ line: e.line, message: e.message }));
  const [header, ...rows] = records;
  if (!header) {
    if (!issues.length) issues.push({ line: 1, message: `the file is empty (expected a header row: ${CSV_COLUMNS.join(',')})` });
    return { ok: false, format: 'csv', issues };
  }
  const { columns, errors: headerErrors } = readHeader(header.fields);
  if (headerErrors.length) {
    issues.push(...headerErrors.map((message) => ({ line: header.line, message })));
    return { ok: false, format: 'csv', issues: sortIssues(issues) };
  }
  const raws: Array<Record<string, unknown>> = [];
  rows.forEach((r) => {
    const { raw, errors: cellErrors } = rowToRaw(r.fields, columns);
    const id = typeof raw.id === 'string' ? raw.id : undefined;
    if (r.fields.length > header.fields.length) {
      issues.push({ line: r.line, id, message: `${r.fields.length} fields but the header has ${header.fields.length} (a comma inside a cell needs "quotes")` });
    }
    for (const e of cellErrors) issues.push({ line: r.line, id, field: e.field, message: e.message });
    raws.push(raw);
  });
  const result = validateEntries(raws, {
    taken,
    lineOf: (i) => rows[i]!.line,
    fieldOf: (i, path) => columnOf(path, raws[i]!),
  });
  issues.push(...result.issues);
  if (issues.length) return { ok: false, format: 'csv', issues: sortIssues(issues) };
  return { ok: true, format: 'csv', entries: result.entries };
}

function importJson(text: string, taken: TakenIds | undefined): ImportResult {
  let located;
  try {
    located = parseJsonWithLines(text);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, format: 'json', issues: [{ line: e.line, message: `not valid JSON: ${e.message}` }] };
    throw e;
  }
  const { value, lineOf } = located;
  let raws: unknown[];
  let prefix: Array<string | number> = [];
  let name: string | undefined;
  let lists: NamedLists | undefined;
  const issues: LocatedIssue[] = [];
  if (Array.isArray(value)) raws = value;
  else if (value && typeof value === 'object' && Array.isArray((value as { entries?: unknown }).entries)) {
    const file = value as Record<string, unknown>;
    raws = file.entries as unknown[];
    prefix = ['entries'];
    for (const key of Object.keys(file)) {
      if (!['$schema', 'name', 'description', 'entries', 'lists'].includes(key)) issues.push({ line: lineOf([key]), field: key, message: `unknown key "${key}" in a list file` });
    }
    if (file.name !== undefined && (typeof file.name !== 'string' || file.name.trim() === '')) issues.push({ line: lineOf(['name']), field: 'name', message: 'name must be a non-empty string' });
    else if (typeof file.name === 'string') name = file.name.trim();
    if (file.lists !== undefined) {
      const parsed = NamedListsSchema.safeParse(file.lists);
      if (parsed.success) lists = parsed.data;
      else for (const iss of parsed.error.issues) issues.push({ line: lineOf(['lists', ...(iss.path as Array<string | number>)]), field: ['lists', ...iss.path].join('.'), message: iss.message });
    }
  } else {
    return { ok: false, format: 'json', issues: [{ line: 1, message: 'expected a list file { "name": …, "entries": [ … ] } or an array of entries' }] };
  }
  const result = validateEntries(raws, { taken, lineOf: (i, path) => lineOf([...prefix, i, ...(path as Array<string | number>)]) });
  issues.push(...result.issues);
  if (issues.length) return { ok: false, format: 'json', issues: sortIssues(issues) };
  return { ok: true, format: 'json', entries: result.entries, name, ...(lists ? { lists } : {}) };
}

function sortIssues(issues: LocatedIssue[]): LocatedIssue[] {
  return issues.map((iss, k) => [iss, k] as const).sort((a, b) => a[0].line - b[0].line || a[1] - b[1]).map(([iss]) => iss);
}

export function exportList(list: { name: string; entries: readonly Entry[]; lists?: NamedLists }, format: ListFormat): string {
  if (format === 'json') return `${JSON.stringify({ name: list.name, ...(list.lists ? { lists: list.lists } : {}), entries: list.entries }, null, 2)}\n`;
  return formatCsv([[...CSV_COLUMNS], ...list.entries.map(entryToRow)]);
}

/** "販促 NG/2025" → "販促-NG-2025.csv" */
export function exportFileName(name: string, format: ListFormat): string {
  const base = name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'kakunin-list';
  return `${base}.${format}`;
}
