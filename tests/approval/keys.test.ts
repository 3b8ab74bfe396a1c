import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../src/approval/base64url';
import { keyIdOf } from '../../src/approval/identity';
import {
  createIdentity,
  exportPublicKey,
  importPrivateKeyJwk,
  importPublicKey,
  isEd25519Supported,
  signBytes,
  signChecked,
  signerFromStorage,
  verifyBytes,
} from '../../src/approval/keys';

const data = new TextEncoder().encode('確認');

describe('keys (real WebCrypto Ed25519)', () => {
  it('Ed25519 is available in this Node', async () => {
    expect(await isEd25519Supported()).toBe(true);
  });

  it('exports the public key as raw 32 bytes base64url and the private key as JWK', async () => {
    const { identity, privateKeyJwk } = await createIdentity('佐藤');
    expect(identity.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromBase64Url(identity.publicKey)).toHaveLength(32);
    expect(privateKeyJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', x: identity.publicKey });
    expect(await exportPublicKey(await importPublicKey(identity.publicKey))).toBe(identity.publicKey);
  });

  it('a stored JWK signs, and the imported private key is not extractable', async () => {
    const { identity, privateKeyJwk } = await createIdentity('佐藤');
    const signer = await signerFromStorage('佐藤', JSON.parse(JSON.stringify(privateKeyJwk)));
    expect(signer.identity).toEqual(identity);
    expect(signer.privateKey.extractable).toBe(false);
    const sig = await signChecked(signer, data);
    expect(sig).toHaveLength(64);
    expect(await verifyBytes(identity.publicKey, sig, data)).toBe(true);
  });

  it('key id is the first 8 bytes of SHA-256 of the raw key (11 chars)', async () => {
    const { identity } = await createIdentity('佐藤');
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256').update(fromBase64Url(identity.publicKey)).digest().subarray(0, 8).toString('base64url');
    expect(await keyIdOf(identity.publicKey)).toBe(expected);
    expect(expected).toHaveLength(11);
  });

  it('signChecked refuses a private key that does not match the identity', async () => {
    const a = await createIdentity('A');
    const b = await createIdentity('B');
    await expect(signChecked({ identity: a.identity, privateKey: b.signer.privateKey }, data)).rejects.toThrow(/does not match/);
  });

  it('verifyBytes never throws on garbage', async () => {
    const { identity, signer } = await createIdentity('A');
    const sig = await signBytes(signer.privateKey, data);
    expect(await verifyBytes(identity.publicKey, sig.slice(0, 10), data)).toBe(false);
    expect(await verifyBytes('not-a-key', sig, data)).toBe(false);
    sig[0]! ^= 1;
    expect(await verifyBytes(identity.publicKey, sig, data)).toBe(false);
  });

  it('refuses malformed JWKs', async () => {
    await expect(importPrivateKeyJwk({ kty: 'EC', crv: 'P-256', x: 'a', d: 'b' })).rejects.toThrow();
  });
});
