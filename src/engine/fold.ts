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

/** Folds hiragana to katakana, small kana to large, long-vowel lookalikes after kana to ー, and case. */
export function fold(text: string): string {
  const n = text.length;
  const codes = new Uint16Array(n);
  let prevKana = false;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (isHiragana(c)) c += 0x60;
    if (c >= 0x3000 && c <= 0x30ff) c = SMALL_TO_LARGE_CODE[c - 0x3000] || c;
    if (prevKana && LONG_VOWEL_CODES.has(c)) c = CHOONPU;
    else if (c < 0x3000 || c > 0x30ff) {
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      else if (c >= 0x80) {
        const lower = String.fromCharCode(c).toLowerCase();
        if (lower.length === 1) c = lower.charCodeAt(0);
      }
    }
    prevKana = isKana(c);
    codes[i] = c;
  }
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
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
