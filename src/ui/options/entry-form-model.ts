/**
 * The entry editor's fields and the entry they stand for. A form is read exactly like a CSV row
 * (storage/list-csv.ts), so the editor, CSV and JSON imports accept the same things and report
 * problems the same way. Fields the form does not show (requires, allow, when…) are kept.
 */
import type { Category, Severity } from '../../engine/finding';
import type { Entry } from '../../engine/dictionary/schema';
import { columnOf, CSV_COLUMNS, escapeTopLevelPipes, joinRegexes, rowToRaw, type CsvColumn } from '../../storage/list-csv';
import { validateEntries, type TakenIds } from '../../storage/list-validate';

export interface EntryDraft {
  id: string;
  category: Category;
  severity: Severity;
  /** one phrase per line */
  patterns: string;
  /** one regular expression per line */
  regex: string;
  messageJa: string;
  messageEn: string;
  suggestionJa: string;
  suggestionEn: string;
  basis: string;
  note: string;
  /** the entry's other fields, kept as they are */
  rest: Record<string, unknown>;
}
export type DraftField = Exclude<keyof EntryDraft, 'rest'>;

const COLUMN_FIELD: Record<CsvColumn, DraftField | 'rest'> = {
  id: 'id',
  category: 'category',
  severity: 'severity',
  patterns: 'patterns',
  regex: 'regex',
  message_ja: 'messageJa',
  message_en: 'messageEn',
  suggestion_ja: 'suggestionJa',
  suggestion_en: 'suggestionEn',
  basis: 'basis',
  note: 'note',
  extra: 'rest',
};

const SHOWN = new Set(['id', 'category', 'severity', 'patterns', 'message', 'suggestion', 'basis', 'note']);

export function emptyDraft(category: Category = 'compliance'): EntryDraft {
  return { id: '', category, severity: 'warn', patterns: '', regex: '', messageJa: '', messageEn: '', suggestionJa: '', suggestionEn: '', basis: '', note: '', rest: {} };
}

export function draftFromEntry(e: Entry): EntryDraft {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) if (!SHOWN.has(k) && v !== undefined) rest[k] = v;
  return {
    id: e.id,
    category: e.category,
    severity: e.severity,
    patterns: e.patterns.filter((p): p is string => typeof p === 'string').map(escapeTopLevelPipes).join('\n'),
    regex: joinRegexes(e.patterns.filter((p): p is { re: string; flags?: string } => typeof p !== 'string')),
    messageJa: e.message.ja,
    messageEn: e.message.en,
    suggestionJa: e.suggestion?.ja ?? '',
    suggestionEn: e.suggestion?.en ?? '',
    basis: e.basis ?? '',
    note: e.note ?? '',
    rest,
  };
}

export type DraftResult = { ok: true; entry: Entry } | { ok: false; errors: Partial<Record<DraftField | 'rest', string[]>> };

export function entryFromDraft(d: EntryDraft, taken: TakenIds): DraftResult {
  const cells: Record<CsvColumn, string> = {
    id: d.id,
    category: d.category,
    severity: d.severity,
    patterns: d.patterns,
    regex: d.regex,
    message_ja: d.messageJa,
    message_en: d.messageEn,
    suggestion_ja: d.suggestionJa,
    suggestion_en: d.suggestionEn,
    basis: d.basis,
    note: d.note,
    extra: Object.keys(d.rest).length ? JSON.stringify(d.rest) : '',
  };
  const columns = new Map(CSV_COLUMNS.map((c, i) => [c, i] as const));
  const { raw, errors: cellErrors } = rowToRaw(CSV_COLUMNS.map((c) => cells[c]), columns);
  const { entries, issues } = validateEntries([raw], { taken, lineOf: () => 1, fieldOf: (_, path) => columnOf(path, raw) });
  const errors: Partial<Record<DraftField | 'rest', string[]>> = {};
  const add = (column: string | undefined, message: string) => {
    const field = COLUMN_FIELD[(column ?? 'extra') as CsvColumn] ?? 'rest';
    (errors[field] ??= []).push(message);
  };
  for (const e of cellErrors) add(e.field, e.message);
  for (const i of issues) add(i.field, i.message);
  const entry = entries[0];
  return entry && !Object.keys(errors).length ? { ok: true, entry } : { ok: false, errors };
}

/** Lowercased text a search looks through; cached per entry object (entries are immutable). */
const haystacks = new WeakMap<object, string>();
export function searchText(e: Entry): string {
  let h = haystacks.get(e);
  if (h === undefined) {
    h = [e.id, ...e.patterns.map((p) => (typeof p === 'string' ? p : p.re)), e.message.ja, e.message.en, e.suggestion?.ja, e.suggestion?.en, e.basis, e.note]
      .filter(Boolean)
      .join('\n')
      .toLowerCase();
    haystacks.set(e, h);
  }
  return h;
}

export function filterEntries<T extends Entry>(entries: readonly T[], query: string): readonly T[] {
  const q = query.trim().toLowerCase();
  if (!q) return entries;
  const words = q.split(/\s+/);
  return entries.filter((e) => {
    const h = searchText(e);
    return words.every((w) => h.includes(w));
  });
}
