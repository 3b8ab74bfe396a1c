/**
 * Assembles an engine from the built-in lists, the built-in calendar and detectors, plus a
 * company's own lists and settings. Shared by the service worker, the CLI and the tests.
 */
import { BUILTIN_CALENDAR, BUILTIN_LISTS } from '../../dictionaries/index';
import { CalendarFileSchema, type SensitiveDate } from '../engine/context/calendar';
import { BUILTIN_DETECTORS } from '../engine/detectors/builtin';
import { modelDetector, MODEL_RULES } from '../engine/detectors/model';
import { parseDictionary } from '../engine/dictionary/compile';
import { entryIds, type DictionaryFile } from '../engine/dictionary/schema';
import { createEngine, type Engine } from '../engine/index';
import type { IndexSnapshot, LoadedSnapshot } from '../engine/matchers/pattern-index';
import type { LinearModel } from '../engine/model/linear-model';
import type { Overrides } from '../engine/pipeline/apply-overrides';
import type { Tokenizer } from '../engine/tokenizer/types';
import type { BuiltinIds } from '../storage/builtin-ids';

let builtins: Array<{ file: DictionaryFile; source: string }> | undefined;
export function builtinDictionaries(): Array<{ file: DictionaryFile; source: string }> {
  builtins ??= BUILTIN_LISTS.map(({ source, data }) => ({ file: parseDictionary(data, source), source }));
  return builtins;
}

export function builtinCalendar(): SensitiveDate[] {
  return CalendarFileSchema.parse(BUILTIN_CALENDAR.data).dates;
}

let ids: BuiltinIds | undefined;
/** What the built-ins name (entries, rules, calendar days), to check settings and policy against. */
export function builtinIds(): BuiltinIds {
  if (ids) return ids;
  const entries = new Map<string, string>();
  for (const { file, source } of builtinDictionaries()) for (const id of file.entries.flatMap(entryIds)) entries.set(id, `built-in: ${source}`);
  ids = {
    entries,
    rules: new Set([...entries.keys(), ...BUILTIN_DETECTORS.flatMap((d) => d.rules), ...MODEL_RULES]),
    dates: new Set(builtinCalendar().map((d) => d.id)),
  };
  return ids;
}

export interface CompanySetup {
  lists?: Array<{ file: DictionaryFile; source: string }>;
  overrides?: Overrides;
  dates?: SensitiveDate[];
}

/** The built-in lists compiled, as data: the build ships it so workers start without compiling. */
export function builtinSnapshot(tokenizer: Tokenizer): IndexSnapshot {
  return createKakuninEngine(tokenizer).snapshot();
}

/**
 * model: the learned second stage (model/linear-model.ts), run after every other rule; without it
 * the engine is the lists and detectors alone.
 */
export function createKakuninEngine(tokenizer: Tokenizer, company: CompanySetup = {}, snapshot?: IndexSnapshot | LoadedSnapshot, model?: LinearModel): Engine {
  return createEngine({
    tokenizer,
    snapshot,
    // company lists and dates are marked: category settings cap only what is built in
    dictionaries: [...builtinDictionaries(), ...(company.lists ?? []).map((l) => ({ ...l, company: true }))],
    detectors: model ? [...BUILTIN_DETECTORS, modelDetector(model)] : [...BUILTIN_DETECTORS],
    calendar: [...builtinCalendar(), ...(company.dates ?? []).map((d) => ({ ...d, company: true }))],
    overrides: company.overrides,
  });
}
