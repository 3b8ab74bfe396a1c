/**
 * `npm run eval -- FILE.jsonl [--details] [--lists FILE] [--no-model]`: detection quality on labeled posts
 * ({"id","text","account"?,"site"?,"date"?,"expect":[categories]}).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CategorySchema, CATEGORIES } from '../engine/finding';
import { createNodeEngine } from '../node/engine';
import { InputError, parseJsonl } from './jsonl';
import { UsageError } from './args';
import { runCli } from './run';
import { computeMetrics, type Labeled } from './metrics';

const USAGE = `使い方 / Usage:
  npm run --silent eval -- FILE.jsonl [--details] [--lists FILE] [--no-model]
FILE.jsonl: one labeled post per line, {"id","text","account"?,"site"?,"date"?,"expect":[categories]}
  --details    list each missed risky post and each false alarm with its findings
  --lists FILE add a company list (same format as dictionaries/*.json); repeatable
  --no-model   leave out the learned second stage (lists and detectors only)
  -h, --help   this help`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { details: { type: 'boolean' }, lists: { type: 'string', multiple: true }, 'no-model': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('no FILE.jsonl given');
  if (positionals.length > 1) throw new UsageError(`one FILE.jsonl at a time (got ${positionals.length})`);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const lines = parseJsonl(raw, file);
  const checked = lines.map((l, i) => {
    const expect = z.array(CategorySchema).safeParse(l.expect ?? []);
    if (!expect.success) throw new InputError(`${file}: post ${l.id} (line ${i + 1}): bad "expect": ${expect.error.issues.map((x) => x.message).join('; ')}`);
    return { line: l, expect: expect.data };
  });
  const engine = await createNodeEngine({ listPaths: values.lists, model: !values['no-model'] });
  const posts: Array<Labeled & { text: string }> = checked.map(({ line: l, expect }) => ({
    id: l.id,
    text: l.text,
    expect,
    findings: engine.check(l.text, { account: l.account, site: l.site, date: l.date }),
  }));
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
  return 0;
}

runCli('kakunin eval', USAGE, main);
