/**
 * The engine's public surface. Pure TypeScript: no browser API, DOM, fs, fetch or storage, so the
 * same code runs in the service worker, in Node (CLI, tests, benchmarks) and in a page.
 *
 *   const engine = createEngine({ tokenizer, dictionaries: [{ file, source }] });
 *   engine.check('この美容液でシミが消える!', { account: 'company', site: 'x', date: '2026-03-11' });
 */
import { analyze } from './analysis';
import { lowerQuotedCriticism } from './pipeline/quoted-criticism';
import { sensitiveDaysOn, type CalendarDay } from './context/calendar';
import { compileEntries, type CompiledEntry } from './dictionary/compile';
import { explainDraft, type ExplainOptions, type Explanation } from './explain';
import type { DictionaryFile } from './dictionary/schema';
import type { Detector, RawFinding, ResolvedContext } from './detectors/types';
import { type CheckContext, type Finding } from './finding';
import { PatternIndex, type IndexSnapshot, type LoadedSnapshot } from './matchers/pattern-index';
import { toOriginalSpan } from './normalize';
import { applyOverrides, type Overrides } from './pipeline/apply-overrides';
import { evaluateEntries } from './pipeline/evaluate-entries';
import { sentencesOf } from './sentences';
import { mergeOverlaps } from './pipeline/merge-overlaps';
import type { Tokenizer } from './tokenizer/types';

export interface EngineInput {
  tokenizer: Tokenizer;
  /** built-in lists first, then company lists (`company: true`); each already parsed (parseDictionary) */
  dictionaries: Array<{ file: DictionaryFile; source: string; company?: boolean }>;
  /** code-based rules (privacy patterns, sensitive dates…); see detectors/ */
  detectors?: Detector[];
  overrides?: Overrides;
  /**
   * a compiled snapshot of (some of) these lists' patterns, to skip compiling them again: its JSON
   * form, or loaded (matchers/snapshot-format.ts loadSnapshot; shared by every engine started from it)
   */
  snapshot?: IndexSnapshot | LoadedSnapshot;
  /** sensitive dates (built-in calendar + the company's own, marked `company: true`) */
  calendar?: readonly CalendarDay[];
}

export interface Engine {
  /** Findings for the draft, one per place and category, in text order. */
  check(text: string, context?: CheckContext): Finding[];
  /** Every rule's findings before overlapping ones are merged (dictionary examples, debugging). */
  checkAll(text: string, context?: CheckContext): Finding[];
  /**
   * Why the draft did or did not fire, for rule authors (`npm run check -- --explain`): its tokens,
   * check()'s findings with the pattern and `requires` matches behind each, and the near misses
   * with their reasons. A separate, slower path (explain.ts); check() pays nothing for it.
   */
  explain(text: string, context?: CheckContext, options?: ExplainOptions): Explanation;
  readonly entries: readonly CompiledEntry[];
  /** the compiled patterns as data (see PatternIndex.toSnapshot) */
  snapshot(): IndexSnapshot;
}

export function resolveContext(ctx: CheckContext | undefined, calendar: readonly CalendarDay[] = []): ResolvedContext {
  const out: ResolvedContext = { account: ctx?.account ?? 'company', site: ctx?.site };
  const m = ctx?.date?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) {
    out.date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    out.sensitiveDays = sensitiveDaysOn(calendar, out.date);
  }
  return out;
}

export function createEngine(input: EngineInput): Engine {
  const index = input.snapshot ? PatternIndex.fromSnapshot(input.tokenizer, input.snapshot) : new PatternIndex(input.tokenizer);
  const entries = compileEntries(input.dictionaries, index);
  const detectors = input.detectors ?? [];
  return {
    entries,
    snapshot: () => index.toSnapshot(),
    check: (text, context) => run(text, context, true),
    checkAll: (text, context) => run(text, context, false),
    explain: (text, context, options) =>
      explainDraft(
        { tokenizer: input.tokenizer, index, entries, detectors, overrides: input.overrides, check: (t) => run(t, context, true) },
        text,
        resolveContext(context, input.calendar),
        options,
      ),
  };

  function run(text: string, context: CheckContext | undefined, merge: boolean): Finding[] {
      const ctx = resolveContext(context, input.calendar);
      const analysis = analyze(text, input.tokenizer);
      const sentences = sentencesOf(analysis.norm.text);
      const entryFindings = lowerQuotedCriticism(evaluateEntries(entries, index.match(analysis), ctx, sentences), analysis.norm.text, sentences);
      const raw: RawFinding[] = [...entryFindings];
      for (const d of detectors) raw.push(...d.detect({ analysis, context: ctx, entryFindings, earlier: raw }));
      const kept = applyOverrides(raw, input.overrides);
      return (merge ? mergeOverlaps(kept) : kept).map((f) => {
        const { start, end } = toOriginalSpan(analysis.norm, f.span.start, f.span.end);
        const finding: Finding = {
          category: f.category,
          severity: f.severity,
          start,
          end,
          text: text.slice(start, end),
          rule: f.rule,
          message: f.message,
        };
        if (f.suggestion) finding.suggestion = f.suggestion;
        if (f.basis) finding.basis = f.basis;
        return finding;
      });
  }
}
