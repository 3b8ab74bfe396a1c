import type { z } from 'zod';

export interface DictionaryIssue {
  /** the list's file or name */
  source: string;
  /** entry id, when known */
  entry?: string;
  /** where in the entry: "patterns.2", "examples.match.0" */
  path?: string;
  message: string;
}

/** A list was refused. Carries every problem found, not only the first. */
export class DictionaryError extends Error {
  override name = 'DictionaryError';
  constructor(readonly issues: DictionaryIssue[]) {
    super(issues.map(formatIssue).join('\n'));
  }
}

export function formatIssue(i: DictionaryIssue): string {
  return `${i.source}${i.entry ? ` [${i.entry}]` : ''}${i.path ? ` ${i.path}` : ''}: ${i.message}`;
}

export function issuesFromZod(source: string, error: z.ZodError, data: unknown): DictionaryIssue[] {
  return error.issues.map((iss) => {
    let entry: string | undefined;
    let path = iss.path;
    if (path[0] === 'entries' && typeof path[1] === 'number') {
      const raw = (data as { entries?: Array<{ id?: unknown }> })?.entries?.[path[1]];
      entry = typeof raw?.id === 'string' ? raw.id : `entry #${path[1] + 1}`;
      path = path.slice(2);
    }
    return { source, entry, path: path.length ? path.join('.') : undefined, message: iss.message };
  });
}
