/**
 * Phrase parts: the unit every pattern is made of. One part is matched four ways, all anchored
 * on token boundaries so 宗教 never fires inside an unrelated longer word:
 *  1. token sequence on folded surface or base form (痩せます / 痩せられる / 治りました -> 痩せる / 治る),
 *  2. folded surface string (robust when the pattern tokenizes differently on its own),
 *  3. reading, only where the draft writes the word in kana (しゅうきょう -> 宗教; 家事 never hits 火事),
 *  4. English (ASCII) parts: case-insensitive, word-bounded, `*` = any word characters.
 */
import type { Analysis, Span } from '../analysis';
import { fold, foldsByContext, isKanaWord } from '../fold';
import { normalize } from '../normalize';
import { CharTrie } from './char-trie';
import type { Tokenizer } from '../tokenizer/types';

interface PatternToken {
  s: string; // folded surface
  l: string; // folded base form
  lr: string; // folded reading of the base form ('' if unknown)
  rs: string; // folded reading of the surface
}

export interface Part {
  key: string;
  /** an English phrase, matched by a regex made on first use (most never are) */
  english: boolean;
  englishRe?: RegExp;
  /** English: the words a text must contain for the part to be worth running (see draftWords) */
  words: string[];
  /** English: a word prefix (before `*`) to index by when every word has a wildcard */
  prefix: string;
  s: string;
  tokens: PatternToken[];
  /** reading of the whole part, when matching by reading is safe (>= 3 kana, not already kana) */
  reading: string;
  /** match the written form only: no base-form or reading matches (=黙れ must not match 黙って) */
  surfaceOnly: boolean;
}

const ENGLISH = /^[\x20-\x7e]+$/;
const MIN_READING = 3;
/** What an English "word" is, for both the index and the text. */
export const ENGLISH_WORD = /[a-z0-9'’]+/g;

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Normalizes a part's source and names it; parts with the same key are the same part. */
export function partKey(source: string, surfaceOnly = false): { key: string; text: string; s: string; english: boolean; surfaceOnly: boolean } {
  const text = normalize(source).text.trim();
  const s = fold(text);
  const english = ENGLISH.test(text) && /[a-z]/i.test(text);
  return { key: `${english ? 'en' : surfaceOnly ? 'ja=' : 'ja'}:${s}`, text, s, english, surfaceOnly: surfaceOnly && !english };
}

export function compilePart(k: ReturnType<typeof partKey>, tokenizer: Tokenizer, readingOf: (base: string) => string): Part {
  const { key, text, s } = k;
  if (k.english) return englishPart(key, s);
  const tokens: PatternToken[] = tokenizer.tokenize(text).map((t) => ({
    s: fold(t.surface),
    l: fold(t.base),
    lr: t.base === t.surface ? fold(t.reading) : fold(readingOf(t.base)),
    rs: fold(t.reading),
  }));
  const whole = tokens.map((t) => t.rs).join('');
  const reading = !k.surfaceOnly && !isKanaWord(text) && tokens.every((t) => t.rs !== '') && whole.length >= MIN_READING ? whole : '';
  return { key, english: false, words: [], prefix: '', s, tokens, reading, surfaceOnly: k.surfaceOnly };
}

function englishPart(key: string, s: string): Part {
    const words = s.split(/\s+/);
    // The word pieces a match must contain whole: not those next to a `*` (elect* is a prefix,
    // *ism a suffix), but re in re-elect* is. Curly and straight apostrophes are one character to
    // the regex, and in draftWords.
    const literal: string[] = [];
    for (const w of words) {
      for (const m of w.matchAll(ENGLISH_WORD)) {
        if (w[m.index - 1] === '*' || w[m.index + m[0].length] === '*') continue;
        literal.push(m[0].replace(/’/g, "'"));
      }
    }
    return {
      key,
      english: true,
      words: literal,
      prefix: literal.length ? '' : (words[0]!.split('*')[0] ?? ''),
      s,
      tokens: [],
      reading: '',
      surfaceOnly: false,
    };
}

/** An English part's regex: word-bounded at its word-character ends, `*` a word-character wildcard; made once, when first needed. */
export function englishRegExp(p: Part): RegExp {
  if (!p.englishRe) {
    const body = p.s
      .split(/\s+/)
      .map((w) => w.split('*').map((piece) => escapeRegExp(piece).replace(/['’]/g, "['’]")).join("[a-z0-9'’]*"))
      .join('\\s+');
    // Word-bounded like \b: only an end that is a word character (or a wildcard) must not touch
    // another one, so "% off" matches in "50% off" and "#ad" right after a word.
    const before = /^[a-z0-9'’*]/.test(p.s) ? '(?<![a-z0-9])' : '';
    const after = /[a-z0-9'’*]$/.test(p.s) ? '(?![a-z0-9])' : '';
    p.englishRe = new RegExp(`${before}${body}${after}`, 'g');
  }
  return p.englishRe;
}

/**
 * Parts as compact data for the shipped snapshot: [kind, folded surface, tokens, reading] with
 * kind 0 = Japanese, 1 = Japanese written-form-only, 2 = English (rebuilt from the surface).
 * Tokens are "s\tl\tlr\trs" lines, a field equal to the one before it written as \x01.
 */
export type PartData = [0 | 1 | 2, string, string, string];
const SAME = '\x01';

export function partToData(p: Part): PartData {
  if (p.english) return [2, p.s, '', ''];
  const tokens = p.tokens
    .map((t) => [t.s, t.l === t.s ? SAME : t.l, t.lr, t.rs === t.lr ? SAME : t.rs].join('\t'))
    .join('\n');
  return [p.surfaceOnly ? 1 : 0, p.s, tokens, p.reading];
}

export function partFromData([kind, s, tokens, reading]: PartData): Part {
  if (kind === 2) return englishPart(`en:${s}`, s);
  return {
    key: `${kind === 1 ? 'ja=' : 'ja'}:${s}`,
    english: false,
    words: [],
    prefix: '',
    s,
    reading,
    surfaceOnly: kind === 1,
    tokens: tokens === ''
      ? []
      : tokens.split('\n').map((line) => {
          const [ts, l, lr, rs] = line.split('\t') as [string, string, string, string];
          return { s: ts, l: l === SAME ? ts : l, lr, rs: rs === SAME ? lr : rs };
        }),
  };
}

/**
 * The parts' tokens as rows of numbered strings: what PartMatcher indexes, and what the shipped
 * snapshot stores (so a fresh worker neither makes ~270k token objects nor hashes their strings).
 * Part i's tokens are rows tokStart[i] .. tokStart[i + 1] - 1 (rows for tokStart.length - 1 parts);
 * each row holds the numbers of the token's folded surface, base form, base-form reading and
 * surface reading in `strings` (distinct, none empty), -2 for an empty one.
 */
export interface PartRows {
  strings: readonly string[];
  tokStart: Int32Array;
  tokS: Int32Array;
  tokL: Int32Array;
  tokLR: Int32Array;
  tokRS: Int32Array;
}

/** an empty string's number in rows: never equal to a draft token's number (-1 when no pattern has it) */
const EMPTY = -2;

/**
 * Numbers strings by their place in `strings`, which it extends with each new one ('' is EMPTY:
 * it never equals a draft token's number).
 */
export function stringNumbers(strings: string[]): (k: string) => number {
  const ids = new Map<string, number>();
  strings.forEach((k, i) => ids.set(k, i));
  return (k: string): number => {
    if (k === '') return EMPTY;
    let id = ids.get(k);
    if (id === undefined) {
      ids.set(k, (id = strings.length));
      strings.push(k);
    }
    return id;
  };
}

/**
 * The rows of `parts`: those of `given` (its first parts) as they are, the others numbered here,
 * a new string getting the next number. Returns `given` itself when it covers every part.
 */
export function partRows(parts: readonly Part[], given?: PartRows): PartRows {
  const from = given ? given.tokStart.length - 1 : 0;
  if (given && from === parts.length) return given;
  const strings = given ? given.strings.slice() : [];
  const idOf = stringNumbers(strings);
  const givenRows = given ? given.tokStart[from]! : 0;
  let rows = givenRows;
  for (let i = from; i < parts.length; i++) rows += parts[i]!.tokens.length;
  const tokStart = new Int32Array(parts.length + 1);
  const tokS = new Int32Array(rows);
  const tokL = new Int32Array(rows);
  const tokLR = new Int32Array(rows);
  const tokRS = new Int32Array(rows);
  if (given) {
    tokStart.set(given.tokStart);
    for (const [to, of] of [[tokS, given.tokS], [tokL, given.tokL], [tokLR, given.tokLR], [tokRS, given.tokRS]] as const) to.set(of.subarray(0, givenRows));
  }
  let row = givenRows;
  for (let i = from; i < parts.length; i++) {
    tokStart[i] = row;
    for (const t of parts[i]!.tokens) {
      tokS[row] = idOf(t.s);
      tokL[row] = idOf(t.l);
      tokLR[row] = idOf(t.lr);
      tokRS[row] = idOf(t.rs);
      row++;
    }
  }
  tokStart[parts.length] = row;
  return { strings, tokStart, tokS, tokL, tokLR, tokRS };
}

const NO_WORDS: string[] = [];

/**
 * A Japanese part of a loaded snapshot: its tokens stay rows (see PartRows) until something asks
 * for them as objects (a snapshot written again, a matcher built without the rows); a surface or
 * reading that is its tokens' ones joined (nearly all) is joined when first asked for (the tries
 * are built from them; with the shipped tables and no company list, nothing else asks).
 */
class RowPart implements Part {
  readonly english = false;
  readonly words = NO_WORDS;
  readonly prefix = '';
  private made: PatternToken[] | undefined;
  constructor(
    private folded: string | undefined,
    private read: string | undefined,
    readonly surfaceOnly: boolean,
    private readonly rows: PartRows,
    private readonly index: number,
  ) {}
  get s(): string {
    return (this.folded ??= this.joined(this.rows.tokS));
  }
  get reading(): string {
    return (this.read ??= this.joined(this.rows.tokRS));
  }
  private joined(of: Int32Array): string {
    const { strings, tokStart } = this.rows;
    let out = '';
    for (let r = tokStart[this.index]!; r < tokStart[this.index + 1]!; r++) if (of[r] !== EMPTY) out += strings[of[r]!]!;
    return out;
  }
  get key(): string {
    return `${this.surfaceOnly ? 'ja=' : 'ja'}:${this.s}`;
  }
  get tokens(): PatternToken[] {
    if (!this.made) {
      const { strings, tokStart, tokS, tokL, tokLR, tokRS } = this.rows;
      const str = (id: number) => (id === EMPTY ? '' : strings[id]!);
      this.made = [];
      for (let r = tokStart[this.index]!; r < tokStart[this.index + 1]!; r++) this.made.push({ s: str(tokS[r]!), l: str(tokL[r]!), lr: str(tokLR[r]!), rs: str(tokRS[r]!) });
    }
    return this.made;
  }
}

/**
 * A Japanese part whose tokens are rows `index` of `rows` (see RowPart); a surface or reading
 * undefined is its tokens' ones joined (part `index` must then have tokens).
 */
export function rowPart(s: string | undefined, reading: string | undefined, surfaceOnly: boolean, rows: PartRows, index: number): Part {
  return new RowPart(s, reading, surfaceOnly, rows, index);
}

/** An English part from its folded surface and what englishPart found in it (stored, not found again). */
export function englishPartOf(s: string, words: string[], prefix: string): Part {
  return { key: `en:${s}`, english: true, words, prefix, s, tokens: [], reading: '', surfaceOnly: false };
}

/**
 * The English words of a draft as an English part's regex can see them: each word of
 * ENGLISH_WORD with straight apostrophes, and every run of its apostrophe-separated pieces
 * (government's has government, s and government's; 'don't' has don't), since the regexes
 * only need a letter or digit not to touch the word.
 */
export function draftWords(folded: string): Set<string> {
  const words = new Set<string>();
  for (const raw of folded.match(ENGLISH_WORD) ?? []) {
    const w = raw.replace(/’/g, "'");
    words.add(w);
    if (!w.includes("'")) continue;
    const pieces = w.split("'");
    for (let i = 0; i < pieces.length; i++) {
      if (!pieces[i]) continue;
      let run = pieces[i]!;
      words.add(run);
      for (let j = i + 1; j < pieces.length && pieces[j]; j++) words.add((run += `'${pieces[j]}`));
    }
  }
  return words;
}

/**
 * The character tries of parts' folded surfaces and readings (what PartMatcher walks a draft's
 * text with), filled a slice of parts at a time: a host can make them in steps between other work.
 */
export class PartTries {
  /** parts added so far (parts 0 .. parts - 1) */
  parts = 0;
  /** empty tries, or (a snapshot's) the tries of parts 0 .. parts - 1 */
  constructor(
    readonly surfaces = new CharTrie(),
    readonly readings = new CharTrie(),
    parts = 0,
  ) {
    this.parts = parts;
  }

  /** Adds parts `this.parts` .. `to - 1`, in order (a key's parts are listed in the order added). */
  add(parts: readonly Part[], to: number): void {
    for (let i = this.parts; i < to; i++) {
      const p = parts[i]!;
      if (p.english) continue;
      this.surfaces.insert(p.s, i);
      if (p.reading) this.readings.insert(p.reading, i);
    }
    this.parts = Math.max(this.parts, to);
  }
}

const UNNUMBERED = -3;

/**
 * A draft's part hits: spans per part index, for the parts that occur. One object per matcher,
 * refilled by each match() (stamped with the draft's number instead of cleared), so a draft's
 * hits are valid until the next draft is matched.
 */
export class PartHits {
  /** the parts that occur, in the order they were first found */
  readonly ids: number[] = [];
  private stamp: Uint32Array;
  private spans: Span[][];
  private draft = 0;

  constructor(parts: number) {
    this.stamp = new Uint32Array(parts);
    this.spans = new Array<Span[]>(parts);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Part i's spans in this draft (read only), or undefined when it does not occur. Part id -1 is
   * the `{人名}` slot (pattern-index.ts NAME_PART): the draft's person names, not a Part.
   */
  get(i: number): Span[] | undefined {
    if (i < 0) return this.namesDraft === this.draft ? this.names : undefined;
    return this.stamp[i] === this.draft ? this.spans[i] : undefined;
  }

  private names: Span[] | undefined;
  private namesDraft = 0;
  /** The draft's person names, as the hits of part id -1 (see get). */
  setNames(spans: Span[]): void {
    this.names = spans;
    this.namesDraft = this.draft;
  }

  /** Starts the next draft's hits. */
  reset(): void {
    this.ids.length = 0;
    if (++this.draft === 0xffffffff) {
      this.stamp.fill(0);
      this.draft = 1;
    }
  }

  /** Adds a span of part i (once: the same span again is ignored). */
  add(i: number, start: number, end: number): void {
    if (this.stamp[i] !== this.draft) {
      this.stamp[i] = this.draft;
      this.spans[i] = [{ start, end }];
      this.ids.push(i);
      return;
    }
    const list = this.spans[i]!;
    for (let k = 0; k < list.length; k++) if (list[k]!.start === start && list[k]!.end === end) return;
    list.push({ start, end });
  }
}

type FirstTokenSlot = { single: number[]; bySecond: Map<number, number[]> | undefined };

/**
 * PartMatcher's index of token-sequence parts by first (and second) token key as flat columns, for
 * a snapshot to ship it ready-made. Per string number k: kind[k] 0 no slot, 1 a slot, 2 a slot
 * with a second-token map; its single-token parts single[singleStart[k] ..]; its second keys
 * secondKey[secondStart[k] ..], the parts of second key j lists[listStart[j] ..].
 */
export interface FirstTokenData {
  kind: Uint8Array;
  singleStart: Int32Array;
  single: Int32Array;
  secondStart: Int32Array;
  secondKey: Int32Array;
  listStart: Int32Array;
  lists: Int32Array;
}

/** The numbers a[from .. to) as a packed array. */
function numbers(a: Int32Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(a[i]!);
  return out;
}

/**
 * The first-token slots of FirstTokenData over `keys` string numbers (throws on columns that do not
 * fit together, or names a part number outside 0 .. parts - 1).
 */
function slotsFromData(d: FirstTokenData, keys: number, parts: number): Array<FirstTokenSlot | undefined> {
  const { kind, singleStart, single, secondStart, secondKey, listStart, lists } = d;
  const ok =
    kind.length === keys && singleStart.length === keys + 1 && secondStart.length === keys + 1 && singleStart[keys] === single.length &&
    secondStart[keys] === secondKey.length && listStart.length === secondKey.length + 1 && listStart[secondKey.length] === lists.length;
  if (!ok) throw new Error('PartMatcher: first-token index of other parts');
  for (const a of [single, lists]) for (let i = 0; i < a.length; i++) if (!(a[i]! >= 0 && a[i]! < parts)) throw new Error('PartMatcher: part number out of range');
  // packed (not holey), as when built
  const slots: Array<FirstTokenSlot | undefined> = [];
  for (let k = 0; k < keys; k++) {
    if (kind[k] === 0) {
      slots.push(undefined);
      continue;
    }
    if (!(singleStart[k]! <= singleStart[k + 1]! && secondStart[k]! <= secondStart[k + 1]!)) throw new Error('PartMatcher: first-token index runs');
    let bySecond: Map<number, number[]> | undefined;
    if (kind[k] === 2) {
      bySecond = new Map();
      for (let j = secondStart[k]!; j < secondStart[k + 1]!; j++) {
        if (!(listStart[j]! <= listStart[j + 1]!)) throw new Error('PartMatcher: first-token index runs');
        bySecond.set(secondKey[j]!, numbers(lists, listStart[j]!, listStart[j + 1]!));
      }
    }
    slots.push({ single: numbers(single, singleStart[k]!, singleStart[k + 1]!), bySecond });
  }
  return slots;
}

/**
 * Whether token ti is a particle (助詞) right after a word (no space or symbol between): it ends
 * that word's phrase, so a reading that starts with it reads across a word boundary.
 */
function particleAfterWord(tokens: Analysis['tokens'], ti: number): boolean {
  if (ti === 0 || tokens[ti]!.pos !== '助詞') return false;
  const before = tokens[ti - 1]!;
  return before.end === tokens[ti]!.start && before.pos !== '記号';
}

/** Finds every occurrence of each part. Returns spans per part index. */
export class PartMatcher {
  /**
   * Token-sequence parts by the number of a key of their first token, then (for longer parts) by a
   * key of their second: a common first word (女性, 日本) starts hundreds of parts, its next word
   * only a few.
   */
  private byFirstToken: Array<FirstTokenSlot | undefined>;
  /**
   * Every string a pattern token has (folded surface, base form, readings), numbered: the tokens
   * of all parts are rows of flat arrays of these numbers, and a draft's tokens are numbered once
   * per draft. Comparing parts then reads a few adjacent integers instead of following part ->
   * tokens -> token -> string through a heap of ~65k parts (memory latency was most of the time).
   */
  private vocab = new Map<string, number>();
  /** part i's tokens are rows tokStart[i] .. tokStart[i + 1] - 1 */
  private tokStart: Int32Array;
  private tokS: Int32Array;
  private tokL: Int32Array;
  private tokLR: Int32Array;
  private tokRS: Int32Array;
  /** the row's base-form reading is long enough to match kana text by (MIN_READING) */
  private tokLROk: Uint8Array;
  private surfaceOnly: Uint8Array;
  /** per draft token (reused): its numbered folded surface and base form (-1: no pattern has it) */
  private draftS = new Int32Array(64);
  private draftL = new Int32Array(64);
  private draftKana = new Uint8Array(64);
  private surfaces: CharTrie;
  private readings: CharTrie;
  /** English parts by one of their literal words; parts with only wildcard words by prefix */
  private englishByWord = new Map<string, number[]>();
  /** ...by the first two letters of their prefix (a draft's words look up only their own two) */
  private englishByPrefix = new Map<string, number[]>();
  /** ...and those whose prefix is shorter than two letters */
  private englishShortPrefix: number[] = [];

  /**
   * The numbers of a dictionary word's folded surface and base form (by Token.word), remembered
   * from draft to draft: a Map lookup of two fresh strings per token was a twentieth of a check.
   * UNNUMBERED where not seen yet.
   */
  private words: object | undefined;
  private wordS = new Int32Array(0);
  private wordL = new Int32Array(0);

  private rememberWord(w: number, sId: number, lId: number): void {
    if (w >= this.wordS.length) {
      const n = Math.max(w + 1, this.wordS.length * 2, 1024);
      const grow = (a: Int32Array) => {
        const b = new Int32Array(n).fill(UNNUMBERED);
        b.set(a);
        return b;
      };
      this.wordS = grow(this.wordS);
      this.wordL = grow(this.wordL);
    }
    this.wordS[w] = sId;
    this.wordL[w] = lId;
  }

  /**
   * `rows`: the tokens of (the first of) these parts as numbered rows, e.g. from a snapshot (see
   * PartRows); the other parts' tokens are numbered here. `tries`: the tries of every one of these
   * parts (partTries), when made already (taken as they are, not copied). `index`: the first-token
   * index of these very parts and rows (firstTokenData of a matcher built from them), when shipped.
   */
  constructor(readonly parts: Part[], rows?: PartRows, tries?: PartTries, index?: FirstTokenData) {
    if (tries && tries.parts !== parts.length) throw new Error('PartMatcher: tries of other parts');
    const own = tries ?? new PartTries();
    this.surfaces = own.surfaces;
    this.readings = own.readings;
    const r = partRows(parts, rows);
    const { strings } = r;
    for (let i = 0; i < strings.length; i++) this.vocab.set(strings[i]!, i);
    this.tokStart = r.tokStart;
    this.tokS = r.tokS;
    this.tokL = r.tokL;
    this.tokLR = r.tokLR;
    this.tokRS = r.tokRS;
    const { tokStart, tokS, tokL, tokLR, tokRS } = r;
    const firstKeys: number[] = [];
    const secondKeys: number[] = [];
    const add = <K>(map: Map<K, number[]>, key: K, i: number) => {
      const list = map.get(key);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else map.set(key, [i]);
    };
    // packed (not holey) like the Array.from it replaces: match() reads it per draft token
    const firstSlots = index ? [] : Array.from({ length: strings.length }, (): FirstTokenSlot | undefined => undefined);
    /** per literal English word, how many parts have it */
    const wordParts = new Map<string, number>();
    for (const p of parts) if (p.english) for (const w of new Set(p.words)) wordParts.set(w, (wordParts.get(w) ?? 0) + 1);
    this.surfaceOnly = new Uint8Array(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.english) {
        if (p.words.length === 0) {
          if (p.prefix.length < 2) this.englishShortPrefix.push(i);
          else add(this.englishByPrefix, p.prefix.slice(0, 2), i);
          continue;
        }
        // index by the literal word fewest parts have (then the longest), so a draft's common
        // words ("customers", "our") start only the few parts whose rarer words are missing
        const word = p.words.reduce((a, b) => {
          const na = wordParts.get(a)!;
          const nb = wordParts.get(b)!;
          return nb < na || (nb === na && b.length > a.length) ? b : a;
        });
        add(this.englishByWord, word, i);
        continue;
      }
      this.surfaceOnly[i] = p.surfaceOnly ? 1 : 0;
      if (index) continue;
      // every key a draft token's s or l can equal for tokenMatches to hold (the first token as
      // before: by surface, base and base reading; the second also by its surface reading)
      const first = tokStart[i]!;
      const n = tokStart[i + 1]! - first;
      if (n > 0) {
        for (const id of rowKeys(first, p.surfaceOnly, false, firstKeys)) {
          let slot = firstSlots[id];
          if (!slot) firstSlots[id] = slot = { single: [], bySecond: undefined };
          if (n === 1) {
            if (slot.single.at(-1) !== i) slot.single.push(i);
          } else {
            slot.bySecond ??= new Map();
            for (const id2 of rowKeys(first + 1, p.surfaceOnly, true, secondKeys)) add(slot.bySecond, id2, i);
          }
        }
      }
    }
    if (!tries) own.add(parts, parts.length);
    this.tokLROk = new Uint8Array(tokLR.length);
    for (let row = 0; row < tokLR.length; row++) {
      const lr = tokLR[row]!;
      this.tokLROk[row] = lr !== EMPTY && strings[lr]!.length >= MIN_READING ? 1 : 0;
    }
    // by the string's number, in a dense array (a read instead of a Map lookup per draft token)
    this.byFirstToken = index ? slotsFromData(index, strings.length, parts.length) : firstSlots;

    /** A row's distinct index keys (numbered strings, never the empty one), into `out` (reused). */
    function rowKeys(row: number, surfaceOnly: boolean, withSurfaceReading: boolean, out: number[]): number[] {
      out.length = 0;
      const push = (k: number) => {
        if (k !== EMPTY && !out.includes(k)) out.push(k);
      };
      push(tokS[row]!);
      if (!surfaceOnly) {
        push(tokL[row]!);
        push(tokLR[row]!);
        if (withSurfaceReading) push(tokRS[row]!);
      }
      return out;
    }
  }

  /** The first-token index as columns (see FirstTokenData), in the order match() reads it. */
  firstTokenData(): FirstTokenData {
    const slots = this.byFirstToken;
    const k = slots.length;
    const kind = new Uint8Array(k);
    const singleStart = new Int32Array(k + 1);
    const secondStart = new Int32Array(k + 1);
    const single: number[] = [];
    const secondKey: number[] = [];
    const listStart: number[] = [0];
    const lists: number[] = [];
    for (let i = 0; i < k; i++) {
      singleStart[i] = single.length;
      secondStart[i] = secondKey.length;
      const slot = slots[i];
      if (!slot) continue;
      kind[i] = slot.bySecond ? 2 : 1;
      for (const pi of slot.single) single.push(pi);
      for (const [key, list] of slot.bySecond ?? []) {
        secondKey.push(key);
        for (const pi of list) lists.push(pi);
        listStart.push(lists.length);
      }
    }
    singleStart[k] = single.length;
    secondStart[k] = secondKey.length;
    return { kind, singleStart, single: Int32Array.from(single), secondStart, secondKey: Int32Array.from(secondKey), listStart: Int32Array.from(listStart), lists: Int32Array.from(lists) };
  }

  /**
   * Whether draft token `ti` (numbered in draftS/draftL) is pattern token row `k`: same folded
   * surface, or (unless written-form-only) same base form, or a kana word read as the pattern's
   * reading, only when that reading is long enough to be unambiguous (かじ: 火事? 家事? 舵?).
   * Draft strings no pattern has are -1, empty pattern strings -2, so neither equals anything.
   */
  private rowMatches(ti: number, k: number, surfaceOnly: boolean): boolean {
    const ts = this.draftS[ti]!;
    if (ts === this.tokS[k]) return true;
    if (surfaceOnly) return false;
    const tl = this.draftL[ti]!;
    return tl === this.tokL[k] || (this.draftKana[ti] === 1 && this.tokLROk[k] === 1 && (tl === this.tokLR[k] || ts === this.tokRS[k]));
  }

  private hits: PartHits | undefined;

  /**
   * Spans of the parts that occur in the draft (most of ~65k parts never do). The same object
   * for every draft: valid until the next call.
   */
  match(a: Analysis): PartHits {
    const hits = (this.hits ??= new PartHits(this.parts.length));
    hits.reset();
    const hit = (i: number, start: number, end: number) => hits.add(i, start, end);
    const { tokens, tokenEndingAt } = a;
    const folded = a.norm.folded;
    // the trie walks' callbacks, made once per draft: the walk from token walkToken at walkStart
    let walkStart = 0;
    let walkToken = 0;
    const onSurface = (end: number, parts: readonly number[]) => {
      if (tokenEndingAt[end] !== -1) for (const pi of parts) hit(pi, walkStart, end);
    };
    const onReading = (end: number, parts: readonly number[]) => {
      const last = tokenEndingAt[end]!;
      if (last === -1) return;
      for (let k = walkToken; k <= last; k++) if (!tokens[k]!.kana) return;
      for (const pi of parts) hit(pi, walkStart, end);
    };

    // number the draft's tokens by the pattern strings they equal
    if (this.draftS.length < tokens.length) {
      const n = Math.max(tokens.length, this.draftS.length * 2);
      this.draftS = new Int32Array(n);
      this.draftL = new Int32Array(n);
      this.draftKana = new Uint8Array(n);
    }
    // Word numbers mean something only within one tokenizer dictionary, and engines started from
    // one snapshot share this matcher: another dictionary's tokens start the memory afresh.
    if (a.words !== this.words) {
      this.words = a.words;
      this.wordS = new Int32Array(0);
      this.wordL = new Int32Array(0);
    }
    const remember = a.words !== undefined;
    const { draftS, draftL, draftKana, vocab, tokStart, surfaceOnly, byFirstToken } = this;
    for (let ti = 0; ti < tokens.length; ti++) {
      const t = tokens[ti]!;
      const w = t.word;
      let sId: number;
      let lId: number;
      if (w >= 0 && w < this.wordS.length && this.wordS[w] !== UNNUMBERED) {
        sId = this.wordS[w]!;
        lId = this.wordL[w]!;
      } else {
        sId = vocab.get(t.s) ?? -1;
        lId = t.l === t.s ? sId : (vocab.get(t.l) ?? -1);
        // a dictionary word folds the same in every draft unless its first unit depends on the one before
        if (w >= 0 && remember && !foldsByContext(t.surface.charCodeAt(0))) this.rememberWord(w, sId, lId);
      }
      draftS[ti] = sId;
      draftL[ti] = lId;
      draftKana[ti] = t.kana ? 1 : 0;
    }

    for (let ti = 0; ti < tokens.length; ti++) {
      const t = tokens[ti]!;
      // 1. token sequences
      const hasNext = ti + 1 < tokens.length;
      for (let pass = 0; pass < 2; pass++) {
        if (pass === 1 && draftL[ti] === draftS[ti]) break;
        const key = pass === 0 ? draftS[ti]! : draftL[ti]!;
        if (key < 0) continue;
        const slot = byFirstToken[key];
        if (!slot) continue;
        for (const pi of slot.single) if (this.rowMatches(ti, tokStart[pi]!, surfaceOnly[pi] === 1)) hit(pi, t.start, t.end);
        if (!hasNext || !slot.bySecond) continue;
        for (let pass2 = 0; pass2 < 2; pass2++) {
          if (pass2 === 1 && draftL[ti + 1] === draftS[ti + 1]) break;
          const key2 = pass2 === 0 ? draftS[ti + 1]! : draftL[ti + 1]!;
          if (key2 < 0) continue;
          const list = slot.bySecond.get(key2);
          if (!list) continue;
          for (const pi of list) {
            const from = tokStart[pi]!;
            const n = tokStart[pi + 1]! - from;
            if (ti + n > tokens.length) continue;
            const so = surfaceOnly[pi] === 1;
            let ok = true;
            for (let k = 0; k < n && ok; k++) ok = this.rowMatches(ti + k, from + k, so);
            if (ok) hit(pi, t.start, tokens[ti + n - 1]!.end);
          }
        }
      }
      // 2. folded surface, token-aligned
      walkStart = t.start;
      walkToken = ti;
      this.surfaces.walk(folded, t.start, onSurface);
      // 3. reading, only over text written in kana, and never from a particle that closes the word
      // before it: in 大切なものはつけたまま, は + つけ read ハツケ, but that is not 発毛
      if (t.kana && !particleAfterWord(tokens, ti)) this.readings.walk(folded, t.start, onReading);
    }
    // 4. English: only parts all of whose literal words occur in the draft run their regex (a
    // common word like "customers" starts hundreds of parts; their other words rule most out)
    const candidates = new Set<number>();
    const words = draftWords(folded);
    for (const w of words) {
      const list = this.englishByWord.get(w);
      if (!list) continue;
      for (const pi of list) {
        const need = this.parts[pi]!.words;
        let all = true;
        for (let k = 0; k < need.length && all; k++) all = words.has(need[k]!);
        if (all) candidates.add(pi);
      }
    }
    for (const w of words) {
      const list = this.englishByPrefix.get(w.slice(0, 2));
      if (list) for (const pi of list) if (w.startsWith(this.parts[pi]!.prefix)) candidates.add(pi);
      for (const pi of this.englishShortPrefix) if (w.startsWith(this.parts[pi]!.prefix)) candidates.add(pi);
    }
    for (const pi of candidates) {
      const re = englishRegExp(this.parts[pi]!);
      re.lastIndex = 0;
      for (let m = re.exec(folded); m; m = re.exec(folded)) {
        hit(pi, m.index, m.index + m[0].length);
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    return hits;
  }
}
