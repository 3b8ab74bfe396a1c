import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../src/approval/base64url';

describe('base64url', () => {
  it('round-trips every length 0..40 and matches Node Buffer', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it.each([
    ['padding', 'AAE='],
    ['standard alphabet', 'a+b/'],
    ['impossible length', 'AAAAA'],
    ['non-zero trailing bits', 'AB'],
    ['whitespace', 'AA E'],
    ['non-ASCII', 'ＡＡＡＡ'],
  ])('refuses %s', (_, text) => {
    expect(() => fromBase64Url(text)).toThrow(RangeError);
  });
});
