/**
 * kuromoji's lattice and Viterbi search over Kakunin's compact IPADIC (see ipadic-format.ts).
 *
 * Reused from kuromoji 0.1.2: ViterbiLattice/Node/Searcher, ConnectionCosts, UnknownDictionary
 * (character classes). Replaced: the lattice builder, because kuromoji's re-encodes the whole
 * remaining sentence to UTF-8 at every position (quadratic on long sentences) and looks words up
 * in the 325k-key target-map object; here the trie is walked on the fly over typed arrays and
 * same-class runs for unknown words are computed once per sentence. Offsets are UTF-16.
 */
import ViterbiLattice from 'kuromoji/src/viterbi/ViterbiLattice.js';
import ViterbiNode from 'kuromoji/src/viterbi/ViterbiNode.js';
import ViterbiSearcher from 'kuromoji/src/viterbi/ViterbiSearcher.js';
import ConnectionCosts from 'kuromoji/src/dict/ConnectionCosts.js';
import UnknownDictionary from 'kuromoji/src/dict/UnknownDictionary.js';
import type { IpadicData } from './ipadic-format';
import type { Token, Tokenizer } from './types';

/** kuromoji splits sentences after these (Tokenizer.splitByPunctuation). */
const PUNCTUATION = /[、。\n]/;
/** Longer unpunctuated runs are cut so one pasted blob cannot make a lattice of unbounded size. */
const MAX_SEGMENT = 512;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export interface TokenizerOptions {
  /**
   * How many sentence segments to remember (default 256; 0: none). Segments are tokenized
   * independently, so a cached one gives exactly the tokens it gave before: while a post is being
   * typed, only the segment that changed is tokenized again.
   */
  cacheSegments?: number;
}

export function createKuromojiTokenizer(data: IpadicData, options: TokenizerOptions = {}): Tokenizer {
  const cacheSize = options.cacheSegments ?? 256;
  /** segment text → its tokens with offsets from the segment's start (insertion order = age) */
  const cache = new Map<string, Token[]>();
  const { base, check, mapOffsets, mapValues, tokLeft, tokRight, tokCost, tokPos, tokBase, tokReading, strings, strOffsets } = data;
  const costs = new ConnectionCosts(0, 0);
  costs.loadConnectionCosts(data.cc);
  const searcher = new ViterbiSearcher(costs);
  const unknown = new UnknownDictionary();
  unknown.loadUnknownDictionaries(data.unk, data.unkPos, data.unkMap, data.unkChar, data.unkCompat, data.unkInvoke);
  const posFields = data.posTable.map((p) => p.split(','));
  const str = (id: number) => (id < 0 ? '' : strings.slice(strOffsets[id]!, strOffsets[id + 1]!));
  /** unknown-word features by entry id, and character classes by code point (both small sets) */
  const unknownFeatures = new Map<number, string[]>();
  const classOf = new Map<number, ReturnType<UnknownDictionary['lookup']>>();

  const traverse = (parent: number, code: number): number => {
    const child = base[parent]! + code;
    return child >= 0 && child < check.length && check[child] === parent ? child : -1;
  };

  /** Appends a KNOWN node for every dictionary word starting at `pos`; returns how many. */
  function appendKnown(lattice: ViterbiLattice, s: string, pos: number): number {
    let node = 0; // root
    let found = 0;
    for (let i = pos; i < s.length; ) {
      let cp = s.charCodeAt(i);
      let width = 1;
      if (isHigh(cp) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
        cp = ((cp - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
        width = 2;
      }
      // The trie is keyed on UTF-8 bytes (doublearray 0.0.2).
      if (cp < 0x80) node = traverse(node, cp);
      else if (cp < 0x800) {
        node = traverse(node, (cp >>> 6) | 0xc0);
        if (node >= 0) node = traverse(node, (cp & 0x3f) | 0x80);
      } else if (cp < 0x10000) {
        node = traverse(node, (cp >>> 12) | 0xe0);
        if (node >= 0) node = traverse(node, ((cp >>> 6) & 0x3f) | 0x80);
        if (node >= 0) node = traverse(node, (cp & 0x3f) | 0x80);
      } else {
        node = traverse(node, (cp >>> 18) | 0xf0);
        if (node >= 0) node = traverse(node, ((cp >>> 12) & 0x3f) | 0x80);
        if (node >= 0) node = traverse(node, ((cp >>> 6) & 0x3f) | 0x80);
        if (node >= 0) node = traverse(node, (cp & 0x3f) | 0x80);
      }
      if (node < 0) break;
      i += width;
      const leaf = traverse(node, 0);
      if (leaf >= 0 && base[leaf]! <= 0) {
        const value = -base[leaf]! - 1;
        const len = i - pos;
        for (let k = mapOffsets[value]!, end = mapOffsets[value + 1]!; k < end; k++) {
          const entry = mapValues[k]!;
          // the surface is read off the segment for the nodes on the best path only
          lattice.append(new ViterbiNode(entry, tokCost[entry]!, pos + 1, len, 'KNOWN', tokLeft[entry]!, tokRight[entry]!, ''));
          found++;
        }
      }
    }
    return found;
  }

  function tokenizeSegment(s: string): Token[] {
    const out: Token[] = [];
    const lattice = new ViterbiLattice();
    const n = s.length;
    // Character class of every code point, and where its same-class run ends.
    const classes = new Array<ReturnType<UnknownDictionary['lookup']> | undefined>(n);
    const widths = new Uint8Array(n);
    for (let i = 0; i < n; ) {
      const w = isHigh(s.charCodeAt(i)) && i + 1 < n && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
      const cp = s.codePointAt(i)!;
      let cls = classOf.get(cp);
      if (!cls) classOf.set(cp, (cls = unknown.lookup(s.slice(i, i + w))));
      classes[i] = cls;
      widths[i] = w;
      i += w;
    }
    const runEnd = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      if (!classes[i]) continue;
      const next = i + widths[i]!;
      runEnd[i] = next < n && classes[next]!.class_name === classes[i]!.class_name ? runEnd[next]! : next;
    }
    for (let pos = 0; pos < n; pos += widths[pos]!) {
      const found = appendKnown(lattice, s, pos);
      const cls = classes[pos]!;
      if (found === 0 || cls.is_always_invoke === 1 || cls.is_always_invoke === true) {
        const grouped = cls.is_grouping === 1 || cls.is_grouping === true;
        const end = grouped ? runEnd[pos]! : pos + widths[pos]!;
        for (const id of unknown.target_map[cls.class_id] ?? []) {
          const unkId = Number(id);
          const left = unknown.dictionary.getShort(unkId);
          const right = unknown.dictionary.getShort(unkId + 2);
          const cost = unknown.dictionary.getShort(unkId + 4);
          lattice.append(new ViterbiNode(unkId, cost, pos + 1, end - pos, 'UNKNOWN', left, right, ''));
        }
      }
    }
    lattice.appendEos();
    for (const node of searcher.search(lattice)) {
      const start = node.start_pos - 1;
      const surface = s.slice(start, start + node.length);
      if (node.type === 'KNOWN') {
        const f = posFields[tokPos[node.name]!]!;
        out.push({
          surface, start, end: start + surface.length,
          pos: f[0]!, posDetail: f[1]!, posDetail2: f[2]!, conjugatedForm: f[5]!,
          base: tokBase[node.name]! < 0 ? surface : str(tokBase[node.name]!),
          reading: str(tokReading[node.name]!),
          known: true,
        });
      } else {
        let f = unknownFeatures.get(node.name);
        if (!f) unknownFeatures.set(node.name, (f = unknown.getFeatures(node.name).split(',')));
        out.push({
          surface, start, end: start + surface.length,
          pos: f[1] ?? '', posDetail: f[2] ?? '', posDetail2: f[3] ?? '*', conjugatedForm: f[6] ?? '*',
          base: surface, reading: '', known: false,
        });
      }
    }
    return out;
  }

  /** The segment's tokens, from the cache when it was seen recently. */
  function segmentTokens(s: string): Token[] {
    if (cacheSize <= 0) return tokenizeSegment(s);
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
    tokenize(text: string): Token[] {
      const out: Token[] = [];
      let start = 0;
      while (start < text.length) {
        let end = start;
        while (end < text.length && end - start < MAX_SEGMENT && !PUNCTUATION.test(text[end]!)) end++;
        if (end < text.length && PUNCTUATION.test(text[end]!)) end++;
        else if (end < text.length && isLow(text.charCodeAt(end))) end--; // never split a surrogate pair
        for (const t of segmentTokens(text.slice(start, end))) out.push({ ...t, start: t.start + start, end: t.end + start });
        start = end;
      }
      return out;
    },
  };
}
