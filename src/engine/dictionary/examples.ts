/**
 * Every entry carries its own should-match / should-not-match sentences (like prh's specs);
 * this runs them. A failing example refuses the list at build time and fails the tests.
 */
import type { Engine } from '../index';
import type { CheckContext } from '../finding';
import type { CompiledEntry } from './compile';
import type { Example } from './schema';

export interface ExampleFailure {
  source: string;
  entry: string;
  kind: 'match' | 'noMatch';
  text: string;
  problem: string;
}

const asObject = (e: Example) => (typeof e === 'string' ? { text: e } : e);

export function runExamples(engine: Engine, entries: readonly CompiledEntry[] = engine.entries): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const { entry, source } of entries) {
    const defaultContext: CheckContext = { account: entry.when?.account ?? 'company', site: entry.when?.sites?.[0] };
    for (const raw of entry.examples?.match ?? []) {
      const ex = asObject(raw);
      const own = engine.checkAll(ex.text, { ...defaultContext, ...ex.context }).filter((f) => f.rule === entry.id);
      const fail = (problem: string) => failures.push({ source, entry: entry.id, kind: 'match', text: ex.text, problem });
      if (own.length === 0) fail('expected a finding, got none');
      else if (ex.hit !== undefined && !own.some((f) => f.text === ex.hit)) {
        fail(`expected the hit "${ex.hit}", got ${own.map((f) => `"${f.text}"`).join(', ')}`);
      }
    }
    for (const raw of entry.examples?.noMatch ?? []) {
      const ex = asObject(raw);
      const own = engine.checkAll(ex.text, { ...defaultContext, ...ex.context }).filter((f) => f.rule === entry.id);
      if (own.length > 0) {
        failures.push({ source, entry: entry.id, kind: 'noMatch', text: ex.text, problem: `expected no finding, got ${own.map((f) => `"${f.text}"`).join(', ')}` });
      }
    }
  }
  return failures;
}

export const formatExampleFailure = (f: ExampleFailure) =>
  `${f.source} [${f.entry}] ${f.kind === 'match' ? 'should match' : 'should not match'} «${f.text}»: ${f.problem}`;
