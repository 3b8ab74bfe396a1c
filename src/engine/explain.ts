/**
 * Why a draft did or did not fire: the data behind `npm run check -- --explain`, for rule authors.
 *
 * A separate, slower path: check() keeps no bookkeeping (evaluate-entries.ts visits only the
 * entries a draft may hit and keeps no reasons), so this re-runs check()'s steps on one draft with
 * its own. It reuses the engine's compiled entries and the PatternIndex's public hits (one
 * match() of the draft), then applies every entry's `when`, `unless`, `requires`, `allow` and
 * one-finding-per-place rule hit by hit as evaluate-entries.ts does, runs the detectors on the
 * entry findings it derived, and hands them to the engine's own applyOverrides and mergeOverlaps.
 * Its `findings` are what check() returns for the same draft and context
 * (tests/engine/explain.test.ts holds it to that on every dictionary example and labeled post);
 * `consistent` says whether a check() of the same draft, run here too, agreed.
 *
 * Pure, like the rest of the engine: no fs, no console.
 */
import { analyze, type Span } from './analysis';
import type { CompiledEntry } from './dictionary/compile';
import type { Pattern } from './dictionary/schema';
import type { Detector, RawFinding, ResolvedContext } from './detectors/types';
import type { AccountKind, Category, Finding, Severity } from './finding';
import type { PatternIndex } from './matchers/pattern-index';
import { toOriginalSpan, type NormalizedText } from './normalize';
import { applyOverrides, type Overrides } from './pipeline/apply-overrides';
import { entryFinding } from './pipeline/evaluate-entries';
import { sentencesOf } from './sentences';
import { mergeOverlaps } from './pipeline/merge-overlaps';
import { lowerQuotedCriticism } from './pipeline/quoted-criticism';
import type { Tokenizer } from './tokenizer/types';

/** A place in the original draft (UTF-16 offsets, as findings give them). */
export interface Place {
  start: number;
  end: number;
  text: string;
}

/**
 * One pattern of an entry: its field path as dictionary errors name it (`patterns.1`,
 * `requires.0.2`, `requires.1.any.0`, `unless.0`, `unless.1.any.0`, `allow.3`) and its source as
 * written (a phrase, or `/regex/flags`, `(fold)` for a folded one).
 */
export interface PatternRef {
  path: string;
  source: string;
}

export interface PatternMatch extends PatternRef {
  places: Place[];
}

/** A pattern match that decided something about a hit. */
export interface Witness {
  pattern: PatternRef;
  place: Place;
}

/** What became of one hit of an entry's patterns (in evaluate-entries.ts's order of checks). */
export type HitFate =
  /** it is (or, with an entry-level block, would be) a finding of the entry */
  | { kind: 'fires' }
  /** a `requires` group has no match that qualifies; `found`: the group's matches elsewhere (too far, wrong side, another sentence) */
  | { kind: 'requires'; groups: Array<{ group: number; within?: number; position?: 'before' | 'after'; scope?: 'sentence' | 'adjacent'; found: Witness[] }> }
  /** an `unless` group (`group`: its index in `unless`) matched near the hit */
  | { kind: 'unless-near'; group: number; by: Witness }
  /** an `allow` match overlaps it */
  | { kind: 'allow'; by: Witness }
  /** one finding per place: a longer (then earlier) overlapping hit of the same entry is kept */
  | { kind: 'overlap'; kept: Place };

/** Why a finding the entries produced is not in check()'s result. */
export type Dropped =
  | { kind: 'rule-off' }
  | { kind: 'category-off'; category: Category }
  /** same category, same place: check() shows one finding (the most severe, then the longest, then the first listed) */
  | { kind: 'merged'; into: number };

export interface ExplainedHit {
  place: Place;
  /** the entry's patterns that matched exactly here */
  patterns: PatternRef[];
  /** the `requires` groups the hit met, each with the first match that qualified */
  requires: Array<{ group: number; by: Witness }>;
  fate: HitFate;
  /** the finding it became (index into Explanation.findings) */
  finding?: number;
  /** its finding, made but not shown */
  dropped?: Dropped;
  /** its finding's severity was lowered by a category setting */
  cappedTo?: Severity;
  /** its finding was quoted in a post that criticises the wording, and lowered to this (pipeline/quoted-criticism.ts) */
  quoted?: Severity;
}

/** Reasons that silence a whole entry, before its hits are looked at. */
export type EntryBlock =
  | { kind: 'account'; wants: AccountKind; draft: AccountKind }
  | { kind: 'sites'; wants: string[]; draft: string }
  | { kind: 'sensitive-date'; date?: string }
  | { kind: 'unless'; by: Witness[] };

export interface ExplainedEntry {
  rule: string;
  /** the list it came from */
  source: string;
  company: boolean;
  category: Category;
  severity: Severity;
  /** fired: one of check()'s findings is its; near-miss: a pattern matched but no finding; no-match: no pattern matched */
  outcome: 'fired' | 'near-miss' | 'no-match';
  matched: PatternMatch[];
  unmatched: PatternRef[];
  blocks: EntryBlock[];
  /** the distinct places its patterns matched, in text order */
  hits: ExplainedHit[];
}

export interface ExplainedToken {
  surface: string;
  base: string;
  reading: string;
  /** 品詞, 細分類1, 細分類2, 活用形 ('*' left out) */
  pos: string[];
  /** original offsets */
  start: number;
  end: number;
}

/** A finding of a detector (code rule), kept or not. */
export interface DetectorFinding {
  detector: string;
  rule: string;
  severity: Severity;
  place: Place;
  finding?: number;
  dropped?: Dropped;
  cappedTo?: Severity;
}

export type FindingOrigin = { kind: 'entry'; entry: number; hit: number } | { kind: 'detector'; detector: number };

export interface Explanation {
  text: string;
  normalized: string;
  /** the normalized text folded (kana, case, small kana), what regexes with `fold` run on */
  folded: string;
  context: { account: AccountKind; site?: string; date?: string; sensitiveDays: Array<{ id: string; reason: { ja: string; en: string } }> };
  tokens: ExplainedToken[];
  /** exactly check()'s findings for this draft and context */
  findings: Finding[];
  /** per finding, where it came from (index into entries / detectors) */
  origins: FindingOrigin[];
  /**
   * every entry one of whose patterns matched (fired, or a near miss), in list order; with
   * `options.rule`, also the entries of that prefix whose patterns did not match (`no-match`)
   */
  entries: ExplainedEntry[];
  detectors: DetectorFinding[];
  /** check() of the same draft returned the same findings (false would be a bug of this file) */
  consistent: boolean;
}

export interface ExplainOptions {
  /** also list the entries whose id starts with this and whose patterns did not match */
  rule?: string;
}

export interface ExplainInput {
  tokenizer: Tokenizer;
  index: PatternIndex;
  entries: readonly CompiledEntry[];
  detectors: readonly Detector[];
  overrides?: Overrides;
  /** the engine's check(), to confirm the derivation */
  check: (text: string) => Finding[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const distance = (a: Span, b: Span) => Math.max(0, b.start - a.end, a.start - b.end);
const samePlace = (a: Span, b: Span) => overlaps(a, b) || (a.start === b.start && a.end === b.end);

export function patternSource(p: Pattern): string {
  return typeof p === 'string' ? p : `/${p.re}/${p.flags ?? ''}${p.fold ? ' (fold)' : ''}`;
}

/** An entry's patterns with their compiled ids, by field. */
interface Ref extends PatternRef {
  id: number;
}
function entryRefs(c: CompiledEntry) {
  const e = c.entry;
  const patterns: Ref[] = e.patterns.map((p, i) => ({ path: `patterns.${i}`, source: patternSource(p), id: c.patterns[i]! }));
  const requires = (e.requires ?? []).map((g, gi) => {
    const any = Array.isArray(g) ? g : g.any;
    const path = Array.isArray(g) ? `requires.${gi}` : `requires.${gi}.any`;
    return any.map((p, i): Ref => ({ path: `${path}.${i}`, source: patternSource(p), id: c.requires[gi]!.ids[i]! }));
  });
  const unless: Ref[] = [];
  /** c.unlessNear[k]'s patterns, and its index in the entry's `unless` */
  const unlessNear: Ref[][] = [];
  const unlessNearAt: number[] = [];
  (e.unless ?? []).forEach((g, i) => {
    if (typeof g === 'string' || 're' in g) unless.push({ path: `unless.${i}`, source: patternSource(g), id: c.unless[unless.length]! });
    else {
      const ids = c.unlessNear[unlessNear.length]!.ids;
      unlessNear.push(g.any.map((p, k) => ({ path: `unless.${i}.any.${k}`, source: patternSource(p), id: ids[k]! })));
      unlessNearAt.push(i);
    }
  });
  const allow: Ref[] = (e.allow ?? []).map((p, i) => ({ path: `allow.${i}`, source: patternSource(p), id: c.allow[i]! }));
  return { patterns, requires, unless, unlessNear, unlessNearAt, allow };
}

export function explainDraft(input: ExplainInput, text: string, ctx: ResolvedContext, options: ExplainOptions = {}): Explanation {
  const analysis = analyze(text, input.tokenizer);
  const norm = analysis.norm;
  const hits = input.index.match(analysis);
  const sentenceOf = sentencesOf(norm.text);
  const place = (s: Span): Place => placeOf(norm, text, s);
  const ref = (r: Ref): PatternRef => ({ path: r.path, source: r.source });
  const spansOf = (r: Ref): readonly Span[] => (r.id >= 0 ? hits.get(r.id) : []);
  const witnesses = (refs: readonly Ref[]) => refs.flatMap((r) => spansOf(r).map((s) => ({ r, s })));
  const sentencesApart = (a: Span, b: Span) => Math.abs(sentenceOf[a.start]! - sentenceOf[b.start]!);
  const near = (h: Span, s: Span, g: { within?: number; scope?: 'sentence' | 'adjacent' }) =>
    (g.within === undefined || distance(h, s) <= g.within) &&
    (g.scope === undefined || sentencesApart(h, s) <= (g.scope === 'sentence' ? 0 : 1));
  const day = ctx.sensitiveDays?.[0];

  const entries: ExplainedEntry[] = [];
  /** the entries' findings in check()'s order, each with its entry and hit */
  const raw: RawFinding[] = [];
  const rawFrom: Array<{ entry: ExplainedEntry; hit: ExplainedHit } | { detector: DetectorFinding }> = [];

  for (const c of input.entries) {
    const { entry } = c;
    // most entries' patterns match nowhere: skip them before making their references
    const listed = options.rule !== undefined && entry.id.startsWith(options.rule);
    if (!listed && !c.patterns.some((id) => id >= 0 && hits.get(id).length > 0)) continue;
    const refs = entryRefs(c);
    // the distinct places of its patterns' hits, and which patterns made each
    const byPlace = new Map<string, { span: Span; patterns: Ref[] }>();
    const matched: PatternMatch[] = [];
    const unmatched: PatternRef[] = [];
    for (const r of refs.patterns) {
      const spans = spansOf(r);
      if (spans.length === 0) {
        unmatched.push(ref(r));
        continue;
      }
      matched.push({ ...ref(r), places: spans.map(place) });
      for (const s of spans) {
        const key = `${s.start}:${s.end}`;
        const known = byPlace.get(key);
        if (known) {
          if (!known.patterns.includes(r)) known.patterns.push(r);
        } else byPlace.set(key, { span: { start: s.start, end: s.end }, patterns: [r] });
      }
    }
    if (byPlace.size === 0) {
      if (listed) entries.push(explainedEntry(c, 'no-match', matched, unmatched, [], []));
      continue;
    }
    // what silences the whole entry (evaluate-entries.ts: when, then unless anywhere)
    const blocks: EntryBlock[] = [];
    if (entry.when?.account && entry.when.account !== ctx.account) blocks.push({ kind: 'account', wants: entry.when.account, draft: ctx.account });
    if (entry.when?.sites && ctx.site && !entry.when.sites.includes(ctx.site)) blocks.push({ kind: 'sites', wants: entry.when.sites, draft: ctx.site });
    if (entry.when?.sensitiveDate && !day) blocks.push({ kind: 'sensitive-date', date: dateOf(ctx) });
    const unlessAnywhere = witnesses(refs.unless);
    if (unlessAnywhere.length) blocks.push({ kind: 'unless', by: unlessAnywhere.map((w) => ({ pattern: ref(w.r), place: place(w.s) })) });

    // each hit through requires, unless near it, allow (whatever the blocks: an author sees what would happen)
    const spans = [...byPlace.values()].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const hitsOut: ExplainedHit[] = [];
    const survivors: Array<{ span: Span; hit: ExplainedHit }> = [];
    const requireWitnesses = refs.requires.map(witnesses);
    const unlessNearWitnesses = refs.unlessNear.map(witnesses);
    const allowWitnesses = witnesses(refs.allow);
    for (const { span: h, patterns } of spans) {
      const hit: ExplainedHit = { place: place(h), patterns: patterns.map(ref), requires: [], fate: { kind: 'fires' } };
      hitsOut.push(hit);
      const unmet: Extract<HitFate, { kind: 'requires' }>['groups'] = [];
      c.requires.forEach((g, k) => {
        const ws = requireWitnesses[k]!;
        const by = ws.find(
          ({ s }) => (g.position !== 'before' || s.end <= h.start) && (g.position !== 'after' || s.start >= h.end) && near(h, s, g),
        );
        if (by) hit.requires.push({ group: k, by: { pattern: ref(by.r), place: place(by.s) } });
        else
          unmet.push({
            group: k,
            ...(g.within !== undefined ? { within: g.within } : {}),
            ...(g.position ? { position: g.position } : {}),
            ...(g.scope ? { scope: g.scope } : {}),
            found: ws.map((w) => ({ pattern: ref(w.r), place: place(w.s) })),
          });
      });
      if (unmet.length) {
        hit.fate = { kind: 'requires', groups: unmet };
        continue;
      }
      const silencer = c.unlessNear.map((g, k) => ({ k, w: unlessNearWitnesses[k]!.find(({ s }) => near(h, s, g)) })).find((x) => x.w);
      if (silencer) {
        hit.fate = { kind: 'unless-near', group: refs.unlessNearAt[silencer.k]!, by: { pattern: ref(silencer.w!.r), place: place(silencer.w!.s) } };
        continue;
      }
      const allowedBy = allowWitnesses.find(({ s }) => overlaps(s, h));
      if (allowedBy) {
        hit.fate = { kind: 'allow', by: { pattern: ref(allowedBy.r), place: place(allowedBy.s) } };
        continue;
      }
      survivors.push({ span: h, hit });
    }
    // one finding per place: among overlapping hits the longest, then the earliest
    survivors.sort((a, b) => b.span.end - b.span.start - (a.span.end - a.span.start) || a.span.start - b.span.start);
    const kept: Array<{ span: Span; hit: ExplainedHit }> = [];
    for (const s of survivors) {
      const over = kept.find((k) => overlaps(k.span, s.span));
      if (over) s.hit.fate = { kind: 'overlap', kept: over.hit.place };
      else kept.push(s);
    }
    const explained = explainedEntry(c, 'near-miss', matched, unmatched, blocks, hitsOut);
    if (blocks.length === 0) {
      for (const { span, hit } of kept) {
        raw.push(entryFinding(c, span, day));
        rawFrom.push({ entry: explained, hit });
      }
    }
    entries.push(explained);
  }

  // quoted in a post that criticises the wording: one level lower (as check() does)
  const lowered = lowerQuotedCriticism(raw, norm.text, sentenceOf);
  lowered.forEach((f, i) => {
    if (f === raw[i]) return;
    const from = rawFrom[i]!;
    if ('hit' in from) from.hit.quoted = f.severity;
    raw[i] = f;
  });
  // the detectors, on the entry findings derived above (as check() gives them its own)
  const entryFindings = raw.slice();
  const detectors: DetectorFinding[] = [];
  for (const d of input.detectors) {
    for (const f of d.detect({ analysis, context: ctx, entryFindings, earlier: raw.slice() })) {
      const df: DetectorFinding = { detector: d.id, rule: f.rule, severity: f.severity, place: place(f.span) };
      raw.push(f);
      rawFrom.push({ detector: df });
      detectors.push(df);
    }
  }

  // settings: applyOverrides works finding by finding, so one at a time tells which it dropped
  const kept: RawFinding[] = [];
  const keptFrom = new Map<RawFinding, (typeof rawFrom)[number]>();
  raw.forEach((f, i) => {
    const from = rawFrom[i]!;
    const target = 'hit' in from ? from.hit : from.detector;
    const [after] = applyOverrides([f], input.overrides);
    if (!after) {
      target.dropped = input.overrides?.disabledRules?.includes(f.rule) ? { kind: 'rule-off' } : { kind: 'category-off', category: f.category };
      return;
    }
    if (after.severity !== f.severity) target.cappedTo = after.severity;
    kept.push(after);
    keptFrom.set(after, from);
  });
  const merged = mergeOverlaps(kept);
  const findings: Finding[] = [];
  const origins: FindingOrigin[] = [];
  merged.forEach((f, n) => {
    const from = keptFrom.get(f)!;
    findings.push(toFinding(norm, text, f));
    if ('hit' in from) {
      from.hit.finding = n;
      from.entry.outcome = 'fired';
      origins.push({ kind: 'entry', entry: entries.indexOf(from.entry), hit: from.entry.hits.indexOf(from.hit) });
    } else {
      from.detector.finding = n;
      origins.push({ kind: 'detector', detector: detectors.indexOf(from.detector) });
    }
  });
  const shown = new Set(merged);
  for (const f of kept) {
    if (shown.has(f)) continue;
    const from = keptFrom.get(f)!;
    const into = merged.findIndex((k) => k.category === f.category && samePlace(k.span, f.span));
    ('hit' in from ? from.hit : from.detector).dropped = { kind: 'merged', into };
  }

  const check = input.check(text);
  return {
    text,
    normalized: norm.text,
    folded: norm.folded,
    context: {
      account: ctx.account,
      ...(ctx.site ? { site: ctx.site } : {}),
      ...(ctx.date ? { date: dateOf(ctx) } : {}),
      sensitiveDays: (ctx.sensitiveDays ?? []).map((d) => ({ id: d.id, reason: d.reason })),
    },
    tokens: analysis.tokens.map((t) => {
      const { start, end } = toOriginalSpan(norm, t.start, t.end);
      return {
        surface: t.surface,
        base: t.base,
        reading: t.reading,
        pos: [t.pos, t.posDetail, t.posDetail2, t.conjugatedForm].filter((p) => p && p !== '*'),
        start,
        end,
      };
    }),
    findings,
    origins,
    entries,
    detectors,
    consistent: JSON.stringify(check) === JSON.stringify(findings),
  };
}

function explainedEntry(
  c: CompiledEntry,
  outcome: ExplainedEntry['outcome'],
  matched: PatternMatch[],
  unmatched: PatternRef[],
  blocks: EntryBlock[],
  hits: ExplainedHit[],
): ExplainedEntry {
  const { entry } = c;
  return { rule: entry.id, source: c.source, company: c.company ?? false, category: entry.category, severity: entry.severity, outcome, matched, unmatched, blocks, hits };
}

function dateOf(ctx: ResolvedContext): string | undefined {
  const d = ctx.date;
  return d && `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function placeOf(norm: NormalizedText, text: string, s: Span): Place {
  const { start, end } = toOriginalSpan(norm, s.start, s.end);
  return { start, end, text: text.slice(start, end) };
}

/** A raw finding as check() returns it (index.ts). */
function toFinding(norm: NormalizedText, text: string, f: RawFinding): Finding {
  const { start, end } = toOriginalSpan(norm, f.span.start, f.span.end);
  const finding: Finding = { category: f.category, severity: f.severity, start, end, text: text.slice(start, end), rule: f.rule, message: f.message };
  if (f.suggestion) finding.suggestion = f.suggestion;
  if (f.basis) finding.basis = f.basis;
  return finding;
}
