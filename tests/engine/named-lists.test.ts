/** Named word lists: `"lists": { "nationality": [...] }` used as `{nationality}` in phrases. */
import { describe, expect, it } from 'vitest';
import { compileEntries, parseDictionary } from '../../src/engine/dictionary/compile';
import { DictionaryError } from '../../src/engine/dictionary/errors';
import { createEngine } from '../../src/engine/index';
import { PatternIndex } from '../../src/engine/matchers/pattern-index';
import { tokenizer } from '../support/engine';

const entry = (id: string, patterns: unknown[], over: Record<string, unknown> = {}) => ({
  id: `race/${id}`,
  category: 'race',
  severity: 'warn',
  patterns,
  message: { ja: 'テスト', en: 'test' },
  ...over,
});
const NATIONALITY = ['中国人', '韓国人', '(黒|白)人', '外国人'];
const file = (name: string, lists: Record<string, string[]> | undefined, entries: unknown[]) =>
  parseDictionary({ name, ...(lists ? { lists } : {}), entries }, `${name}.json`);

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DictionaryError);
    return (e as DictionaryError).issues;
  }
  throw new Error('expected a DictionaryError');
}

async function engineOf(files: Array<{ file: ReturnType<typeof file>; source: string; company?: boolean }>) {
  return createEngine({ tokenizer: await tokenizer(), dictionaries: files });
}

describe('named word lists', () => {
  it('a {name} slot matches any item, items being phrases themselves ((a|b), [x])', async () => {
    const f = file('b', { nationality: NATIONALITY }, [entry('fear', ['{nationality}は…(怖い|臭い)'])]);
    const e = await engineOf([{ file: f, source: 'b.json' }]);
    expect(e.check('黒人は本当に怖い').map((x) => x.text)).toEqual(['黒人は本当に怖い']);
    expect(e.check('外国人は臭い').map((x) => x.rule)).toEqual(['race/fear']);
    expect(e.check('日本人は怖い')).toEqual([]);
    expect(e.check('中国人の友達が怖い映画を')).toEqual([]);
  });

  it('keeps a list ONE slot of N texts: no variant explosion', async () => {
    const many = Array.from({ length: 300 }, (_, i) => `語${i}号`);
    const f = file('b', { many, other: ['(甲|乙|丙)'] }, [entry('many', ['{many}は…{many}で…{other}だ'])]);
    const index = new PatternIndex(await tokenizer());
    const [c] = compileEntries([{ file: f, source: 'b.json' }], index);
    const compiled = (index as unknown as { compiled: Array<{ variants: number[][][] }> }).compiled[c!.patterns[0]!]!;
    expect(compiled.variants.length).toBe(1);
    expect(compiled.variants[0]!.map((slot) => slot.length)).toEqual([300, 300, 3]);
  });

  it('lists may use other lists; built-in lists are visible to company files, company lists only to themselves', async () => {
    const builtin = file('builtin', { black: ['黒人'], people: ['{black}', '白人'] }, [entry('a', ['{people}は怖い'])]);
    const companyA = file('a', { ours: ['{people}の客', '外国人'] }, [entry('b', ['{ours}が来た'])]);
    const e = await engineOf([
      { file: builtin, source: 'builtin.json' },
      { file: companyA, source: 'a.json', company: true },
    ]);
    expect(e.check('黒人は怖い').map((x) => x.rule)).toEqual(['race/a']);
    expect(e.check('白人の客が来た').map((x) => x.rule)).toEqual(['race/b']);
    expect(e.check('外国人が来た').map((x) => x.rule)).toEqual(['race/b']);
    // another company file cannot see a.json's list
    const companyB = file('c', undefined, [entry('c', ['{ours}です'])]);
    const issues = issuesOf(() =>
      compileEntries(
        [
          { file: builtin, source: 'builtin.json' },
          { file: companyA, source: 'a.json', company: true },
          { file: companyB, source: 'c.json', company: true },
        ],
        new PatternIndex(t()),
      ),
    );
    expect(issues).toEqual([expect.objectContaining({ source: 'c.json', entry: 'race/c', path: 'patterns.0', message: expect.stringMatching(/unknown list "\{ours\}"/) })]);
  });

  it('refuses a name defined twice, an unknown name, a cycle and a bad item, each naming file, entry and field', async () => {
    const index = new PatternIndex(await tokenizer());
    const a = file('a', { nationality: NATIONALITY }, []);
    const b = file('b', { nationality: ['x'], loop: ['{loop2}系'], loop2: ['[{loop}]'], bad: ['(a|b'], gapped: ['a…b'] }, [
      entry('u', ['{unknown}は', '{nationality}です']),
      entry('v', [{ re: 'x' }], { requires: [['{loop}']] }),
    ]);
    const issues = issuesOf(() => compileEntries([{ file: a, source: 'a.json' }, { file: b, source: 'b.json' }], index));
    const at = (i: { source: string; entry?: string; path?: string }) => `${i.source} ${i.entry ?? '-'} ${i.path}`;
    expect(issues.map(at)).toEqual(
      expect.arrayContaining([
        'b.json - lists.nationality',
        'b.json - lists.loop.0',
        'b.json - lists.bad.0',
        'b.json - lists.gapped.0',
        'b.json race/u patterns.0',
        'b.json race/v requires.0.0',
      ]),
    );
    const msg = (path: string) => issues.find((i) => i.path === path)!.message;
    expect(msg('lists.nationality')).toMatch(/already defined in a\.json/);
    expect(msg('lists.loop.0')).toMatch(/cycle: \{loop\} -> \{loop2\} -> \{loop\}|cycle: \{loop2\} -> \{loop\} -> \{loop2\}/);
    expect(msg('lists.bad.0')).toMatch(/missing "\)"/);
    expect(msg('lists.gapped.0')).toMatch(/gap/);
    expect(issues.find((i) => i.entry === 'race/u')!.message).toMatch(/unknown list "\{unknown\}"/);
    // a company list may not reuse a built-in list's name either
    const c = file('c', { nationality: ['x'] }, []);
    expect(issuesOf(() => compileEntries([{ file: a, source: 'a.json' }, { file: c, source: 'c.json', company: true }], new PatternIndex(t())))[0]).toMatchObject({
      source: 'c.json',
      path: 'lists.nationality',
    });
  });

  it('schema: list names are lowercase, lists are non-empty arrays of non-empty strings', () => {
    const bad = issuesOf(() => parseDictionary({ name: 'x', lists: { Nationality: ['a'], empty: [], blank: [''] }, entries: [] }, 'x.json'));
    expect(bad.map((i) => i.path).sort()).toEqual(['lists.Nationality', 'lists.blank.0', 'lists.empty']);
  });

  it('braces: \\{ is a literal brace, braces around anything but a name stay text, regexes never see lists', async () => {
    const f = file('b', { w: ['語'] }, [entry('lit', ['\\{語\\}']), entry('re', [{ re: '[0-9]{3}円' }]), entry('old', ['原価{株}還元', 'a}b'])]);
    const e = await engineOf([{ file: f, source: 'b.json' }]);
    expect(e.check('{語}です').map((x) => x.rule)).toEqual(['race/lit']);
    expect(e.check('語です')).toEqual([]);
    expect(e.check('100円').map((x) => x.rule)).toEqual(['race/re']);
    expect(e.check('原価{株}還元').map((x) => x.rule)).toEqual(['race/old']);
    // a regex quantifier in a phrase is refused (it would match its own characters), naming the entry
    const quantifier = file('q', {}, [entry('q', ['原価{0,6}還元'])]);
    await expect(engineOf([{ file: quantifier, source: 'q.json' }])).rejects.toThrow(/q\.json \[race\/q\] patterns\.0: "\{n,m\}" is regex syntax/);
  });

  it('a snapshot is keyed by what a list expands to: other list contents compile afresh', async () => {
    const tk = await tokenizer();
    const v1 = file('b', { w: ['黒人'] }, [entry('x', ['{w}は怖い'])]);
    const v2 = file('b', { w: ['白人'] }, [entry('x', ['{w}は怖い'])]);
    const snap = JSON.parse(JSON.stringify(createEngine({ tokenizer: tk, dictionaries: [{ file: v1, source: 'b.json' }] }).snapshot()));
    const e = createEngine({ tokenizer: tk, dictionaries: [{ file: v2, source: 'b.json' }], snapshot: snap });
    expect(e.check('白人は怖い').map((x) => x.rule)).toEqual(['race/x']);
    expect(e.check('黒人は怖い')).toEqual([]);
    // the same contents reuse the snapshot's pattern
    const same = createEngine({ tokenizer: tk, dictionaries: [{ file: v1, source: 'b.json' }], snapshot: snap });
    expect(same.snapshot().compiled.length).toBe(snap.compiled.length);
  });
});

let tk: Awaited<ReturnType<typeof tokenizer>> | undefined;
const t = () => tk!;
await tokenizer().then((x) => (tk = x));
