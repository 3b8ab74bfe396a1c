/** JSON Lines in and out for `check --jsonl`, validated line by line. */
import { z } from 'zod';
import { CheckContextSchema } from '../engine/finding';

export const InputLineSchema = CheckContextSchema.extend({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
}).passthrough();
export type InputLine = z.infer<typeof InputLineSchema>;

export class InputError extends Error {
  override name = 'InputError';
}

/** Parses every line; throws one InputError naming each bad line (1-based), so nothing is half-done. */
export function parseJsonl(source: string, name: string): InputLine[] {
  const out: InputLine[] = [];
  const problems: string[] = [];
  source.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (e) {
      problems.push(`${name}:${i + 1}: not valid JSON (${(e as Error).message})`);
      return;
    }
    const parsed = InputLineSchema.safeParse(data);
    if (!parsed.success) {
      const why = parsed.error.issues.map((iss) => `${iss.path.join('.') || 'line'}: ${iss.message}`).join('; ');
      problems.push(`${name}:${i + 1}: ${why}`);
      return;
    }
    out.push(parsed.data);
  });
  if (problems.length) throw new InputError(problems.join('\n'));
  return out;
}
