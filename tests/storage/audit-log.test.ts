// The audit log keeps every committed event when a write is cut off: one transaction per event,
// so an aborted or unfinished transaction (a worker stopped mid-write) takes only itself with it.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/messaging/protocol';
import { AuditLog } from '../../src/storage/audit-log';

const event = (kind: AuditEventInput['kind'], reason?: string): AuditEventInput => ({ kind, site: 'x', textHash: 'h'.repeat(43), reason });

function openRaw(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = factory.open('kakunin-audit', 1);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

describe('AuditLog', () => {
  it('an aborted write loses only itself; a new worker sees every earlier event and goes on', async () => {
    const factory = new IDBFactory();
    const worker1 = new AuditLog(factory);
    await worker1.append(event('held'));
    await worker1.append(event('override', 'launch deadline'));

    // The worker is stopped after issuing its write and before the transaction commits.
    const db = await openRaw(factory);
    const tx = db.transaction('events', 'readwrite');
    tx.objectStore('events').add({ kind: 'approved', site: 'x', textHash: 'x', findings: [], time: Date.now() });
    const aborted = new Promise((resolve) => (tx.onabort = resolve));
    tx.abort();
    await aborted;
    db.close();

    const worker2 = new AuditLog(factory);
    expect((await worker2.list()).map((e) => e.kind)).toEqual(['held', 'override']);
    await worker2.append(event('released'));
    const all = await worker2.list();
    expect(all.map((e) => e.kind)).toEqual(['held', 'override', 'released']);
    expect(all[1]!.reason).toBe('launch deadline');
    expect(new Set(all.map((e) => e.id)).size).toBe(3);
  });

  it('a write that fails validation never touches the store', async () => {
    const log = new AuditLog(new IDBFactory());
    await log.append(event('held'));
    await expect(log.append({ kind: 'nonsense' } as never)).rejects.toThrow();
    expect((await log.list()).map((e) => e.kind)).toEqual(['held']);
  });

  it('concurrent appends each commit on their own', async () => {
    const log = new AuditLog(new IDBFactory());
    await Promise.all(Array.from({ length: 25 }, (_, i) => log.append(event('dismissed', `r${i}`), { now: 1000 + i })));
    const rows = await log.list();
    expect(rows).toHaveLength(25);
    expect(rows.map((r) => r.reason)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
  });

  it('prunes strictly older than the retention window and keeps the rest', async () => {
    const log = new AuditLog(new IDBFactory());
    const day = 86_400_000;
    const now = 100 * day;
    await log.append(event('held', 'old'), { now: now - 31 * day });
    await log.append(event('held', 'edge'), { now: now - 30 * day });
    await log.append(event('held', 'new'), { now: now - day });
    expect(await log.prune(30, now)).toBe(1);
    expect((await log.list()).map((e) => e.reason)).toEqual(['edge', 'new']);
  });
});
