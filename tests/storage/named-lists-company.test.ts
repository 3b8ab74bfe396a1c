/** Named word lists in company lists: list file import/export, managed policy, CLI --lists, the worker's engine. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DictionaryError } from '../../src/engine/dictionary/errors';
import { createNodeEngine } from '../../src/node/engine';
import { createKakuninEngine } from '../../src/rules/builtin';
import { exportList, importList } from '../../src/storage/list-import';
import { parseManaged } from '../../src/storage/managed-policy';
import { applyEntries } from '../../src/storage/word-lists';
import { tokenizer } from '../support/engine';
import { entry } from './list-fixtures';

const lists = { shop: ['(渋谷|新宿)店', '本店'] };
const visit = entry({ id: 'privacy/shop-visit', category: 'privacy', patterns: ['{shop}に…来店'] });

describe('named word lists in company lists', () => {
  it('a list file keeps its "lists" through import and export; a bad list is reported at its line', () => {
    const text = exportList({ name: '店舗', entries: [visit], lists }, 'json');
    const r = importList(text, 'json');
    expect(r.ok && r.lists).toEqual(lists);
    const bad = importList(JSON.stringify({ name: 'x', lists: { Shop: ['a'], empty: [] }, entries: [visit] }, null, 2), 'json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.field).sort()).toEqual(['lists.Shop', 'lists.empty']);
  });

  it('import into a list: replace takes the file\'s lists, merge adds them', () => {
    const list = { id: 'l', name: 'l', enabled: true, entries: [], lists: { a: ['x'] } };
    expect(applyEntries(list, [visit], 'replace', lists).lists).toEqual(lists);
    expect(applyEntries(list, [visit], 'merge', lists).lists).toEqual({ a: ['x'], ...lists });
    expect(applyEntries(list, [visit], 'replace').lists).toBeUndefined();
  });

  it('managed policy: a list\'s "lists" (or its json file\'s) reach the settings; bad ones refuse the list', () => {
    const { managed, problems } = parseManaged({
      lists: [
        { id: 'a', name: 'A', entries: [visit], lists },
        { id: 'b', name: 'B', json: exportList({ name: 'B', entries: [entry({ id: 'privacy/b', category: 'privacy', patterns: ['{shop}で'] })], lists }, 'json') },
        { id: 'c', name: 'C', entries: [entry({ id: 'privacy/c', category: 'privacy' })], lists: { shop: [] } },
      ],
    });
    expect(managed.lists?.map((l) => [l.id, l.lists])).toEqual([
      ['a', lists],
      ['b', lists],
    ]);
    expect(problems).toEqual([expect.stringMatching(/^managed word list "C" ignored: lists\.shop/)]);
  });

  it('the engine (worker, CLI --lists) uses a company list\'s lists, and names file, entry and field on a bad reference', async () => {
    const t = await tokenizer();
    const engine = createKakuninEngine(t, { lists: [{ file: { name: '店舗', entries: [visit as never], lists }, source: '店舗 (l1)' }] });
    expect(engine.check('昨日、渋谷店に芸能人が来店').map((f) => f.rule)).toContain('privacy/shop-visit');
    const dir = mkdtempSync(join(tmpdir(), 'kakunin-lists-'));
    const path = join(dir, 'company.json');
    writeFileSync(path, JSON.stringify({ name: 'c', lists, entries: [{ ...visit, patterns: ['{shops}に…来店'] }] }));
    const err = await createNodeEngine({ listPaths: [path] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DictionaryError);
    expect((err as DictionaryError).issues).toEqual([{ source: path, entry: 'privacy/shop-visit', path: 'patterns.0', message: expect.stringMatching(/unknown list "\{shops\}"/) }]);
    writeFileSync(path, JSON.stringify({ name: 'c', lists, entries: [visit] }));
    const ok = await createNodeEngine({ listPaths: [path] });
    expect(ok.check('本店に来店してくれた').map((f) => f.rule)).toContain('privacy/shop-visit');
  });
});
