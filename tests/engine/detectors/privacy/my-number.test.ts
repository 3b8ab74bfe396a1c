import { describe, expect, it } from 'vitest';
import { findMyNumbers, isValidMyNumber, myNumberCheckDigit } from '../../../../src/engine/detectors/privacy/my-number';
import { hits } from './helpers';

/** Straight from 平成26年総務省令第85号 5条: Pn counted from the right, Qn = n+1 (n<=6) or n-5. */
function referenceCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const pn = Number(first11[first11.length - n]);
    const qn = n <= 6 ? n + 1 : n - 5;
    sum += pn * qn;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

describe('My Number check digit', () => {
  it('weights from the left are 6 5 4 3 2 7 6 5 4 3 2', () => {
    // a single 1 in position i (from the left) contributes its weight
    const weights = Array.from({ length: 11 }, (_, i) => {
      const s = '0'.repeat(i) + '1' + '0'.repeat(10 - i);
      return 11 - myNumberCheckDigit(s)!; // sum = weight < 11, remainder = weight
    });
    expect(weights).toEqual([6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
  });

  it.each([
    ['12345678901', 8], // 123456789018, the sample number found in manuals
    ['31415926535', 2], // Σ = 196, 196 mod 11 = 9, 11 - 9 = 2
    ['27182818284', 0],
    ['98765432109', 3],
    ['00000000000', 0], // remainder 0 -> 0
  ])('%s -> %i', (first11, check) => {
    expect(myNumberCheckDigit(first11)).toBe(check);
    expect(referenceCheckDigit(first11)).toBe(check);
  });

  it('remainder 1 gives 0', () => {
    // 10000000000: Σ = 6 -> remainder 6; 00001000001: 2 + 2 = 4; find one with remainder 1
    const s = '00000100003'; // 7*1 + 2*3 = 13, 13 mod 11 = 2 -> 9
    expect(myNumberCheckDigit(s)).toBe(9);
    const one = '00010000004'; // 3*1 + 2*4 = 11 -> remainder 0 -> 0
    expect(myNumberCheckDigit(one)).toBe(0);
    const r1 = '00000000006'; // 2*6 = 12 -> remainder 1 -> 0
    expect(myNumberCheckDigit(r1)).toBe(0);
  });

  it('agrees with the reference on random numbers', () => {
    let seed = 7;
    for (let k = 0; k < 500; k++) {
      let s = '';
      for (let i = 0; i < 11; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += String(seed % 10);
      }
      expect(myNumberCheckDigit(s)).toBe(referenceCheckDigit(s));
    }
  });

  it('isValidMyNumber', () => {
    expect(isValidMyNumber('314159265352')).toBe(true);
    expect(isValidMyNumber('314159265353')).toBe(false);
    expect(isValidMyNumber('31415926535')).toBe(false);
    expect(myNumberCheckDigit('1234567890')).toBeUndefined();
  });
});

describe('findMyNumbers', () => {
  const found = (s: string) => findMyNumbers(s).map((m) => [s.slice(m.span.start, m.span.end), m.valid]);
  it.each([
    ['314159265352', true],
    ['3141 5926 5352', true],
    ['3141-5926-5352', true],
  ])('%s', (s, valid) => expect(found(s)).toEqual([[s, valid]]));

  it.each([
    '314159265353', // wrong check digit, no label
    '3141 5926-5352', // mixed grouping
    '1314159265352', // 13 digits (a corporate number is 13)
    '注文番号 314159265352',
    '追跡番号:3141-5926-5352',
    'JAN 314159265352',
    '売上高314159265352円',
    '¥314159265352',
    '202503011200',
    'https://example.com/item/314159265352',
    '3.14159265352',
    '000000000000',
  ])('not a My Number: %s', (s) => expect(found(s)).toEqual([]));
});

describe('privacy/my-number', () => {
  it('a valid number is block, also in full width', async () => {
    expect(await hits('私のマイナンバーは3141 5926 5352です', 'privacy/my-number', 'personal')).toEqual([['block', '3141 5926 5352']]);
    expect(await hits('番号:３１４１５９２６５３５２', 'privacy/my-number')).toEqual([['block', '３１４１５９２６５３５２']]);
  });

  it('a valid number with no label is still block', async () => {
    expect(await hits('控え 2718-2818-2840 をなくさないように', 'privacy/my-number')).toEqual([['block', '2718-2818-2840']]);
  });

  it('labelled but with a wrong check digit is warn: the label says what it is, and a typo still leaks most of it', async () => {
    expect(await hits('マイナンバー:3141 5926 5353', /^privacy\/my-number/)).toEqual([['warn', '3141 5926 5353']]);
    expect(await hits('母のマイナンバー、456789012340 でいいんだよね?', /^privacy\/my-number/, 'personal')).toEqual([['warn', '456789012340']]);
    expect(await hits('個人番号:９８７６ ５４３２ １０９９ これ合ってる?', /^privacy\/my-number/, 'personal')).toEqual([['warn', '９８７６ ５４３２ １０９９']]);
    expect(await hits('My Number: 3456 7890 1230 — is this right?', /^privacy\/my-number/, 'personal')).toEqual([['warn', '3456 7890 1230']]);
    // the label a little further back on the same line
    expect(await hits('New My Number card arrived! The number is 5678 1234 9010 lol', /^privacy\/my-number/, 'personal')).toEqual([
      ['warn', '5678 1234 9010'],
    ]);
  });

  it('a sample number or one written as an example is info', async () => {
    expect(await hits('記入例:個人番号 123456789018', /^privacy\/my-number/)).toEqual([['info', '123456789018']]);
    expect(await hits('マイナンバー 0000 0000 0000', /^privacy\/my-number/)).toEqual([['info', '0000 0000 0000']]);
    expect(await hits('マイナンバー記入例 1234 5678 9012(見本です)', /^privacy\/my-number/)).toEqual([['info', '1234 5678 9012']]);
  });

  it('an unlabelled number with a wrong check digit stays silent, also after a label in another sentence', async () => {
    expect(await hits('314159265353', /^privacy\/my-number/)).toEqual([]);
    expect(await hits('マイナンバーカードで受け取れます。ご注文番号 1234 5678 9012', /^privacy\/my-number/)).toEqual([]);
  });

  it('carries 番号法 as its basis', async () => {
    const { findings } = await import('./helpers');
    const [f] = await findings('314159265352', 'privacy/my-number');
    expect(f!.basis).toMatch(/番号法/);
    expect(f!.message.en).toMatch(/My Number/);
  });

  it.each([
    '本日、中期経営計画(2025〜2027年度)を公表しました。海外売上比率を40%まで高める方針です。',
    'ご注文番号 314159265352 の商品を発送しました',
    '2024年度の売上高は1,234億円',
  ])('benign numbers: %s', async (s) => expect(await hits(s, /^privacy\/my-number/)).toEqual([]));
});
