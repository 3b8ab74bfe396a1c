/**
 * Node host for the tokenizer dictionary: converts kuromoji's own IPADIC files from
 * node_modules into the KKD1 container once, caches it, and loads it from there.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { convertIpadic, KUROMOJI_FILES, type KuromojiFiles } from '../engine/tokenizer/convert-ipadic';
import { sharedTokenizer } from '../engine/tokenizer/load';

const require = createRequire(import.meta.url);

export function kuromojiDictDir(): string {
  return join(dirname(require.resolve('kuromoji/package.json')), 'dict');
}

export function readKuromojiFiles(dir = kuromojiDictDir()): KuromojiFiles {
  const files = {} as KuromojiFiles;
  for (const name of KUROMOJI_FILES) files[name] = new Uint8Array(gunzipSync(readFileSync(join(dir, `${name}.gz`))));
  return files;
}

/**
 * Where the converted dictionary is cached (per kuromoji version), next to the built-in lists'
 * compiled snapshot. KAKUNIN_CACHE_DIR: another folder, for a worktree that shares node_modules
 * with another checkout and must not touch its cache.
 */
export function ipadicCachePath(): string {
  const { version } = require('kuromoji/package.json') as { version: string };
  const root = process.env.KAKUNIN_CACHE_DIR || resolve(dirname(require.resolve('kuromoji/package.json')), '..', '.cache', 'kakunin');
  // bump the revision whenever convert-ipadic.ts changes what it writes
  return join(root, `ipadic-kuromoji-${version}-r3.kkd`);
}

/** Returns the path of the KKD1 file, building it from node_modules/kuromoji if missing. */
export function ensureIpadicFile(path = ipadicCachePath()): string {
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, convertIpadic(readKuromojiFiles()));
  renameSync(tmp, path); // atomic: a concurrent reader never sees half a file
  // Files of other kuromoji versions are dead weight; other revisions of this one are kept, since
  // another checkout sharing node_modules (a worktree on an older branch) may still use them.
  const { version } = require('kuromoji/package.json') as { version: string };
  for (const f of readdirSync(dirname(path))) {
    if (/^ipadic-kuromoji-.*\.kkd$/.test(f) && !f.startsWith(`ipadic-kuromoji-${version}-`)) rmSync(join(dirname(path), f), { force: true });
  }
  return path;
}

export const loadNodeTokenizer = sharedTokenizer(async () => {
  const b = readFileSync(ensureIpadicFile());
  // Large reads own their ArrayBuffer; only copy when Node handed out a pooled slice.
  return (b.byteOffset === 0 && b.buffer.byteLength === b.byteLength ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) as ArrayBuffer;
});
