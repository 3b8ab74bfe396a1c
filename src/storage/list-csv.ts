/**
 * The CSV layout of a company word list (docs/company-lists.md): one entry per row, a header row
 * naming the columns (any order; names are case-insensitive):
 *
 *   id, category, severity, patterns, regex, message_ja, message_en, suggestion_ja,
 *   suggestion_en, basis, note, extra
 *
 * - `patterns`: phrases in the dictionary's phrase syntax, separated by `|` outside brackets
 *   (`(必ず|絶対に)儲かる` stays one phrase) or by line breaks inside the cell; `\|` is a literal `|`.
 * - `regex`: regular expressions, one per line, `/source/flags` or just the source.
 * - `message_*` / `suggestion_*`: if one language is left empty, the other is used for both.
 * - `id`: may be empty; it is then derived from the category and the patterns, so re-importing
 *   the same row updates the same entry.
 * - `extra`: a JSON object with any other entry field (requires, within, unless, allow, when, gap,
 *   examples), so a CSV round trip loses nothing.
 */
import type { Entry, Pattern } from '../engine/dictionary/schema';
import type { JsonPath } from './json-lines';

export const CSV_COLUMNS = [
  'id',
  'category',
  'severity',
  'patterns',
  'regex',
  'message_ja',
  'message_en',
  'suggestion_ja',
  'suggestion_en',
  'basis',
  'note',
  'extra',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

const COVERED = new Set(['id', 'category', 'severity', 'patterns', 'message', 'suggestion', 'basis', 'note']);

export interface HeaderResult {
  columns: Map<CsvColumn, number>;
  errors: string[];
}

export function readHeader(fields: readonly string[]): HeaderResult {
  const columns = new Map<CsvColumn, number>();
  const errors: string[] = [];
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push(`unknown column "${raw.trim()}" (columns: ${CSV_COLUMNS.join(', ')})`);
    } else if (columns.has(name as CsvColumn)) {
      errors.push(`column "${name}" appears twice`);
    } else columns.set(name as CsvColumn, i);
  });
  for (const required of ['category', 'severity'] as const) {
    if (!columns.has(required)) errors.push(`missing column "${required}"`);
  }
  if (!columns.has('patterns') && !columns.has('regex')) errors.push('missing column "patterns" (or "regex")');
  if (!columns.has('message_ja') && !columns.has('message_en')) errors.push('missing column "message_ja" (or "message_en")');
  return { columns, errors };
}

/** Splits a patterns cell on `|` outside () and [] and on line breaks. */
export function splitPhrases(cell: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i]!;
    if (ch === '\\' && i + 1 < cell.length) {
      cur += ch + cell[i + 1];
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if ((ch === '|' && depth === 0) || ch === '\n' || ch === '\r') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/** A `|` outside brackets is literal in a phrase; escape it so splitPhrases keeps it. */
export function escapeTopLevelPipes(phrase: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < phrase.length; i++) {
    const ch = phrase[i]!;
    if (ch === '\\' && i + 1 < phrase.length) {
      out += ch + phrase[i + 1];
      i++;
      continue;
    }
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    out += ch === '|' && depth === 0 ? '\\|' : ch;
  }
  return out;
}

export function joinPhrases(phrases: readonly string[]): string {
  return phrases.map(escapeTopLevelPipes).join(' | ');
}

/** `/source/flags` or a bare source, one per line. */
export function splitRegexes(cell: string): Array<{ re: string; flags?: string }> {
  return cell
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^\/(.+)\/([a-z]*)$/s.exec(l);
      if (!m) return { re: l };
      return m[2] ? { re: m[1]!, flags: m[2] } : { re: m[1]! };
    });
}

export function joinRegexes(patterns: ReadonlyArray<{ re: string; flags?: string }>): string {
  return patterns.map((p) => `/${p.re}/${p.flags ?? ''}`).join('\n');
}

/** 32-bit FNV-1a, base 36: a short stable id part. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export interface RowResult {
  /** the entry as written, before validation */
  raw: Record<string, unknown>;
  /** cell problems found before validation (e.g. extra is not JSON) */
  errors: Array<{ field: CsvColumn; message: string }>;
}

function bilingual(ja: string, en: string): { ja: string; en: string } | undefined {
  if (!ja && !en) return undefined;
  return { ja: ja || en, en: en || ja };
}

/** One data row to a raw entry object (validated later, with the JSON import's validator). */
export function rowToRaw(fields: readonly string[], columns: ReadonlyMap<CsvColumn, number>): RowResult {
  const cell = (c: CsvColumn): string => {
    const i = columns.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const errors: RowResult['errors'] = [];
  const raw: Record<string, unknown> = {};
  const extra = cell('extra');
  if (extra) {
    try {
      const parsed: unknown = JSON.parse(extra);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      for (const [k, v] of Object.entries(parsed)) {
        if (COVERED.has(k)) errors.push({ field: 'extra', message: `"${k}" has its own column; leave it out of extra` });
        else raw[k] = v;
      }
    } catch (e) {
      errors.push({ field: 'extra', message: `extra must be a JSON object (${(e as Error).message})` });
    }
  }
  const category = cell('category');
  const phrases = splitPhrases(cell('patterns'));
  const regexes = splitRegexes(cell('regex'));
  const patterns: Pattern[] = [...phrases, ...regexes];
  raw.id = cell('id') || `${category}/c-${shortHash(`${cell('patterns')}\u0000${cell('regex')}`)}`;
  raw.category = category;
  raw.severity = cell('severity');
  raw.patterns = patterns;
  const message = bilingual(cell('message_ja'), cell('message_en'));
  if (message) raw.message = message;
  const suggestion = bilingual(cell('suggestion_ja'), cell('suggestion_en'));
  if (suggestion) raw.suggestion = suggestion;
  if (cell('basis')) raw.basis = cell('basis');
  if (cell('note')) raw.note = cell('note');
  return { raw, errors };
}

/** Which column a validation issue on a raw entry (from rowToRaw) belongs to. */
export function columnOf(path: JsonPath, raw: Record<string, unknown>): CsvColumn {
  const [head, second] = path;
  switch (head) {
    case 'id':
    case 'category':
    case 'severity':
    case 'basis':
    case 'note':
      return head;
    case 'patterns': {
      const p = typeof second === 'number' ? (raw.patterns as unknown[] | undefined)?.[second] : undefined;
      return p && typeof p === 'object' ? 'regex' : 'patterns';
    }
    case 'message':
      return second === 'en' ? 'message_en' : 'message_ja';
    case 'suggestion':
      return second === 'en' ? 'suggestion_en' : 'suggestion_ja';
    default:
      return 'extra';
  }
}

export function entryToRow(e: Entry): string[] {
  const phrases = e.patterns.filter((p): p is string => typeof p === 'string');
  const regexes = e.patterns.filter((p): p is { re: string; flags?: string } => typeof p !== 'string');
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!COVERED.has(k) && v !== undefined) rest[k] = v;
  const values: Record<CsvColumn, string> = {
    id: e.id,
    category: e.category,
    severity: e.severity,
    patterns: joinPhrases(phrases),
    regex: joinRegexes(regexes),
    message_ja: e.message.ja,
    message_en: e.message.en,
    suggestion_ja: e.suggestion?.ja ?? '',
    suggestion_en: e.suggestion?.en ?? '',
    basis: e.basis ?? '',
    note: e.note ?? '',
    extra: Object.keys(rest).length ? JSON.stringify(rest) : '',
  };
  return CSV_COLUMNS.map((c) => values[c]);
}
