/**
 * `npm run bench`: speed and memory of the engine in Node, printed as figures (targets live here,
 * not in timed tests). Cold load is measured in fresh processes; the rest in this one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createKakuninEngine } from '../rules/builtin';
import { tokenizerFromBytes } from '../engine/tokenizer/load';
import { ensureIpadicFile, loadNodeTokenizer } from '../node/ipadic';
import { cachedModel } from '../node/model-cache';
import { cachedBuiltinSnapshot } from '../node/snapshot-cache';
import type { Engine } from '../engine/index';

const COLD_RUNS = 5;
const argv = process.argv.slice(2);

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function coldChild() {
  const t0 = performance.now();
  const tokenizer = await loadNodeTokenizer();
  const t1 = performance.now();
  createKakuninEngine(tokenizer);
  const t2 = performance.now();
  cachedBuiltinSnapshot(tokenizer); // written to disk once, so the measuring process only reads it
  process.stdout.write(JSON.stringify({ tokenizerMs: t1 - t0, engineMs: t2 - t1 }));
}

function samples(): string[] {
  const evalFile = fileURLToPath(new URL('../../../shared/eval/dev.jsonl', import.meta.url));
  if (existsSync(evalFile)) {
    return readFileSync(evalFile, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text);
  }
  return ['本日より新商品の販売を開始しました。詳しくはWebサイトをご覧ください。', '週末は友達とフェス行ってきた!', 'Our support line will have longer wait times this week.'];
}

function draftOf(length: number, pool: string[], offset: number): string {
  let s = '';
  for (let i = offset; s.length < length; i++) s += pool[i % pool.length];
  return s.slice(0, length);
}

async function main() {
  if (argv.includes('--cold-child')) return coldChild();
  ensureIpadicFile();
  const self = fileURLToPath(import.meta.url);
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const cold = Array.from({ length: COLD_RUNS }, () => JSON.parse(execFileSync(tsx, [self, '--cold-child'], { encoding: 'utf8' })) as { tokenizerMs: number; engineMs: number });

  // The engine as the CLI and the service worker make it: the tokenizer, then the built-in lists
  // from their compiled snapshot, then the learned model. One engine at a time, as in the
  // extension. For fresh drafts the tokenizer's segment cache is off, so no sentence is ever seen twice.
  const raw = readFileSync(ensureIpadicFile());
  cachedModel(); // trained and written to disk once, before anything is measured
  const makeEngine = async (cacheSegments?: number, model = true) => {
    const tokenizer = await tokenizerFromBytes(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer, { cacheSegments });
    return createKakuninEngine(tokenizer, {}, cachedBuiltinSnapshot(tokenizer), model ? cachedModel() : undefined);
  };
  globalThis.gc?.();
  const before = process.memoryUsage();
  let uncached: Engine | undefined = await makeEngine(0);
  globalThis.gc?.();
  const after = process.memoryUsage();

  const pool = samples();
  const lines = [
    'Kakunin engine benchmark (Node ' + process.version + ')',
    `cold tokenizer load: median ${quantile(cold.map((c) => c.tokenizerMs), 0.5).toFixed(0)} ms (min ${Math.min(...cold.map((c) => c.tokenizerMs)).toFixed(0)}, max ${Math.max(...cold.map((c) => c.tokenizerMs)).toFixed(0)}; ${COLD_RUNS} fresh processes)`,
    `engine build (compile ${uncached.entries.length} built-in entries, no snapshot): median ${quantile(cold.map((c) => c.engineMs), 0.5).toFixed(0)} ms`,
  ];
  const time = (check: (i: number) => void, n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      check(i);
      times.push(performance.now() - t);
    }
    return `p50 ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms`;
  };
  for (const length of [140, 280, 1000]) {
    const engine = uncached;
    const drafts = Array.from({ length: 50 }, (_, i) => draftOf(length, pool, i * 7));
    for (let i = 0; i < 200; i++) engine.check(drafts[i % drafts.length]!, { account: 'company' });
    lines.push(`warm check, ${String(length).padStart(4)} chars, fresh draft: ${time((i) => engine.check(drafts[i % drafts.length]!, { account: 'company', site: 'x' }), 1000)}`);
  }
  {
    // the learned model's share: the same 280-char drafts with and without it, in alternating
    // blocks, so both see the same machine (a later, separate run would not)
    const withModel = uncached;
    const listsOnly = await makeEngine(0, false);
    const drafts = Array.from({ length: 50 }, (_, i) => draftOf(280, pool, i * 7));
    for (let i = 0; i < 200; i++) listsOnly.check(drafts[i % drafts.length]!, { account: 'company' });
    const times: [number[], number[]] = [[], []];
    for (let block = 0; block < 10; block++) {
      const [engine, into] = block % 2 ? [listsOnly, times[1]] : [withModel, times[0]];
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        engine.check(drafts[(block * 200 + i) % drafts.length]!, { account: 'company', site: 'x' });
        into.push(performance.now() - t);
      }
    }
    const f = (xs: number[]) => `p50 ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;
    lines.push(`the learned model's share, 280 chars, alternating blocks: with it ${f(times[0])}; without it ${f(times[1])}`);
  }
  uncached = undefined;
  globalThis.gc?.();
  const engine = await makeEngine();
  // The machine's own spread: a fixed, memory-bound piece of work (random reads over 512 KB, about
  // the size of the tokenizer's hot tables) timed like a check. Its p95/p50 says how much of a
  // check's p95 is the machine (shared caches, a busy second core) rather than the check.
  {
    const table = new Float64Array(1 << 16);
    const work = () => {
      for (let r = 0; r < 2; r++) for (let i = 0; i < table.length; i++) table[(i * 7919) & 0xffff] = table[i]! * 0.5 + i;
    };
    for (let i = 0; i < 200; i++) work();
    const times: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const t = performance.now();
      work();
      times.push(performance.now() - t);
    }
    const p50 = quantile(times, 0.5);
    const p95 = quantile(times, 0.95);
    lines.push(`machine spread (fixed work, no engine): p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, p95/p50 ${(p95 / p50).toFixed(2)}`);
  }
  // Typing: what the extension does, a check per pause while a 280-char draft grows (the
  // tokenizer's segment cache on, as in the extension: only the sentence being typed is new).
  {
    const drafts = Array.from({ length: 20 }, (_, i) => draftOf(280, pool, i * 13));
    const steps = drafts.flatMap((d) => Array.from({ length: 40 }, (_, k) => d.slice(0, 240 + k)));
    for (const d of steps.slice(0, 200)) engine.check(d, { account: 'company' });
    lines.push(`warm check, 280 chars, typing (one edit apart): ${time((i) => engine.check(steps[i % steps.length]!, { account: 'company', site: 'x' }), steps.length)}`);
  }
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 2000) engine.check(pool[n++ % pool.length]!, { account: 'company' });
  lines.push(`throughput: ${Math.round(n / ((performance.now() - started) / 1000))} posts/s (labeled posts, one core)`);
  lines.push(
    `memory after load: RSS ${mb(after.rss)} (+${mb(after.rss - before.rss)}), heap ${mb(after.heapUsed)}, array buffers ${mb(after.arrayBuffers)}${globalThis.gc ? '' : ' (run with --expose-gc for post-GC figures)'}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
