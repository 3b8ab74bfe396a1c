/**
 * Compiles the built-in lists and runs every entry's examples: the build refuses to ship a
 * dictionary whose own specs fail (as prh refuses a rule file).
 */
import { formatExampleFailure, runExamples } from '../engine/dictionary/examples';
import { DictionaryError } from '../engine/dictionary/errors';
import { createKakuninEngine } from '../rules/builtin';
import { loadNodeTokenizer } from './ipadic';

export async function verifyBuiltinDictionaries(): Promise<{ entries: number; problems: string[] }> {
  let engine;
  try {
    engine = createKakuninEngine(await loadNodeTokenizer());
  } catch (e) {
    if (e instanceof DictionaryError) return { entries: 0, problems: e.message.split('\n') };
    throw e;
  }
  const missing = engine.entries
    .filter(({ entry }) => !(entry.examples?.match.length && entry.examples?.noMatch.length))
    .map(({ entry, source }) => `${source} [${entry.id}] needs at least one match and one noMatch example`);
  return { entries: engine.entries.length, problems: [...missing, ...runExamples(engine).map(formatExampleFailure)] };
}
