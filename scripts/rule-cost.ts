/**
 * `npm run bench:rules`: which regular expressions cost the most per check, for rule authors.
 * The built-in engine checks the benchmark's 280-character drafts (as `npm run bench` does) with
 * every regex execution timed, so the figures are what a check really runs: only regexes whose
 * required literals are in the draft, and an entry's `requires`/`unless`/`allow` only after its
 * own patterns hit. Prints the costliest, in microseconds per check (averaged over all checks),
 * how often they ran, and the entries they belong to. Timing every execution slows the checks
 * down: compare the figures with each other, not with `npm run bench`.
 * Stable figures: the 1,000 checks (20 passes over the 50 drafts) are timed RUNS times (default
 * 7, `--runs N`) after a warm-up, and each regex's figure is its fastest pass over the 50 drafts
 * among those RUNS × 20 passes: the pass least disturbed by the machine's other work, GC and JIT.
 * `spread` is how far its median pass is above that minimum.
 * A regex that runs on most drafts and finds nothing is the one to rewrite: give it a rarer
 * literal that every match needs, or make it a phrase.
 */
import { readFileSync } from 'node:fs';
import { builtinDictionaries, createKakuninEngine } from '../src/rules/builtin';
import { foldKana } from '../src/engine/fold';
import { entryPatterns } from '../src/engine/dictionary/schema';
import { loadNodeTokenizer } from '../src/node/ipadic';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs needs a positive whole number');
const TOP = Number(args[0] ?? 25);
const pool = readFileSync(new URL('../../shared/eval/dev.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const drafts = Array.from({ length: 50 }, (_, k) => {
  let s = '';
  for (let i = k * 7; s.length < 280; i++) s += pool[i % pool.length];
  return s.slice(0, 280);
});

// regex source -> the entries that use it
const owners = new Map<string, Set<string>>();
for (const { file } of builtinDictionaries()) {
  for (const e of file.entries) {
    for (const p of entryPatterns(e)) {
      if (typeof p === 'string') continue;
      const source = new RegExp(p.fold ? foldKana(p.re) : p.re, p.flags).source;
      owners.set(source, (owners.get(source) ?? new Set()).add(e.id));
    }
  }
}

const engine = createKakuninEngine(await loadNodeTokenizer());
for (let i = 0; i < 500; i++) engine.check(drafts[i % drafts.length]!, { account: 'company', site: 'x' });

/** per regex source: its time in each run (ms), and the checks it ran in (the same in every run) */
const stats = new Map<string, { ms: number[]; checks: Set<number> }>();
const PASS = drafts.length;
const CHECKS = 1000;
const PASSES = (CHECKS / PASS) * RUNS;
let pass = 0;
const exec = RegExp.prototype.exec;
let check = -1;
let run = 0;
RegExp.prototype.exec = function (this: RegExp, text: string) {
  if (check < 0 || !this.global) return exec.call(this, text);
  const t = performance.now();
  const m = exec.call(this, text);
  const dt = performance.now() - t;
  let s = stats.get(this.source);
  if (!s) stats.set(this.source, (s = { ms: new Array<number>(PASSES).fill(0), checks: new Set() }));
  if (run > 0) s.ms[pass]! += dt;
  s.checks.add(check);
  return m;
};
// run 0 warms the timed path up and is not counted
for (run = 0; run <= RUNS; run++) {
  (globalThis as { gc?: () => void }).gc?.();
  for (check = 0; check < CHECKS; check++) {
    pass = (run - 1) * (CHECKS / PASS) + Math.floor(check / PASS);
    engine.check(drafts[check % drafts.length]!, { account: 'company', site: 'x' });
  }
  check = -1;
}
RegExp.prototype.exec = exec;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const rows = [...stats]
  .map(([source, s]) => {
    const min = Math.min(...s.ms);
    return { source, us: (min * 1000) / PASS, spread: min > 0 ? median(s.ms) / min - 1 : 0, ran: s.checks.size / CHECKS };
  })
  .sort((a, b) => b.us - a.us);
const total = rows.reduce((sum, r) => sum + r.us, 0);
console.log(`${rows.length} regexes ran; together ${total.toFixed(1)} µs per 280-char check (each regex's fastest of ${PASSES} passes over the ${PASS} drafts; timed one by one, so inflated)`);
console.log('µs/check  spread  ran   entries / regex');
for (const r of rows.slice(0, TOP)) {
  const who = owners.get(r.source);
  console.log(
    `${r.us.toFixed(2).padStart(8)}  ${`+${Math.round(100 * r.spread)}%`.padStart(6)}  ${String(Math.round(100 * r.ran)).padStart(3)}%  ${who ? [...who].join(', ') : '(code detector or engine)'}\n                        ${r.source.slice(0, 110)}`,
  );
}
