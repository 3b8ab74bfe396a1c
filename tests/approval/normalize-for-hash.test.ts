import { describe, expect, it } from 'vitest';
import { normalizeForHash } from '../../src/approval/normalize-for-hash';
import { hashText } from '../../src/approval/text-hash';

describe('normalizeForHash', () => {
  it.each([
    ['NFD kana → NFC', 'か\u3099いしゃ', 'がいしゃ'],
    ['NFD Latin → NFC', 'cafe\u0301', 'café'],
    ['CRLF → LF', 'a\r\nb', 'a\nb'],
    ['lone CR → LF', 'a\rb', 'a\nb'],
    ['trailing newline and spaces', '本文\n\n  \t', '本文'],
    ['trailing ideographic space and NBSP', '本文\u3000\u00a0', '本文'],
  ])('%s', (_, input, expected) => {
    expect(normalizeForHash(input)).toBe(expected);
  });

  // Each pair looks alike or reads alike but is a different post: must not collide.
  it.each([
    ['full-width vs ASCII', 'ＳＡＬＥ', 'SALE'],
    ['katakana vs hiragana', 'カミ', 'かみ'],
    ['half-width kana', 'ｶﾐ', 'カミ'],
    ['case', 'Sale', 'sale'],
    ['compatibility forms (NFKC would fold)', '①㈱', '1(株)'],
    ['inner whitespace', 'a b', 'a  b'],
    ['leading whitespace', ' a', 'a'],
    ['inner blank line', 'a\n\nb', 'a\nb'],
  ])('keeps %s distinct', async (_, a, b) => {
    expect(normalizeForHash(a)).not.toBe(normalizeForHash(b));
    expect(await hashText(a)).not.toBe(await hashText(b));
  });

  it('hash is SHA-256 of the UTF-8 of the normalized text, base64url', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update('がいしゃ', 'utf8').digest('base64url');
    expect(await hashText('か\u3099いしゃ\r\n')).toBe(expected);
  });
});
