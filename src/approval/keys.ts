import { z } from 'zod';
import { fromBase64Url, toBase64Url } from './base64url';
import { type Identity, IdentitySchema, type PublicKey, PublicKeySchema } from './identity';

/**
 * Ed25519 through WebCrypto only (Node ≥ 20 `globalThis.crypto`, Chromium
 * 137+ without a flag). No fallback algorithm: if the platform lacks Ed25519
 * the caller gets `isEd25519Supported() === false` and must say so, rather
 * than silently producing keys other Kakunin installs cannot verify.
 */
const ED25519 = { name: 'Ed25519' } as const;

const B64_32 = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * A private key as JWK: only for keys stored before Kakunin kept them as non-extractable
 * CryptoKeys (legacy `local:identity`, migrated by src/storage/identity-legacy.ts) and for tests.
 */
export const PrivateKeyJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: B64_32,
  d: B64_32,
});
export type PrivateKeyJwk = z.infer<typeof PrivateKeyJwkSchema>;

/** A person able to sign: their public identity plus their private CryptoKey. */
export type Signer = { identity: Identity; privateKey: CryptoKey };

export async function isEd25519Supported(): Promise<boolean> {
  try {
    const pair = (await globalThis.crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])) as CryptoKeyPair;
    const probe = new Uint8Array([1]);
    const sig = await globalThis.crypto.subtle.sign(ED25519, pair.privateKey, probe);
    return await globalThis.crypto.subtle.verify(ED25519, pair.publicKey, sig, probe);
  } catch {
    return false;
  }
}

/**
 * Makes a new key pair whose private half can never be exported (store the CryptoKey itself,
 * e.g. in IndexedDB); the public key is exported here once. Share only `identity`.
 */
export async function generateSigner(name: string): Promise<Signer> {
  const pair = (await globalThis.crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])) as CryptoKeyPair;
  const identity = IdentitySchema.parse({ name, publicKey: await exportPublicKey(pair.publicKey) });
  return { identity, privateKey: pair.privateKey };
}

/** Makes a new key pair and identity with an exportable JWK (tests and tools; the extension uses generateSigner). */
export async function createIdentity(name: string): Promise<{ identity: Identity; privateKeyJwk: PrivateKeyJwk; signer: Signer }> {
  const pair = (await globalThis.crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const identity = IdentitySchema.parse({ name, publicKey: await exportPublicKey(pair.publicKey) });
  const privateKeyJwk = await exportPrivateKeyJwk(pair.privateKey);
  return { identity, privateKeyJwk, signer: { identity, privateKey: await importPrivateKeyJwk(privateKeyJwk) } };
}

export async function exportPublicKey(key: CryptoKey): Promise<PublicKey> {
  return toBase64Url(new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', key)));
}

export async function importPublicKey(publicKey: PublicKey): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', fromBase64Url(PublicKeySchema.parse(publicKey)), ED25519, true, ['verify']);
}

export async function exportPrivateKeyJwk(key: CryptoKey): Promise<PrivateKeyJwk> {
  return PrivateKeyJwkSchema.parse(await globalThis.crypto.subtle.exportKey('jwk', key));
}

/**
 * Imports a stored private key as non-extractable and sign-only. Only
 * kty/crv/x/d are passed on: exporters differ in `alg` ("Ed25519" vs "EdDSA")
 * and `key_ops`, and importers may reject a mismatch.
 */
export async function importPrivateKeyJwk(jwk: unknown): Promise<CryptoKey> {
  const { kty, crv, x, d } = PrivateKeyJwkSchema.parse(jwk);
  return globalThis.crypto.subtle.importKey('jwk', { kty, crv, x, d }, ED25519, false, ['sign']);
}

/** The JWK's `x` is the raw public key, already base64url. */
export function publicKeyFromPrivateJwk(jwk: PrivateKeyJwk): PublicKey {
  return PublicKeySchema.parse(jwk.x);
}

/** Rebuilds a Signer from a name and a private JWK (legacy storage, tests); imported non-extractable. */
export async function signerFromStorage(name: string, jwk: unknown): Promise<Signer> {
  const parsed = PrivateKeyJwkSchema.parse(jwk);
  const identity = IdentitySchema.parse({ name, publicKey: publicKeyFromPrivateJwk(parsed) });
  return { identity, privateKey: await importPrivateKeyJwk(parsed) };
}

export async function signBytes(privateKey: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await globalThis.crypto.subtle.sign(ED25519, privateKey, data));
}

/** Never throws: an unusable key or signature is simply "not verified". */
export async function verifyBytes(
  publicKey: PublicKey,
  signature: Uint8Array<ArrayBuffer>,
  data: Uint8Array<ArrayBuffer>,
): Promise<boolean> {
  try {
    return await globalThis.crypto.subtle.verify(ED25519, await importPublicKey(publicKey), signature, data);
  } catch {
    return false;
  }
}

/**
 * Signs and checks the result against the signer's claimed public key, so a
 * stored JWK whose `d` and `x` disagree (or a Signer wired to the wrong
 * identity) fails at creation instead of producing codes nobody can verify.
 */
export async function signChecked(signer: Signer, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const signature = await signBytes(signer.privateKey, data);
  if (!(await verifyBytes(signer.identity.publicKey, signature, data))) {
    throw new Error('approval: the private key does not match the identity public key');
  }
  return signature;
}
