/**
 * English parts run their regex only when all of their literal words are in the draft
 * (PartMatcher, draftWords). That filter may only skip a part whose regex cannot match: checked
 * for every built-in English part against the dictionaries' example sentences, the labeled posts
 * and sentences built to stress apostrophes and quotes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/engine/analysis';
import { compileEntries } from '../../src/engine/dictionary/compile';
import { PatternIndex } from '../../src/engine/matchers/pattern-index';
import { draftWords, englishRegExp, type Part, type PartMatcher } from '../../src/engine/matchers/phrase';
import { builtinDictionaries } from '../../src/rules/builtin';
import { tokenizer } from '../support/engine';

const STRESS = [
  "The government's plan: 'faith' won't save us, y'all.",
  'Don’t you think our customers’ complaints are ‘stupid’?',
  "rock 'n' roll, e-mail, U.S. policy, 1,000 workers; who’d've guessed",
  "'don't' 'can't' \"won't\" — they're idiots' idea",
  'CUSTOMERS ARE IDIOTS!!! Elderly people can’t understand anything.',
];

describe('draftWords', () => {
  it('has each word with straight apostrophes and every run of its pieces', () => {
    expect([...draftWords("the government’s 'don't'")].sort()).toEqual(["'don't'", 'don', "don't", 'government', "government's", 's', 't', 'the'].sort());
  });
});

describe('English word filter on the built-in lists', () => {
  it('never skips a part whose regex matches an example sentence, a labeled post or a stress sentence', async () => {
    const tok = await tokenizer();
    const index = new PatternIndex(tok);
    compileEntries(builtinDictionaries(), index);
    const matcher = (index as unknown as { prepare(): PartMatcher }).prepare();
    const english = matcher.parts.map((p, i) => [p, i] as [Part, number]).filter(([p]) => p.english);
    // Any match of a part's regex contains each of its letter runs as it is: a text without the
    // longest one cannot match (a plain substring test, independent of the filter under test).
    // Parts by that run; a text's candidates are the parts whose run is a substring of one of its own.
    const byRun = new Map<string, Array<[Part, number]>>();
    for (const [p, i] of english) {
      const run = (p.s.match(/[a-z0-9]+/g) ?? ['']).reduce((a, b) => (b.length > a.length ? b : a));
      byRun.set(run, [...(byRun.get(run) ?? []), [p, i]]);
    }
    const mayMatch = (folded: string) => {
      const out = new Set<[Part, number]>();
      for (const r of folded.match(/[a-z0-9]+/g) ?? []) {
        for (let i = 0; i < r.length; i++) for (let j = i + 1; j <= r.length; j++) for (const x of byRun.get(r.slice(i, j)) ?? []) out.add(x);
      }
      return out;
    };
    expect(english.length).toBeGreaterThan(1000);
    const texts = [...STRESS];
    for (const { file } of builtinDictionaries()) {
      for (const e of file.entries) for (const ex of [...(e.examples?.match ?? []), ...(e.examples?.noMatch ?? [])]) texts.push(typeof ex === 'string' ? ex : ex.text);
    }
    try {
      texts.push(...readFileSync(new URL('../../../shared/eval/dev.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text));
    } catch {
      // the labeled posts live beside the checkout; the examples are enough without them
    }
    let matched = 0;
    for (const text of texts.filter((t) => /[a-z]/i.test(t))) {
      const a = analyze(text, tok);
      const found = matcher.match(a);
      for (const [part, i] of mayMatch(a.norm.folded)) {
        const re = englishRegExp(part);
        re.lastIndex = 0;
        const want: Array<{ start: number; end: number }> = [];
        for (let m = re.exec(a.norm.folded); m; m = re.exec(a.norm.folded)) want.push({ start: m.index, end: m.index + m[0].length });
        if (want.length === 0) continue;
        matched++;
        expect({ text, part: part.s, spans: found.get(i) ?? [] }).toEqual({ text, part: part.s, spans: want });
      }
    }
    expect(matched).toBeGreaterThan(200); // the check saw real matches, not only skips
  }, 120_000);
});
