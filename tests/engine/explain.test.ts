/**
 * engine.explain(): its findings are check()'s, on every dictionary example and labeled post
 * (it derives them on its own path, so this is what keeps the two in step), and its reasons for
 * near misses name the right field, on a small company list (tests/fixtures/explain-company-list.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../src/engine/finding';
import type { Engine } from '../../src/engine/index';
import type { ExplainedEntry, Explanation } from '../../src/engine/explain';
import { readListFile } from '../../src/node/engine';
import { builtinDictionaries } from '../../src/rules/builtin';
import { engineWith } from '../support/engine';

const listPath = new URL('../fixtures/explain-company-list.json', import.meta.url).pathname;
const company = readListFile(listPath);

/** every example sentence of the built-in lists, with the context runExamples gives it */
const examples: Array<{ text: string; context: CheckContext }> = builtinDictionaries().flatMap(({ file }) =>
  file.entries.flatMap((entry) => {
    const base: CheckContext = { account: entry.when?.account ?? 'company', site: entry.when?.sites?.[0] };
    return [...(entry.examples?.match ?? []), ...(entry.examples?.noMatch ?? [])].map((ex) =>
      typeof ex === 'string' ? { text: ex, context: base } : { text: ex.text, context: { ...base, ...ex.context } },
    );
  }),
);

const posts: Array<{ text: string; context: CheckContext }> = (() => {
  try {
    return readFileSync(new URL('../../../shared/eval/dev.jsonl', import.meta.url), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { text: string; account?: 'company' | 'personal'; site?: string })
      .map((p) => ({ text: p.text, context: { account: p.account, site: p.site } }));
  } catch {
    return []; // the labeled set lives beside the checkout; the examples always run
  }
})();

/** the company list's own drafts, and drafts that mix many entries (same place, other categories) */
const mixed = [
  'プロジェクトさくら計画の件。#公式発表',
  'さくら計画、来月の発売日は未公開。価格は未定',
  '新工場見学会のお知らせ。新工場は未定です',
  'モモ計画は中止。project-momo は続く。社内の噂です',
  'この美容液でシミが消える!元本保証で必ず儲かる。090-1234-5678 まで',
];

function expectTruth(engine: Engine, drafts: Array<{ text: string; context: CheckContext }>): number {
  let findings = 0;
  const wrong: string[] = [];
  for (const { text, context } of drafts) {
    const ex = engine.explain(text, context);
    const check = engine.check(text, context);
    findings += check.length;
    if (JSON.stringify(ex.findings) !== JSON.stringify(check) || !ex.consistent) wrong.push(text);
    // every finding names what made it, and that entry's hit points back at it
    ex.origins.forEach((o, n) => {
      if (o.kind === 'detector') expect(ex.detectors[o.detector]!.finding).toBe(n);
      else {
        const e = ex.entries[o.entry]!;
        expect(e.outcome).toBe('fired');
        expect(e.rule).toBe(ex.findings[n]!.rule);
        expect(e.hits[o.hit]!.finding).toBe(n);
        expect(e.hits[o.hit]!.patterns.length).toBeGreaterThan(0);
      }
    });
    // and every entry listed as fired has a finding
    for (const e of ex.entries) if (e.outcome === 'fired') expect(e.hits.some((h) => h.finding !== undefined)).toBe(true);
  }
  expect(wrong).toEqual([]);
  return findings;
}

describe('explain tells the truth: its findings are check()’s', () => {
  it('on every example sentence of dictionaries/*.json, the labeled posts and mixed drafts', async () => {
    const engine = await engineWith({ lists: [company] });
    const drafts = [...examples, ...posts, ...mixed.flatMap((text) => [{ text, context: {} }, { text, context: { account: 'personal' as const } }])];
    expect(drafts.length).toBeGreaterThan(1000);
    expect(expectTruth(engine, drafts)).toBeGreaterThan(1000);
  }, 300_000);

  it('with category settings (a cap, off), a rule switched off, and a sensitive date', async () => {
    const engine = await engineWith({
      lists: [company],
      overrides: { categories: { compliance: 'info', religion: 'off', confidential: 'off' }, disabledRules: ['confidential/new-plant', 'abuse/insult'] },
    });
    const dated = (d: { text: string; context: CheckContext }) => ({ text: d.text, context: { ...d.context, date: '2027-03-11' } });
    const drafts = [...posts, ...posts.map(dated), ...mixed.map((text) => dated({ text, context: {} })), ...examples.filter((_, i) => i % 5 === 0)];
    expectTruth(engine, drafts);
  }, 300_000);
});

describe('explain gives the reason of a near miss', () => {
  const entry = (ex: Explanation, rule: string): ExplainedEntry => {
    const e = ex.entries.find((x) => x.rule === rule);
    if (!e) throw new Error(`${rule} not in the explanation`);
    return e;
  };

  it('unless anywhere: the entry is silent, and the hit would fire but for it', async () => {
    const ex = (await engineWith({ lists: [company] })).explain('プロジェクトさくらの件。#公式発表');
    const e = entry(ex, 'confidential/codename-sakura');
    expect(e.outcome).toBe('near-miss');
    expect(e.blocks).toEqual([{ kind: 'unless', by: [{ pattern: { path: 'unless.0', source: '#公式発表' }, place: { start: 12, end: 17, text: '#公式発表' } }] }]);
    expect(e.hits).toEqual([
      { place: { start: 0, end: 9, text: 'プロジェクトさくら' }, patterns: [{ path: 'patterns.0', source: 'プロジェクトさくら' }], requires: [], fate: { kind: 'fires' } },
    ]);
  });

  it('allow: the hit inside the allowed context is dropped, the other one fires', async () => {
    const ex = (await engineWith({ lists: [company] })).explain('新工場見学会のお知らせ。新工場は未定');
    const e = entry(ex, 'confidential/new-plant');
    expect(e.outcome).toBe('fired');
    expect(e.hits.map((h) => [h.place.text, h.place.start, h.fate.kind, h.finding !== undefined])).toEqual([
      ['新工場', 0, 'allow', false],
      ['新工場', 12, 'fires', true],
    ]);
    expect(e.hits[0]!.fate).toEqual({ kind: 'allow', by: { pattern: { path: 'allow.0', source: '新工場見学会' }, place: { start: 0, end: 6, text: '新工場見学会' } } });
  });

  it('requires: a group met (and by what), a group unmet with its match too far away', async () => {
    const engine = await engineWith({ lists: [company] });
    const far = entry(engine.explain('発売日は未公開です。価格もまだ'), 'confidential/launch-price');
    expect(far.outcome).toBe('near-miss');
    expect(far.hits[0]!.requires).toEqual([{ group: 0, by: { pattern: { path: 'requires.0.0', source: '未公開' }, place: { start: 4, end: 7, text: '未公開' } } }]);
    expect(far.hits[0]!.fate).toEqual({
      kind: 'requires',
      groups: [{ group: 1, within: 4, found: [{ pattern: { path: 'requires.1.any.0', source: '価格' }, place: { start: 10, end: 12, text: '価格' } }] }],
    });
    const nowhere = entry(engine.explain('発売日のお知らせ'), 'confidential/launch-price');
    expect(nowhere.hits[0]!.fate).toMatchObject({ kind: 'requires', groups: [{ group: 0, found: [] }, { group: 1, within: 4, found: [] }] });
    const met = engine.explain('未公開の発売日と価格');
    const fired = entry(met, 'confidential/launch-price');
    expect(fired.outcome).toBe('fired');
    expect(fired.hits[0]!.requires.map((r) => [r.group, r.by.place.text])).toEqual([[0, '未公開'], [1, '価格']]);
  });

  it('when: another account kind', async () => {
    const engine = await engineWith({ lists: [company] });
    const e = entry(engine.explain('社内の噂を聞いた', { account: 'company' }), 'confidential/office-rumor');
    expect(e.outcome).toBe('near-miss');
    expect(e.blocks).toEqual([{ kind: 'account', wants: 'personal', draft: 'company' }]);
    expect(entry(engine.explain('社内の噂を聞いた', { account: 'personal' }), 'confidential/office-rumor').outcome).toBe('fired');
  });

  it('unless near the hit (a group, named by its place in `unless`) silences only that hit', async () => {
    const ex = (await engineWith({ lists: [company] })).explain('モモ計画は中止。project-momo は続く');
    const e = entry(ex, 'confidential/codename-momo');
    expect(e.outcome).toBe('fired');
    expect(e.hits.map((h) => [h.place.text, h.fate.kind])).toEqual([
      ['モモ計画', 'unless-near'],
      ['project-momo', 'fires'],
    ]);
    expect(e.hits[0]!.fate).toMatchObject({ kind: 'unless-near', group: 1, by: { pattern: { path: 'unless.1.any.0', source: '中止' } } });
    expect(e.matched.map((m) => m.path)).toEqual(['patterns.0', 'patterns.1']);
  });

  it('one finding per place: the longer overlapping hit of the entry; the same place in the same category: merged', async () => {
    const ex = (await engineWith({ lists: [company] })).explain('プロジェクトさくら計画です');
    const e = entry(ex, 'confidential/codename-sakura');
    expect(e.hits.map((h) => [h.place.text, h.fate.kind])).toEqual([
      ['プロジェクトさくら', 'fires'],
      ['さくら計画', 'overlap'],
    ]);
    const mention = entry(ex, 'confidential/codename-sakura-mention');
    expect(mention.outcome).toBe('near-miss');
    const n = ex.findings.findIndex((f) => f.rule === 'confidential/codename-sakura');
    expect(mention.hits[0]!.dropped).toEqual({ kind: 'merged', into: n });
  });

  it('settings: a rule switched off, a category off, a category cap', async () => {
    const engine = await engineWith({ lists: [company], overrides: { disabledRules: ['confidential/new-plant'], categories: { compliance: 'info', religion: 'off' } } });
    const off = entry(engine.explain('新工場は未定'), 'confidential/new-plant');
    expect(off.outcome).toBe('near-miss');
    expect(off.hits[0]!.dropped).toEqual({ kind: 'rule-off' });
    const capped = entry(engine.explain('元本保証で安心'), 'compliance/principal-guarantee');
    expect(capped.outcome).toBe('fired');
    expect(capped.hits.find((h) => h.finding !== undefined)!.cappedTo).toBe('info');
    const religion = engine.explain('創価学会の勧誘がしつこい').entries.filter((e) => e.category === 'religion');
    expect(religion.length).toBeGreaterThan(0);
    for (const e of religion) for (const h of e.hits) if (h.fate.kind === 'fires' && e.blocks.length === 0) expect(h.dropped).toEqual({ kind: 'category-off', category: 'religion' });
  });

  it('with a rule prefix, the entries whose patterns did not match are listed with their patterns', async () => {
    const engine = await engineWith({ lists: [company] });
    const ex = engine.explain('今日はいい天気', {}, { rule: 'confidential/codename-' });
    expect(ex.entries.map((e) => [e.rule, e.outcome])).toEqual([
      ['confidential/codename-sakura', 'no-match'],
      ['confidential/codename-sakura-mention', 'no-match'],
      ['confidential/codename-momo', 'no-match'],
    ]);
    expect(ex.entries[2]!.unmatched).toEqual([
      { path: 'patterns.0', source: 'モモ計画' },
      { path: 'patterns.1', source: '/PROJECT-?MOMO/i' },
    ]);
    // without a prefix, silent entries are left out
    expect(engine.explain('今日はいい天気').entries.filter((e) => e.outcome === 'no-match')).toEqual([]);
  });

  it('tokens: surface, base form, reading, part of speech, offsets in the original', async () => {
    const ex = (await engineWith({})).explain('ＡＢＣで 痩せました');
    expect(ex.normalized).toBe('ABCで痩せました');
    const yase = ex.tokens.find((t) => t.surface === '痩せ')!;
    expect(yase).toMatchObject({ base: '痩せる', reading: 'ヤセ', start: 5, end: 7 });
    expect(yase.pos[0]).toBe('動詞');
    for (const t of ex.tokens) expect(t.end).toBeGreaterThan(t.start);
  });
});
