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

export function normalize(original: string): NormalizedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const push = (s: string, start: number, end: number) => {
    for (const ch of s) {
      // An astral character stays one unit pair; map both halves to the cluster.
      for (let k = 0; k < ch.length; k++) {
        chars.push(ch[k]!);
        starts.push(start);
        ends.push(end);
      }
    }
  };

  let i = 0;
  while (i < original.length) {
    const cp = original.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    const ch = original.slice(i, end);
    if (ZERO_WIDTH.test(ch) || ch === '\r') {
      i = end;
      continue;
    }
    if (SPACE.test(ch)) {
      let j = end;
      while (j < original.length && (SPACE.test(original[j]!) || ZERO_WIDTH.test(original[j]!))) j++;
      push(' ', i, j);
      i = j;
      continue;
    }
    while (end < original.length && COMBINING.test(original[end]!)) end++;
    // ゛/゜ are spacing marks whose NFKC adds a space: make them combining first.
    const cluster = original.slice(i, end).replace(/\u309b/g, '\u3099').replace(/\u309c/g, '\u309a');
    push(cluster.normalize('NFKC'), i, end);
    i = end;
  }

  // Drop a space that touches a CJK character on either side.
  const keep: boolean[] = chars.map((c, k) => {
    if (c !== ' ') return true;
    const prev = chars[k - 1];
    const next = chars[k + 1];
    if (prev === undefined || next === undefined) return true;
    return !(isCjk(prev.charCodeAt(0)) || isCjk(next.charCodeAt(0)));
  });
  let text = '';
  const s = new Int32Array(chars.length);
  const e = new Int32Array(chars.length);
  let n = 0;
  for (let k = 0; k < chars.length; k++) {
    if (!keep[k]) continue;
    text += chars[k];
    s[n] = starts[k]!;
    e[n] = ends[k]!;
    n++;
  }
  return { original, text, folded: fold(text), starts: s.subarray(0, n), ends: e.subarray(0, n) };
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
