import { z } from 'zod';
import { CATEGORIES, type Category, CategorySchema, type Finding, SEVERITIES, type Severity, SeveritySchema } from '../engine/finding';

/**
 * What an approver learns about the findings: how many per category and
 * severity, and which rules fired. Never the matched text or spans: the
 * request may travel through mail or chat, and the draft is included only
 * when the requester chooses to include it.
 */
export const FindingCountSchema = z.object({
  category: CategorySchema,
  severity: SeveritySchema,
  count: z.number().int().positive().max(1_000_000),
});
export type FindingCount = z.infer<typeof FindingCountSchema>;

export const FindingsSummarySchema = z
  .object({
    counts: z.array(FindingCountSchema).max(CATEGORIES.length * SEVERITIES.length),
    rules: z.array(z.string().min(1).max(200)).max(500),
  })
  // One byte encoding per summary: the request digest is computed over it.
  .refine(isCanonical, 'findings summary must be sorted and without duplicates');
export type FindingsSummary = z.infer<typeof FindingsSummarySchema>;

type Summarizable = Pick<Finding, 'category' | 'severity' | 'rule'>;

export function summarizeFindings(findings: readonly Summarizable[]): FindingsSummary {
  const counts = new Map<string, FindingCount>();
  for (const f of findings) {
    const key = `${f.category}\u0000${f.severity}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { category: f.category, severity: f.severity, count: 1 });
  }
  return canonicalizeSummary({ counts: [...counts.values()], rules: findings.map((f) => f.rule) });
}

/** Sorts and merges a summary built by hand, so that it encodes one way only. */
export function canonicalizeSummary(summary: FindingsSummary): FindingsSummary {
  const merged = new Map<string, FindingCount>();
  for (const c of summary.counts) {
    const key = `${c.category}\u0000${c.severity}`;
    const entry = merged.get(key);
    if (entry) entry.count += c.count;
    else merged.set(key, { ...c });
  }
  return {
    counts: [...merged.values()].sort(compareCounts),
    rules: [...new Set(summary.rules)].sort(compareStrings),
  };
}

export function totalsByCategory(summary: FindingsSummary): Partial<Record<Category, number>> {
  const out: Partial<Record<Category, number>> = {};
  for (const c of summary.counts) out[c.category] = (out[c.category] ?? 0) + c.count;
  return out;
}

export function totalsBySeverity(summary: FindingsSummary): Partial<Record<Severity, number>> {
  const out: Partial<Record<Severity, number>> = {};
  for (const c of summary.counts) out[c.severity] = (out[c.severity] ?? 0) + c.count;
  return out;
}

function compareCounts(a: FindingCount, b: FindingCount): number {
  return (
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity)
  );
}

/** Code-unit order, not localeCompare: must not depend on the runtime's locale data. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isCanonical(summary: { counts: FindingCount[]; rules: string[] }): boolean {
  const strictlyIncreasing = <T>(xs: T[], cmp: (a: T, b: T) => number) =>
    xs.every((x, i) => i === 0 || cmp(xs[i - 1]!, x) < 0);
  return strictlyIncreasing(summary.counts, compareCounts) && strictlyIncreasing(summary.rules, compareStrings);
}
