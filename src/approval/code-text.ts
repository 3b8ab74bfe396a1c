import { fromBase64Url } from './base64url';

/** All code prefixes; the digit is the format version. */
export const KNOWN_PREFIXES = ['KKREQ1.', 'KKAPP1.'] as const;
const MAX_CODE_CHARS = 200_000;

export type Unwrapped =
  | { ok: true; payload: Uint8Array<ArrayBuffer> }
  | { ok: false; problem: 'unreadable' | 'wrong-kind' };

/**
 * Pasted code → payload bytes. Whitespace anywhere is dropped first: mail
 * clients wrap long lines and chat apps add trailing newlines, and the
 * base64url alphabet has no whitespace, so nothing real is lost.
 */
export function unwrapCode(input: unknown, prefix: (typeof KNOWN_PREFIXES)[number]): Unwrapped {
  if (typeof input !== 'string' || input.length > MAX_CODE_CHARS) return { ok: false, problem: 'unreadable' };
  const code = input.replace(/\s+/g, '');
  if (!code.startsWith(prefix)) {
    const other = KNOWN_PREFIXES.some((p) => p !== prefix && code.startsWith(p));
    return { ok: false, problem: other ? 'wrong-kind' : 'unreadable' };
  }
  try {
    return { ok: true, payload: fromBase64Url(code.slice(prefix.length)) };
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
}
