/**
 * How every CLI command ends: its exit code, or one line for bad input (exit 2) with the usage
 * after a usage error; a reader closing the pipe early ends it quietly. Only a bug prints a stack.
 */
import { DictionaryError } from '../engine/dictionary/errors';
import { UsageError } from './args';
import { InputError } from './jsonl';

export function runCli(prefix: string, usage: string, main: (argv: string[]) => Promise<number>): void {
  // A reader that stops early (`| head`, `| jq -c … | head`) closes the pipe: that is the reader's
  // choice, not an error, so stop quietly, like other Unix tools.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      if (e instanceof UsageError) process.stderr.write(`${prefix}: ${e.message}\n\n${usage}\n`);
      else if (e instanceof InputError || e instanceof DictionaryError) process.stderr.write(`${prefix}: ${e.message}\n`);
      else process.stderr.write(`${prefix}: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
