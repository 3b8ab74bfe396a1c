/**
 * The regex prefilter may only skip an expression that cannot match: checked on every built-in
 * regular expression against every example sentence in the dictionaries (and the labeled posts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fold, foldKana } from '../../src/engine/fold';
import { entryPatterns } from '../../src/engine/dictionary/schema';
import { requiredLiterals } from '../../src/engine/matchers/regex-prefilter';
import { normalize } from '../../src/engine/normalize';
import { builtinDictionaries } from '../../src/rules/builtin';

const sorted = (sets: string[][] | null) => sets?.map((set) => [...set].sort());

describe('requiredLiterals', () => {
  it.each([
    ['No\\.?1', 'i', [['no'], ['1']]],
    ['[0-9]+kg', '', [['kg']]],
    ['(?:abc)?def', '', [['def']]],
    ['x{0,3}yy', '', [['yy']]],
    ['a|b', '', [['a', 'b']]],
    ['\\d{3}-\\d{4}', '', [['-']]],
  ])('%s', (source, flags, expected) => {
    expect(sorted(requiredLiterals(source, flags))).toEqual(expected);
  });

  it('keeps every required piece of a sequence, the rarest first, and at most three', () => {
    // the names and the member words are both required; の is too, but says little
    expect(sorted(requiredLiterals('(?:創価学会(?:員)?|エホバ)の(信者|会員)'))).toEqual([['エホバ', '創価学会'], ['会員', '信者'], ['の']]);
    expect(requiredLiterals('[^。]{1,12}は(女性|女)[、,](男性|男)が')?.[0]?.sort()).toEqual(['女', '女性']);
    expect(requiredLiterals('あ[0-9]い[0-9]う[0-9]え[0-9]お')).toHaveLength(3);
  });

  it('an alternation requires one of its branches: each branch gives its best set', () => {
    expect(sorted(requiredLiterals('(?:被災した(?:方|人)|遭難者)(?:は|が)'))).toEqual([['被災した', '遭難者'], ['が', 'は']]);
  });

  it.each([['[あ-ん]+'], ['.*'], ['a?'], ['(?=x)'], ['\\d{3}\\s?\\d{4}'], ['(a|)'], ['😀?'], ['ab(?<x']])('knows nothing required in %s', (source) => {
    expect(requiredLiterals(source)).toBeNull();
  });
});

describe('prefilter on the built-in lists', () => {
  it('never skips a regex that matches an example sentence or a labeled post', () => {
    const regexes: Array<{ re: RegExp; fold: boolean; literals: string[][] | null }> = [];
    const texts: string[] = [];
    for (const { file } of builtinDictionaries()) {
      for (const e of file.entries) {
        for (const p of entryPatterns(e)) {
          if (typeof p === 'object' && 're' in p) {
            const source = p.fold ? foldKana(p.re) : p.re;
            const flags = `${p.flags ?? ''}g`;
            regexes.push({ re: new RegExp(source, flags), fold: p.fold ?? false, literals: requiredLiterals(source, flags) });
          }
        }
        for (const ex of [...(e.examples?.match ?? []), ...(e.examples?.noMatch ?? [])]) texts.push(typeof ex === 'string' ? ex : ex.text);
      }
    }
    try {
      texts.push(...readFileSync(new URL('../../../shared/eval/dev.jsonl', import.meta.url), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text));
    } catch {
      // the labeled set is optional here
    }
    expect(regexes.filter((r) => r.literals).length).toBeGreaterThan(regexes.length / 2); // it does prefilter most
    const wrong: string[] = [];
    for (const t of texts) {
      const n = normalize(t);
      for (const r of regexes) {
        const text = r.fold ? n.folded : n.text;
        r.re.lastIndex = 0;
        if (!r.re.test(text) || !r.literals) continue;
        const hay = r.re.flags.includes('i') ? text.toLowerCase() : text;
        if (!r.literals.every((set) => set.some((l) => hay.includes(l)))) wrong.push(`${r.re.source.slice(0, 60)} skipped on «${t}»`);
      }
    }
    expect(wrong).toEqual([]);
    void fold;
  });
});
