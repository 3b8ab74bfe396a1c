/**
 * Character folding for matching. Every function here maps one UTF-16 unit to exactly one,
 * so folded text keeps the indices of the text it came from.
 */

const SMALL_TO_LARGE: Record<string, string> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
};
/** Characters people type for the long-vowel mark ー after kana: 〜 ~ - ‐ ― − – —. */
const LONG_VOWEL_LOOKALIKES = new Set(['〜', '~', '-', '‐', '‑', '―', '−', '–', '—', '─', 'ｰ']);

export const isKatakana = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || c === 0x30fd || c === 0x30fe;
export const isHiragana = (c: number) => (c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e;
export const isKana = (c: number) => isHiragana(c) || isKatakana(c);
/** Kanji, kana, CJK punctuation and full-width forms: where a space between characters is noise. */
export const isCjk = (c: number) =>
  (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff01 && c <= 0xff60);

/** small katakana → large, by code (0 where none) */
const SMALL_TO_LARGE_CODE = new Uint16Array(0x100);
for (const [small, large] of Object.entries(SMALL_TO_LARGE)) SMALL_TO_LARGE_CODE[small.charCodeAt(0) - 0x3000] = large.charCodeAt(0);
const LONG_VOWEL_CODES = new Set([...LONG_VOWEL_LOOKALIKES].map((c) => c.charCodeAt(0)));
const CHOONPU = 0x30fc;

/**
 * Whether a code unit folds differently by what comes before it (a long-vowel lookalike after
 * kana becomes ー). Any other unit folds the same wherever it is, so a word that does not start
 * with one folds the same in every text.
 */
export const foldsByContext = (c: number) => LONG_VOWEL_CODES.has(c);

/**
 * Lower case of a code unit outside the kana block, when it is one unit (İ's is two: kept, so
 * indices stay aligned). Asked of the runtime once per code unit and remembered: a draft is mostly
 * kanji, and a string per character was a fifth of fold's time.
 */
const LOWER = new Uint16Array(0x10000); // 0: not asked yet (no code unit of 0x80 or more lowers to 0)
function lowerOf(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return c + 0x20;
  if (c < 0x80) return c;
  if (LOWER[c] === 0) {
    const lower = String.fromCharCode(c).toLowerCase();
    LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return LOWER[c]!;
}

/** Folds `codes[0..n)` in place (see fold). */
export function foldCodes(codes: Uint16Array, n: number): void {
  let prevKana = false;
  for (let i = 0; i < n; i++) {
    let c = codes[i]!;
    if (isHiragana(c)) c += 0x60;
    if (c >= 0x3000 && c <= 0x30ff) c = SMALL_TO_LARGE_CODE[c - 0x3000] || c;
    if (prevKana && LONG_VOWEL_CODES.has(c)) c = CHOONPU;
    else if (c < 0x3000 || c > 0x30ff) c = lowerOf(c);
    prevKana = isKana(c);
    codes[i] = c;
  }
}

/** The string of code units `codes[0..n)`. */
export function codesToString(codes: Uint16Array, n: number): string {
  if (n <= 4096) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

/** Folds hiragana to katakana, small kana to large, long-vowel lookalikes after kana to ー, and case. */
export function fold(text: string): string {
  const n = text.length;
  const codes = new Uint16Array(n);
  for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  foldCodes(codes, n);
  return codesToString(codes, n);
}

/**
 * fold() without its one context rule: every long-vowel lookalike becomes ー, wherever it is.
 * A function of each character alone, so a string that occurs in a text (as written, folded, or
 * lower-cased) still occurs in the text once both are folded loosely: the regex prefilter looks
 * for all literals in this one text. `folded` is fold()'s output (its kana and case are done).
 */
export function looseFromFolded(folded: string): string {
  let i = 0;
  while (i < folded.length && !LONG_VOWEL_CODES.has(folded.charCodeAt(i))) i++;
  if (i === folded.length) return folded;
  let out = folded.slice(0, i);
  for (; i < folded.length; i++) out += LONG_VOWEL_CODES.has(folded.charCodeAt(i)) ? 'ー' : folded[i]!;
  return out;
}

/** True when every character is kana (or ー): the word is written phonetically. */
export function isKanaWord(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isKana(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Kana only (hiragana to katakana, small to large), for a regular expression's source that runs
 * on folded text: case and ASCII are left alone so \\S, \\D and [A-Z] keep their meaning.
 */
export function foldKana(source: string): string {
  let out = '';
  for (const ch of source) {
    const c = ch.charCodeAt(0);
    const k = isHiragana(c) ? String.fromCharCode(c + 0x60) : ch;
    out += SMALL_TO_LARGE[k] ?? k;
  }
  return out;
}
