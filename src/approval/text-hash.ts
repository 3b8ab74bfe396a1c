import { toBase64Url } from './base64url';
import { normalizeForHash } from './normalize-for-hash';

export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
}

/** SHA-256 of the UTF-8 of the normalized draft (see normalize-for-hash.ts); 32 bytes. */
export async function hashTextBytes(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return sha256(new TextEncoder().encode(normalizeForHash(text)) as Uint8Array<ArrayBuffer>);
}

/** The same hash as base64url (43 characters), the form stored in a decoded request. */
export async function hashText(text: string): Promise<string> {
  return toBase64Url(await hashTextBytes(text));
}
