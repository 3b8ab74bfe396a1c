/**
 * Normalization before matching, with a map back to the original text so every finding points
 * at exact UTF-16 offsets in what the user typed.
 *
 * `text`: NFKC per character cluster (ＮＯ．１ -> NO.1, ｷｬﾝﾍﾟｰﾝ -> キャンペーン), zero-width characters
 * dropped, CR dropped, whitespace runs collapsed to one space and dropped next to CJK characters
 * (宗 教 -> 宗教). The tokenizer runs on this.
 * `folded`: `text` through fold() (kana, case, small kana, long-vowel lookalikes); same length.
 */
import { codesToString, foldCodes, isCjk } from './fold';

export interface NormalizedText {
  original: string;
  text: string;
  folded: string;
  /** starts[i] / ends[i]: the original span that produced text[i]. */
  starts: Int32Array;
  ends: Int32Array;
}

/** Marks that combine with the character before them (half-width and spacing dakuten included). */
const isCombining = (c: number) =>
  (c >= 0x300 && c <= 0x36f) || (c >= 0x3099 && c <= 0x309c) || c === 0xff9e || c === 0xff9f || (c >= 0xfe00 && c <= 0xfe0f);
const isZeroWidth = (c: number) => (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad;
const isSpace = (c: number) =>
  c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x0c || c === 0x0b;

/** Characters NFKC leaves alone and that need no special handling: ASCII letters/digits/punctuation, kana, common kanji. */
const isPlain = (c: number) =>
  (c > 0x20 && c < 0x7f) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || (c >= 0x4e00 && c <= 0x9fff);

/** NFKC of one character, by code point: most drafts use a few dozen distinct non-plain characters. */
const NFKC = new Map<number, string>();
function nfkcOf(cp: number): string {
  let out = NFKC.get(cp);
  if (out === undefined) {
    out = String.fromCodePoint(cp).normalize('NFKC');
    if (NFKC.size < 4096) NFKC.set(cp, out);
  }
  return out;
}

/**
 * Built on code units in typed arrays (a string per character and a regex test per character were
 * most of its time); `normalize.test.ts` holds it to the string-by-string definition.
 */
export function normalize(original: string): NormalizedText {
  const n = original.length;
  let cap = n + 16;
  let codes = new Uint16Array(cap);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let m = 0;
  const push = (c: number, start: number, end: number) => {
    if (m === cap) {
      cap *= 2;
      const grow = <T extends Uint16Array | Int32Array>(a: T, make: new (n: number) => T): T => {
        const b = new make(cap);
        b.set(a);
        return b;
      };
      codes = grow(codes, Uint16Array);
      starts = grow(starts, Int32Array);
      ends = grow(ends, Int32Array);
    }
    codes[m] = c;
    starts[m] = start;
    ends[m] = end;
    m++;
  };

  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    // Fast path: most characters map to themselves (and a following combining mark is rare).
    if (isPlain(c) && !(i + 1 < n && isCombining(original.charCodeAt(i + 1)))) {
      push(c, i, i + 1);
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    if (isZeroWidth(cp) || cp === 0x0d) {
      i = end;
      continue;
    }
    if (isSpace(cp)) {
      let j = end;
      while (j < n && (isSpace(original.charCodeAt(j)) || isZeroWidth(original.charCodeAt(j)))) j++;
      push(0x20, i, j);
      i = j;
      continue;
    }
    if (!(end < n && isCombining(original.charCodeAt(end))) && cp !== 0x309b && cp !== 0x309c) {
      // One character alone: its NFKC form, remembered (。、「」, full-width forms, emoji…).
      const out = nfkcOf(cp);
      for (let k = 0; k < out.length; k++) push(out.charCodeAt(k), i, end);
      i = end;
      continue;
    }
    while (end < n && isCombining(original.charCodeAt(end))) end++;
    // ゛/゜ are spacing marks whose NFKC adds a space: make them combining first.
    const cluster = original.slice(i, end).replace(/\u309b/g, '\u3099').replace(/\u309c/g, '\u309a').normalize('NFKC');
    // An astral character stays one unit pair; both halves map to the cluster.
    for (let k = 0; k < cluster.length; k++) push(cluster.charCodeAt(k), i, end);
    i = end;
  }

  // Drop a space that touches a CJK character on either side (in place: the write index never
  // passes the read index).
  let w = 0;
  for (let k = 0; k < m; k++) {
    const c = codes[k]!;
    if (c === 0x20 && k > 0 && k < m - 1 && (isCjk(codes[k - 1]!) || isCjk(codes[k + 1]!))) continue;
    codes[w] = c;
    starts[w] = starts[k]!;
    ends[w] = ends[k]!;
    w++;
  }
  const text = codesToString(codes, w);
  foldCodes(codes, w);
  return { original, text, folded: codesToString(codes, w), starts: starts.subarray(0, w), ends: ends.subarray(0, w) };
}

/** Maps a span of normalized text back to the original text. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (n.starts.length === 0) return { start: 0, end: 0 };
  if (end <= start) {
    const at = start < n.starts.length ? n.starts[start]! : n.original.length;
    return { start: at, end: at };
  }
  return { start: n.starts[start]!, end: n.ends[Math.min(end, n.ends.length) - 1]! };
}
