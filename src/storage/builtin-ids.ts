/**
 * What the built-ins already name, to check settings and policy against: entry ids a company
 * entry may not reuse (the engine refuses a list that does: engine/dictionary/compile.ts), every
 * rule id a setting may switch off, and the built-in calendar's day ids. The hosts that bundle the
 * built-ins (service worker, options page) build it with builtinIds() in rules/builtin.ts and hand
 * it in: storage never imports the dictionaries itself.
 */
import { entryIds } from '../engine/dictionary/schema';
import type { TakenIds } from './list-validate';
import type { CompanyList } from './settings-schema';

export interface BuiltinIds {
  /** built-in dictionary entry id → where ("built-in: dictionaries/compliance.json") */
  entries: TakenIds;
  /** every rule id a built-in finding can carry: dictionary entries and code detectors */
  rules: ReadonlySet<string>;
  /** ids of the built-in sensitive-date calendar's days */
  dates: ReadonlySet<string>;
}

/**
 * Switched-off rule ids that name no rule: neither built in nor an entry of one of `lists`. They
 * switch nothing off (a typo, or a rule that does not exist), so they are reported, not applied.
 */
export function unknownRuleIds(ids: readonly string[], builtin: BuiltinIds, lists: readonly CompanyList[] = []): string[] {
  const unknown = ids.filter((id) => !builtin.rules.has(id));
  if (!unknown.length) return [];
  const own = new Set(lists.flatMap((l) => l.entries.flatMap(entryIds)));
  return [...new Set(unknown.filter((id) => !own.has(id)))];
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** The built-in rule id a mistyped one most likely meant: at most 3 edits away, else none. */
export function nearestRuleId(id: string, builtin: BuiltinIds): string | undefined {
  let best: { id: string; d: number } | undefined;
  for (const known of builtin.rules) {
    if (Math.abs(known.length - id.length) > 3) continue;
    const d = editDistance(id, known);
    if (d <= 3 && (!best || d < best.d)) best = { id: known, d };
  }
  return best?.id;
}

/** "no rule "x" (did you mean "y"?)": how an unknown id is reported everywhere. */
export function describeUnknownRule(id: string, builtin: BuiltinIds): string {
  const near = nearestRuleId(id, builtin);
  return `no rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}`;
}
