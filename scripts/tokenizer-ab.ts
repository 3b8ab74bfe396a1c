/**
 * `npx tsx --expose-gc scripts/tokenizer-ab.ts [--base REF] [--identity] [--bench] [--rounds N]`:
 * the tokenizer of another commit (default `main`) against this checkout's, in one process.
 *
 * Both dictionaries are converted in memory from node_modules/kuromoji by their own converter, so
 * no cache file is read or written. The base's src/engine/tokenizer/*.ts are copied out of git
 * into .scratch/ (ignored) and imported from there.
 *
 * --identity: every token (all fields) of both tokenizers on the eval and training texts, the
 *   built-in lists' examples and patterns, and stress strings; exits 1 on the first difference.
 * --bench: paired A/B on 280-char drafts made of dev.jsonl posts (as `npm run bench` makes them),
 *   segment cache off: rounds alternate which side runs first; prints the median per-round ratio
 *   new/base (< 1: new is faster) for the tokenizer alone and for a whole check.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKuromojiFiles } from '../src/node/ipadic';
import type { Tokenizer } from '../src/engine/tokenizer/types';
import { stressTexts } from '../tests/engine/tokenizer-stress';

const root = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const baseRef = arg('--base', 'main');
const rounds = Number(arg('--rounds', '200'));

type Side = { name: string; make(opts?: { cacheSegments?: number }): Tokenizer; convertMs: number; bytes: number; loadMs: number };

async function side(name: string, dir: string): Promise<Side> {
  const convert = (await import(join(dir, 'convert-ipadic.ts'))) as typeof import('../src/engine/tokenizer/convert-ipadic');
  const format = (await import(join(dir, 'ipadic-format.ts'))) as typeof import('../src/engine/tokenizer/ipadic-format');
  const tok = (await import(join(dir, 'kuromoji-tokenizer.ts'))) as typeof import('../src/engine/tokenizer/kuromoji-tokenizer');
  const t0 = performance.now();
  const bytes = convert.convertIpadic(readKuromojiFiles());
  const convertMs = performance.now() - t0;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // load = decode + tokenizer construction, as tokenizerFromBytes does for an uncompressed file
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    tok.createKuromojiTokenizer(format.decodeIpadic(buffer.slice(0)));
    loads.push(performance.now() - t);
  }
  const data = format.decodeIpadic(buffer);
  return {
    name,
    make: (opts = { cacheSegments: 0 }) => tok.createKuromojiTokenizer(data, opts),
    convertMs,
    bytes: bytes.byteLength,
    loadMs: loads.sort((a, b) => a - b)[2]!,
  };
}

function baseDir(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', ref], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join(root, '.scratch', `tokenizer-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'kuromoji-tokenizer.ts'))) {
    mkdirSync(dir, { recursive: true });
    const files = execFileSync('git', ['ls-tree', '--name-only', `${sha}:src/engine/tokenizer/`], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    for (const f of files) writeFileSync(join(dir, f), execFileSync('git', ['show', `${sha}:src/engine/tokenizer/${f}`], { cwd: root }));
  }
  return dir;
}

function jsonlTexts(path: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const t = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof t === 'string') out.push(t);
    } catch {
      // not a JSON line
    }
  }
  return out;
}

function walkJsonl(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return walkJsonl(p);
    return f.endsWith('.jsonl') ? [p] : [];
  });
}

/** Every string under `examples` (match/noMatch, plain or { text }) and every plain pattern string. */
function dictionaryTexts(): string[] {
  const out: string[] = [];
  const visit = (o: unknown, key: string) => {
    if (typeof o === 'string') {
      if (key === 'match' || key === 'noMatch' || key === 'text' || key === 'patterns' || key === 'any' || key === 're') out.push(o);
    } else if (Array.isArray(o)) for (const v of o) visit(v, key);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) visit(v, k);
  };
  const dir = join(root, 'dictionaries');
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.json') && f !== 'schema.json') visit(JSON.parse(readFileSync(join(dir, f), 'utf8')), '');
  return out;
}

const devFile = join(root, '..', 'shared', 'eval', 'dev.jsonl');

function identity(a: Side, b: Side) {
  const ta = a.make({ cacheSegments: 0 });
  const tb = b.make({ cacheSegments: 0 });
  const groups: Array<[string, string[]]> = [
    ['dev.jsonl', existsSync(devFile) ? jsonlTexts(devFile) : []],
    ['/work/train/**/*.jsonl', walkJsonl('/work/train').flatMap(jsonlTexts)],
    ['dictionaries/*.json', dictionaryTexts()],
    ['stress', stressTexts()],
  ];
  // every text alone, and all of a group as one text (other segment boundaries, long inputs)
  let texts = 0;
  let tokens = 0;
  for (const [name, list] of groups) {
    let n = 0;
    for (const text of [...list, list.join(''), list.join('\n')]) {
      const x = JSON.stringify(ta.tokenize(text));
      const y = JSON.stringify(tb.tokenize(text));
      if (x !== y) {
        console.error(`DIFFERENT tokens (${name}): ${JSON.stringify(text.slice(0, 200))}`);
        process.exit(1);
      }
      n += (JSON.parse(x) as unknown[]).length;
    }
    console.log(`identical: ${name}: ${list.length} texts (+2 joined), ${n} tokens`);
    texts += list.length;
    tokens += n;
  }
  console.log(`identity: ${texts} texts, ${tokens} tokens, no difference`);
}

function drafts(length: number, count: number): string[] {
  const pool = jsonlTexts(devFile);
  return Array.from({ length: count }, (_, k) => {
    let s = '';
    for (let i = k * 7; s.length < length; i++) s += pool[i % pool.length];
    return s.slice(0, length);
  });
}

const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
const q = (xs: number[], f: number) => [...xs].sort((p, q) => p - q)[Math.min(xs.length - 1, Math.floor(f * xs.length))]!;

async function bench(a: Side, b: Side) {
  const { createKakuninEngine } = await import('../src/rules/builtin');
  const ds = drafts(280, 50);
  const tokA = a.make();
  const tokB = b.make();
  const engA = createKakuninEngine(a.make());
  const engB = createKakuninEngine(b.make());
  const runTok = (t: Tokenizer) => {
    const t0 = performance.now();
    for (const d of ds) t.tokenize(d);
    return performance.now() - t0;
  };
  const runCheck = (e: ReturnType<typeof createKakuninEngine>) => {
    const t0 = performance.now();
    for (const d of ds) e.check(d, { account: 'company', site: 'x' });
    return performance.now() - t0;
  };
  for (let i = 0; i < 30; i++) {
    runTok(tokA);
    runTok(tokB);
    runCheck(engA);
    runCheck(engB);
  }
  const report = (label: string, run: (which: 0 | 1) => number, per: number) => {
    const ratios: number[] = [];
    const ta: number[] = [];
    const tb: number[] = [];
    for (let r = 0; r < rounds; r++) {
      if (r % 25 === 0) globalThis.gc?.();
      let x: number;
      let y: number;
      if (r % 2 === 0) {
        x = run(0);
        y = run(1);
      } else {
        y = run(1);
        x = run(0);
      }
      ta.push(x / per);
      tb.push(y / per);
      ratios.push(y / x);
    }
    console.log(
      `${label}: median ratio ${b.name}/${a.name} ${median(ratios).toFixed(3)} (IQR ${q(ratios, 0.25).toFixed(3)}-${q(ratios, 0.75).toFixed(3)}, ${rounds} rounds); ` +
        `per draft median ${median(ta).toFixed(3)} ms -> ${median(tb).toFixed(3)} ms`,
    );
  };
  report('tokenizer alone, 280-char drafts', (w) => runTok(w ? tokB : tokA), ds.length);
  report('whole check, 280-char drafts', (w) => runCheck(w ? engB : engA), ds.length);
}

const base = await side(`base(${baseRef})`, baseDir(baseRef));
const mine = await side('new', join(root, 'src', 'engine', 'tokenizer'));
console.log(`container: ${base.bytes} -> ${mine.bytes} bytes (${((mine.bytes / base.bytes - 1) * 100).toFixed(2)} %)`);
console.log(`convert: ${base.convertMs.toFixed(0)} -> ${mine.convertMs.toFixed(0)} ms; decode+construct (median of 5): ${base.loadMs.toFixed(1)} -> ${mine.loadMs.toFixed(1)} ms`);
if (argv.includes('--identity')) identity(base, mine);
if (argv.includes('--stress-hash')) {
  // the figure tests/engine/tokenizer.test.ts pins
  for (const x of [base, mine]) {
    const t = x.make({ cacheSegments: 0 });
    console.log(`${x.name}: stress tokens sha256 ${createHash('sha256').update(JSON.stringify(stressTexts().map((s) => t.tokenize(s).map(({ word: _, ...rest }: { word?: number }) => rest)))).digest('hex')}`);
  }
}
if (argv.includes('--bench')) await bench(base, mine);
