/** One tokenizer and built-in engine per test worker (loading takes ~0.1 s). */
import { createKakuninEngine, type CompanySetup } from '../../src/rules/builtin';
import { loadNodeTokenizer } from '../../src/node/ipadic';
import { cachedBuiltinSnapshot } from '../../src/node/snapshot-cache';
import type { Engine } from '../../src/engine/index';

let builtin: Promise<Engine> | undefined;

export const tokenizer = () => loadNodeTokenizer();

/** The built-in engine, from the on-disk snapshot cache (tests/engine/snapshot.test.ts proves it equal to a fresh compile). */
export function builtinEngine(): Promise<Engine> {
  builtin ??= loadNodeTokenizer().then((t) => createKakuninEngine(t, {}, cachedBuiltinSnapshot(t)));
  return builtin;
}

export async function engineWith(company: CompanySetup): Promise<Engine> {
  const t = await loadNodeTokenizer();
  return createKakuninEngine(t, company, cachedBuiltinSnapshot(t));
}
