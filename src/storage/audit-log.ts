/**
 * The audit log: every hold, override, approval step and dismissed finding, in IndexedDB.
 * Each event is one transaction that either commits whole or not at all, so a worker stopped
 * mid-write loses at most the event being written, never earlier ones. Text is stored only when
 * the user opted in; otherwise the SHA-256 of the normalized draft identifies it.
 */
import { AuditEventSchema, AuditRecordSchema, type AuditEventInput, type AuditRecord } from '../messaging/protocol';

// Declared in the protocol, which also carries records to the options page.
export { AuditRecordSchema, type AuditRecord };

const DB_NAME = 'kakunin-audit';
const STORE = 'events';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('audit transaction aborted'));
  });
}

export class AuditLog {
  private db: Promise<IDBDatabase> | undefined;

  constructor(private readonly factory: IDBFactory = globalThis.indexedDB) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = this.factory.open(DB_NAME, 1);
      r.onupgradeneeded = () => {
        const store = r.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
        store.createIndex('time', 'time');
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }).catch((e: unknown) => {
      this.db = undefined;
      throw e;
    });
    return this.db;
  }

  async append(event: AuditEventInput, options: { text?: string; now?: number } = {}): Promise<number> {
    const parsed = AuditEventSchema.parse(event);
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const record: Omit<AuditRecord, 'id'> = { ...parsed, time: options.now ?? Date.now() };
    if (options.text !== undefined) record.text = options.text;
    const id = (await request(tx.objectStore(STORE).add(record))) as number;
    await done(tx);
    return id;
  }

  /** Events in time order, optionally from a time on. */
  async list(options: { since?: number } = {}): Promise<AuditRecord[]> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const range = options.since === undefined ? undefined : IDBKeyRange.lowerBound(options.since);
    const rows = await request(tx.objectStore(STORE).index('time').getAll(range));
    return rows.flatMap((r) => {
      const parsed = AuditRecordSchema.safeParse(r);
      return parsed.success ? [parsed.data] : []; // a row we cannot read is skipped, not fatal
    });
  }

  /** Deletes events older than `retentionDays`; returns how many. */
  async prune(retentionDays: number, now = Date.now()): Promise<number> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const cutoff = now - retentionDays * 86_400_000;
    const index = tx.objectStore(STORE).index('time');
    const keys = await request(index.getAllKeys(IDBKeyRange.upperBound(cutoff, true)));
    for (const k of keys) tx.objectStore(STORE).delete(k);
    await done(tx);
    return keys.length;
  }
}
