/** An engine started from the shipped snapshot finds exactly what a freshly compiled one finds. */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDictionary } from '../../src/engine/dictionary/compile';
import { createEngine, type Engine } from '../../src/engine/index';
import { LoadedSnapshot, type IndexSnapshot, type TablesData } from '../../src/engine/matchers/pattern-index';
import { encodeSnapshot, loadSnapshot } from '../../src/engine/matchers/snapshot-format';
import type { Tokenizer } from '../../src/engine/tokenizer/types';
import { builtinSnapshot, createKakuninEngine } from '../../src/rules/builtin';
import { tokenizer } from '../support/engine';

const drafts = (() => {
  try {
    return readFileSync(new URL('../../../shared/eval/dev.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
  } catch {
    return [];
  }
})().concat(['元本保証で必ず儲かる!', 'しゅうきょうの勧誘', 'Vote them out', '090-1234-5678', 'プロジェクトさくら始動', 'ぷろじぇくとさくら', 'Project Sakura launches']);

const company = parseDictionary(
  {
    name: 'c',
    entries: [
      { id: 'confidential/sakura', category: 'confidential', severity: 'block', patterns: ['プロジェクトさくら', 'project sakura'], message: { ja: 'x', en: 'x' } },
      // patterns the built-in lists have too: they share the snapshot's compiled ones
      { id: 'compliance/own-guarantee', category: 'compliance', severity: 'warn', patterns: ['元本保証'], message: { ja: 'x', en: 'x' } },
    ],
  },
  'c',
);
const contexts = [{ account: 'company' as const }, { account: 'personal' as const, date: '2027-03-11' }];

function expectSameFindings(a: Engine, b: Engine) {
  expect(a.entries.length).toBe(b.entries.length);
  for (const d of drafts) for (const ctx of contexts) expect(a.checkAll(d, ctx)).toEqual(b.checkAll(d, ctx));
}

describe('compiled snapshot', () => {
  let t: Tokenizer;
  let snap: IndexSnapshot;
  const setup = { lists: [{ file: company, source: 'c' }] };
  let fresh: Engine;
  let freshBuiltin: Engine;
  beforeAll(async () => {
    t = await tokenizer();
    freshBuiltin = createKakuninEngine(t);
    snap = freshBuiltin.snapshot();
    fresh = createKakuninEngine(t, setup);
  });

  it('round-trips through JSON and gives identical findings, with company lists compiled on top', () => {
    const fromSnap = createKakuninEngine(t, setup, JSON.parse(JSON.stringify(snap)) as IndexSnapshot);
    expectSameFindings(fromSnap, fresh);
    expect(fromSnap.check('プロジェクトさくら始動').map((f) => f.rule)).toContain('confidential/sakura');
  });

  it('round-trips through its binary form: identical findings, with and without company lists, from one loaded snapshot', () => {
    const loaded = loadSnapshot(encodeSnapshot(snap));
    // engines started from one loaded snapshot share its tables; one that adds patterns makes its own
    const plain = createKakuninEngine(t, {}, loaded);
    const withCompany = createKakuninEngine(t, setup, loaded);
    expectSameFindings(withCompany, fresh);
    expectSameFindings(plain, freshBuiltin);
    expect(createKakuninEngine(t, {}, loaded.prepare()).check('元本保証で必ず儲かる!')).toEqual(freshBuiltin.check('元本保証で必ず儲かる!'));
  });

  it('prepared as the service worker does, the tables give identical findings: made from the shipped ones, or built in steps', async () => {
    let steps = 0;
    const shipped = await loadSnapshot(encodeSnapshot(snap)).prepareAsync(async () => void steps++);
    expect(steps).toBe(1); // the binary form ships the tables: nothing to build
    expectSameFindings(createKakuninEngine(t, {}, shipped), freshBuiltin);
    steps = 0;
    const built = await LoadedSnapshot.fromData(snap).prepareAsync(async () => void steps++);
    expect(steps).toBeGreaterThan(1);
    expectSameFindings(createKakuninEngine(t, {}, built), freshBuiltin);
  });

  it('shipped tables that do not fit the parts or patterns are built instead (identical findings)', async () => {
    const loaded = loadSnapshot(encodeSnapshot(snap));
    const data = (loaded as unknown as { data: TablesData }).data;
    const bad: TablesData[] = [
      { ...data, gate: data.gate.subarray(1) },
      { ...data, firstToken: { ...data.firstToken, lists: data.firstToken.lists.map((p) => p + 1_000_000) } },
      { ...data, surfaces: { ...data.surfaces, depth: data.surfaces.depth.map(() => 3) } },
      { ...data, setOwner: Int32Array.from([-1]) },
    ];
    for (const d of bad) {
      const again = new LoadedSnapshot(loaded.parts, loaded.rows, loaded.compiled, loaded.keys, d);
      const engine = createKakuninEngine(t, {}, await again.prepareAsync(async () => undefined));
      for (const text of drafts.slice(0, 200)) expect(engine.check(text, contexts[0])).toEqual(freshBuiltin.check(text, contexts[0]));
    }
  });

  it('writes the same snapshot again from an engine started from one (binary form included)', () => {
    const bytes = encodeSnapshot(snap);
    const again = createKakuninEngine(t, {}, loadSnapshot(bytes)).snapshot();
    // compared as text: a deep comparison of ~90k parts takes minutes
    expect(JSON.stringify(again) === JSON.stringify(snap)).toBe(true);
    expect(Buffer.compare(encodeSnapshot(again), bytes)).toBe(0);
  });

  it('carries the {人名} name slot (a list using it ships in the snapshot like any other)', () => {
    const names = parseDictionary(
      { name: 'n', entries: [{ id: 'privacy/name-visit', category: 'privacy', severity: 'warn', patterns: ['{人名}(さん|様)…来店'], message: { ja: 'x', en: 'x' } }] },
      'n',
    );
    const dictionaries = [{ file: names, source: 'n' }];
    const compiled = createEngine({ tokenizer: t, dictionaries });
    const loaded = createEngine({ tokenizer: t, dictionaries, snapshot: loadSnapshot(encodeSnapshot(compiled.snapshot())) });
    for (const text of ['田中さんが来店しました', '田中太郎様が昨日来店', 'お客様が来店しました']) expect(loaded.checkAll(text)).toEqual(compiled.checkAll(text));
    expect(loaded.check('田中さんが来店しました').map((f) => f.rule)).toEqual(['privacy/name-visit']);
  });

  it('refuses a snapshot of another version, in either form', () => {
    expect(() => createKakuninEngine(t, {}, { ...snap, version: -1 })).toThrow(/snapshot version/);
    const bytes = encodeSnapshot(snap);
    new DataView(bytes.buffer).setUint32(4, 6, true);
    expect(() => loadSnapshot(bytes)).toThrow(/snapshot version 6/);
  });

  it('refuses a corrupt binary snapshot (a host then compiles the lists)', () => {
    const bytes = encodeSnapshot(snap);
    expect(() => loadSnapshot(bytes.subarray(0, bytes.length - 4))).toThrow(/pattern snapshot/);
    expect(() => loadSnapshot(bytes.subarray(0, 10))).toThrow(/pattern snapshot/);
    expect(() => loadSnapshot(new TextEncoder().encode(JSON.stringify(snap)))).toThrow(/pattern snapshot/);
    for (const at of [12, 40, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const flipped = bytes.slice();
      flipped[at]! ^= 0x10;
      expect(() => loadSnapshot(flipped)).toThrow(/pattern snapshot/);
    }
  });
});
