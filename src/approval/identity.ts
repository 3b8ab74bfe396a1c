import { z } from 'zod';
import { fromBase64Url, toBase64Url } from './base64url';
import { sha256 } from './text-hash';

/** Raw 32-byte Ed25519 public key, base64url (43 characters, canonical). */
export const PublicKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'expected a 43-character base64url Ed25519 public key')
  .refine(canonicalBase64Url, 'non-canonical base64url');
export type PublicKey = z.infer<typeof PublicKeySchema>;

/** First 8 bytes of SHA-256(raw public key), base64url: 11 characters. */
export const KeyIdSchema = z.string().regex(/^[A-Za-z0-9_-]{11}$/);
export type KeyId = z.infer<typeof KeyIdSchema>;
export const KEY_ID_BYTES = 8;

/**
 * Who someone is to Kakunin: a display name and the public half of a key made
 * in their own browser. Requesters and approvers alike. The name is a label
 * only; the key decides identity (self-approval, approver lookup).
 */
export const IdentitySchema = z.object({
  name: z.string().min(1).max(100),
  publicKey: PublicKeySchema,
});
export type Identity = z.infer<typeof IdentitySchema>;

export async function keyIdOf(publicKey: PublicKey | Uint8Array<ArrayBuffer>): Promise<KeyId> {
  const raw = typeof publicKey === 'string' ? fromBase64Url(publicKey) : publicKey;
  return toBase64Url((await sha256(raw)).slice(0, KEY_ID_BYTES));
}

/** Canonical base64url makes string equality byte equality. */
export function sameKey(a: PublicKey, b: PublicKey): boolean {
  return a === b;
}

function canonicalBase64Url(text: string): boolean {
  try {
    return fromBase64Url(text).length === 32;
  } catch {
    return false;
  }
}
