/** An engine started from the shipped snapshot finds exactly what a freshly compiled one finds. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDictionary } from '../../src/engine/dictionary/compile';
import { builtinSnapshot, createKakuninEngine } from '../../src/rules/builtin';
import { tokenizer } from '../support/engine';

const drafts = (() => {
  try {
    return readFileSync(new URL('../../../shared/eval/dev.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
  } catch {
    return [];
  }
})().concat(['元本保証で必ず儲かる!', 'しゅうきょうの勧誘', 'Vote them out', '090-1234-5678', 'プロジェクトさくら始動']);

const company = parseDictionary(
  { name: 'c', entries: [{ id: 'confidential/sakura', category: 'confidential', severity: 'block', patterns: ['プロジェクトさくら'], message: { ja: 'x', en: 'x' } }] },
  'c',
);

describe('compiled snapshot', () => {
  it('round-trips through JSON and gives identical findings, with company lists compiled on top', async () => {
    const t = await tokenizer();
    const snap = JSON.parse(JSON.stringify(builtinSnapshot(t)));
    const setup = { lists: [{ file: company, source: 'c' }] };
    const fresh = createKakuninEngine(t, setup);
    const fromSnap = createKakuninEngine(t, setup, snap);
    expect(fromSnap.entries.length).toBe(fresh.entries.length);
    for (const d of drafts) {
      for (const ctx of [{ account: 'company' as const }, { account: 'personal' as const, date: '2027-03-11' }]) {
        expect(fromSnap.checkAll(d, ctx)).toEqual(fresh.checkAll(d, ctx));
      }
    }
    expect(fromSnap.check('プロジェクトさくら始動').map((f) => f.rule)).toContain('confidential/sakura');
  });

  it('refuses a snapshot of another version', async () => {
    const t = await tokenizer();
    const snap = { ...builtinSnapshot(t), version: -1 };
    expect(() => createKakuninEngine(t, {}, snap)).toThrow(/snapshot version/);
  });
});
