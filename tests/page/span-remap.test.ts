import { describe, expect, it } from 'vitest';
import { diffEdit, remapSpans } from '../../src/page/span-remap';

const span = (text: string, word: string, from = 0) => {
  const start = text.indexOf(word, from);
  if (start < 0) throw new Error(`${word} not in ${text}`);
  return { start, end: start + word.length, word };
};
/** Remaps and reads each surviving span back out of the new text. */
const words = (before: string, after: string, ...ws: string[]) =>
  remapSpans(ws.map((w) => span(before, w)), before, after).map((s) => [after.slice(s.start, s.end), s.word]);

describe('diffEdit', () => {
  it('finds the one changed region', () => {
    expect(diffEdit('abc', 'abc')).toBeNull();
    expect(diffEdit('abcdef', 'abXYef')).toEqual({ start: 2, oldEnd: 4, newEnd: 4 });
    expect(diffEdit('abc', 'abcd')).toEqual({ start: 3, oldEnd: 3, newEnd: 4 });
    expect(diffEdit('abcd', 'bcd')).toEqual({ start: 0, oldEnd: 1, newEnd: 0 });
    // Repeated characters: prefix first, the suffix never overlaps it.
    expect(diffEdit('ああ', 'あああ')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
  });
});

describe('remapSpans', () => {
  it('keeps spans before an edit and shifts the ones after it', () => {
    expect(words('宗教と政治の話', '宗教と、選挙と政治の話', '宗教', '政治')).toEqual([
      ['宗教', '宗教'],
      ['政治', '政治'],
    ]);
  });

  it('drops a span the edit touched', () => {
    expect(words('宗教と政治の話', '宗派と政治の話', '宗教', '政治')).toEqual([['政治', '政治']]);
    expect(words('宗教と政治の話', '宗教と政の話', '宗教', '政治')).toEqual([['宗教', '宗教']]);
  });

  it('keeps a span when typing continues right after it or starts right before it', () => {
    expect(words('宗教', '宗教の話', '宗教')).toEqual([['宗教', '宗教']]);
    expect(words('宗教', '新しい宗教', '宗教')).toEqual([['宗教', '宗教']]);
  });

  it('follows deletions of earlier text, including across line breaks', () => {
    expect(words('一行目\n二行目の宗教', '二行目の宗教', '宗教')).toEqual([['宗教', '宗教']]);
  });

  it('returns copies, leaving the input untouched', () => {
    const spans = [span('abc宗教', '宗教')];
    const out = remapSpans(spans, 'abc宗教', 'c宗教');
    expect(out[0]).toMatchObject({ start: 1, end: 3 });
    expect(spans[0]).toMatchObject({ start: 3, end: 5 });
  });
});
