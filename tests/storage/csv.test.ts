import { describe, expect, it } from 'vitest';
import { formatCsv, formatCsvField, parseCsv } from '../../src/storage/csv';

describe('parseCsv (RFC 4180)', () => {
  it('splits fields and records, CRLF or LF, and drops a leading BOM', () => {
    const { records, errors } = parseCsv('\uFEFFa,b,c\r\n1,2,3\n4,,6');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '', '6'] },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, and counts lines across them', () => {
    const text = 'h1,h2\r\n"a, b","say ""hi"""\r\n"two\r\nlines\nhere",x\r\nlast,"q"\r\n';
    const { records, errors } = parseCsv(text);
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 2, fields: ['a, b', 'say "hi"'] },
      { line: 3, fields: ['two\r\nlines\nhere', 'x'] },
      { line: 6, fields: ['last', 'q'] },
    ]);
  });

  it('skips blank lines but keeps counting them', () => {
    expect(parseCsv('a\n\n\nb\n').records).toEqual([
      { line: 1, fields: ['a'] },
      { line: 4, fields: ['b'] },
    ]);
  });

  it('keeps a trailing empty field', () => {
    expect(parseCsv('a,b,\n').records[0]?.fields).toEqual(['a', 'b', '']);
  });

  it('reports an unterminated quote at the line where it opened', () => {
    const { records, errors } = parseCsv('a,b\n1,"never closed\n2,3\n');
    expect(records).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(errors).toEqual([{ line: 2, message: expect.stringMatching(/never closed/) }]);
  });

  it('reports text after a closing quote and a bare quote in an unquoted field, and goes on', () => {
    const { records, errors } = parseCsv('a,b\n"x"y,1\nab"c,2\nok,3\n');
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(records.map((r) => r.line)).toEqual([1, 4]);
  });

  it('round-trips any text through formatCsv', () => {
    const nasty = ['plain', 'com,ma', 'quo"te', 'line\nbreak', 'cr\r\nlf', ' edge ', '', '"', '日本語、テスト', '|pipe|'];
    const rows = [nasty, [...nasty].reverse()];
    const { records, errors } = parseCsv(formatCsv(rows));
    expect(errors).toEqual([]);
    expect(records.map((r) => r.fields)).toEqual(rows);
  });

  it('quotes only where needed', () => {
    expect(formatCsvField('abc')).toBe('abc');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('a"b')).toBe('"a""b"');
    expect(formatCsv([['a']])).toBe('\uFEFFa\r\n');
    expect(formatCsv([['a']], { bom: false })).toBe('a\r\n');
  });
});
