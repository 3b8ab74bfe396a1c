/**
 * The signing identity's record in the extension origin's IndexedDB (`kakunin-identity`): one
 * row `{ name, privateKey, publicKey, createdAt }` whose private key is a non-extractable Ed25519
 * CryptoKey — structured-cloned by IndexedDB, usable for signing, never readable as bytes. Content
 * scripts run in the page's origin and cannot open this database. Every write is one transaction.
 */
import { z } from 'zod';
import { IdentitySchema, PublicKeySchema } from '../approval/identity';
import { done, openDatabase, request } from './idb';

const DB_NAME = 'kakunin-identity';
const STORE = 'identity';
/** One identity per browser profile, always under this key. */
const KEY = 'self';

/** A private, sign-only, non-extractable Ed25519 key; anything else is not a usable record. */
const PrivateCryptoKeySchema = z.custom<CryptoKey>((v) => {
  const k = v as Partial<CryptoKey> | null;
  return typeof k === 'object' && k !== null && k.type === 'private' && k.extractable === false && k.algorithm?.name === 'Ed25519' && !!k.usages?.includes('sign');
}, 'expected a non-extractable Ed25519 private CryptoKey');

export const StoredIdentitySchema = z.object({
  name: IdentitySchema.shape.name,
  privateKey: PrivateCryptoKeySchema,
  /** raw 32-byte public key, base64url: exported once when the key was made */
  publicKey: PublicKeySchema,
  createdAt: z.number().int().nonnegative(),
});
export type StoredIdentity = z.infer<typeof StoredIdentitySchema>;

export class IdentityExistsError extends Error {
  override name = 'IdentityExistsError';
}

export class IdentityDb {
  private db: Promise<IDBDatabase> | undefined;

  /** `factory` defaults to the global indexedDB, looked up on first use. */
  constructor(private readonly factory?: IDBFactory) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= openDatabase(this.factory ?? globalThis.indexedDB, DB_NAME, 1, (db) => db.createObjectStore(STORE)).catch((e: unknown) => {
      this.db = undefined;
      throw e;
    });
    return this.db;
  }

  /** The stored identity, or undefined if there is none or the row is unusable. */
  async read(): Promise<StoredIdentity | undefined> {
    const db = await this.open();
    const raw = await request(db.transaction(STORE, 'readonly').objectStore(STORE).get(KEY));
    const parsed = StoredIdentitySchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  }

  /** Stores `record`; without `replace`, refuses (IdentityExistsError) if a row exists, atomically. */
  async write(record: StoredIdentity, options: { replace?: boolean } = {}): Promise<void> {
    const row = StoredIdentitySchema.parse(record);
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    try {
      await Promise.all([request(options.replace ? store.put(row, KEY) : store.add(row, KEY)), done(tx)]);
    } catch (e) {
      if (e instanceof Error && e.name === 'ConstraintError') throw new IdentityExistsError('an identity already exists in this browser');
      throw e;
    }
  }

  /**
   * Stores a migrated record unless a different identity made later is already here (a key
   * created after this one must not be overwritten by an older copy). Read and write are one
   * transaction. Returns what is stored afterwards.
   */
  async adopt(record: StoredIdentity): Promise<StoredIdentity> {
    const row = StoredIdentitySchema.parse(record);
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const committed = done(tx);
    void committed.catch(() => undefined); // awaited below; a failed get must not leave it unhandled
    const store = tx.objectStore(STORE);
    const existing = StoredIdentitySchema.safeParse(await request(store.get(KEY)));
    const keep = existing.success && existing.data.publicKey !== row.publicKey && existing.data.createdAt >= row.createdAt;
    if (!keep) store.put(row, KEY);
    await committed;
    return keep ? existing.data : row;
  }

  async clear(): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).delete(KEY);
    await done(tx);
  }
}
