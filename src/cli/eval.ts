/**
 * `npm run eval -- FILE.jsonl [--details] [--lists FILE] [--no-model]`: detection quality on labeled posts
 * ({"id","text","account"?,"site"?,"date"?,"expect":[categories]}).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CategorySchema, CATEGORIES } from '../engine/finding';
import { createNodeEngine } from '../node/engine';
import { parseJsonl } from './jsonl';
import { computeMetrics, type Labeled } from './metrics';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { details: { type: 'boolean' }, lists: { type: 'string', multiple: true }, 'no-model': { type: 'boolean' } } });
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: npm run eval -- FILE.jsonl [--details] [--lists FILE] [--no-model]\n');
  process.exit(2);
}
const lines = parseJsonl(readFileSync(file, 'utf8'), file);
const engine = await createNodeEngine({ listPaths: values.lists, model: !values['no-model'] });
const posts: Array<Labeled & { text: string }> = lines.map((l, i) => {
  const expect = z.array(CategorySchema).safeParse(l.expect ?? []);
  if (!expect.success) throw new Error(`${file}: post ${l.id} (line ${i + 1}): bad "expect": ${expect.error.message}`);
  return { id: l.id, text: l.text, expect: expect.data, findings: engine.check(l.text, { account: l.account, site: l.site, date: l.date }) };
});
const m = computeMetrics(posts);
const pct = (x: number) => (Number.isNaN(x) ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const out: string[] = [
  `posts: ${posts.length} (risky ${m.risky}, benign ${m.benign})`,
  `risky-post recall (any expected category at warn+): ${m.riskyRecall.toFixed(3)}`,
  `risky-post recall (every expected category):        ${m.riskyFullRecall.toFixed(3)}`,
  `benign false-alarm rate (any warn+ finding):        ${m.falseAlarmRate.toFixed(3)}`,
  '',
  'category        precision  recall   tp  fp  fn',
];
for (const c of CATEGORIES) {
  const p = m.perCategory[c];
  out.push(`${c.padEnd(15)} ${pct(p.precision).padStart(9)} ${pct(p.recall).padStart(7)} ${String(p.tp).padStart(4)}${String(p.fp).padStart(4)}${String(p.fn).padStart(4)}`);
}
if (values.details) {
  const show = (p: (typeof posts)[number]) =>
    `  ${p.id} expect=[${p.expect.join(',')}] «${p.text.replace(/\n/g, ' ')}»\n${p.findings.map((f) => `      ${f.severity} ${f.rule} «${f.text}»`).join('\n')}`;
  const byId = new Map(posts.map((p) => [p.id, p]));
  out.push('', 'missed risky posts:', ...m.missed.map((p) => show(byId.get(p.id)!)));
  out.push('', 'false alarms on benign posts:', ...m.falseAlarms.map((p) => show(byId.get(p.id)!)));
  const partial = posts.filter((p) => p.expect.length && !p.expect.every((c) => p.findings.some((f) => f.category === c && f.severity !== 'info')));
  out.push('', 'risky posts missing some expected category:', ...partial.map(show));
  const extra = posts.filter((p) => p.findings.some((f) => f.severity !== 'info' && !p.expect.includes(f.category)));
  out.push('', 'unexpected warn+ categories:', ...extra.map(show));
}
process.stdout.write(`${out.join('\n')}\n`);
