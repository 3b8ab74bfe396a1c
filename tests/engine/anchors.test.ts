/** {文頭} / {文末}: a phrase that must start / end its sentence. */
import { describe, expect, it } from 'vitest';
import { compileEntries, parseDictionary } from '../../src/engine/dictionary/compile';
import { DictionaryError } from '../../src/engine/dictionary/errors';
import { createEngine } from '../../src/engine/index';
import { PatternIndex } from '../../src/engine/matchers/pattern-index';
import { tokenizer } from '../support/engine';

const entry = (id: string, patterns: string[], over: Record<string, unknown> = {}) => ({ id: `abuse/${id}`, category: 'abuse', severity: 'info', patterns, message: { ja: 'x', en: 'x' }, ...over });

async function engineOf(...entries: ReturnType<typeof entry>[]) {
  return createEngine({ tokenizer: await tokenizer(), dictionaries: [{ file: parseDictionary({ name: 't', entries }, 't.json'), source: 't.json' }] });
}
const texts = (fs: Array<{ text: string }>) => fs.map((f) => f.text);

describe('sentence anchors', () => {
  it('{文末}: the phrase must end its sentence (before 。！？!?, a line break, the end; spaces between are fine)', async () => {
    const e = await engineOf(entry('laugh', ['(\\(笑\\)|w|ww|www){文末}']));
    expect(texts(e.check('会議で寝てた(笑)'))).toEqual(['(笑)']);
    expect(texts(e.check('会議で寝てた（笑）\n次は起きます'))).toEqual(['（笑）']);
    // the limit: kuromoji makes ")。" one token, and a part ends on a token's end
    expect(e.check('会議で寝てた(笑)。次は起きます')).toEqual([]);
    expect(texts(e.check('まじかww\n明日も'))).toEqual(['ww']);
    expect(texts(e.check('まじかwww ！'))).toEqual(['www']);
    expect(e.check('(笑)の使い方について')).toEqual([]);
    expect(e.check('w杯の(笑)えない話')).toEqual([]);
  });

  it('{文頭}: the phrase must start its sentence (after the text start, 。！？!? or a line break)', async () => {
    const e = await engineOf(entry('start', ['{文頭}(いや|まじ)…(ない|無理)']));
    expect(texts(e.check('いや、それはない'))).toEqual(['いや、それはない']);
    expect(texts(e.check('新商品です。 まじで無理'))).toEqual(['まじで無理']);
    expect(e.check('それはいや、ない')).toEqual([]);
  });

  it('both anchors: the phrase is the whole sentence; with a gap inside and = in front', async () => {
    const e = await engineOf(entry('whole', ['={文頭}了解(です|しました){文末}']));
    expect(texts(e.check('了解です。'))).toEqual(['了解です']);
    expect(texts(e.check('はい！\n了解しました'))).toEqual(['了解しました']);
    expect(e.check('了解ですが、少し待って')).toEqual([]);
  });

  it('anchors apply to requires/unless/allow phrases too', async () => {
    const e = await engineOf(entry('req', ['セール'], { requires: [['(笑|w){文末}']] }));
    expect(texts(e.check('セール中w'))).toEqual(['セール']);
    expect(e.check('セール中wの文字')).toEqual([]);
  });

  it('refuses an anchor elsewhere, naming the pattern; braces around other text stay text', async () => {
    const file = parseDictionary({ name: 't', entries: [entry('a', ['まじ{文頭}']), entry('b', ['{文末}w']), entry('c', ['{文頭}{文末}'])] }, 't.json');
    try {
      compileEntries([{ file, source: 't.json' }], new PatternIndex(await tokenizer()));
      throw new Error('expected a DictionaryError');
    } catch (e) {
      expect(e).toBeInstanceOf(DictionaryError);
      expect((e as DictionaryError).issues.map((i) => `${i.entry} ${i.path}: ${i.message}`)).toEqual([
        expect.stringMatching(/^abuse\/a patterns\.0: \{文頭\} only at the start/),
        expect.stringMatching(/^abuse\/b patterns\.0: \{文末\} only at the end/),
        expect.stringMatching(/^abuse\/c patterns\.0: a phrase of only anchors/),
      ]);
    }
  });

  it('survives the snapshot', async () => {
    const t = await tokenizer();
    const file = parseDictionary({ name: 't', entries: [entry('s', ['(笑|w){文末}'])] }, 't.json');
    const fresh = createEngine({ tokenizer: t, dictionaries: [{ file, source: 't.json' }] });
    const again = createEngine({ tokenizer: t, dictionaries: [{ file, source: 't.json' }], snapshot: JSON.parse(JSON.stringify(fresh.snapshot())) });
    for (const s of ['最高w', 'w杯', '最高(笑)。']) expect(again.checkAll(s)).toEqual(fresh.checkAll(s));
  });
});
