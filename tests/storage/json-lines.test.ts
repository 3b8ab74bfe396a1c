import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJsonWithLines } from '../../src/storage/json-lines';

describe('parseJsonWithLines', () => {
  const text = '{\n  "name": "x",\n  "entries": [\n    { "id": "a",\n      "severity": "warn" },\n    {\n      "id": "b"\n    }\n  ]\n}\n';

  it('parses like JSON.parse', () => {
    const samples = [text, '[1, -2.5e3, true, false, null, "a\\"b\\u3042\\n"]', '"x"', '{}', '[]', '{"a":{"b":[{"c":0}]}}'];
    for (const s of samples) expect(parseJsonWithLines(s).value).toEqual(JSON.parse(s));
  });

  it('knows the line where each value starts', () => {
    const { lineOf } = parseJsonWithLines(text);
    expect(lineOf([])).toBe(1);
    expect(lineOf(['name'])).toBe(2);
    expect(lineOf(['entries', 0])).toBe(4);
    expect(lineOf(['entries', 0, 'severity'])).toBe(5);
    expect(lineOf(['entries', 1])).toBe(6);
    expect(lineOf(['entries', 1, 'id'])).toBe(7);
    // a missing key: the closest ancestor
    expect(lineOf(['entries', 1, 'message', 'ja'])).toBe(6);
  });

  it('reports syntax errors with line and column', () => {
    const cases: Array<[string, number, number]> = [
      ['{\n  "a": 1,\n}', 3, 1],
      ['[1,\n 2\n 3]', 3, 2],
      ['{"a": "line\nbreak"}', 1, 12],
      ['{"a": tru}', 1, 7],
      ['[1] x', 1, 5],
      ['', 1, 1],
    ];
    for (const [input, line, column] of cases) {
      try {
        parseJsonWithLines(input);
        expect.unreachable(`should not parse: ${input}`);
      } catch (e) {
        expect(e).toBeInstanceOf(JsonSyntaxError);
        expect([(e as JsonSyntaxError).line, (e as JsonSyntaxError).column]).toEqual([line, column]);
      }
    }
  });

  it('keeps "__proto__" as an ordinary key', () => {
    const v = parseJsonWithLines('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
