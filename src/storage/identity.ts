/**
 * The local user's own signing identity (issue 4): a display name and the private half of an
 * Ed25519 key made in this browser. It lives in `local:identity`, its own key, never in
 * `local:settings` (settings are exported, shown and may be merged with policy) and never in
 * sync storage: the private key must not leave this profile. Only the public identity
 * (name + public key) is ever shared; the signer is rebuilt with signerFromStorage.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { type Identity, IdentitySchema, keyIdOf } from '../approval/identity';
import { createIdentity, PrivateKeyJwkSchema, publicKeyFromPrivateJwk, type Signer, signerFromStorage } from '../approval/keys';

export const IDENTITY_KEY = 'identity';

export const StoredIdentitySchema = z.object({
  name: IdentitySchema.shape.name,
  privateKeyJwk: PrivateKeyJwkSchema,
  createdAt: z.number().int().nonnegative(),
});
export type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

/** What the UI may see and show: never the private key. */
export type PublicIdentity = Identity & { keyId: string; createdAt: number };

export async function readStoredIdentity(): Promise<StoredIdentity | undefined> {
  const raw = (await browser.storage.local.get(IDENTITY_KEY))[IDENTITY_KEY];
  const parsed = StoredIdentitySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export async function loadPublicIdentity(): Promise<PublicIdentity | undefined> {
  const stored = await readStoredIdentity();
  if (!stored) return undefined;
  const publicKey = publicKeyFromPrivateJwk(stored.privateKeyJwk);
  return { name: stored.name, publicKey, keyId: await keyIdOf(publicKey), createdAt: stored.createdAt };
}

export async function loadSigner(): Promise<Signer | undefined> {
  const stored = await readStoredIdentity();
  return stored ? signerFromStorage(stored.name, stored.privateKeyJwk) : undefined;
}

export class IdentityExistsError extends Error {
  override name = 'IdentityExistsError';
}

/**
 * Makes the key pair here (WebCrypto) and stores it. Refuses to replace an existing identity
 * unless asked: approvals already given to or by the old key stop counting once it is gone.
 */
export async function createLocalIdentity(name: string, options: { replace?: boolean; now?: number } = {}): Promise<PublicIdentity> {
  if (!options.replace && (await readStoredIdentity())) throw new IdentityExistsError('an identity already exists in this browser');
  const made = await createIdentity(name.trim());
  const stored: StoredIdentity = { name: made.identity.name, privateKeyJwk: made.privateKeyJwk, createdAt: options.now ?? Date.now() };
  await browser.storage.local.set({ [IDENTITY_KEY]: stored });
  return { ...made.identity, keyId: await keyIdOf(made.identity.publicKey), createdAt: stored.createdAt };
}
