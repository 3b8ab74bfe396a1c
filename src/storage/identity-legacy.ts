/**
 * Moves a key stored by earlier versions — `local:identity` = { name, privateKeyJwk, createdAt }
 * in chrome.storage.local, which content scripts can read — into IndexedDB as a non-extractable
 * CryptoKey. Order: import, write the IndexedDB row (committed), only then remove the JWK. A
 * worker stopped in between leaves both, and the next run does the same again (idempotent:
 * the row is rewritten with the same key, then the JWK removed), so nothing is ever lost.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { IdentitySchema } from '../approval/identity';
import { importPrivateKeyJwk, PrivateKeyJwkSchema, publicKeyFromPrivateJwk } from '../approval/keys';
import type { IdentityDb } from './identity-db';

/** `local:identity` (storage.local key `identity`) */
export const LEGACY_IDENTITY_KEY = 'identity';

export const LegacyIdentitySchema = z.object({
  name: IdentitySchema.shape.name,
  privateKeyJwk: PrivateKeyJwkSchema,
  createdAt: z.number().int().nonnegative(),
});
export type LegacyIdentity = z.infer<typeof LegacyIdentitySchema>;

/**
 * Migrates a legacy key if there is one; returns whether storage.local held anything under the
 * key. A value that is not a usable identity (earlier versions ignored it too) is removed, so
 * no key material is left readable; a failure before the row is written throws and keeps it.
 */
export async function migrateLegacyIdentity(db: IdentityDb): Promise<boolean> {
  const raw: unknown = (await browser.storage.local.get(LEGACY_IDENTITY_KEY))[LEGACY_IDENTITY_KEY];
  if (raw === undefined) return false;
  const legacy = LegacyIdentitySchema.safeParse(raw);
  if (legacy.success) {
    const { name, privateKeyJwk, createdAt } = legacy.data;
    const privateKey = await importPrivateKeyJwk(privateKeyJwk); // sign-only, non-extractable
    await db.adopt({ name, privateKey, publicKey: publicKeyFromPrivateJwk(privateKeyJwk), createdAt });
  }
  await browser.storage.local.remove(LEGACY_IDENTITY_KEY);
  return true;
}
