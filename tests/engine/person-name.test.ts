/** The {人名} slot: a run of kuromoji person-name tokens (名詞/固有名詞/人名), consecutive ones as one name. */
import { describe, expect, it } from 'vitest';
import { compileEntries, parseDictionary } from '../../src/engine/dictionary/compile';
import { DictionaryError } from '../../src/engine/dictionary/errors';
import { createEngine } from '../../src/engine/index';
import { PatternIndex } from '../../src/engine/matchers/pattern-index';
import { tokenizer } from '../support/engine';

const entry = (id: string, patterns: string[]) => ({ id: `privacy/${id}`, category: 'privacy', severity: 'warn', patterns, message: { ja: 'x', en: 'x' } });
const SIGHTING = '{人名}(さん|様|さま|ちゃん|くん)…(来店|来て|見かけ)';

async function engineOf(...entries: ReturnType<typeof entry>[]) {
  return createEngine({ tokenizer: await tokenizer(), dictionaries: [{ file: parseDictionary({ name: 't', entries }, 't.json'), source: 't.json' }] });
}
const texts = (fs: Array<{ text: string }>) => fs.map((f) => f.text);

describe('{人名} slot', () => {
  it('matches a name before an honorific, 姓+名 as one name', async () => {
    const e = await engineOf(entry('sighting', [SIGHTING]));
    expect(texts(e.check('昨日、田中さんが来店されました'))).toEqual(['田中さんが来店']);
    expect(texts(e.check('田中太郎さんが来店'))).toEqual(['田中太郎さんが来店']);
    expect(texts(e.check('明日香ちゃんが来てくれた!'))).toEqual(['明日香ちゃんが来て']);
    expect(texts(e.check('森様がご来店くださいました'))).toEqual(['森様がご来店']); // one character, before an honorific
    expect(texts(e.check('山本恵子様を駅前で見かけました'))).toEqual(['山本恵子様を駅前で見かけ']);
  });

  it('does not take ordinary words for names in realistic sentences', async () => {
    const e = await engineOf(entry('sighting', [SIGHTING]), entry('any', ['{人名}が…来て']));
    for (const s of [
      'お客様が来店されました',
      '皆さんが来てくれて嬉しい',
      '店長さんが来てくれました',
      'お子さまが来店したら声をかけてください',
      '最高すぎた(笑)が来てくれたのは想定外',
      '夏が来て、新作が並びました',
      '誠実な対応を心がけています。多くの方が来店',
      '美が来てる、とスタッフが言っていた',
      '明日も皆様のご来店をお待ちしております',
    ]) {
      expect(e.check(s), s).toEqual([]);
    }
    // the limit: the slot is only as good as IPADIC's tags, which call サンタ (and ラマダン) a name
    expect(e.check('サンタさんが来てくれるかな').map((f) => f.text)).toEqual(['サンタさんが来て']);
  });

  it('is one name for consecutive name tokens: {人名} alone covers 田中太郎, never 太郎 inside it', async () => {
    const e = await engineOf(entry('name', ['{人名}']));
    expect(e.checkAll('田中太郎と佐藤です').map((f) => f.text)).toEqual(['田中太郎', '佐藤']);
  });

  it('works as a later slot and inside brackets, and joins to its neighbours without a gap', async () => {
    const e = await engineOf(entry('later', ['来店した…{人名}(さん|様)']), entry('inner', ['(お客様|{人名}さん)から(苦情|クレーム)']));
    expect(texts(e.check('来店したのは佐藤さんでした'))).toEqual(['来店したのは佐藤さん']);
    expect(texts(e.check('鈴木さんから苦情'))).toEqual(['鈴木さんから苦情']);
    expect(texts(e.check('お客様からクレーム'))).toEqual(['お客様からクレーム']);
    expect(e.check('鈴木の奥さんから苦情')).toEqual([]); // さん must follow the name directly
  });

  it('refuses {人名}{人名} and an optional part next to it, naming the pattern', async () => {
    const file = parseDictionary({ name: 't', entries: [entry('a', ['{人名}{人名}さん']), entry('b', ['{人名}[さん]'])] }, 't.json');
    try {
      compileEntries([{ file, source: 't.json' }], new PatternIndex(await tokenizer()));
      throw new Error('expected a DictionaryError');
    } catch (e) {
      expect(e).toBeInstanceOf(DictionaryError);
      expect((e as DictionaryError).issues.map((i) => `${i.entry} ${i.path}: ${i.message}`)).toEqual([
        expect.stringMatching(/^privacy\/a patterns\.0: two \{人名\} in a row/),
        expect.stringMatching(/^privacy\/b patterns\.0: empty alternative/),
      ]);
    }
  });

  it('costs nothing where no pattern uses it: no name scan for such an index', async () => {
    const t = await tokenizer();
    const plain = new PatternIndex(t);
    plain.add('来店');
    const withName = new PatternIndex(t);
    withName.add('{人名}さん');
    const { analyze } = await import('../../src/engine/analysis');
    let reads = 0;
    const a = analyze('田中さんが来店', t);
    a.tokens = a.tokens.map((tok) => new Proxy(tok, { get: (o, k) => (k === 'posDetail2' && reads++, Reflect.get(o, k)) }));
    plain.match(a);
    expect(reads).toBe(0);
    withName.match(a);
    expect(reads).toBeGreaterThan(0);
  });

  it('survives the snapshot: an engine started from one finds the same names', async () => {
    const t = await tokenizer();
    const file = parseDictionary({ name: 't', entries: [entry('s', [SIGHTING])] }, 't.json');
    const fresh = createEngine({ tokenizer: t, dictionaries: [{ file, source: 't.json' }] });
    const snap = JSON.parse(JSON.stringify(fresh.snapshot()));
    const again = createEngine({ tokenizer: t, dictionaries: [{ file, source: 't.json' }], snapshot: snap });
    for (const s of ['田中さんが来店', 'お客様が来店', '来店した佐藤様']) expect(again.checkAll(s)).toEqual(fresh.checkAll(s));
    expect(again.snapshot().compiled.length).toBe(snap.compiled.length);
  });
});
