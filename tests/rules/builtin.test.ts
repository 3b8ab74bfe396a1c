/** What the built-ins name: every id a setting may refer to. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_DETECTORS } from '../../src/engine/detectors/builtin';
import { builtinCalendar, builtinDictionaries, builtinIds } from '../../src/rules/builtin';
import { describeUnknownRule, unknownRuleIds } from '../../src/storage/builtin-ids';

describe('builtinIds', () => {
  it('names every built-in entry (with its file), every detector rule and every calendar day', () => {
    const ids = builtinIds();
    for (const { file, source } of builtinDictionaries()) for (const e of file.entries) expect(ids.entries.get(e.id)).toBe(`built-in: ${source}`);
    expect(ids.rules.has('compliance/superiority-claim')).toBe(true);
    expect(ids.rules.has('disaster/sensitive-date')).toBe(true);
    expect(ids.rules.has('privacy/my-number-labelled')).toBe(true);
    expect([...ids.dates].sort()).toEqual(builtinCalendar().map((d) => d.id).sort());
  });

  it('every rule id a detector can put on a finding is in its `rules`', () => {
    // the ids are string literals in the detectors' sources: a new one must be declared to be switchable
    const dir = 'src/engine/detectors';
    const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, 'privacy')).map((f) => join(dir, 'privacy', f))].filter((f) => f.endsWith('.ts'));
    const literals = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/'([a-z-]+\/[a-z0-9-]+)'/g)].map((m) => m[1]!)));
    const declared = new Set(BUILTIN_DETECTORS.flatMap((d) => d.rules));
    expect([...literals].filter((id) => !declared.has(id))).toEqual([]);
  });
});

describe('unknown rule ids', () => {
  it('are the ones neither built in nor in a company list, each reported once, with a near miss suggested', () => {
    const lists = [{ id: 'l', name: 'L', enabled: false, entries: [{ id: 'confidential/codename', category: 'confidential' as const, severity: 'block' as const, patterns: ['K'], message: { ja: 'a', en: 'a' } }] }];
    const ids = ['compliance/superiority-claim', 'compliance/superiorty-claim', 'confidential/codename', 'compliance/no1-claim', 'compliance/no1-claim'];
    expect(unknownRuleIds(ids, builtinIds(), lists)).toEqual(['compliance/superiorty-claim', 'compliance/no1-claim']);
    expect(describeUnknownRule('compliance/superiorty-claim', builtinIds())).toBe('no rule "compliance/superiorty-claim" (did you mean "compliance/superiority-claim"?)');
    expect(describeUnknownRule('compliance/industry-first', builtinIds())).toBe('no rule "compliance/industry-first"');
  });
});
