/**
 * The built-in lists' compiled patterns, cached on disk for Node (CLI, eval, bench, tests) the way
 * the build ships them to the worker. The cache key covers the lists and the code that compiles
 * them, so an edit to either rebuilds it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_LISTS } from '../../dictionaries/index';
import { SNAPSHOT_VERSION, type IndexSnapshot } from '../engine/matchers/pattern-index';
import type { Tokenizer } from '../engine/tokenizer/types';
import { builtinSnapshot } from '../rules/builtin';
import { ipadicCachePath } from './ipadic';

const engineDir = fileURLToPath(new URL('../engine/', import.meta.url));
const COMPILER_SOURCES = ['normalize.ts', 'fold.ts', 'analysis.ts', 'matchers', 'tokenizer'];

function sourcesOf(path: string): string[] {
  const full = join(engineDir, path);
  if (!existsSync(full)) return [];
  if (path.endsWith('.ts')) return [readFileSync(full, 'utf8')];
  return readdirSync(full).sort().flatMap((f) => sourcesOf(join(path, f)));
}

export function snapshotKey(): string {
  const h = createHash('sha256');
  h.update(String(SNAPSHOT_VERSION));
  h.update(JSON.stringify(BUILTIN_LISTS));
  for (const s of COMPILER_SOURCES.flatMap(sourcesOf)) h.update(s);
  return h.digest('hex').slice(0, 16);
}

export function cachedBuiltinSnapshot(tokenizer: Tokenizer): IndexSnapshot {
  const path = join(dirname(ipadicCachePath()), `builtin-index-${snapshotKey()}.json`);
  if (existsSync(path)) {
    try {
      return JSON.parse(readFileSync(path, 'utf8')) as IndexSnapshot;
    } catch {
      // unreadable cache: rebuild below
    }
  }
  const snap = builtinSnapshot(tokenizer);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(snap));
  renameSync(tmp, path);
  // Older snapshots are dead weight once the lists or the compiler changed.
  for (const f of readdirSync(dirname(path))) {
    if (/^builtin-index-[0-9a-f]+\.json$/.test(f) && join(dirname(path), f) !== path) rmSync(join(dirname(path), f), { force: true });
  }
  return snap;
}
