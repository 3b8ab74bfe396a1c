/**
 * Validates dictionary files and compiles their entries against one shared PatternIndex.
 * Refuses a file with every problem listed (DictionaryError), never half-loads it.
 */
import { PatternIndex } from '../matchers/pattern-index';
import { DictionaryFileSchema, expandEntry, type DictionaryFile, type Entry, type Pattern } from './schema';
import { DictionaryError, issuesFromZod, type DictionaryIssue } from './errors';
import { listScopes } from './named-lists';

export interface CompiledEntry {
  entry: Entry;
  /** name of the list it came from */
  source: string;
  /** from a company list (not built in): category settings do not cap it */
  company?: boolean;
  patterns: number[];
  requires: Array<{ ids: number[]; within?: number; position?: 'before' | 'after'; scope?: 'sentence' | 'adjacent' }>;
  /** anywhere in the draft */
  unless: number[];
  /** only near the hit */
  unlessNear: Array<{ ids: number[]; within?: number; scope?: 'sentence' | 'adjacent' }>;
  allow: number[];
}

export function parseDictionary(data: unknown, source: string): DictionaryFile {
  const parsed = DictionaryFileSchema.safeParse(data);
  if (!parsed.success) throw new DictionaryError(issuesFromZod(source, parsed.error, data));
  return parsed.data;
}

export function compileEntries(files: Array<{ file: DictionaryFile; source: string; company?: boolean }>, index: PatternIndex): CompiledEntry[] {
  const issues: DictionaryIssue[] = [];
  const out: CompiledEntry[] = [];
  const ids = new Map<string, string>();
  // named lists: built-in ones for every file, a company file's own for itself
  const lists = listScopes(files);
  issues.push(...lists.issues);
  for (const [fi, { file, source, company }] of files.entries()) {
    const scope = lists.scopes[fi]!;
    for (const entry of file.entries) {
      const expanded = expandEntry(entry);
      const taken = expanded.filter((e) => ids.has(e.id));
      for (const e of taken) issues.push({ source, entry: e.id, message: `id already used in ${ids.get(e.id)}` });
      if (taken.length) continue;
      for (const e of expanded) ids.set(e.id, source);
      const add = (p: Pattern, path: string): number => {
        try {
          return index.add(typeof p === 'string' ? scope.resolve(p) : p, entry.gap);
        } catch (e) {
          issues.push({ source, entry: entry.id, path, message: (e as Error).message });
          return -1;
        }
      };
      const compiled: CompiledEntry = {
        entry,
        source,
        ...(company ? { company: true } : {}),
        patterns: entry.patterns.map((p, i) => add(p, `patterns.${i}`)),
        requires: (entry.requires ?? []).map((g, gi) => {
          const group = Array.isArray(g) ? { any: g } : g;
          const path = Array.isArray(g) ? `requires.${gi}` : `requires.${gi}.any`;
          return {
            ids: group.any.map((p, i) => add(p, `${path}.${i}`)),
            within: group.within ?? entry.within,
            position: group.position,
            scope: 'scope' in group ? group.scope : undefined,
          };
        }),
        unless: (entry.unless ?? []).flatMap((p, i) => (typeof p === 'string' || 're' in p ? [add(p, `unless.${i}`)] : [])),
        unlessNear: (entry.unless ?? []).flatMap((g, i) =>
          typeof g === 'string' || 're' in g ? [] : [{ ids: g.any.map((p, k) => add(p, `unless.${i}.any.${k}`)), within: g.within, scope: g.scope }],
        ),
        allow: (entry.allow ?? []).map((p, i) => add(p, `allow.${i}`)),
      };
      out.push(compiled);
      // `also`: the same compiled patterns and conditions, reported as another entry
      for (const e of expanded.slice(1)) out.push({ ...compiled, entry: e });
    }
  }
  if (issues.length) throw new DictionaryError(issues);
  return out;
}
