import { describe, expect, it } from 'vitest';
import { cardBrand, findCardNumbers, luhnValid } from '../../../../src/engine/detectors/privacy/credit-card';
import { hits } from './helpers';

const RULE = 'privacy/credit-card';

describe('Luhn and brands', () => {
  it.each(['4539578763621486', '5425233430109903', '3530111333300000', '371449635398431', '4242424242424242', '79927398713'.padStart(12, '0')])(
    '%s passes Luhn',
    (n) => expect(luhnValid(n)).toBe(true),
  );
  it.each(['4539578763621487', '4111111111111112', '1234567812345678'])('%s fails Luhn', (n) => expect(luhnValid(n)).toBe(false));
  it.each([
    ['4539578763621486', 'Visa'],
    ['5425233430109903', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['371449635398431', 'American Express'],
    ['3530111333300000', 'JCB'],
    ['30569309025904', 'Diners Club'],
    ['6011111111111117', 'Discover'],
    ['6200000000000005', 'UnionPay'],
  ])('%s is %s', (n, brand) => expect(cardBrand(n)).toBe(brand));
  it('unknown prefix or length', () => {
    expect(cardBrand('1234567812345670')).toBeUndefined();
    expect(cardBrand('45395787636214')).toBeUndefined();
  });
});

describe('findCardNumbers', () => {
  const found = (s: string) => findCardNumbers(s).map((m) => s.slice(m.span.start, m.span.end));
  it.each(['4539 5787 6362 1486', '4539-5787-6362-1486', '4539578763621486', '3714 496353 98431', '3056 930902 5904'])('%s', (s) =>
    expect(found(s)).toEqual([s]),
  );
  it.each([
    '4539 5787 6362 1487', // Luhn fails
    '1234 5678 1234 5670', // no brand
    '注文番号 4539578763621486',
    'シリアルナンバー 4539-5787-6362-1486',
    '4539 5787-6362 1486',
    '¥4539578763621486',
  ])('not a card: %s', (s) => expect(found(s)).toEqual([]));
});

describe('privacy/credit-card', () => {
  it('a real-looking card number is block, spans map to full width', async () => {
    expect(await hits('カード番号 4539 5787 6362 1486 で決済しました', RULE, 'personal')).toEqual([['block', '4539 5787 6362 1486']]);
    expect(await hits('カード：４５３９－５７８７－６３６２－１４８６', RULE)).toEqual([['block', '４５３９－５７８７－６３６２－１４８６']]);
  });
  it('a known test number is info', async () => {
    expect(await hits('テスト用に 4242 4242 4242 4242 を使ってください', RULE)).toEqual([['info', '4242 4242 4242 4242']]);
  });
  it('a card word beats an order label', async () => {
    expect(await hits('ご注文時のカード番号 4539578763621486', RULE)).toEqual([['block', '4539578763621486']]);
  });
});
