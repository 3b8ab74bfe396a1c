import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/storage/decode-text';
import { detectFormat, exportFileName, exportList, importList } from '../../src/storage/list-import';
import { splitPhrases, splitRegexes } from '../../src/storage/list-csv';
import { entry, manyEntries } from './list-fixtures';

const HEADER = 'id,category,severity,patterns,regex,message_ja,message_en,suggestion_ja,suggestion_en,basis,note,extra';

describe('CSV layout', () => {
  it('splits patterns on | outside brackets and on line breaks; \\| stays literal', () => {
    expect(splitPhrases('(必ず|絶対に)儲かる | 元本[の|が]保証\n治る|a\\|b')).toEqual(['(必ず|絶対に)儲かる', '元本[の|が]保証', '治る', 'a\\|b']);
  });
  it('reads /source/flags or a bare source per line', () => {
    expect(splitRegexes('/NO\\.?1/i\nfoo|bar\n/a\\/b/')).toEqual([{ re: 'NO\\.?1', flags: 'i' }, { re: 'foo|bar' }, { re: 'a\\/b' }]);
  });
});

describe('importList: CSV', () => {
  it('imports valid rows, fills the other language, and derives a stable id for an empty id', () => {
    const csv = [
      'category,severity,patterns,message_ja,suggestion_en',
      'compliance,warn,"(必ず|絶対に)儲かる | 元本保証",利益を断定しています。,Say it may',
    ].join('\r\n');
    const r = importList(csv, 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.entries).toEqual([
      {
        id: expect.stringMatching(/^compliance\/c-[0-9a-z]+$/),
        category: 'compliance',
        severity: 'warn',
        patterns: ['(必ず|絶対に)儲かる', '元本保証'],
        message: { ja: '利益を断定しています。', en: '利益を断定しています。' },
        suggestion: { ja: 'Say it may', en: 'Say it may' },
      },
    ]);
    const again = importList(csv, 'csv');
    expect(again.ok && again.entries[0]?.id).toBe(r.entries[0]?.id);
  });

  it('reports EVERY bad row with its line number and column, counting lines inside quoted cells', () => {
    const csv = [
      HEADER, // 1
      'compliance/ok,compliance,warn,業界最安,,最安表示,Cheapest,,,,,', // 2
      'compliance/bad-sev,compliance,severe,業界最安2,,m,m,,,,,', // 3
      '"compliance/multi",compliance,warn,"一行目', // 4
      '二行目",,"メッセージ', // 5
      'も二行",m,,,,,', // 6
      'religion/wrong,compliance,warn,x,,m,m,,,,,', // 7
      ',compliance,warn,"a(b",/x(/,m,m,,,,,', // 8
      'compliance/no-msg,compliance,warn,y,,,,,,,,', // 9
      'compliance/bad-extra,compliance,warn,z,,m,m,,,,,{not json}', // 10
      'compliance/ok,compliance,warn,dup,,m,m,,,,,', // 11
      'compliance/extra-bad-field,compliance,warn,w,,m,m,,,,,"{""gap"": 0}"', // 12
      'privacy/empty,privacy,info,,,m,m,,,,,', // 13
    ].join('\r\n');
    const r = importList(csv, 'csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const got = r.issues.map((i) => [i.line, i.field]);
    expect(got).toEqual([
      [3, 'severity'],
      [7, 'id'],
      [8, 'patterns'],
      [8, 'regex'],
      [9, 'message_ja'],
      [10, 'extra'],
      [11, 'id'],
      [12, 'extra'],
      [13, 'patterns'],
    ]);
    expect(r.issues.find((i) => i.line === 11)?.message).toMatch(/duplicate id "compliance\/ok" \(first on line 2\)/);
    expect(r.issues.find((i) => i.line === 8 && i.field === 'patterns')?.message).toMatch(/missing "\)"/);
    expect(r.issues.find((i) => i.line === 8 && i.field === 'regex')?.message).toMatch(/Invalid regular expression/);
  });

  it('reports a broken header and syntax errors', () => {
    const bad = importList('id,category,severity,pattern,message_ja\ncompliance/a,compliance,warn,x,m\n', 'csv');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues.every((i) => i.line === 1)).toBe(true);
      expect(bad.issues.map((i) => i.message)).toEqual([expect.stringMatching(/unknown column "pattern"/), expect.stringMatching(/missing column "patterns"/)]);
    }
    const unterminated = importList(`${HEADER}\ncompliance/a,compliance,warn,"x,,m,m\n`, 'csv');
    expect(!unterminated.ok && unterminated.issues[0]).toMatchObject({ line: 2, message: expect.stringMatching(/never closed/) });
    const empty = importList('', 'csv');
    expect(!empty.ok && empty.issues[0]?.line).toBe(1);
  });

  it('refuses ids already used by the built-ins or another list', () => {
    const csv = `${HEADER}\ncompliance/taken,compliance,warn,x,,m,m,,,,,\n`;
    const r = importList(csv, 'csv', { taken: new Map([['compliance/taken', 'built-in: dictionaries/compliance.json']]) });
    expect(!r.ok && r.issues).toEqual([expect.objectContaining({ line: 2, field: 'id', message: expect.stringMatching(/already used \(built-in/) })]);
  });

  it('refuses an "also" id already used, or used twice in the file, at that entry', () => {
    const json = JSON.stringify([
      entry({ id: 'compliance/one', also: [{ id: 'abuse/taken' }] }),
      entry({ id: 'compliance/two', also: [{ id: 'abuse/two' }] }),
      entry({ id: 'abuse/two', category: 'abuse' }),
    ]);
    const r = importList(json, 'json', { taken: new Map([['abuse/taken', 'built-in: dictionaries/abuse.json']]) });
    expect(!r.ok && r.issues.map((i) => `${i.id} ${i.field}: ${i.message}`)).toEqual([
      'compliance/one also.0.id: id "abuse/taken" is already used (built-in: dictionaries/abuse.json)',
      expect.stringMatching(/^abuse\/two id: duplicate id "abuse\/two"/),
    ]);
  });

  it('round-trips every field through CSV export, regexes and extra fields included', () => {
    const entries = [
      entry({
        id: 'compliance/full',
        patterns: ['(必ず|絶対に)儲かる', 'a|b literal', { re: 'NO\\.?1', flags: 'i' }, { re: 'x|y' }],
        requires: [['セール', '販売']],
        within: 20,
        unless: ['#PR'],
        allow: ['黒字'],
        when: { account: 'company', sites: ['x'] },
        gap: 5,
        suggestion: { ja: '言い換え', en: 'rephrase' },
        basis: '景品表示法 5条1号',
        note: 'multi\nline, "quoted"',
        examples: { match: ['必ず儲かる'], noMatch: ['儲からない'] },
      }),
      entry({ id: 'compliance/min' }),
    ];
    const csv = exportList({ name: 'x', entries }, 'csv');
    expect(csv.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    const r = importList(csv, 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    // the literal top-level | is escaped on export; it means the same phrase
    expect(r.entries[0]?.patterns[1]).toBe('a\\|b literal');
    expect({ ...r.entries[0], patterns: undefined }).toEqual({ ...entries[0], patterns: undefined });
    expect(r.entries[0]?.patterns.filter((p) => typeof p !== 'string')).toEqual([{ re: 'NO\\.?1', flags: 'i' }, { re: 'x|y' }]);
    expect(r.entries[1]).toEqual(entries[1]);
  });

  it('reads Shift_JIS (Japanese Excel) and UTF-16 files', () => {
    // "category,severity,patterns,message_ja\ncompliance,warn,あ,い" in Shift_JIS
    const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
    const sjis = new Uint8Array([...ascii('category,severity,patterns,message_ja\ncompliance,warn,'), 0x82, 0xa0, ...ascii(','), 0x82, 0xa2]);
    const decoded = decodeText(sjis);
    expect(decoded.encoding).toBe('shift_jis');
    const r = importList(decoded.text, 'csv');
    expect(r.ok && r.entries[0]?.patterns).toEqual(['あ']);
    const utf16 = new Uint8Array([0xff, 0xfe, 0x42, 0x30]); // BOM + あ
    expect(decodeText(utf16)).toEqual({ text: 'あ', encoding: 'utf-16le' });
    expect(decodeText(new TextEncoder().encode('\uFEFFあ')).text).toBe('あ');
  });
});

describe('importList: JSON', () => {
  it('accepts a list file like dictionaries/*.json, or a bare array', () => {
    const file = { name: ' 販促 ', entries: [entry()] };
    const r = importList(JSON.stringify(file), 'json');
    expect(r).toEqual({ ok: true, format: 'json', name: '販促', entries: [entry()] });
    expect(importList(JSON.stringify([entry()]), 'json')).toMatchObject({ ok: true, entries: [entry()] });
  });

  it('reports every bad entry at the line of the bad value', () => {
    const text = [
      '{', // 1
      '  "name": "x",', // 2
      '  "extra": 1,', // 3
      '  "entries": [', // 4
      '    {"id": "compliance/a", "category": "compliance", "severity": "warn", "patterns": ["x"], "message": {"ja": "a", "en": "b"}},', // 5
      '    {"id": "compliance/b", "category": "compliance",', // 6
      '     "severity": "nope",', // 7
      '     "patterns": ["x"], "message": {"ja": "a", "en": "b"}},', // 8
      '    {"id": "compliance/c", "category": "compliance", "severity": "warn",', // 9
      '     "patterns": ["(a|b"],', // 10
      '     "message": {"ja": ""', // 11
      '     , "en": "b"}},', // 12
      '    {"id": "compliance/a", "category": "compliance", "severity": "warn", "patterns": ["y"], "message": {"ja": "a", "en": "b"}, "typo": 1}', // 13
      '  ]', // 14
      '}', // 15
    ].join('\n');
    const r = importList(text, 'json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'extra'],
      [7, 'severity'],
      [10, 'patterns.0'],
      [11, 'message.ja'],
      [13, undefined],
    ]);
  });

  it('reports a syntax error with its line', () => {
    const r = importList('{\n  "entries": [\n    {"id": "x"},\n  ]\n}', 'json');
    expect(!r.ok && r.issues).toEqual([{ line: 4, message: expect.stringMatching(/not valid JSON/) }]);
  });

  it('round-trips through JSON export', () => {
    const entries = manyEntries(50);
    const r = importList(exportList({ name: 'n', entries }, 'json'), 'json');
    expect(r).toEqual({ ok: true, format: 'json', name: 'n', entries });
  });
});

describe('docs/company-lists.md', () => {
  it('has a CSV example that imports as documented', () => {
    const csv = /```csv\n([\s\S]*?)```/.exec(readFileSync('docs/company-lists.md', 'utf8'))?.[1] ?? '';
    const r = importList(csv, 'csv');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.entries.map((e) => [e.id, e.patterns.length, Object.keys(e).includes('allow')])).toEqual([
      ['compliance/our-cheapest', 2, true],
      ['confidential/codename', 3, false],
    ]);
  });
});

describe('formats', () => {
  it('detects the format and names export files', () => {
    expect(detectFormat('a.JSON', '')).toBe('json');
    expect(detectFormat('a.csv', '{')).toBe('csv');
    expect(detectFormat('clip', '  [ {')).toBe('json');
    expect(detectFormat('clip', 'id,category')).toBe('csv');
    expect(exportFileName('販促 NG/2025', 'csv')).toBe('販促-NG-2025.csv');
    expect(exportFileName('///', 'json')).toBe('kakunin-list.json');
  });
});

describe('10,000 entries', () => {
  it('import from CSV and JSON, timed', () => {
    const entries = manyEntries(10_000);
    for (const format of ['csv', 'json'] as const) {
      const text = exportList({ name: 'big', entries }, format);
      const started = performance.now();
      const r = importList(text, format);
      const ms = performance.now() - started;
      expect(r.ok && r.entries.length).toBe(10_000);
      if (r.ok) expect(r.entries).toEqual(entries);
      console.log(`import of 10,000 entries from ${format.toUpperCase()} (${(text.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms`);
    }
  }, 60_000); // a figure, not a timed assertion: CI machines are shared (scripts/bench-import.ts measures)

  it('reports every bad row of a large file, not only the first', () => {
    const entries = manyEntries(10_000);
    const lines = exportList({ name: 'big', entries }, 'csv').split('\r\n');
    // rows 2..10001 are the entries; break every 1000th
    for (let i = 1000; i <= 10_000; i += 1000) lines[i] = lines[i]!.replace(/,(info|warn|block),/, ',bogus,');
    const r = importList(lines.join('\r\n'), 'csv');
    expect(!r.ok && r.issues.map((i) => i.line)).toEqual(Array.from({ length: 10 }, (_, k) => (k + 1) * 1000 + 1));
  }, 60_000);
});
