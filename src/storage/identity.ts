/**
 * The local user's own signing identity (issue 4): a display name and the private half of an
 * Ed25519 key made in this browser. The private key is a non-extractable CryptoKey kept in the
 * extension origin's IndexedDB (src/storage/identity-db.ts): it signs, but no script — not even
 * ours — can read its bytes, and content scripts (which can read chrome.storage.local, and run
 * inside possibly compromised site renderers) cannot open that database at all. The public key
 * is exported once, when the key is made, and stored beside it. Never in `local:settings`
 * (exported, shown, merged with policy) and never in sync storage: the key does not leave this
 * profile. Keys from earlier versions (`local:identity`, a JWK in storage.local) are moved there
 * before the first read (src/storage/identity-legacy.ts). Only the public identity (name +
 * public key) is ever shared.
 */
import { keyIdOf, type Identity } from '../approval/identity';
import { generateSigner, type Signer } from '../approval/keys';
import { IdentityDb, IdentityExistsError, type StoredIdentity } from './identity-db';
import { migrateLegacyIdentity } from './identity-legacy';

export { IdentityDb, IdentityExistsError, StoredIdentitySchema, type StoredIdentity } from './identity-db';

/** What the UI may see and show: never the private key. */
export type PublicIdentity = Identity & { keyId: string; createdAt: number };

export async function publicIdentityOf(stored: StoredIdentity): Promise<PublicIdentity> {
  return { name: stored.name, publicKey: stored.publicKey, keyId: await keyIdOf(stored.publicKey), createdAt: stored.createdAt };
}

export class IdentityStore {
  private migrated: Promise<void> | undefined;

  constructor(readonly db: IdentityDb = new IdentityDb()) {}

  /** Moves a legacy storage.local key into IndexedDB, once per worker; retried after a failure. */
  migrate(): Promise<void> {
    this.migrated ??= migrateLegacyIdentity(this.db).then(
      () => undefined,
      (e: unknown) => {
        this.migrated = undefined;
        throw e;
      },
    );
    return this.migrated;
  }

  async read(): Promise<StoredIdentity | undefined> {
    await this.migrate();
    return this.db.read();
  }

  async loadPublicIdentity(): Promise<PublicIdentity | undefined> {
    const stored = await this.read();
    return stored && publicIdentityOf(stored);
  }

  async loadSigner(): Promise<Signer | undefined> {
    const stored = await this.read();
    return stored && { identity: { name: stored.name, publicKey: stored.publicKey }, privateKey: stored.privateKey };
  }

  /**
   * Makes the key pair here (WebCrypto, private half non-extractable) and stores it. Refuses to
   * replace an existing identity unless asked: approvals already given to or by the old key stop
   * counting once it is gone.
   */
  async create(name: string, options: { replace?: boolean; now?: number } = {}): Promise<PublicIdentity> {
    await this.migrate(); // a legacy key counts as existing, and is not migrated over the new one later
    if (!options.replace && (await this.db.read())) throw new IdentityExistsError('an identity already exists in this browser');
    const signer = await generateSigner(name.trim());
    const stored: StoredIdentity = { ...signer.identity, privateKey: signer.privateKey, createdAt: options.now ?? Date.now() };
    await this.db.write(stored, { replace: options.replace });
    return publicIdentityOf(stored);
  }
}

let current: IdentityStore | undefined;
const store = () => (current ??= new IdentityStore());

/** Tests: run the module's functions over another store (e.g. a fake-indexeddb factory). */
export function useIdentityStore(next: IdentityStore): void {
  current = next;
}

/** Background start: move a legacy key out of storage.local now rather than at first use. */
export const migrateIdentity = (): Promise<void> => store().migrate();
export const readStoredIdentity = (): Promise<StoredIdentity | undefined> => store().read();
export const loadPublicIdentity = (): Promise<PublicIdentity | undefined> => store().loadPublicIdentity();
export const loadSigner = (): Promise<Signer | undefined> => store().loadSigner();
export const createLocalIdentity = (name: string, options: { replace?: boolean; now?: number } = {}): Promise<PublicIdentity> =>
  store().create(name, options);
