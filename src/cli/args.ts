/** Command-line arguments of `npm run check`. */
import { parseArgs } from 'node:util';
import { AccountKindSchema, SeveritySchema } from '../engine/finding';

export const USAGE = `使い方 / Usage:
  npm run --silent check -- "投稿の下書き"            readable report
  npm run --silent check -- --jsonl FILE|-            one JSON result per input line
  npm run --silent check -- --explain "下書き"        why each entry did or did not fire
  npm run --silent check -- --explain --jsonl FILE|-  the same as data, one line per input line
Options:
  --jsonl FILE     JSON Lines input ({"id","text","account"?,"site"?,"date"?}); "-" reads stdin
  --lists FILE     add a company list (same format as dictionaries/*.json); repeatable
  --account KIND   company | personal (default company) for a text argument
  --site ID        x, facebook, instagram, threads, linkedin, bluesky, mastodon, note
  --date DATE      YYYY-MM-DD the post goes out (sensitive dates)
  --json           print findings of a text argument as JSON
  --fail-on SEV    exit 1 when a finding is at least SEV (info | warn | block)
  --no-model       leave out the learned second stage (lists and detectors only)
  --explain        for a rule author: the tokens, which pattern and requires made each finding,
                   and the near misses (a pattern matched, no finding) with the reason
  --rule ID        with --explain: only entries whose id starts with ID, and also those of them
                   whose patterns did not match (listed); --json prints the explanation as JSON,
                   --jsonl gives {"id", ...explanation} per line (its findings those of --jsonl)
  -h, --help       this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export function parseCliArgs(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        jsonl: { type: 'string' },
        lists: { type: 'string', multiple: true },
        account: { type: 'string' },
        site: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean' },
        'fail-on': { type: 'string' },
        'no-model': { type: 'boolean' },
        explain: { type: 'boolean' },
        rule: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const account = values.account === undefined ? undefined : AccountKindSchema.safeParse(values.account);
  if (account && !account.success) throw new UsageError(`--account must be company or personal, not "${values.account}"`);
  const failOn = values['fail-on'] === undefined ? undefined : SeveritySchema.safeParse(values['fail-on']);
  if (failOn && !failOn.success) throw new UsageError(`--fail-on must be info, warn or block, not "${values['fail-on']}"`);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) throw new UsageError(`--date must be YYYY-MM-DD, not "${values.date}"`);
  if (!values.help && values.jsonl === undefined && positionals.length === 0) throw new UsageError('give a text to check or --jsonl FILE');
  if (values.jsonl !== undefined && positionals.length > 0) throw new UsageError('give either --jsonl FILE or a text, not both');
  if (values.rule !== undefined && !values.explain) throw new UsageError('--rule goes with --explain');
  return {
    help: values.help ?? false,
    jsonl: values.jsonl,
    lists: values.lists ?? [],
    text: positionals.join(' '),
    context: { account: account?.data, site: values.site, date: values.date },
    json: values.json ?? false,
    failOn: failOn?.data,
    model: !values['no-model'],
    explain: values.explain ?? false,
    rule: values.rule,
  };
}
