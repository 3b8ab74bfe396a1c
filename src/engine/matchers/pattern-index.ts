/**
 * Every pattern of every loaded entry, compiled once into shared parts and matched in one pass
 * per draft. Entries then only look up which of their patterns hit, and where.
 */
import type { Analysis, Span } from '../analysis';
import type { Pattern } from '../dictionary/schema';
import { fold, foldKana, looseFromFolded } from '../fold';
import type { Tokenizer } from '../tokenizer/types';
import { compilePart, type FirstTokenData, PartMatcher, type PartHits, partFromData, partKey, partRows, PartTries, partToData, type Part, type PartData, type PartRows } from './phrase';
import { ANCHOR_END, ANCHOR_START, expandPhraseSlots, expandPhraseSlotsWithNames, NAME_MARK, specialSlots } from './phrase-syntax';
import { CharTrie, type CharTrieData } from './char-trie';
import { requiredLiterals } from './regex-prefilter';

export const DEFAULT_GAP = 12;

/** the part id of the `{人名}` slot: a run of person-name tokens, found per draft (not a Part) */
export const NAME_PART = -1;

/**
 * A phrase's optional extras: `joins[v][k]` the most characters between slot k and k + 1 of
 * variant v (0 next to `{人名}`; else `gap`), only when some join is not `gap`; `anchor` its
 * `{文頭}` / `{文末}` bits (ANCHOR_START | ANCHOR_END).
 */
type PhraseExtras = { joins?: number[][]; anchor?: number };

export type Compiled =
  /** variants → slots (separated by gaps) → the parts a slot may be */
  | ({ kind: 'phrase'; variants: number[][][]; gap: number } & PhraseExtras)
  /** literals: the regex cannot match a draft that lacks one of each set (null: always run it) */
  | { kind: 're'; re: RegExp; fold: boolean; literals: string[][] | null };

/**
 * A compiled index as plain data. The build writes the built-in lists' snapshot next to the
 * tokenizer dictionary (in the binary form of snapshot-format.ts), so a fresh service worker skips
 * tokenizing ~90k pattern parts (seconds) and only compiles what a company added.
 * SNAPSHOT_VERSION changes whenever compiled parts, or the binary form, would.
 */
export const SNAPSHOT_VERSION = 9;
export interface IndexSnapshot {
  version: number;
  parts: PartData[];
  compiled: Array<({ kind: 'phrase'; variants: number[][][]; gap: number } & PhraseExtras) | { kind: 're'; source: string; flags: string; fold: boolean; literals: string[][] | null }>;
  /** pattern source -> compiled id, so entries find their patterns without compiling them */
  keys: Array<[string, number]>;
}

/**
 * What an index needs to match drafts once its patterns are known, built from its parts and
 * patterns alone (PatternIndex.prepare). Never changed after it is built, so indexes with the same
 * parts and patterns share one: every engine started from the same loaded snapshot.
 */
interface Tables {
  matcher: PartMatcher;
  /** for each part, the patterns whose first slot it can fill (only those need combining) */
  firstSlotOf: number[][];
  gate: Uint8Array;
  literalTrie: CharTrie;
  /** per regex: how many literal sets it has; per set: its regex */
  setCount: Uint8Array;
  setOwner: Int32Array;
  setsOfLiteral: number[][];
  plainRegexes: number[];
  /** when a pattern has a `{人名}` slot: the patterns whose first slot it is (else undefined: no name scan) */
  nameFirst: number[] | undefined;
  /** the number of literal sets */
  sets: number;
}

/**
 * Tables as data, for the snapshot to ship them ready-made (building them was most of a cold
 * worker's start-up): the parts' tries (PartTries), PartMatcher's first-token index, the literal
 * trie, and per part / regex / literal the lists of Tables, each list of lists as a run table
 * (xStart[i] .. xStart[i + 1] - 1 of x).
 */
export interface TablesData {
  surfaces: CharTrieData;
  readings: CharTrieData;
  literals: CharTrieData;
  firstToken: FirstTokenData;
  firstSlotStart: Int32Array;
  firstSlot: Int32Array;
  /** Tables.nameFirst, or undefined */
  nameFirst: Int32Array | undefined;
  gate: Uint8Array;
  setCount: Uint8Array;
  setOwner: Int32Array;
  setsStart: Int32Array;
  sets: Int32Array;
  plainRegexes: Int32Array;
}

function runTable(lists: readonly (readonly number[])[]): [Int32Array, Int32Array] {
  const start = new Int32Array(lists.length + 1);
  let n = 0;
  lists.forEach((l, i) => {
    start[i] = n;
    n += l.length;
  });
  start[lists.length] = n;
  const flat = new Int32Array(n);
  lists.forEach((l, i) => flat.set(l, start[i]!));
  return [start, flat];
}

/** The lists of a run table, each number below `limit`; an empty list is `empty` (shared). */
function fromRunTable(start: Int32Array, flat: Int32Array, limit: number, empty?: number[]): number[][] {
  if (start.length < 1 || start[0] !== 0 || start[start.length - 1] !== flat.length) throw new Error('tables: runs');
  const out: number[][] = [];
  for (let i = 0; i + 1 < start.length; i++) {
    const from = start[i]!;
    const to = start[i + 1]!;
    if (to < from) throw new Error('tables: runs');
    if (to === from && empty) {
      out.push(empty);
      continue;
    }
    const list: number[] = [];
    for (let k = from; k < to; k++) {
      const v = flat[k]!;
      if (!(v >= 0 && v < limit)) throw new Error('tables: number out of range');
      list.push(v);
    }
    out.push(list);
  }
  return out;
}

function tablesToData(t: Tables, tries: PartTries): TablesData {
  const [firstSlotStart, firstSlot] = runTable(t.firstSlotOf);
  const [setsStart, sets] = runTable(t.setsOfLiteral);
  return {
    surfaces: tries.surfaces.data(tries.parts),
    readings: tries.readings.data(tries.parts),
    literals: t.literalTrie.data(t.setsOfLiteral.length),
    firstToken: t.matcher.firstTokenData(),
    firstSlotStart,
    firstSlot,
    nameFirst: t.nameFirst ? Int32Array.from(t.nameFirst) : undefined,
    gate: t.gate,
    setCount: t.setCount,
    setOwner: t.setOwner,
    setsStart,
    sets,
    plainRegexes: Int32Array.from(t.plainRegexes),
  };
}

/** The tables of tablesToData (throws on data that does not fit these parts and patterns). */
function tablesFromData(parts: readonly Part[], compiled: readonly Compiled[], rows: PartRows, d: TablesData): Tables {
  const n = compiled.length;
  const inRange = (a: Int32Array, limit: number) => {
    for (let i = 0; i < a.length; i++) if (!(a[i]! >= 0 && a[i]! < limit)) throw new Error('tables: number out of range');
  };
  if (d.surfaces.nodeOf.length !== parts.length || d.readings.nodeOf.length !== parts.length || d.gate.length !== n || d.setCount.length !== n) throw new Error('tables: sizes');
  if (d.firstSlotStart.length !== parts.length + 1 || d.setsStart.length !== d.literals.nodeOf.length + 1) throw new Error('tables: sizes');
  inRange(d.setOwner, n);
  inRange(d.plainRegexes, n);
  if (d.nameFirst) inRange(d.nameFirst, n);
  const tries = new PartTries(CharTrie.fromData(d.surfaces), CharTrie.fromData(d.readings), parts.length);
  return {
    matcher: new PartMatcher(parts as Part[], rows, tries, d.firstToken),
    firstSlotOf: fromRunTable(d.firstSlotStart, d.firstSlot, n, NO_PATTERNS),
    gate: d.gate,
    literalTrie: CharTrie.fromData(d.literals),
    setCount: d.setCount,
    setOwner: d.setOwner,
    setsOfLiteral: fromRunTable(d.setsStart, d.sets, d.setOwner.length),
    plainRegexes: Array.from(d.plainRegexes),
    nameFirst: d.nameFirst ? Array.from(d.nameFirst) : undefined,
    sets: d.setOwner.length,
  };
}

/**
 * A snapshot ready to start indexes from (PatternIndex.fromSnapshot): its parts and patterns
 * decoded, and (after prepare(), or the first check of an engine started from it) the tables to
 * match drafts with. Needs no tokenizer, so a host can load and prepare it while the tokenizer
 * still loads; every engine started from it shares both (an index that adds patterns of its own
 * builds its own tables, from these parts' rows).
 */
export class LoadedSnapshot {
  private tables: Tables | undefined;
  constructor(
    readonly parts: readonly Part[],
    readonly rows: PartRows,
    readonly compiled: readonly Compiled[],
    readonly keys: ReadonlyMap<string, number>,
    /** the tables as shipped (see TablesData): made from these instead of built, when they fit */
    private data?: TablesData,
  ) {}

  /** The tables as data (built first when needed), for a snapshot to ship them. */
  tablesData(): TablesData {
    const tries = new PartTries();
    tries.add(this.parts, this.parts.length);
    return tablesToData(buildTables(this.parts, this.compiled, this.rows, tries), tries);
  }

  /** Builds the tables now (otherwise the first check of the first engine does). */
  prepare(): this {
    this.tablesFor();
    return this;
  }

  /**
   * prepare() awaiting `pause` between steps, so that a host's other work gets turns (in a service
   * worker, reading a response happens on the same thread): the shipped tables are made in one
   * step (tens of milliseconds); tables to build, in steps of PREPARE_STEP parts.
   */
  async prepareAsync(pause: () => Promise<void>): Promise<this> {
    if (this.data) {
      await pause();
      this.tables ??= this.fromData();
      if (this.tables) return this;
    }
    const tries = new PartTries();
    const parts = this.parts;
    while (!this.tables && tries.parts < parts.length) {
      tries.add(parts, Math.min(parts.length, tries.parts + PREPARE_STEP));
      await pause();
    }
    this.tables ??= buildTables(parts, this.compiled, this.rows, tries);
    return this;
  }

  /** @internal the tables for exactly these parts and patterns */
  tablesFor(): Tables {
    return (this.tables ??= this.fromData() ?? buildTables(this.parts, this.compiled, this.rows));
  }

  /**
   * The tables from the shipped data, or undefined without data or when it does not fit (they are
   * then built: a bad snapshot only costs time).
   */
  private fromData(): Tables | undefined {
    const data = this.data;
    this.data = undefined;
    if (!data) return undefined;
    try {
      return tablesFromData(this.parts, this.compiled, this.rows, data);
    } catch {
      return undefined;
    }
  }

  /** From the JSON form (PatternIndex.toSnapshot); throws on another version. */
  static fromData(snap: IndexSnapshot): LoadedSnapshot {
    if (snap.version !== SNAPSHOT_VERSION) throw new Error(`pattern snapshot version ${snap.version} is not ${SNAPSHOT_VERSION}`);
    const parts = snap.parts.map(partFromData);
    return new LoadedSnapshot(parts, partRows(parts), snap.compiled.map(compiledFromData), new Map(snap.keys));
  }
}

/** A pattern from its snapshot form (regexes are made again from their source). */
export function compiledFromData(c: IndexSnapshot['compiled'][number]): Compiled {
  return c.kind === 're' ? { kind: 're', re: new RegExp(c.source, c.flags), fold: c.fold, literals: c.literals } : c;
}

const NO_PATTERNS: number[] = [];
/** parts per step of prepareAsync (some milliseconds each) */
const PREPARE_STEP = 8192;

function buildTables(parts: readonly Part[], compiled: readonly Compiled[], rows: PartRows | undefined, tries?: PartTries): Tables {
  const matcher = new PartMatcher(parts as Part[], rows, tries);
  // most parts start no pattern (they are later slots' or requires' words): one shared empty list
  const firstSlotOf: number[][] = Array.from({ length: parts.length }, () => NO_PATTERNS);
  const nameFirst: number[] = [];
  let names = false;
  compiled.forEach((c, id) => {
    if (c.kind !== 'phrase') return;
    for (const slots of c.variants) {
      for (const p of slots[0]!) {
        if (p === NAME_PART) {
          if (nameFirst.at(-1) !== id) nameFirst.push(id);
          continue;
        }
        let list = firstSlotOf[p]!;
        if (list === NO_PATTERNS) firstSlotOf[p] = list = [];
        if (list.at(-1) !== id) list.push(id);
      }
      if (c.joins) names ||= slots.some((slot) => slot[0] === NAME_PART);
    }
  });
  const gate = Uint8Array.from(compiled, (c) => (c.kind === 'phrase' ? 0 : c.literals ? 1 : 2));
  const literalTrie = new CharTrie();
  const setCount = new Uint8Array(compiled.length);
  const owners: number[] = [];
  // each distinct literal is one key of the trie, and knows the sets it belongs to
  const literalIds = new Map<string, number>();
  const setsOfLiteral: number[][] = [];
  let sets = 0;
  compiled.forEach((c, id) => {
    if (c.kind !== 're' || !c.literals) return;
    setCount[id] = c.literals.length;
    for (const set of c.literals) {
      owners.push(id);
      for (const l of set) {
        const key = looseFromFolded(fold(l));
        let lit = literalIds.get(key);
        if (lit === undefined) {
          literalIds.set(key, (lit = setsOfLiteral.length));
          setsOfLiteral.push([]);
          literalTrie.insert(key, lit);
        }
        if (setsOfLiteral[lit]!.at(-1) !== sets) setsOfLiteral[lit]!.push(sets);
      }
      sets++;
    }
  });
  return {
    matcher,
    firstSlotOf,
    gate,
    literalTrie,
    setCount,
    setOwner: Int32Array.from(owners),
    setsOfLiteral,
    plainRegexes: compiled.flatMap((c, id) => (c.kind === 're' && !c.literals ? [id] : [])),
    nameFirst: names ? nameFirst : undefined,
    sets,
  };
}

export class PatternIndex {
  private parts: Part[] = [];
  /**
   * Part ids by raw source and by normalized key (different spellings of one part share it). An
   * index from a snapshot makes it on first use: only a company's own patterns need it, and
   * making it for the ~50k shipped parts was a tenth of a cold start.
   */
  private partIdMap: Map<string, number> | undefined = new Map();
  private get partIds(): Map<string, number> {
    return (this.partIdMap ??= new Map(this.parts.map((p, i) => [p.key, i])));
  }
  private compiled: Compiled[] = [];
  private keys = new Map<string, number>();
  private readings = new Map<string, string>();
  private matcher: PartMatcher | undefined;
  /** the snapshot this index started from: its tables serve as long as no pattern was added */
  private base: LoadedSnapshot | undefined;

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

  /**
   * An index that starts from a snapshot (its JSON form, or loaded: see LoadedSnapshot); patterns
   * added later compile as usual.
   */
  static fromSnapshot(tokenizer: Tokenizer, snap: IndexSnapshot | LoadedSnapshot): PatternIndex {
    const loaded = snap instanceof LoadedSnapshot ? snap : LoadedSnapshot.fromData(snap);
    const index = new PatternIndex(tokenizer);
    index.base = loaded;
    index.parts = loaded.parts.slice();
    index.compiled = loaded.compiled.slice();
    index.keys = new Map(loaded.keys);
    // Parts are found again by key (when a pattern outside the snapshot is added); the raw-source
    // aliases are only a compile-time shortcut.
    index.partIdMap = undefined;
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
      // {文頭} / {文末} anchors and the {人名} slot (named lists are resolved by the dictionary)
      const { body, anchor } = specialSlots(surfaceOnly ? pattern.slice(1) : pattern);
      const ids = (texts: string[]) => (texts[0] === NAME_MARK ? [NAME_PART] : [...new Set(texts.map((t) => this.partId(t, surfaceOnly)))]);
      if (!body.includes(NAME_MARK)) c = { kind: 'phrase', gap, variants: expandPhraseSlots(body).map((slots) => slots.map(ids)) };
      else {
        const expanded = expandPhraseSlotsWithNames(body);
        c = { kind: 'phrase', gap, variants: expanded.map((v) => v.slots.map(ids)), joins: expanded.map((v) => v.tight.map((t) => (t ? 0 : gap))) };
      }
      if (anchor) c.anchor = anchor;
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
  /** per regex id: how many literal sets it has (all must occur); per set: the regex it belongs to */
  private setCount: Uint8Array | undefined;
  private setOwner: Int32Array | undefined;
  /** per regex id: how many of its sets the draft countStamp[id] has (counted as they are found) */
  private setsFound: Uint8Array | undefined;
  private countStamp: Uint32Array | undefined;
  /** per distinct literal (the trie's keys): the sets it is in, and the last draft it occurred in */
  private setsOfLiteral: number[][] | undefined;
  private literalStamp: Uint32Array | undefined;
  private foundLiterals: number[] = [];
  /** the regexes without required literals (candidates for every draft) */
  private plainRegexes: number[] | undefined;
  /** the number of the last draft matched, and per phrase / regex / literal set the last draft it may hit */
  private draft = 0;
  private phraseStamp: Uint32Array | undefined;
  private regexStamp: Uint32Array | undefined;
  /** a pattern's spans, computed for the draft memoStamp[id] (kept in place from draft to draft) */
  private memoStamp: Uint32Array | undefined;
  private memo: Span[][] | undefined;
  private setStamp: Uint32Array | undefined;
  /**
   * Per pattern id, read on every lookup without touching the compiled objects (two shapes, so a
   * polymorphic load): 0 a phrase, 1 a regex with required literals, 2 a regex without.
   */
  private gate: Uint8Array | undefined;
  /** when a pattern has a `{人名}` slot: the patterns whose first slot it is (else undefined: no name scan) */
  private nameFirst: number[] | undefined;

  private prepare(): PartMatcher {
    if (!this.matcher) {
      const base = this.base;
      const t =
        base && this.parts.length === base.parts.length && this.compiled.length === base.compiled.length
          ? base.tablesFor()
          : buildTables(this.parts, this.compiled, base?.rows);
      this.matcher = t.matcher;
      this.firstSlotOf = t.firstSlotOf;
      this.gate = t.gate;
      this.literalTrie = t.literalTrie;
      this.setCount = t.setCount;
      this.setOwner = t.setOwner;
      this.setsOfLiteral = t.setsOfLiteral;
      this.plainRegexes = t.plainRegexes;
      this.nameFirst = t.nameFirst;
      this.setsFound = new Uint8Array(this.compiled.length);
      this.countStamp = new Uint32Array(this.compiled.length);
      this.literalStamp = new Uint32Array(t.setsOfLiteral.length);
      this.phraseStamp = new Uint32Array(this.compiled.length);
      this.regexStamp = new Uint32Array(this.compiled.length);
      this.memoStamp = new Uint32Array(this.compiled.length);
      this.memo = new Array<Span[]>(this.compiled.length).fill(NO_HITS);
      this.setStamp = new Uint32Array(t.sets);
      this.draft = 0;
    }
    return this.matcher;
  }

  /**
   * The draft's hits, computed on demand: a pattern is only combined (or its regex only run) when
   * an entry asks for it, and entries ask for their `requires`/`unless`/`allow` patterns only after
   * one of their own patterns hit. Most of ~5,000 patterns are never looked at for a given draft.
   */
  match(a: Analysis): PatternHits {
    const partHits = this.prepare().match(a);
    // Per-draft flags live in arrays kept from draft to draft and stamped with the draft's number
    // instead of cleared or allocated (three arrays per check were a good part of its garbage).
    if (this.draft === 0xffffffff) {
      this.draft = 0;
      for (const stamps of [this.phraseStamp!, this.regexStamp!, this.countStamp!, this.setStamp!, this.literalStamp!, this.memoStamp!]) stamps.fill(0);
    }
    const draft = ++this.draft;
    const phraseStamp = this.phraseStamp!;
    const regexStamp = this.regexStamp!;
    const setStamp = this.setStamp!;
    const gate = this.gate!;
    /** every pattern that may hit: phrases whose first slot a part hit fills, regexes whose literals all occur */
    const candidates: number[] = [];
    for (const p of partHits.ids) {
      for (const id of this.firstSlotOf![p]!) {
        if (phraseStamp[id] === draft) continue;
        phraseStamp[id] = draft;
        candidates.push(id);
      }
    }
    if (this.nameFirst) {
      // only for lists with a {人名} slot: the draft's names as that slot's hits
      const names = personNames(a);
      if (names.length) {
        partHits.setNames(names);
        for (const id of this.nameFirst) {
          if (phraseStamp[id] === draft) continue;
          phraseStamp[id] = draft;
          candidates.push(id);
        }
      }
    }
    // the regexes' literal sets present in the draft: one walk of the loosely folded text
    const text = looseFromFolded(a.norm.folded);
    // a literal marks its sets once per draft, however often it occurs
    const found = this.foundLiterals;
    found.length = 0;
    this.literalTrie!.stampKeys(text, this.literalStamp!, draft, found);
    // each set found for the first time counts for its regex; a regex all of whose sets are
    // found is a candidate (work in proportion to the literals found, not to the ~1,300 regexes)
    const setsOf = this.setsOfLiteral!;
    const setOwner = this.setOwner!;
    const setCount = this.setCount!;
    const setsFound = this.setsFound!;
    const countStamp = this.countStamp!;
    for (let f = 0; f < found.length; f++) {
      const sets = setsOf[found[f]!]!;
      for (let k = 0; k < sets.length; k++) {
        const set = sets[k]!;
        if (setStamp[set] === draft) continue;
        setStamp[set] = draft;
        const id = setOwner[set]!;
        if (countStamp[id] !== draft) {
          countStamp[id] = draft;
          setsFound[id] = 0;
        }
        if (++setsFound[id]! === setCount[id]) {
          regexStamp[id] = draft;
          candidates.push(id);
        }
      }
    }
    for (const id of this.plainRegexes!) candidates.push(id);
    const memoStamp = this.memoStamp!;
    const memo = this.memo!;
    const size = this.compiled.length;
    return {
      candidates: () => candidates,
      get: (id: number): Span[] => {
        if (draft !== this.draft) throw new Error('PatternHits of an earlier draft: use the hits of the last match()');
        if (id >= size) return NO_HITS;
        const g = gate[id]!;
        if (g === 0 ? phraseStamp[id] !== draft : g === 1 && regexStamp[id] !== draft) return NO_HITS;
        const c = this.compiled[id]!;
        if (memoStamp[id] === draft) return memo[id]!;
        const spans = c.kind === 're' ? matchRegExp(c.re, c.fold ? a.norm.folded : a.norm.text) : c.anchor ? anchored(combine(c, partHits), c.anchor, a.norm.text) : combine(c, partHits);
        memoStamp[id] = draft;
        memo[id] = spans;
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
   * pattern not listed has no hits; its `get` is empty. Read only.
   */
  candidates(): readonly number[];
}

function matchRegExp(re: RegExp, text: string): Span[] {
  let out: Span[] | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    (out ??= []).push({ start: m.index, end: m.index + m[0].length });
  }
  return out ?? NO_HITS;
}

const slotSets = new WeakMap<number[], Set<number>>();

/**
 * The hits of any of a slot's parts. When only one part hit, its own array (in text order; the
 * caller must not change it) and `fresh` false; otherwise a new array, in slot order (not sorted).
 */
let fresh = false;
function slotHits(slot: number[], partHits: PartHits): Span[] {
  fresh = false;
  if (slot.length === 1) return partHits.get(slot[0]!) ?? NO_HITS;
  let out: Span[] = NO_HITS;
  if (slot.length <= partHits.size) {
    for (let k = 0; k < slot.length; k++) {
      const h = partHits.get(slot[k]!);
      if (h !== undefined) out = addHits(out, h);
    }
    return out;
  }
  // a slot of hundreds of parts (a word list) against a draft's few dozen part hits
  let set = slotSets.get(slot);
  if (!set) slotSets.set(slot, (set = new Set(slot)));
  const ids = partHits.ids;
  for (let k = 0; k < ids.length; k++) if (set.has(ids[k]!)) out = addHits(out, partHits.get(ids[k]!)!);
  return out;
}

/** `out` with `h` appended: `h` itself when out is empty, a new array on the second (then `fresh`). */
function addHits(out: Span[], h: Span[]): Span[] {
  if (out === NO_HITS) return h;
  if (!fresh) {
    fresh = true;
    return out.concat(h);
  }
  for (let i = 0; i < h.length; i++) out.push(h[i]!);
  return out;
}

/**
 * A pattern's spans: each variant's first slot, then every later slot within `gap` of the previous.
 * May be a part's own array (one variant of one slot): read only. (A gap may span a sentence end:
 * rule authors rely on it, e.g. 「年寄りはスマホなんか持つな。…迷惑」; keeping gaps inside one
 * sentence lost 15 risky posts of the corpus and spared no benign one.)
 */
function combine(c: Extract<Compiled, { kind: 'phrase' }>, partHits: PartHits): Span[] {
  let out: Span[] = NO_HITS;
  let own = false; // out is this call's own array
  const variants = c.variants;
  const joins = c.joins;
  for (let v = 0; v < variants.length; v++) {
    const slots = variants[v]!;
    const first = slotHits(slots[0]!, partHits);
    if (first.length === 0) continue;
    if (slots.length === 1) {
      if (out === NO_HITS) out = first;
      else if (own) for (const h of first) out.push(h);
      else {
        out = out.concat(first);
        own = true;
      }
      continue;
    }
    // the later slots' hits, each in text order (computed once the first slot hit)
    const rest: Span[][] = [];
    let none = false;
    for (let k = 1; k < slots.length && !none; k++) {
      const h = slotHits(slots[k]!, partHits);
      if (h.length === 0) none = true;
      // one part's hits are in text order already; several parts' are a fresh array to sort
      else rest.push(fresh ? h.sort(byStart) : h);
    }
    if (none) continue;
    for (const h of first) {
      let end = h.end;
      let ok = true;
      for (let k = 0; k < rest.length && ok; k++) {
        const gap = joins ? joins[v]![k]! : c.gap;
        const next = rest[k]!.find((r) => r.start >= end && r.start - end <= gap);
        if (next) end = next.end;
        else ok = false;
      }
      if (!ok) continue;
      if (!own) {
        out = out === NO_HITS ? [] : out.slice();
        own = true;
      }
      out.push({ start: h.start, end });
    }
  }
  return out;
}

const byStart = (x: Span, y: Span) => x.start - y.start;

/**
 * The `{人名}` slot's hits: each run of consecutive person-name tokens (名詞/固有名詞/人名: 姓 or
 * 名) is one name, 田中太郎 as a whole (never 太郎 alone inside it). A name of one character
 * counts only before an honorific (名詞/接尾/人名: さん 様 ちゃん くん 氏…): kuromoji also tags
 * the 笑 of (笑), 夏 and 美 as names, while 森様 is a name.
 */
function personNames(a: Analysis): Span[] {
  const tokens = a.tokens;
  let out: Span[] = NO_HITS;
  for (let i = 0; i < tokens.length; i++) {
    if (!isPersonName(tokens[i]!)) continue;
    const start = tokens[i]!.start;
    while (i + 1 < tokens.length && isPersonName(tokens[i + 1]!) && tokens[i + 1]!.start === tokens[i]!.end) i++;
    const end = tokens[i]!.end;
    if (end - start === 1) {
      const next = tokens[i + 1];
      if (!next || next.start !== end || next.posDetail !== '接尾' || next.posDetail2 !== '人名') continue;
    }
    if (out === NO_HITS) out = [];
    out.push({ start, end });
  }
  return out;
}

function isPersonName(t: Analysis['tokens'][number]): boolean {
  return t.posDetail2 === '人名' && t.posDetail === '固有名詞' && t.pos === '名詞';
}

/** A sentence ends after 。！？!? or a line break (as in evaluate-entries.ts), and at the text's ends. */
function endsSentence(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x0a;
}
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x3000 || c === 0x0d;

/**
 * `{文頭}`: only spaces between the sentence's start (the text's start, or after 。！？!? or a
 * line break) and the hit. `{文末}`: only spaces between the hit and the text's end, a line
 * break or one of 。！？!?.
 */
function anchored(spans: Span[], anchor: number, text: string): Span[] {
  let out: Span[] | undefined;
  for (const h of spans) {
    let ok = true;
    if (anchor & ANCHOR_START) {
      let i = h.start - 1;
      while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
      ok = i < 0 || endsSentence(text.charCodeAt(i));
    }
    if (ok && anchor & ANCHOR_END) {
      let i = h.end;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      ok = i >= text.length || endsSentence(text.charCodeAt(i));
    }
    if (ok) (out ??= []).push(h);
  }
  return out ?? NO_HITS;
}
