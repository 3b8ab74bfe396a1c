// The signing identity's key store: a non-extractable CryptoKey in the extension origin's
// IndexedDB (fake-indexeddb here, real WebCrypto Ed25519), nothing private in storage.local
// (content scripts can read it), and the move of keys stored by earlier versions as a JWK in
// `local:identity` — crash-safe and idempotent: the JWK goes only after the row is committed.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createIdentity, importPrivateKeyJwk, signChecked, verifyBytes } from '../../src/approval/keys';
import {
  createLocalIdentity,
  IdentityDb,
  IdentityExistsError,
  IdentityStore,
  loadPublicIdentity,
  loadSigner,
  migrateIdentity,
  useIdentityStore,
} from '../../src/storage/identity';
import { LEGACY_IDENTITY_KEY, type LegacyIdentity } from '../../src/storage/identity-legacy';

const data = new TextEncoder().encode('確認');
let factory: IDBFactory;

/** A fresh worker over the same profile: same IndexedDB and storage.local, nothing cached. */
const restart = () => new IdentityStore(new IdentityDb(factory));

/** What earlier versions stored: the private key as an exportable JWK in storage.local. */
async function legacyIdentity(name = '佐藤 広報', createdAt = Date.UTC(2025, 11, 1)): Promise<LegacyIdentity> {
  const { privateKeyJwk } = await createIdentity(name);
  const legacy = { name, privateKeyJwk, createdAt };
  await fakeBrowser.storage.local.set({ [LEGACY_IDENTITY_KEY]: legacy });
  return legacy;
}

/** Everything a content script could read from storage.local, as text. */
const storageLocalText = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

async function expectNotExportable(key: CryptoKey) {
  expect(key.extractable).toBe(false);
  for (const format of ['jwk', 'pkcs8', 'raw'] as const) await expect(crypto.subtle.exportKey(format, key)).rejects.toThrow();
}

beforeEach(() => {
  fakeBrowser.reset();
  factory = new IDBFactory();
});
afterEach(() => vi.restoreAllMocks());

describe('a new identity', () => {
  it('keeps a non-extractable private key in IndexedDB, the public key beside it, and nothing in storage.local', async () => {
    const store = restart();
    const made = await store.create('  山田  ', { now: 1234 });
    expect(made).toEqual({ name: '山田', publicKey: expect.stringMatching(/^[\w-]{43}$/), keyId: expect.stringMatching(/^[\w-]{11}$/), createdAt: 1234 });

    const row = await restart().db.read();
    expect(row).toMatchObject({ name: '山田', publicKey: made.publicKey, createdAt: 1234 });
    await expectNotExportable(row!.privateKey);
    expect(row!.privateKey.usages).toEqual(['sign']);
    // the stored key is the private half of the stored public key
    const signer = await restart().loadSigner();
    expect(signer!.identity).toEqual({ name: '山田', publicKey: made.publicKey });
    expect(await verifyBytes(made.publicKey, await signChecked(signer!, data), data)).toBe(true);

    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await restart().loadPublicIdentity()).toEqual(made);
  });

  it('is not replaced unless asked, even by two creations racing', async () => {
    const store = restart();
    const first = await store.create('A');
    await expect(store.create('B')).rejects.toBeInstanceOf(IdentityExistsError);
    expect((await store.loadPublicIdentity())?.publicKey).toBe(first.publicKey);
    const second = await store.create('B', { replace: true });
    expect(second.publicKey).not.toBe(first.publicKey);
    expect((await restart().loadPublicIdentity())?.name).toBe('B');

    await store.db.clear();
    const raced = await Promise.allSettled([restart().create('C'), restart().create('D')]);
    expect(raced.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const won = raced.find((r) => r.status === 'fulfilled')!;
    expect(raced.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(IdentityExistsError) });
    expect((await restart().loadPublicIdentity())?.publicKey).toBe(won.status === 'fulfilled' && won.value.publicKey);
  });

  it('refuses to store an exportable private key', async () => {
    const { signer, identity } = await createIdentity('X');
    const exportable = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
    await expect(restart().db.write({ ...identity, privateKey: exportable.privateKey, createdAt: 1 })).rejects.toThrow(/non-extractable/);
    await restart().db.write({ ...identity, privateKey: signer.privateKey, createdAt: 1 }); // imported non-extractable: fine
    expect((await restart().db.read())?.publicKey).toBe(identity.publicKey);
  });
});

describe('migration from a legacy JWK in storage.local', () => {
  it('imports it as non-extractable, keeps name, key and date, and removes the JWK', async () => {
    const legacy = await legacyIdentity();
    const pub = await restart().loadPublicIdentity();
    expect(pub).toMatchObject({ name: legacy.name, publicKey: legacy.privateKeyJwk.x, createdAt: legacy.createdAt });
    expect(JSON.stringify(pub)).not.toContain(legacy.privateKeyJwk.d);

    expect((await fakeBrowser.storage.local.get(LEGACY_IDENTITY_KEY))[LEGACY_IDENTITY_KEY]).toBeUndefined();
    const text = await storageLocalText();
    expect(text).not.toContain(legacy.privateKeyJwk.d);
    expect(text).not.toContain(legacy.privateKeyJwk.x);

    const row = await restart().db.read();
    await expectNotExportable(row!.privateKey);
    // the same key: what it signs verifies under the legacy public key
    const signer = await restart().loadSigner();
    expect(await verifyBytes(legacy.privateKeyJwk.x, await signChecked(signer!, data), data)).toBe(true);
  });

  it('runs at background start, before anything reads the identity', async () => {
    const legacy = await legacyIdentity();
    useIdentityStore(restart());
    await migrateIdentity();
    expect(await storageLocalText()).toBe('{}');
    expect((await loadSigner())?.identity.publicKey).toBe(legacy.privateKeyJwk.x);
    expect((await loadPublicIdentity())?.name).toBe(legacy.name);
  });

  it('a legacy key counts as an existing identity: creating without replace is refused and keeps it', async () => {
    const legacy = await legacyIdentity();
    useIdentityStore(restart());
    await expect(createLocalIdentity('other')).rejects.toBeInstanceOf(IdentityExistsError);
    expect((await loadPublicIdentity())?.publicKey).toBe(legacy.privateKeyJwk.x);
  });

  it('half done (row written, JWK not yet removed) completes on the next load with the same key', async () => {
    const legacy = await legacyIdentity();
    vi.spyOn(fakeBrowser.storage.local, 'remove').mockRejectedValueOnce(new Error('worker stopped'));
    await expect(restart().loadSigner()).rejects.toThrow('worker stopped');
    // the crash point: IndexedDB has the key, storage.local still has the JWK
    expect((await restart().db.read())?.publicKey).toBe(legacy.privateKeyJwk.x);
    expect((await fakeBrowser.storage.local.get(LEGACY_IDENTITY_KEY))[LEGACY_IDENTITY_KEY]).toEqual(legacy);

    const next = restart();
    expect((await next.loadSigner())?.identity.publicKey).toBe(legacy.privateKeyJwk.x);
    expect(await storageLocalText()).toBe('{}');
    expect(await next.loadPublicIdentity()).toMatchObject({ name: legacy.name, createdAt: legacy.createdAt });
  });

  it('a half-done migration written by hand (row from the JWK, JWK left) also completes', async () => {
    const legacy = await legacyIdentity();
    const privateKey = await importPrivateKeyJwk(legacy.privateKeyJwk);
    await restart().db.write({ name: legacy.name, privateKey, publicKey: legacy.privateKeyJwk.x, createdAt: legacy.createdAt });
    expect((await restart().loadPublicIdentity())?.publicKey).toBe(legacy.privateKeyJwk.x);
    expect(await storageLocalText()).toBe('{}');
  });

  it('a failure before the row is committed keeps the JWK, and the next load migrates it', async () => {
    const legacy = await legacyIdentity();
    vi.spyOn(IdentityDb.prototype, 'adopt').mockRejectedValueOnce(new Error('worker stopped'));
    const store = restart();
    await expect(store.loadPublicIdentity()).rejects.toThrow('worker stopped');
    expect((await fakeBrowser.storage.local.get(LEGACY_IDENTITY_KEY))[LEGACY_IDENTITY_KEY]).toEqual(legacy);
    expect(await restart().db.read()).toBeUndefined();
    // the same worker retries (the failed attempt is not remembered as done)
    expect((await store.loadPublicIdentity())?.publicKey).toBe(legacy.privateKeyJwk.x);
    expect(await storageLocalText()).toBe('{}');
  });

  it('does not overwrite a different identity made later; an older stored one gives way to a newer JWK', async () => {
    const newer = await restart().create('新しい鍵', { now: Date.UTC(2026, 0, 2) });
    const older = await legacyIdentity('古い鍵', Date.UTC(2025, 0, 1));
    expect((await restart().loadPublicIdentity())?.publicKey).toBe(newer.publicKey);
    expect(await storageLocalText()).not.toContain(older.privateKeyJwk.d);

    // e.g. the user went back to an earlier version and made a key there after this one
    const downgraded = await legacyIdentity('後で作った鍵', Date.UTC(2026, 0, 3));
    expect((await restart().loadPublicIdentity())?.publicKey).toBe(downgraded.privateKeyJwk.x);
    expect(await storageLocalText()).toBe('{}');
  });

  it('a legacy value that is not a usable identity is removed, not kept readable', async () => {
    await fakeBrowser.storage.local.set({ [LEGACY_IDENTITY_KEY]: { name: 'x', privateKeyJwk: { kty: 'OKP', d: 'secret' } }, other: 1 });
    expect(await restart().loadPublicIdentity()).toBeUndefined();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ other: 1 });
  });
});
