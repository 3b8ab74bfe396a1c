import { describe, expect, it } from 'vitest';
import { compileEntries, parseDictionary } from '../../src/engine/dictionary/compile';
import { DictionaryError } from '../../src/engine/dictionary/errors';
import { PatternIndex } from '../../src/engine/matchers/pattern-index';
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
});
