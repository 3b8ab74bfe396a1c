/**
 * The built-in lists' compiled patterns, cached on disk for Node (CLI, eval, bench, tests) in the
 * binary form the build ships to the worker (the build ships this very file). The cache key covers
 * the lists and the code that compiles them, so an edit to either rebuilds it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_LISTS } from '../../dictionaries/index';
import { SNAPSHOT_VERSION, type LoadedSnapshot } from '../engine/matchers/pattern-index';
import { encodeSnapshot, loadSnapshot } from '../engine/matchers/snapshot-format';
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

/** The path of the cached snapshot file (binary, snapshot-format.ts), compiling it if missing. */
export function cachedBuiltinSnapshotFile(tokenizer: Tokenizer): string {
  const path = join(dirname(ipadicCachePath()), `builtin-index-${snapshotKey()}.kix`);
  if (existsSync(path)) return path;
  writeSnapshot(path, tokenizer);
  return path;
}

function writeSnapshot(path: string, tokenizer: Tokenizer): void {
  const bytes = encodeSnapshot(builtinSnapshot(tokenizer));
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path); // atomic: a concurrent reader never sees half a file
  // Older snapshots of this format are dead weight once the lists or the compiler changed (the
  // JSON ones of earlier versions are left to the checkouts that may still use them).
  for (const f of readdirSync(dirname(path))) {
    if (/^builtin-index-[0-9a-f]+\.kix$/.test(f) && join(dirname(path), f) !== path) rmSync(join(dirname(path), f), { force: true });
  }
}

let loaded: { path: string; snapshot: LoadedSnapshot } | undefined;

/**
 * The cached snapshot, loaded once per process: every engine made from it shares its parts and
 * matcher tables. An unreadable cache file is compiled again.
 */
export function cachedBuiltinSnapshot(tokenizer: Tokenizer): LoadedSnapshot {
  const path = cachedBuiltinSnapshotFile(tokenizer);
  if (loaded?.path === path) return loaded.snapshot;
  let snapshot: LoadedSnapshot;
  try {
    snapshot = loadSnapshot(readFileSync(path));
  } catch {
    writeSnapshot(path, tokenizer);
    snapshot = loadSnapshot(readFileSync(path));
  }
  loaded = { path, snapshot };
  return snapshot;
}
