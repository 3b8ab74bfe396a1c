/**
 * Findings of one engine build path over every text we have, as JSON lines, so two paths (or two
 * versions of the code) can be compared byte for byte:
 *
 *   tsx scripts/findings-identity.ts --mode compiled --out a.jsonl   # lists compiled from source
 *   tsx scripts/findings-identity.ts --mode snapshot --out b.jsonl   # from the shipped snapshot
 *   (also --mode stepped: the snapshot prepared in steps, as the worker does; --mode json: from
 *   the snapshot's JSON form)
 *   cmp a.jsonl b.jsonl
 *
 * Texts: ../shared/eval/dev.jsonl, every *.jsonl under /work/train (or KAKUNIN_TRAIN_DIR), field
 * "text", and every example sentence of dictionaries/*.json; each checked as a company and as a
 * personal account (the second on a sensitive date), with check() and checkAll().
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_LISTS } from '../dictionaries/index';
import type { Engine } from '../src/engine/index';
import { loadNodeTokenizer } from '../src/node/ipadic';
import { cachedBuiltinSnapshot, cachedBuiltinSnapshotFile } from '../src/node/snapshot-cache';
import { loadSnapshot } from '../src/engine/matchers/snapshot-format';
import { createKakuninEngine } from '../src/rules/builtin';

const argv = process.argv.slice(2);
const arg = (name: string, fallback?: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1]! : fallback;
};
const mode = arg('--mode', 'snapshot')!;
const out = arg('--out', `/tmp/findings-${mode}.jsonl`)!;

function jsonlTexts(path: string): string[] {
  const texts: string[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as { text?: unknown };
      if (typeof o.text === 'string') texts.push(o.text);
    } catch {
      // not a JSON line (a pretty-printed file): skipped
    }
  }
  return texts;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      const s = statSync(p);
      if (s.isDirectory()) return f === 'node_modules' || f.startsWith('.') ? [] : walk(p);
      return f.endsWith('.jsonl') ? [p] : [];
    });
}

const texts: Array<[string, string]> = [];
const dev = fileURLToPath(new URL('../../shared/eval/dev.jsonl', import.meta.url));
for (const t of jsonlTexts(dev)) texts.push(['dev', t]);
for (const f of walk(process.env.KAKUNIN_TRAIN_DIR ?? '/work/train')) for (const t of jsonlTexts(f)) texts.push([f, t]);
for (const { source, data } of BUILTIN_LISTS) {
  for (const e of (data as { entries: Array<{ examples?: { match?: unknown[]; noMatch?: unknown[] } }> }).entries) {
    for (const x of [...(e.examples?.match ?? []), ...(e.examples?.noMatch ?? [])]) {
      texts.push([source, typeof x === 'string' ? x : (x as { text: string }).text]);
    }
  }
}

const t = await loadNodeTokenizer();
const started = performance.now();
let engine: Engine;
if (mode === 'compiled') engine = createKakuninEngine(t);
else if (mode === 'snapshot') engine = createKakuninEngine(t, {}, cachedBuiltinSnapshot(t));
else if (mode === 'stepped') engine = createKakuninEngine(t, {}, await loadSnapshot(readFileSync(cachedBuiltinSnapshotFile(t))).prepareAsync(() => new Promise((r) => setTimeout(r, 0))));
else if (mode === 'json') engine = createKakuninEngine(t, {}, JSON.parse(JSON.stringify(createKakuninEngine(t).snapshot())));
else throw new Error(`unknown --mode ${mode}`);
const buildMs = performance.now() - started;

const contexts = [
  { account: 'company' as const, site: 'x' },
  { account: 'personal' as const, site: 'x', date: '2027-03-11' },
];
const lines: string[] = [];
let findings = 0;
for (const [, text] of texts) {
  for (const ctx of contexts) {
    const merged = engine.check(text, ctx);
    const all = engine.checkAll(text, ctx);
    findings += merged.length;
    lines.push(JSON.stringify([text, ctx.account, merged, all]));
  }
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${mode}: ${texts.length} texts x ${contexts.length} contexts, ${findings} findings (check), engine built in ${buildMs.toFixed(0)} ms -> ${out}`);
