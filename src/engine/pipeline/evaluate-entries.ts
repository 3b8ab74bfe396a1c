/** Turns pattern hits into findings, entry by entry: when, unless, requires, within, allow. */
import type { Span } from '../analysis';
import type { CompiledEntry } from '../dictionary/compile';
import type { PatternHits } from '../matchers/pattern-index';
import type { CalendarDay } from '../context/calendar';
import type { RawFinding, ResolvedContext } from '../detectors/types';

const NO_SPANS: Span[] = [];
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const distance = (a: Span, b: Span) => Math.max(0, b.start - a.end, a.start - b.end);

/**
 * For a list of entries, the entries each pattern id fires (as one of its `patterns`): a draft
 * then visits only the entries one of whose patterns may hit it, a few dozen of ~300.
 */
const firedBy = new WeakMap<readonly CompiledEntry[], { by: number[][]; marks: Uint8Array }>();

/** Per pattern id the entries it fires, and per entry a mark (kept clear between calls). */
function entriesByPattern(entries: readonly CompiledEntry[]): { by: number[][]; marks: Uint8Array } {
  let known = firedBy.get(entries);
  if (!known) {
    const by: number[][] = [];
    entries.forEach((c, i) => {
      for (const id of c.patterns) {
        if (id < 0) continue;
        const list = (by[id] ??= []);
        if (list[list.length - 1] !== i) list.push(i);
      }
    });
    firedBy.set(entries, (known = { by, marks: new Uint8Array(entries.length) }));
  }
  return known;
}

export function evaluateEntries(entries: readonly CompiledEntry[], hits: PatternHits, ctx: ResolvedContext, sentenceOf: Int32Array): RawFinding[] {
  const out: RawFinding[] = [];
  const { by, marks } = entriesByPattern(entries);
  // the entries to visit, marked, then visited in list order (findings come out in the order of
  // the lists); each mark is cleared as it is visited
  let lo = entries.length;
  let hi = -1;
  for (const id of hits.candidates()) {
    const list = by[id];
    if (list === undefined) continue;
    for (let k = 0; k < list.length; k++) {
      const i = list[k]!;
      marks[i] = 1;
      if (i < lo) lo = i;
      if (i > hi) hi = i;
    }
  }
  /** sentences apart: 0 in the same sentence, 1 in the one before or after */
  const sentencesApart = (a: Span, b: Span) => Math.abs(sentenceOf[a.start]! - sentenceOf[b.start]!);
  const near = (h: Span, s: Span, g: { within?: number; scope?: 'sentence' | 'adjacent' }) =>
    (g.within === undefined || distance(h, s) <= g.within) &&
    (g.scope === undefined || sentencesApart(h, s) <= (g.scope === 'sentence' ? 0 : 1));
  /** the hits of any of the patterns: read only (one pattern's own array when only it hit) */
  const spansOf = (ids: number[]): readonly Span[] => {
    let out: readonly Span[] = NO_SPANS;
    for (const id of ids) {
      const h = hits.get(id);
      if (h.length) out = out.length ? out.concat(h) : h;
    }
    return out;
  };
  for (let v = lo; v <= hi; v++) {
    if (marks[v] === 0) continue;
    marks[v] = 0;
    const c = entries[v]!;
    const { entry } = c;
    if (entry.when?.account && entry.when.account !== ctx.account) continue;
    if (entry.when?.sites && ctx.site && !entry.when.sites.includes(ctx.site)) continue;
    const day = ctx.sensitiveDays?.[0];
    if (entry.when?.sensitiveDate && !day) continue;
    let primary: readonly Span[] = spansOf(c.patterns);
    if (primary.length === 0) continue;
    if (spansOf(c.unless).length > 0) continue;
    // Each group needs a match on its side of the hit (if it says) and within its distance (if any).
    for (let k = 0; k < c.requires.length && primary.length > 0; k++) {
      const g = c.requires[k]!;
      const spans = spansOf(g.ids);
      primary = spans.length === 0 ? NO_SPANS : primary.filter((h) =>
        spans.some(
          (s) =>
            (g.position !== 'before' || s.end <= h.start) &&
            (g.position !== 'after' || s.start >= h.end) &&
            near(h, s, g),
        ),
      );
    }
    if (primary.length === 0) continue;
    for (const g of c.unlessNear) {
      const spans = spansOf(g.ids);
      if (spans.length) primary = primary.filter((h) => !spans.some((s) => near(h, s, g)));
    }
    const allowed = spansOf(c.allow);
    if (allowed.length) primary = primary.filter((h) => !allowed.some((a) => overlaps(a, h)));
    // One finding per place: among overlapping hits keep the longest (then the earliest).
    if (primary.length > 1) primary = [...primary].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Span[] = [];
    for (const h of primary) if (!kept.some((k) => overlaps(k, h))) kept.push(h);
    for (const span of kept) out.push(entryFinding(c, span, day));
  }
  return out;
}

/** An entry's finding at a span (a sensitive-date entry names the day: `day`, the context's first). */
export function entryFinding(c: CompiledEntry, span: Span, day: CalendarDay | undefined): RawFinding {
  const { entry } = c;
  return {
    category: entry.category,
    severity: entry.severity,
    span,
    rule: entry.id,
    message:
      entry.when?.sensitiveDate && day
        ? { ja: `${entry.message.ja}（${day.reason.ja}）`, en: `${entry.message.en} (${day.reason.en})` }
        : entry.message,
    suggestion: entry.suggestion,
    basis: entry.basis,
    ...(c.company ? { company: true } : {}),
  };
}
