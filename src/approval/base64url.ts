import { z } from 'zod';

/**
 * Base64url without padding (RFC 4648 §5). Written by hand rather than with
 * btoa/atob or Buffer so that it behaves the same in an MV3 service worker, an
 * extension page and Node, and so that decoding is strict: any character
 * outside the alphabet, a length of 4n+1, or non-zero trailing bits is refused.
 * Strictness matters because codes are signed: one byte string must have
 * exactly one spelling, or two different-looking codes would be "the same".
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map<string, number>([...ALPHABET].map((c, i) => [c, i]));

export const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  return out;
}

/** Throws `RangeError` on anything but canonical unpadded base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (text.length % 4 === 1) throw new RangeError('base64url: impossible length');
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of text) {
    const v = LOOKUP.get(c);
    if (v === undefined) throw new RangeError('base64url: invalid character');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  if (acc !== 0) throw new RangeError('base64url: non-canonical trailing bits');
  return out;
}

/** Schema for a base64url string that decodes to exactly `length` bytes. */
export function base64UrlBytes(length: number) {
  const chars = Math.ceil((length * 4) / 3);
  return z
    .string()
    .regex(new RegExp(`^[A-Za-z0-9_-]{${chars}}$`), `expected ${length} bytes as base64url`)
    .refine((s) => {
      try {
        return fromBase64Url(s).length === length;
      } catch {
        return false;
      }
    }, 'non-canonical base64url');
}
