import { describe, expect, it } from 'vitest';
import { fold } from '../../src/engine/fold';
import { normalize, toOriginalSpan } from '../../src/engine/normalize';

describe('normalize', () => {
  it.each([
    ['ＮＯ．１', 'NO.1'],
    ['ｷｬﾝﾍﾟｰﾝ', 'キャンペーン'],
    ['ﾌｫﾛｰ&ﾘﾎﾟｽﾄ', 'フォロー&リポスト'],
    ['は゛か', 'ばか'],
    ['㍻', '平成'],
    ['宗 教　の話', '宗教の話'],
    ['MENU  RENEWAL', 'MENU RENEWAL'],
    ['ゼ\u200bロ', 'ゼロ'],
    ['a\r\nb', 'a\nb'],
  ])('%s -> %s', (input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('keeps astral characters whole', () => {
    expect(normalize('🎉 パーティー').text).toBe('🎉パーティー');
  });
});

describe('fold', () => {
  it('folds hiragana to katakana, case, small kana and long-vowel lookalikes after kana', () => {
    expect(fold('しゅうきょう')).toBe('シユウキヨウ');
    expect(fold('シュウキョウ')).toBe('シユウキヨウ');
    expect(fold('すご〜い')).toBe('スゴーイ');
    expect(fold('NO.1 Sale')).toBe('no.1 sale');
    expect(fold('A-B')).toBe('a-b'); // a dash after latin letters is not a long-vowel mark
  });

  it('preserves length (indices stay valid)', () => {
    for (const s of ['ｷｬﾝﾍﾟｰﾝ', 'ＡＢＣあいう〜', 'İstanbul', 'ßtraße']) expect(fold(s).length).toBe(s.length);
  });
});

describe('offset map', () => {
  it('maps a normalized span back to the exact original span', () => {
    const original = 'ｷｬﾝﾍﾟｰﾝ第2弾!';
    const n = normalize(original);
    const i = n.text.indexOf('ペーン');
    const { start, end } = toOriginalSpan(n, i, i + 3);
    expect(original.slice(start, end)).toBe('ﾍﾟｰﾝ');
  });

  it('maps across removed spaces and zero-width characters', () => {
    const original = '元本 \u200b保証';
    const n = normalize(original);
    expect(n.text).toBe('元本保証');
    const { start, end } = toOriginalSpan(n, 0, 4);
    expect(original.slice(start, end)).toBe(original);
  });
});

/**
 * The definition normalize() is held to: string by string, character by character (the code works
 * on code units in typed arrays for speed and must give exactly this).
 */
function reference(original: string) {
  const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
  const SPACE = /[ \t\u00a0\u3000\u2000-\u200a\u202f\u205f\f\v]/;
  const COMBINING = /[\u0300-\u036f\u3099-\u309c\uff9e\uff9f\ufe00-\ufe0f]/;
  const isCjk = (c: number) => (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff01 && c <= 0xff60);
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
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
      chars.push(' ');
      starts.push(i);
      ends.push(j);
      i = j;
      continue;
    }
    while (end < original.length && COMBINING.test(original[end]!)) end++;
    const cluster = original.slice(i, end).replace(/\u309b/g, '\u3099').replace(/\u309c/g, '\u309a').normalize('NFKC');
    for (const unit of cluster.split('')) {
      chars.push(unit);
      starts.push(i);
      ends.push(end);
    }
    i = end;
  }
  let text = '';
  const s: number[] = [];
  const e: number[] = [];
  chars.forEach((ch, k) => {
    if (ch === ' ' && k > 0 && k < chars.length - 1 && (isCjk(chars[k - 1]!.charCodeAt(0)) || isCjk(chars[k + 1]!.charCodeAt(0)))) return;
    text += ch;
    s.push(starts[k]!);
    e.push(ends[k]!);
  });
  return { text, folded: fold(text), starts: s, ends: e };
}

describe('normalize equals its definition', () => {
  it('on random text: kana, half-width kana and dakuten, ASCII, spaces, zero-width, CR, combining marks, CJK, ㍻, surrogates', () => {
    const pools: Array<[number, number]> = [
      [0x3040, 0x30ff], [0xff61, 0xff9f], [0x20, 0x7e], [0x2000, 0x200f], [0x3000, 0x3000], [0x0d, 0x0d], [0x09, 0x0b],
      [0x300, 0x36f], [0x3099, 0x309c], [0xfe00, 0xfe0f], [0x4e00, 0x4e20], [0x3300, 0x337f], [0xff01, 0xff5e], [0xd800, 0xdfff], [0xad, 0xad],
    ];
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let t = 0; t < 3000; t++) {
      let s = '';
      const len = Math.floor(next() * 30);
      for (let k = 0; k < len; k++) {
        const [lo, hi] = pools[Math.floor(next() * pools.length)]!;
        s += String.fromCharCode(lo + Math.floor(next() * (hi - lo + 1)));
      }
      if (next() < 0.2) s += '🎉';
      const got = normalize(s);
      const want = reference(s);
      expect({ text: got.text, folded: got.folded, starts: [...got.starts], ends: [...got.ends] }, JSON.stringify(s)).toEqual(want);
    }
  });

  it('a draft longer than its own normalized form and one much longer (NFKC expands ㍻ and ﷺ)', () => {
    for (const s of ['㍻'.repeat(50), 'ﷺ'.repeat(40) + 'あ', 'a'.repeat(10000) + '\u200b'.repeat(100)]) {
      const got = normalize(s);
      const want = reference(s);
      expect({ text: got.text, folded: got.folded, starts: [...got.starts], ends: [...got.ends] }).toEqual(want);
    }
  });
});
