/** The background's engine host: what its status reports about the settings it runs with. */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ensureIpadicFile, loadNodeTokenizer } from '../../src/node/ipadic';
import { cachedModel, cachedModelFile, readCorpus } from '../../src/node/model-cache';
import { createKakuninEngine } from '../../src/rules/builtin';
import { cachedBuiltinSnapshot, cachedBuiltinSnapshotFile } from '../../src/node/snapshot-cache';
import { DEFAULT_SETTINGS, type CompanyList, type Settings } from '../../src/storage/settings-schema';
import { createEngineHost } from '../../src/worker/engine-host';
import { entry } from '../storage/list-fixtures';

// counts the engines the host builds
const builds = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/rules/builtin', async (original) => {
  const mod = await original<typeof import('../../src/rules/builtin')>();
  return {
    ...mod,
    createKakuninEngine: (...args: Parameters<typeof mod.createKakuninEngine>) => {
      builds.n++;
      return mod.createKakuninEngine(...args);
    },
  };
});

const readDictionary = async () => {
  const b = readFileSync(ensureIpadicFile());
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
function host() {
  return createEngineHost(readDictionary, async () => cachedBuiltinSnapshot(await loadNodeTokenizer()));
}
const settings = (over: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('engine host status', () => {
  it('names the switched-off rule ids that match no rule', async () => {
    const h = host();
    const lists: CompanyList[] = [{ id: 'corp', name: '全社NG', enabled: true, entries: [entry({ id: 'confidential/codename', category: 'confidential', patterns: ['プロジェクトK'] })] }];
    await h.check('こんにちは', { account: 'company' }, settings({ lists, disabledRules: ['compliance/no1-claim', 'compliance/superiority-claim', 'confidential/codename', 'privacy/phone-number'] }));
    expect(h.status()).toMatchObject({ tokenizer: 'ready', unknownRules: ['compliance/no1-claim'] });
    await h.check('こんにちは', { account: 'company' }, settings({ disabledRules: ['compliance/superiority-claim'] }));
    expect(h.status().unknownRules).toBeUndefined();
  });

  it('leaves out only the later of two lists whose ids collide, even when both have the same name, and says which ids', async () => {
    const h = host();
    const codename = entry({ id: 'confidential/codename', category: 'confidential', severity: 'block', patterns: ['プロジェクトK'] });
    const lists: CompanyList[] = [
      { id: 'corp', name: '全社NG', enabled: true, entries: [codename] },
      { id: 'mine', name: '全社NG', enabled: true, entries: [codename, entry({ id: 'compliance/mine', patterns: ['限定品'] })] },
    ];
    const findings = await h.check('プロジェクトKの限定品', { account: 'company' }, settings({ lists }));
    expect(findings.map((f) => f.rule)).toEqual(['confidential/codename']);
    expect(h.status().error).toBe('lists left out: 全社NG (mine) [confidential/codename]: id already used in 全社NG (corp)');
  });

  it('builds one engine when the start-up warm-up and the first check ask at once', async () => {
    const h = host();
    h.preload();
    const s = settings({});
    builds.n = 0;
    const warmed = h.warm(s);
    const [a, b] = await Promise.all([h.check('元本保証で必ず儲かる', { account: 'company' }, s), h.check('こんにちは', { account: 'company' }, s)]);
    await warmed;
    expect(builds.n).toBe(1);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual([]);
    // settings that change while an engine is being built get their own
    const lists: CompanyList[] = [{ id: 'corp', name: '全社NG', enabled: true, entries: [entry({ id: 'confidential/codename', category: 'confidential', patterns: ['プロジェクトK'] })] }];
    const other = settings({ lists });
    const [x, y] = await Promise.all([h.check('プロジェクトK', { account: 'company' }, s), h.check('プロジェクトK', { account: 'company' }, other)]);
    expect(x).toEqual([]);
    expect(y.map((f) => f.rule)).toEqual(['confidential/codename']);
    expect(builds.n).toBe(2);
  });

  it('a snapshot that is missing, of another version or corrupt only costs time: the lists are compiled', async () => {
    const bytes = readFileSync(cachedBuiltinSnapshotFile(await loadNodeTokenizer()));
    const stale = bytes.slice();
    new DataView(stale.buffer).setUint32(4, 6, true);
    const flipped = bytes.slice();
    flipped[flipped.length >> 1]! ^= 1;
    const expected = await host().check('元本保証で必ず儲かる!', { account: 'company' }, settings({}));
    expect(expected.length).toBeGreaterThan(0);
    // (each compiles the lists: a few seconds)
    for (const read of [async () => Promise.reject(new Error('HTTP 404')), async () => stale, async () => flipped]) {
      const h = createEngineHost(readDictionary, read);
      expect(await h.check('元本保証で必ず儲かる!', { account: 'company' }, settings({}))).toEqual(expected);
    }
  });

  it('runs the learned model it is given, and without one (or with an unreadable one) runs the lists alone and says so', async () => {
    const snapshot = async () => cachedBuiltinSnapshot(await loadNodeTokenizer());
    // a post the lists miss and the model finds: the first such post of the model's own corpus
    const t = await loadNodeTokenizer();
    const direct = createKakuninEngine(t, {}, cachedBuiltinSnapshot(t), cachedModel());
    const post = readCorpus().find((p) => p.account !== 'personal' && direct.check(p.text, { account: 'company' }).some((f) => f.rule.startsWith('model/')));
    expect(post, 'a corpus post the model finds').toBeDefined();
    const withModel = createEngineHost(readDictionary, snapshot, async () => readFileSync(cachedModelFile()));
    const rules = (await withModel.check(post!.text, { account: 'company' }, settings({}))).map((f) => f.rule);
    const found = { text: post!.text, rules };
    expect(rules.some((r) => r.startsWith('model/'))).toBe(true);
    expect(withModel.status()).toMatchObject({ tokenizer: 'ready', model: 'ready' });
    expect(withModel.status().error).toBeUndefined();

    const model = cachedModel();
    const given = createEngineHost(readDictionary, snapshot, async () => model);
    expect((await given.check(found.text, { account: 'company' }, settings({}))).map((f) => f.rule)).toEqual(found.rules);

    const corrupt = readFileSync(cachedModelFile()).slice();
    corrupt[100]! ^= 1;
    for (const [read, state] of [[async () => undefined, 'missing'], [async () => corrupt, 'error'], [async () => Promise.reject(new Error('HTTP 404')), 'error']] as const) {
      const h = createEngineHost(readDictionary, snapshot, read);
      const rules = (await h.check(found.text, { account: 'company' }, settings({}))).map((f) => f.rule);
      expect(rules).toEqual(found.rules.filter((r) => !r.startsWith('model/')));
      expect(h.status().model).toBe(state);
      if (state === 'error') expect(h.status().error).toMatch(/learned model left out/);
    }
  });
});
