/**
 * Runs every built-in entry's own should-match / should-not-match examples (like prh's specs),
 * one test per entry so a failure names the entry.
 */
import { describe, expect, it } from 'vitest';
import { builtinDictionaries } from '../../src/rules/builtin';
import { formatExampleFailure, runExamples } from '../../src/engine/dictionary/examples';
import { expandEntry } from '../../src/engine/dictionary/schema';
import { builtinEngine } from '../support/engine';

// an entry's `also` ids are entries of their own, with the examples that fit them
const entries = builtinDictionaries().flatMap(({ file, source }) => file.entries.flatMap(expandEntry).map((entry) => ({ entry, source })));

describe('built-in dictionary examples', () => {
  it.each(entries.map((e) => [e.entry.id, e] as const))('%s', async (_id, { entry }) => {
    const engine = await builtinEngine();
    const compiled = engine.entries.filter((c) => c.entry.id === entry.id);
    expect(compiled).toHaveLength(1);
    expect(runExamples(engine, compiled).map(formatExampleFailure)).toEqual([]);
  });

  it('every built-in entry has examples of both kinds', () => {
    const missing = entries
      .filter(({ entry }) => !(entry.examples?.match.length && entry.examples?.noMatch.length))
      .map(({ entry, source }) => `${source} [${entry.id}]`);
    expect(missing).toEqual([]);
  });
});
