/** The engine in Node (CLI, eval, bench, tests): same code as the worker, lists read from disk. */
import { readFileSync } from 'node:fs';
import { parseDictionary } from '../engine/dictionary/compile';
import { DictionaryError } from '../engine/dictionary/errors';
import { formatExampleFailure, runExamples } from '../engine/dictionary/examples';
import type { Engine } from '../engine/index';
import { createKakuninEngine, type CompanySetup } from '../rules/builtin';
import { loadNodeTokenizer } from './ipadic';
import { cachedModel } from './model-cache';
import { cachedBuiltinSnapshot } from './snapshot-cache';

export function readListFile(path: string) {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DictionaryError([{ source: path, message: `cannot read the list: ${(e as Error).message}` }]);
  }
  return { file: parseDictionary(data, path), source: path };
}

/** model: false leaves out the learned second stage (the lists and detectors alone). */
export async function createNodeEngine(options: { listPaths?: string[]; model?: boolean } & Omit<CompanySetup, 'lists'> = {}): Promise<Engine> {
  const lists = (options.listPaths ?? []).map(readListFile);
  const tokenizer = await loadNodeTokenizer();
  const engine = createKakuninEngine(tokenizer, { ...options, lists }, cachedBuiltinSnapshot(tokenizer), options.model === false ? undefined : cachedModel());
  // A company list's own examples, when it has any, are specs too: a failing one refuses the list.
  const own = new Set(lists.map((l) => l.source));
  const failures = runExamples(engine, engine.entries.filter((e) => own.has(e.source)));
  if (failures.length) {
    throw new DictionaryError(failures.map((f) => ({ source: f.source, entry: f.entry, message: formatExampleFailure(f).replace(`${f.source} [${f.entry}] `, '') })));
  }
  return engine;
}
