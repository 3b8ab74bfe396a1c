/** Runs the built-in engine and keeps one privacy rule's findings (before overlaps are merged). */
import { beforeAll, expect } from 'vitest';
import type { Finding } from '../../../../src/engine/finding';
import { builtinEngine } from '../../../support/engine';

// Loading the tokenizer and compiling every list takes a few seconds when workers run in parallel.
beforeAll(() => builtinEngine(), 60_000);

export type Account = 'company' | 'personal';

export async function findings(text: string, rule: string | RegExp, account: Account = 'company'): Promise<Finding[]> {
  const engine = await builtinEngine();
  const all = engine.checkAll(text, { account });
  for (const f of all) expect(text.slice(f.start, f.end)).toBe(f.text);
  return all.filter((f) => (typeof rule === 'string' ? f.rule === rule : rule.test(f.rule)));
}

/** [severity, text] pairs, for compact assertions. */
export async function hits(text: string, rule: string | RegExp, account: Account = 'company'): Promise<Array<[string, string]>> {
  return (await findings(text, rule, account)).map((f) => [f.severity, f.text]);
}

/** Every privacy finding at warn or above, after merging: what the user would be stopped by. */
export async function privacyAlarms(text: string, account: Account = 'company'): Promise<string[]> {
  const engine = await builtinEngine();
  return engine
    .check(text, { account })
    .filter((f) => f.category === 'privacy' && f.severity !== 'info')
    .map((f) => `${f.rule}:${f.text}`);
}
