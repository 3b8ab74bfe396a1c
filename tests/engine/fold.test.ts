/** fold() works on code units for speed: it must equal the plain string-by-string definition. */
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/engine/fold';

const SMALL: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ' };
const LONG = new Set(['〜', '~', '-', '‐', '‑', '―', '−', '–', '—', '─', 'ｰ']);
const isKana = (c: number) => (c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || c === 0x30fd || c === 0x30fe;

/** the definition: hiragana → katakana, small → large, ー lookalikes after kana → ー, lower case */
function reference(text: string): string {
  let out = '';
  let prevKana = false;
  for (const ch of text.split('')) {
    let c = ch.charCodeAt(0);
    let f = ch;
    if ((c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e) f = String.fromCharCode((c += 0x60));
    f = Object.hasOwn(SMALL, f) ? SMALL[f]! : f;
    if (prevKana && LONG.has(f)) f = 'ー';
    else if (c < 0x3000 || c > 0x30ff) {
      const lower = f.toLowerCase();
      if (lower.length === 1) f = lower;
    }
    prevKana = isKana(f.charCodeAt(0));
    out += f;
  }
  return out;
}

describe('fold', () => {
  it('folds the documented cases', () => {
    expect(fold('しゅうきょう')).toBe('シユウキヨウ');
    expect(fold('すご〜い')).toBe('スゴーイ');
    expect(fold('ABC-Ω')).toBe('abc-ω');
    expect(fold('İ')).toBe('İ'); // lower case of İ is two units: kept, so indices stay aligned
    expect(fold('𠮷野家')).toBe('𠮷野家');
  });

  it('equals the definition on random text (kana, ASCII, Latin, Greek, CJK, surrogates)', () => {
    const pools = [[0x3040, 0x30ff], [0x20, 0x7e], [0xc0, 0x24f], [0x391, 0x3c9], [0x4e00, 0x4e40], [0xd800, 0xdfff], [0x2010, 0x2015], [0x301c, 0x301c], [0xff61, 0xff9f]];
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let k = 0; k < 2000; k++) {
      let s = '';
      for (let i = rand(40); i > 0; i--) {
        const [lo, hi] = pools[rand(pools.length)]!;
        s += String.fromCharCode(lo! + rand(hi! - lo! + 1));
      }
      expect(fold(s)).toBe(reference(s));
    }
    const long = 'あいうえおアイウエオabcDEF'.repeat(2000);
    expect(fold(long)).toBe(reference(long));
  });
});
