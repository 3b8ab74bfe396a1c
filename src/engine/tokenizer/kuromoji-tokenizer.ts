/**
 * kuromoji's lattice and Viterbi search over Kakunin's compact IPADIC (see ipadic-format.ts).
 *
 * Reused from kuromoji 0.1.2: UnknownDictionary (character classes) and the connection-cost table. Replaced:
 * the lattice builder, because kuromoji's re-encodes the whole remaining sentence to UTF-8 at every
 * position (quadratic on long sentences) and looks words up in the 325k-key target-map object;
 * here a trie over characters (word-trie.ts, the same keys as kuromoji's UTF-8 byte trie) is walked
 * on the fly over typed arrays and same-class runs for unknown words are computed once per
 * sentence. And the lattice itself: kuromoji's ViterbiNode objects (one per candidate word, most
 * of the garbage a check made) are rows of reused typed arrays here, searched
 * in kuromoji's exact order with its exact tie-breaking, so the best path is the same. Offsets are
 * UTF-16.
 */
import UnknownDictionary from 'kuromoji/src/dict/UnknownDictionary.js';
import type { IpadicData } from './ipadic-format';
import type { Token, Tokenizer } from './types';

/** kuromoji splits sentences after these (Tokenizer.splitByPunctuation): 、 。 and a line break. */
const isPunctuation = (c: number) => c === 0x3001 || c === 0x3002 || c === 0x0a;
/** Longer unpunctuated runs are cut so one pasted blob cannot make a lattice of unbounded size. */
const MAX_SEGMENT = 512;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * A Viterbi lattice as rows of typed arrays, reused from segment to segment. Row 0 is BOS. Rows
 * ending at the same position are chained in the order they were added (kuromoji's nodes_end_at
 * order, which decides ties).
 */
class Lattice {
  size = 0;
  cap = 0;
  name = new Int32Array(0);
  start = new Int32Array(0);
  len = new Int32Array(0);
  left = new Int32Array(0);
  right = new Int32Array(0);
  cost = new Int32Array(0);
  known = new Uint8Array(0);
  best = new Float64Array(0);
  prev = new Int32Array(0);
  nextSameEnd = new Int32Array(0);
  /** first and last row ending at each position (-1: none) */
  endHead = new Int32Array(0);
  endTail = new Int32Array(0);

  reset(n: number): void {
    if (this.endHead.length < n + 2) {
      this.endHead = new Int32Array(n + 2);
      this.endTail = new Int32Array(n + 2);
    }
    this.endHead.fill(-1, 0, n + 2);
    this.endTail.fill(-1, 0, n + 2);
    this.size = 0;
    this.add(-1, 0, 0, 0, 0, 0, false); // BOS
    this.best[0] = 0;
  }

  add(name: number, start: number, len: number, left: number, right: number, cost: number, known: boolean): void {
    if (this.size === this.cap) this.grow();
    const i = this.size++;
    this.name[i] = name;
    this.start[i] = start;
    this.len[i] = len;
    this.left[i] = left;
    this.right[i] = right;
    this.cost[i] = cost;
    this.known[i] = known ? 1 : 0;
    this.best[i] = Number.MAX_VALUE;
    this.prev[i] = -1;
    this.nextSameEnd[i] = -1;
    const end = start + len;
    if (this.endTail[end] === -1) this.endHead[end] = i;
    else this.nextSameEnd[this.endTail[end]!] = i;
    this.endTail[end] = i;
  }

  private grow(): void {
    const cap = Math.max(256, this.cap * 2);
    const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(cap);
      b.set(a);
      return b;
    };
    this.name = more(this.name, Int32Array);
    this.start = more(this.start, Int32Array);
    this.len = more(this.len, Int32Array);
    this.left = more(this.left, Int32Array);
    this.right = more(this.right, Int32Array);
    this.cost = more(this.cost, Int32Array);
    this.known = more(this.known, Uint8Array);
    this.best = more(this.best, Float64Array);
    this.prev = more(this.prev, Int32Array);
    this.nextSameEnd = more(this.nextSameEnd, Int32Array);
    this.cap = cap;
  }

  /**
   * kuromoji's ViterbiSearcher.search over a segment of n units: the rows on the best path, in
   * text order ([] when there is none).
   */
  search(n: number, conn: Int16Array): number[] {
    const dim = conn[1]!;
    const { endHead, nextSameEnd, start, left, right, cost, best, prev } = this;
    for (let end = 1; end <= n; end++) {
      for (let node = endHead[end]!; node !== -1; node = nextSameEnd[node]!) {
        const first = endHead[start[node]!]!;
        if (first === -1) continue;
        let min = Number.MAX_VALUE;
        let from = -1;
        // this word's costs after every possible predecessor are one row (ipadic-format.ts)
        const row = left[node]! * dim + 2;
        const c = cost[node]!;
        for (let p = first; p !== -1; p = nextSameEnd[p]!) {
          const total = best[p]! + conn[row + right[p]!]! + c;
          if (total < min) {
            min = total;
            from = p;
          }
        }
        prev[node] = from;
        best[node] = min;
      }
    }
    // EOS (left id 0, cost 0) after the rows that end at n
    let min = Number.MAX_VALUE;
    let last = -1;
    for (let p = endHead[n]!; p !== -1; p = nextSameEnd[p]!) {
      const total = best[p]! + conn[right[p]! + 2]!;
      if (total < min) {
        min = total;
        last = p;
      }
    }
    const path: number[] = [];
    for (let node = last; node !== 0; node = prev[node]!) {
      if (node === -1) return [];
      path.push(node);
    }
    return path.reverse();
  }
}

export interface TokenizerOptions {
  /**
   * How many sentence segments to remember (default 256; 0: none). Segments are tokenized
   * independently, so a cached one gives exactly the tokens it gave before: while a post is being
   * typed, only the segment that changed is tokenized again.
   */
  cacheSegments?: number;
}

const STR_CACHE = 4096; // a power of two

export function createKuromojiTokenizer(data: IpadicData, options: TokenizerOptions = {}): Tokenizer {
  const cacheSize = options.cacheSegments ?? 256;
  /** segment text → its tokens with offsets from the segment's start (insertion order = age) */
  const cache = new Map<string, Token[]>();
  const { trie, trieCodes, entries, tokPos, tokBase, tokReading, strings, strOffsets } = data;
  /** connection costs, by (left id of a word, right id of the word before it); see ipadic-format.ts */
  const conn = data.conn;
  const lattice = new Lattice();
  // (UnknownDictionary's constructor allocates two 10 MB buffers that loading replaces at once)
  const unknown = Object.create(UnknownDictionary.prototype) as UnknownDictionary;
  unknown.loadUnknownDictionaries(data.unk, data.unkPos, data.unkMap, data.unkChar, data.unkCompat, data.unkInvoke);
  const posFields = data.posTable.map((p) => p.split(','));
  // Base forms and readings repeat from draft to draft: the last string cut for each of 4,096
  // slots is kept (a direct-mapped cache by string number), so most tokens cut no new string.
  const strKeys = new Int32Array(STR_CACHE).fill(-1);
  const strValues = new Array<string>(STR_CACHE).fill('');
  const str = (id: number): string => {
    if (id < 0) return '';
    const slot = id & (STR_CACHE - 1);
    if (strKeys[slot] === id) return strValues[slot]!;
    const v = strings.slice(strOffsets[id]!, strOffsets[id + 1]!);
    strKeys[slot] = id;
    strValues[slot] = v;
    return v;
  };
  /** unknown-word features by entry id, and character classes by code point (both small sets) */
  const unknownFeatures = new Map<number, string[]>();
  const classOf = new Map<number, ReturnType<UnknownDictionary['lookup']>>();
  /** the same for BMP characters without a Map lookup: index into bmpClasses (0: not looked up) */
  const classIndex = new Uint16Array(0x10000);
  const bmpClasses: Array<ReturnType<UnknownDictionary['lookup']> | undefined> = [undefined];
  /** unknown-word entries by character class: [entry id, left id, right id, cost] each */
  const unknownEntries = new Map<number, Int32Array>();
  const unknownEntriesOf = (classId: number): Int32Array => {
    let list = unknownEntries.get(classId);
    if (!list) {
      const ids = unknown.target_map[classId] ?? [];
      list = new Int32Array(ids.length * 4);
      ids.forEach((id, k) => {
        const unkId = Number(id);
        list![4 * k] = unkId;
        list![4 * k + 1] = unknown.dictionary.getShort(unkId);
        list![4 * k + 2] = unknown.dictionary.getShort(unkId + 2);
        list![4 * k + 3] = unknown.dictionary.getShort(unkId + 4);
      });
      unknownEntries.set(classId, list);
    }
    return list;
  };

  /** The trie's code of every character (0: in no word): BMP by table, the rest by map. */
  const codeOf = new Uint16Array(0x10000);
  const astralCodes = new Map<number, number>();
  for (let i = 0; i < trieCodes.length; i += 2) {
    if (trieCodes[i]! < 0x10000) codeOf[trieCodes[i]!] = trieCodes[i + 1]!;
    else astralCodes.set(trieCodes[i]!, trieCodes[i + 1]!);
  }

  /** Appends a KNOWN node for every dictionary word starting at `pos`; returns how many. */
  function appendKnown(s: string, pos: number, n: number): number {
    let node = 0; // root
    let nodeBase = trie[0]! >> 1;
    let found = 0;
    for (let i = pos; i < n; ) {
      let cp = s.charCodeAt(i);
      let code: number;
      let width = 1;
      if (isHigh(cp) && i + 1 < n && isLow(s.charCodeAt(i + 1))) {
        cp = ((cp - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
        width = 2;
        code = astralCodes.get(cp) ?? 0;
      } else code = codeOf[cp]!;
      if (code === 0) {
        // U+0000 at the root: kuromoji's byte trie (whose key terminator is byte 0) steps from the
        // root to the root, so words after it start here, the U+0000s included
        if (cp === 0 && node === 0) {
          i++;
          continue;
        }
        break;
      }
      const child = nodeBase + code;
      if (trie[2 * child + 1] !== node) break;
      node = child;
      const b = trie[2 * child]!;
      nodeBase = b >> 1;
      i += width;
      if (b & 1) {
        // a word ends here: its entries are contiguous
        const first = trie[2 * nodeBase]!;
        const end = first - trie[2 * nodeBase + 1]!;
        const len = i - pos;
        for (let e = first; e < end; e++) lattice.add(e, pos, len, entries[3 * e]!, entries[3 * e + 1]!, entries[3 * e + 2]!, true);
        found += end - first;
      }
    }
    return found;
  }

  /** per-segment scratch, reused (grown as needed) */
  let classes: Array<ReturnType<UnknownDictionary['lookup']> | undefined> = [];
  let widths = new Uint8Array(0);
  let runEnd = new Int32Array(0);

  function tokenizeSegment(s: string): Token[] {
    const out: Token[] = [];
    lattice.reset(s.length);
    const n = s.length;
    // Character class of every code point, and where its same-class run ends.
    if (widths.length < n) {
      const cap = Math.max(n, widths.length * 2, 64);
      classes = new Array<ReturnType<UnknownDictionary['lookup']> | undefined>(cap);
      widths = new Uint8Array(cap);
      runEnd = new Int32Array(cap);
    }
    for (let i = 0; i < n; ) {
      const w = isHigh(s.charCodeAt(i)) && i + 1 < n && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
      const cp = s.codePointAt(i)!;
      let cls = w === 1 ? bmpClasses[classIndex[cp]!] : classOf.get(cp);
      if (!cls) {
        cls = unknown.lookup(s.slice(i, i + w));
        if (w === 1) classIndex[cp] = bmpClasses.push(cls) - 1;
        else classOf.set(cp, cls);
      }
      classes[i] = cls;
      widths[i] = w;
      if (w === 2) classes[i + 1] = undefined;
      i += w;
    }
    for (let i = n - 1; i >= 0; i--) {
      if (!classes[i]) continue;
      const next = i + widths[i]!;
      runEnd[i] = next < n && classes[next]!.class_name === classes[i]!.class_name ? runEnd[next]! : next;
    }
    for (let pos = 0; pos < n; pos += widths[pos]!) {
      const found = appendKnown(s, pos, n);
      const cls = classes[pos]!;
      if (found === 0 || cls.is_always_invoke === 1 || cls.is_always_invoke === true) {
        const grouped = cls.is_grouping === 1 || cls.is_grouping === true;
        const end = grouped ? runEnd[pos]! : pos + widths[pos]!;
        const list = unknownEntriesOf(cls.class_id);
        for (let k = 0; k < list.length; k += 4) lattice.add(list[k]!, pos, end - pos, list[k + 1]!, list[k + 2]!, list[k + 3]!, false);
      }
    }
    for (const row of lattice.search(n, conn)) {
      const start = lattice.start[row]!;
      const surface = s.slice(start, start + lattice.len[row]!);
      const name = lattice.name[row]!;
      if (lattice.known[row]) {
        const f = posFields[tokPos[name]!]!;
        out.push({
          surface, start, end: start + surface.length,
          pos: f[0]!, posDetail: f[1]!, posDetail2: f[2]!, conjugatedForm: f[5]!,
          base: tokBase[name]! < 0 ? surface : str(tokBase[name]!),
          reading: str(tokReading[name]!),
          known: true, word: name,
          s: '', l: '', kana: false,
        });
      } else {
        let f = unknownFeatures.get(name);
        if (!f) unknownFeatures.set(name, (f = unknown.getFeatures(name).split(',')));
        out.push({
          surface, start, end: start + surface.length,
          pos: f[1] ?? '', posDetail: f[2] ?? '', posDetail2: f[3] ?? '*', conjugatedForm: f[6] ?? '*',
          base: surface, reading: '', known: false, word: -1,
          s: '', l: '', kana: false,
        });
      }
    }
    return out;
  }

  /** The segment's tokens, from the cache when it was seen recently (with the cache on). */
  function cachedSegmentTokens(s: string): Token[] {
    let tokens = cache.get(s);
    if (tokens) {
      cache.delete(s); // refresh its age
    } else {
      tokens = tokenizeSegment(s);
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
    }
    cache.set(s, tokens);
    return tokens;
  }

  return {
    words: data,
    tokenize(text: string): Token[] {
      const out: Token[] = [];
      let start = 0;
      while (start < text.length) {
        let end = start;
        while (end < text.length && end - start < MAX_SEGMENT && !isPunctuation(text.charCodeAt(end))) end++;
        if (end < text.length && isPunctuation(text.charCodeAt(end))) end++;
        else if (end < text.length && isLow(text.charCodeAt(end))) end--; // never split a surrogate pair
        const segment = text.slice(start, end);
        if (cacheSize <= 0) {
          // nobody else holds these: move them to the text's offsets in place
          for (const t of tokenizeSegment(segment)) {
            t.start += start;
            t.end += start;
            out.push(t);
          }
        } else {
          // the cache's tokens stay as they are: fresh objects of the tokenizer's one shape (a
          // spread would make another)
          for (const t of cachedSegmentTokens(segment)) {
            out.push({
              surface: t.surface, start: t.start + start, end: t.end + start,
              pos: t.pos, posDetail: t.posDetail, posDetail2: t.posDetail2, conjugatedForm: t.conjugatedForm,
              base: t.base, reading: t.reading, known: t.known, word: t.word,
              s: '', l: '', kana: false,
            });
          }
        }
        start = end;
      }
      return out;
    },
  };
}
