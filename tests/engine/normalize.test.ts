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
