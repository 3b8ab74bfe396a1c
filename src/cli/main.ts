/** `npm run check`: the engine from a terminal. Exit 0 ok, 1 --fail-on reached, 2 bad input. */
import { readFileSync } from 'node:fs';
import { atLeast, type Finding } from '../engine/finding';
import { createNodeEngine } from '../node/engine';
import { parseCliArgs, USAGE } from './args';
import { runCli } from './run';
import { InputError, parseJsonl } from './jsonl';
import { formatExplanation } from './explain-report';
import { formatReport } from './report';

async function main(argv: string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Validate the input before paying for the engine.
  const lines = args.jsonl === undefined ? undefined : parseJsonl(readInput(args.jsonl), args.jsonl === '-' ? 'stdin' : args.jsonl);
  const engine = await createNodeEngine({ listPaths: args.lists, model: args.model });
  const all: Finding[] = [];
  if (lines) {
    let out = '';
    for (const line of lines) {
      const context = { account: line.account, site: line.site, date: line.date };
      if (args.explain) {
        // The explanation as data, led by the id; its findings are exactly check's.
        const ex = engine.explain(line.text, context, { rule: args.rule });
        all.push(...ex.findings);
        out += `${JSON.stringify({ id: line.id, ...ex })}\n`;
        continue;
      }
      const findings = engine.check(line.text, context);
      all.push(...findings);
      out += `${JSON.stringify({ id: line.id, findings })}\n`;
    }
    process.stdout.write(out);
  } else if (args.explain) {
    const ex = engine.explain(args.text, args.context, { rule: args.rule });
    all.push(...ex.findings);
    process.stdout.write(args.json ? `${JSON.stringify(ex, null, 2)}\n` : formatExplanation(ex, { rule: args.rule }));
  } else {
    const findings = engine.check(args.text, args.context);
    all.push(...findings);
    process.stdout.write(args.json ? `${JSON.stringify(findings, null, 2)}\n` : formatReport(args.text, findings));
  }
  return args.failOn && all.some((f) => atLeast(f.severity, args.failOn!)) ? 1 : 0;
}

function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${path === '-' ? 'stdin' : path}: ${(e as Error).message}`);
  }
}

runCli('kakunin', USAGE, main);
