/** One tokenizer and built-in engine per test worker (loading takes ~0.1 s). */
import { createKakuninEngine, type CompanySetup } from '../../src/rules/builtin';
import { loadNodeTokenizer } from '../../src/node/ipadic';
import type { Engine } from '../../src/engine/index';

let builtin: Promise<Engine> | undefined;

export const tokenizer = () => loadNodeTokenizer();

export function builtinEngine(): Promise<Engine> {
  builtin ??= loadNodeTokenizer().then((t) => createKakuninEngine(t));
  return builtin;
}

export async function engineWith(company: CompanySetup): Promise<Engine> {
  return createKakuninEngine(await loadNodeTokenizer(), company);
}
