/**
 * Normalization before matching, with a map back to the original text so every finding points
 * at exact UTF-16 offsets in what the user typed.
 *
 * `text`: NFKC per character cluster (ＮＯ．１ -> NO.1, ｷｬﾝﾍﾟｰﾝ -> キャンペーン), zero-width characters
 * dropped, CR dropped, whitespace runs collapsed to one space and dropped next to CJK characters
 * (宗 教 -> 宗教). The tokenizer runs on this.
 * `folded`: `text` through fold() (kana, case, small kana, long-vowel lookalikes); same length.
 */
import { fold, isCjk } from './fold';

export interface NormalizedText {
  original: string;
  text: string;
  folded: string;
  /** starts[i] / ends[i]: the original span that produced text[i]. */
  starts: Int32Array;
  ends: Int32Array;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const SPACE = /[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f\f\v]/;
/** Marks that combine with the character before them (half-width and spacing dakuten included). */
const COMBINING = /[\u0300-\u036f\u3099-\u309c\uff9e\uff9f\ufe00-\ufe0f]/;

/** Characters NFKC leaves alone and that need no special handling: ASCII letters/digits/punctuation, kana, common kanji. */
const isPlain = (c: number) =>
  (c > 0x20 && c < 0x7f) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || (c >= 0x4e00 && c <= 0x9fff);

export function normalize(original: string): NormalizedText {
  const n = original.length;
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];

  let i = 0;
  while (i < n) {
    const c = original.charCodeAt(i);
    // Fast path: most characters map to themselves (and a following combining mark is rare).
    if (isPlain(c) && !(i + 1 < n && COMBINING.test(original[i + 1]!))) {
      chars.push(original[i]!);
      starts.push(i);
      ends.push(i + 1);
      i++;
      continue;
    }
    const cp = original.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    const ch = original.slice(i, end);
    if (ZERO_WIDTH.test(ch) || ch === '\r') {
      i = end;
      continue;
    }
    if (SPACE.test(ch)) {
      let j = end;
      while (j < n && (SPACE.test(original[j]!) || ZERO_WIDTH.test(original[j]!))) j++;
      chars.push(' ');
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    while (end < n && COMBINING.test(original[end]!)) end++;
    // ゛/゜ are spacing marks whose NFKC adds a space: make them combining first.
    const cluster = original.slice(i, end).replace(/\u309b/g, '\u3099').replace(/\u309c/g, '\u309a');
    for (const out of cluster.normalize('NFKC')) {
      // An astral character stays one unit pair; map both halves to the cluster.
      for (let k = 0; k < out.length; k++) {
        chars.push(out[k]!);
        starts.push(i);
        ends.push(end);
      }
    }
    i = end;
  }

  // Drop a space that touches a CJK character on either side.
  let text = '';
  const s = new Int32Array(chars.length);
  const e = new Int32Array(chars.length);
  let m = 0;
  for (let k = 0; k < chars.length; k++) {
    const ch = chars[k]!;
    if (ch === ' ' && k > 0 && k < chars.length - 1 && (isCjk(chars[k - 1]!.charCodeAt(0)) || isCjk(chars[k + 1]!.charCodeAt(0)))) continue;
    text += ch;
    s[m] = starts[k]!;
    e[m] = ends[k]!;
    m++;
  }
  return { original, text, folded: fold(text), starts: s.subarray(0, m), ends: e.subarray(0, m) };
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
