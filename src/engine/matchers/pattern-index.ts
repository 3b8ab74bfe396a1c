/**
 * Every pattern of every loaded entry, compiled once into shared parts and matched in one pass
 * per draft. Entries then only look up which of their patterns hit, and where.
 */
import type { Analysis, Span } from '../analysis';
import type { Pattern } from '../dictionary/schema';
import { fold, foldKana, looseFromFolded } from '../fold';
import type { Tokenizer } from '../tokenizer/types';
import { compilePart, PartMatcher, partFromData, partKey, partToData, type Part, type PartData } from './phrase';
import { expandPhraseSlots } from './phrase-syntax';
import { CharTrie } from './char-trie';
import { requiredLiterals } from './regex-prefilter';

export const DEFAULT_GAP = 12;

type Compiled =
  /** variants → slots (separated by gaps) → the parts a slot may be */
  | { kind: 'phrase'; variants: number[][][]; gap: number }
  /** literals: the regex cannot match a draft that lacks one of each set (null: always run it) */
  | { kind: 're'; re: RegExp; fold: boolean; literals: string[][] | null };

/**
 * A compiled index as plain data. The build writes the built-in lists' snapshot next to the
 * tokenizer dictionary, so a fresh service worker skips tokenizing ~20k pattern parts (seconds)
 * and only compiles what a company added. SNAPSHOT_VERSION changes whenever compiled parts would.
 */
export const SNAPSHOT_VERSION = 6;
export interface IndexSnapshot {
  version: number;
  parts: PartData[];
  compiled: Array<{ kind: 'phrase'; variants: number[][][]; gap: number } | { kind: 're'; source: string; flags: string; fold: boolean; literals: string[][] | null }>;
  /** pattern source -> compiled id, so entries find their patterns without compiling them */
  keys: Array<[string, number]>;
}

export class PatternIndex {
  private parts: Part[] = [];
  /** by raw source and by normalized key (different spellings of one part share it) */
  private partIds = new Map<string, number>();
  private compiled: Compiled[] = [];
  private keys = new Map<string, number>();
  private readings = new Map<string, string>();
  private matcher: PartMatcher | undefined;

  constructor(private readonly tokenizer: Tokenizer) {}

  private readingOf = (base: string): string => {
    let r = this.readings.get(base);
    if (r === undefined) {
      const toks = this.tokenizer.tokenize(base);
      r = toks.every((t) => t.reading) ? toks.map((t) => t.reading).join('') : '';
      this.readings.set(base, r);
    }
    return r;
  };

  private partId(source: string, surfaceOnly: boolean): number {
    const raw = `${surfaceOnly ? '=' : ''}${source}`;
    let id = this.partIds.get(raw);
    if (id !== undefined) return id;
    const k = partKey(source, surfaceOnly);
    id = this.partIds.get(k.key);
    if (id === undefined) {
      id = this.parts.length;
      this.parts.push(compilePart(k, this.tokenizer, this.readingOf));
      this.partIds.set(k.key, id);
    }
    this.partIds.set(raw, id);
    return id;
  }

  toSnapshot(): IndexSnapshot {
    return {
      version: SNAPSHOT_VERSION,
      parts: this.parts.map(partToData),
      compiled: this.compiled.map((c) => (c.kind === 're' ? { kind: 're', source: c.re.source, flags: c.re.flags, fold: c.fold, literals: c.literals } : c)),
      keys: [...this.keys],
    };
  }

  /** An index that starts from a snapshot; patterns added later compile as usual. */
  static fromSnapshot(tokenizer: Tokenizer, snap: IndexSnapshot): PatternIndex {
    if (snap.version !== SNAPSHOT_VERSION) throw new Error(`pattern snapshot version ${snap.version} is not ${SNAPSHOT_VERSION}`);
    const index = new PatternIndex(tokenizer);
    index.parts = snap.parts.map(partFromData);
    index.compiled = snap.compiled.map((c) => (c.kind === 're' ? { kind: 're', re: new RegExp(c.source, c.flags), fold: c.fold, literals: c.literals } : c));
    index.keys = new Map(snap.keys);
    // Parts are found again by key; the raw-source aliases are only a compile-time shortcut.
    index.partIds = new Map(index.parts.map((p, i) => [p.key, i]));
    return index;
  }

  /** Registers a pattern; identical patterns share one id. Throws on bad syntax or regex. */
  add(pattern: Pattern, gap = DEFAULT_GAP): number {
    const key = typeof pattern === 'string' ? `p:${gap}:${pattern}` : `r${pattern.fold ? 'f' : ''}:${pattern.flags ?? ''}:${pattern.re}`;
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    let c: Compiled;
    if (typeof pattern === 'string') {
      // A leading "=" asks for the written form only (no base-form matching).
      const surfaceOnly = pattern.startsWith('=');
      const body = surfaceOnly ? pattern.slice(1) : pattern;
      c = { kind: 'phrase', gap, variants: expandPhraseSlots(body).map((slots) => slots.map((texts) => [...new Set(texts.map((t) => this.partId(t, surfaceOnly)))])) };
    } else {
      // On folded text the draft's kana are large katakana: fold the pattern's kana the same way.
      const source = pattern.fold ? foldKana(pattern.re) : pattern.re;
      const flags = `${pattern.flags ?? ''}g`;
      c = { kind: 're', re: new RegExp(source, flags), fold: pattern.fold ?? false, literals: requiredLiterals(source, flags) };
    }
    this.matcher = undefined;
    this.firstSlotOf = undefined;
    this.compiled.push(c);
    this.keys.set(key, this.compiled.length - 1);
    return this.compiled.length - 1;
  }

  get size(): number {
    return this.compiled.length;
  }

  /** For each part, the patterns whose first slot it can fill (only those need combining). */
  private firstSlotOf: number[][] | undefined;
  /**
   * The regexes' required literals, folded loosely (looseFromFolded), in one trie that maps each to
   * the literal sets it belongs to: one walk over the loosely folded draft tells which sets are
   * present, whichever text each regex runs on. A regex may run when all of its sets are.
   */
  private literalTrie: CharTrie | undefined;
  /** per regex id: its sets are numbers setStart[id] .. setStart[id] + setCount[id] - 1 */
  private setStart: Int32Array | undefined;
  private setCount: Uint8Array | undefined;
  private sets = 0;
  /**
   * Per pattern id, read on every lookup without touching the compiled objects (two shapes, so a
   * polymorphic load): 0 a phrase, 1 a regex with required literals, 2 a regex without.
   */
  private gate: Uint8Array | undefined;

  private prepare(): PartMatcher {
    if (!this.matcher) {
      this.matcher = new PartMatcher(this.parts);
      const first: number[][] = this.parts.map(() => []);
      this.compiled.forEach((c, id) => {
        if (c.kind !== 'phrase') return;
        for (const slots of c.variants) for (const p of slots[0]!) if (first[p]!.at(-1) !== id) first[p]!.push(id);
      });
      this.firstSlotOf = first;
      this.gate = Uint8Array.from(this.compiled, (c) => (c.kind === 'phrase' ? 0 : c.literals ? 1 : 2));
      const trie = (this.literalTrie = new CharTrie());
      const setStart = (this.setStart = new Int32Array(this.compiled.length));
      const setCount = (this.setCount = new Uint8Array(this.compiled.length));
      let sets = 0;
      this.compiled.forEach((c, id) => {
        if (c.kind !== 're' || !c.literals) return;
        setStart[id] = sets;
        setCount[id] = c.literals.length;
        for (const set of c.literals) {
          for (const l of set) trie.insert(looseFromFolded(fold(l)), sets);
          sets++;
        }
      });
      this.sets = sets;
    }
    return this.matcher;
  }

  /**
   * The draft's hits, computed on demand: a pattern is only combined (or its regex only run) when
   * an entry asks for it, and entries ask for their `requires`/`unless`/`allow` patterns only after
   * one of their own patterns hit. Most of ~2,000 patterns are never looked at for a given draft.
   */
  match(a: Analysis): PatternHits {
    const partHits = this.prepare().match(a);
    const mayHit = new Uint8Array(this.compiled.length);
    /** the phrase patterns whose first slot some part hit fills, each once */
    const phraseCandidates: number[] = [];
    for (const p of partHits.keys()) {
      for (const id of this.firstSlotOf![p]!) {
        if (mayHit[id]) continue;
        mayHit[id] = 1;
        phraseCandidates.push(id);
      }
    }
    const memo = new Map<number, Span[]>();
    const gate = this.gate!;
    const size = this.compiled.length;
    let possible: Uint8Array | undefined;
    /** the regexes whose required literal sets all occur in the draft (one trie walk) */
    const possibleRegexes = (): Uint8Array => {
      const present = new Uint8Array(this.sets);
      const text = looseFromFolded(a.norm.folded);
      const trie = this.literalTrie!;
      for (let i = 0; i < text.length; i++) trie.walk(text, i, (_end, sets) => { for (const k of sets) present[k] = 1; });
      const may = new Uint8Array(this.compiled.length);
      const { setStart, setCount } = this;
      for (let id = 0; id < may.length; id++) {
        if (gate[id] !== 1) continue;
        let all = 1;
        for (let k = setStart![id]!, end = k + setCount![id]!; k < end && all; k++) all = present[k]!;
        may[id] = all;
      }
      return (possible = may);
    };
    return {
      candidates: (): number[] => {
        const may = possible ?? possibleRegexes();
        const out = phraseCandidates.slice();
        for (let id = 0; id < size; id++) if (gate[id] === 2 || (gate[id] === 1 && may[id])) out.push(id);
        return out;
      },
      get: (id: number): Span[] => {
        if (id >= size) return NO_HITS;
        const g = gate[id]!;
        if (g === 0 ? !mayHit[id] : g === 1 && !(possible ?? possibleRegexes())[id]) return NO_HITS;
        const c = this.compiled[id]!;
        let spans = memo.get(id);
        if (spans === undefined) {
          spans = c.kind === 're' ? matchRegExp(c.re, c.fold ? a.norm.folded : a.norm.text) : combine(c, partHits);
          memo.set(id, spans);
        }
        return spans;
      },
    };
  }
}

const NO_HITS: Span[] = [];

/** A draft's hits by pattern id (see PatternIndex.match). */
export interface PatternHits {
  get(id: number): Span[];
  /**
   * Every pattern that may hit this draft (a superset of those that do): the phrases one of whose
   * first parts occurs, and the regexes whose required literals all do (or that have none). A
   * pattern not listed has no hits; its `get` is empty.
   */
  candidates(): number[];
}

function matchRegExp(re: RegExp, text: string): Span[] {
  const out: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const slotSets = new WeakMap<number[], Set<number>>();

/** A pattern's spans: each variant's first slot, then every later slot within `gap` of the previous. */
function combine(c: Extract<Compiled, { kind: 'phrase' }>, partHits: Map<number, Span[]>): Span[] {
  const out: Span[] = [];
  const slotHits = (slot: number[]) => {
    if (slot.length === 1) return partHits.get(slot[0]!) ?? NO_HITS;
    if (slot.length <= partHits.size) return slot.flatMap((p) => partHits.get(p) ?? NO_HITS);
    // a slot of hundreds of parts (a word list) against a draft's few dozen part hits
    let set = slotSets.get(slot);
    if (!set) slotSets.set(slot, (set = new Set(slot)));
    const out: Span[] = [];
    for (const [p, spans] of partHits) if (set.has(p)) for (const h of spans) out.push(h);
    return out;
  };
  for (const slots of c.variants) {
    const first = slotHits(slots[0]!);
    if (first.length === 0) continue;
    if (slots.length === 1) {
      out.push(...first);
      continue;
    }
    const rest = slots.slice(1).map((slot) => slotHits(slot).sort((x, y) => x.start - y.start));
    for (const h of first) {
      let end = h.end;
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) {
        const next = rest[k]!.find((r) => r.start >= end && r.start - end <= c.gap);
        if (next) end = next.end;
        else ok = false;
      }
      if (ok) out.push({ start: h.start, end });
    }
  }
  return out;
}
