import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dictionaryJsonSchema } from '../../src/engine/dictionary/json-schema';
import { BUILTIN_LISTS } from '../../dictionaries/index';
import { compileEntries, parseDictionary } from '../../src/engine/dictionary/compile';
import { DictionaryError } from '../../src/engine/dictionary/errors';
import { PatternIndex } from '../../src/engine/matchers/pattern-index';
import { runExamples, formatExampleFailure } from '../../src/engine/dictionary/examples';
import { expandEntry } from '../../src/engine/dictionary/schema';
import { createEngine } from '../../src/engine/index';
import { tokenizer } from '../support/engine';

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'religion/test',
  category: 'religion',
  severity: 'warn',
  patterns: ['宗教'],
  message: { ja: 'テスト', en: 'test' },
  ...over,
});

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DictionaryError);
    return (e as DictionaryError).issues;
  }
  throw new Error('expected a DictionaryError');
}

describe('dictionary schema', () => {
  it('accepts a minimal valid file', () => {
    expect(parseDictionary({ name: 'ok', entries: [entry()] }, 'ok.json').entries).toHaveLength(1);
  });

  it('reports every bad entry with its id and field, not only the first', () => {
    const issues = issuesOf(() =>
      parseDictionary(
        {
          name: 'bad',
          entries: [
            entry({ id: 'religion/a', severity: 'fatal' }),
            entry({ id: 'religion/b', category: 'weather' }),
            entry({ id: 'religion/c', message: { ja: 'のみ' } }),
            entry({ id: 'politics/d' }),
          ],
        },
        'bad.json',
      ),
    );
    expect(issues.map((i) => `${i.entry} ${i.path}`)).toEqual(
      expect.arrayContaining(['religion/a severity', 'religion/b category', 'religion/c message.en', 'politics/d id']),
    );
    expect(issues.every((i) => i.source === 'bad.json')).toBe(true);
  });

  it('refuses duplicate ids and unknown fields', () => {
    const dup = issuesOf(() => parseDictionary({ name: 'd', entries: [entry(), entry()] }, 'd.json'));
    expect(dup[0]!.message).toContain('duplicate id');
    const extra = issuesOf(() => parseDictionary({ name: 'x', entries: [entry({ pattern: '宗教' })] }, 'x.json'));
    expect(extra[0]!.entry).toBe('religion/test');
  });

  it('refuses bad phrase syntax and bad regular expressions at compile time, naming the pattern', async () => {
    const index = new PatternIndex(await tokenizer());
    const file = parseDictionary(
      { name: 'p', entries: [entry({ id: 'religion/x', patterns: ['宗教(の'] }), entry({ id: 'religion/y', patterns: [{ re: '(' }] })] },
      'p.json',
    );
    const issues = issuesOf(() => compileEntries([{ file, source: 'p.json' }], index));
    expect(issues.map((i) => `${i.entry} ${i.path}`)).toEqual(['religion/x patterns.0', 'religion/y patterns.0']);
    expect(issues[0]!.message).toMatch(/missing "\)"/);
  });

  it('refuses an id already used by another list (company lists cannot shadow built-ins silently)', async () => {
    const index = new PatternIndex(await tokenizer());
    const a = parseDictionary({ name: 'a', entries: [entry()] }, 'a.json');
    const b = parseDictionary({ name: 'b', entries: [entry()] }, 'b.json');
    const issues = issuesOf(() => compileEntries([{ file: a, source: 'a.json' }, { file: b, source: 'b.json' }], index));
    expect(issues[0]).toMatchObject({ source: 'b.json', entry: 'religion/test' });
  });

  it('refuses an "also" that is not another category, never fires, or reuses an id', () => {
    const issues = issuesOf(() =>
      parseDictionary(
        {
          name: 'also',
          entries: [
            entry({ id: 'religion/a', also: [{ id: 'weather/a' }] }),
            entry({ id: 'religion/b', also: [{ id: 'religion/b2' }] }),
            entry({ id: 'religion/c', when: { account: 'company' }, also: [{ id: 'account-mixup/c', when: { account: 'personal' } }] }),
            entry({ id: 'religion/d', also: [{ id: 'politics/d', message: { ja: 'のみ' } }] }),
            entry({ id: 'religion/e', when: { sites: ['x'] }, also: [{ id: 'politics/e', when: { sites: ['note'] } }, { id: 'race/e', when: { sites: ['x', 'note'] } }] }),
            entry({ id: 'politics/f', category: 'politics', also: [{ id: 'race/f' }, { id: 'race/f2' }] }),
          ],
        },
        'also.json',
      ),
    );
    const at = (e: string) => issues.filter((i) => i.entry === e).map((i) => `${i.path}: ${i.message}`);
    expect(at('religion/a')).toEqual([expect.stringMatching(/^also\.0\.id: .*must start with a category/)]);
    expect(at('religion/b')).toEqual([expect.stringMatching(/^also\.0\.id: .*already this entry's/)]);
    expect(at('religion/c')).toEqual([expect.stringMatching(/^also\.0\.when\.account: never fires/)]);
    expect(at('religion/d')).toEqual([expect.stringMatching(/^also\.0\.message\.en/)]);
    const dup = issuesOf(() => parseDictionary({ name: 'd', entries: [entry({ id: 'politics/z', category: 'politics' }), entry({ also: [{ id: 'politics/z' }] })] }, 'd.json'));
    expect(dup.map((i) => `${i.entry} ${i.path}: ${i.message}`)).toEqual(['religion/test also.0.id: duplicate id "politics/z"']);
    expect(at('religion/e')).toEqual([expect.stringMatching(/^also\.0\.when\.sites: never fires/)]);
    expect(at('politics/f')).toEqual([expect.stringMatching(/^also\.1\.id: .*already this entry's/)]);
  });

  it('an "also" id counts as taken across lists, both ways', async () => {
    const index = new PatternIndex(await tokenizer());
    const a = parseDictionary({ name: 'a', entries: [entry({ also: [{ id: 'abuse/test' }] })] }, 'a.json');
    const b = parseDictionary({ name: 'b', entries: [entry({ id: 'abuse/test', category: 'abuse' })] }, 'b.json');
    expect(issuesOf(() => compileEntries([{ file: a, source: 'a.json' }, { file: b, source: 'b.json' }], index))[0]).toMatchObject({ source: 'b.json', entry: 'abuse/test' });
    expect(issuesOf(() => compileEntries([{ file: b, source: 'b.json' }, { file: a, source: 'a.json' }], index))[0]).toMatchObject({ source: 'a.json', entry: 'abuse/test' });
  });
});

describe('"also": one entry reported in two categories', () => {
  const leak = entry({
    id: 'confidential/leak',
    category: 'confidential',
    patterns: ['社外秘'],
    unless: ['#公式発表'],
    suggestion: { ja: '投稿しない', en: 'do not post' },
    also: [{ id: 'account-mixup/leak', when: { account: 'personal' }, message: { ja: '個人アカウントで', en: 'from a personal account' } }],
    examples: {
      match: ['社外秘の資料です', { text: '会社の社外秘', context: { account: 'company' } }],
      noMatch: ['社外秘 #公式発表'],
    },
  });

  it('gives a second finding in the other category, with its own id and message, only where its `when` holds', async () => {
    const file = parseDictionary({ name: 'l', entries: [leak] }, 'l.json');
    const engine = createEngine({ tokenizer: await tokenizer(), dictionaries: [{ file, source: 'l.json' }] });
    const seen = (account: 'company' | 'personal', text = '社外秘の資料です') =>
      engine.checkAll(text, { account }).map((f) => `${f.category} ${f.rule} ${f.text} ${f.message.en} ${f.suggestion?.en}`);
    expect(seen('company')).toEqual(['confidential confidential/leak 社外秘 test do not post']);
    expect(seen('personal').sort()).toEqual(['account-mixup account-mixup/leak 社外秘 from a personal account do not post', 'confidential confidential/leak 社外秘 test do not post']);
    // the entry's conditions are the also's: #公式発表 silences both
    expect(seen('personal', '社外秘 #公式発表')).toEqual([]);
    expect(engine.entries.map((c) => c.entry.id)).toEqual(['confidential/leak', 'account-mixup/leak']);
  });

  it('runs the examples that fit each id: a company-only example is not asked of the personal-only one', async () => {
    const file = parseDictionary({ name: 'l', entries: [leak] }, 'l.json');
    const [own, also] = expandEntry(file.entries[0]!);
    expect(own!.examples!.match).toHaveLength(2);
    expect(also!.examples!.match).toEqual(['社外秘の資料です']);
    expect(also!.examples!.noMatch).toEqual(['社外秘 #公式発表']);
    expect(also!).toMatchObject({ category: 'account-mixup', when: { account: 'personal' }, severity: 'warn' });
    expect(also!).not.toHaveProperty('also');
    const engine = createEngine({ tokenizer: await tokenizer(), dictionaries: [{ file, source: 'l.json' }] });
    expect(runExamples(engine).map(formatExampleFailure)).toEqual([]);
    // an example the also-finding misses fails under its own id
    const broken = parseDictionary({ name: 'l', entries: [{ ...leak, also: [{ id: 'account-mixup/leak', when: { sensitiveDate: true } }] }] }, 'l.json');
    const engine2 = createEngine({ tokenizer: await tokenizer(), dictionaries: [{ file: broken, source: 'l.json' }] });
    expect(runExamples(engine2).map((f) => `${f.entry} ${f.text}`)).toEqual(['account-mixup/leak 社外秘の資料です', 'account-mixup/leak 会社の社外秘']);
  });
});

describe('dictionaries/schema.json', () => {
  it('is the zod schema as JSON Schema, as generated (npx tsx scripts/dictionary-schema.ts), and every list names it', () => {
    expect(readFileSync('dictionaries/schema.json', 'utf8')).toBe(dictionaryJsonSchema());
    const entry = JSON.parse(dictionaryJsonSchema()).properties.entries.items;
    expect(entry.additionalProperties).toBe(false);
    expect(Object.keys(entry.properties)).toEqual(expect.arrayContaining(['id', 'patterns', 'requires', 'unless', 'when', 'also', 'examples']));
    for (const { source, data } of BUILTIN_LISTS) expect((data as { $schema?: string }).$schema, source).toBe('./schema.json');
  });
});

