/**
 * A company turns a built-in category down (a severity cap) or off, and single rules off. The cap
 * is on the built-in rules and the built-in calendar: an entry of a company list, or the reminder
 * of a company's own date, keeps the severity the company gave it (turn those off in the list).
 * A rule switched off by id is off wherever it comes from.
 */
import type { Category, Severity } from '../finding';
import { severityRank } from '../finding';
import type { RawFinding } from '../detectors/types';

export type CategorySetting = Severity | 'off';
export interface Overrides {
  categories?: Partial<Record<Category, CategorySetting>>;
  disabledRules?: readonly string[];
}

export function applyOverrides(findings: RawFinding[], o: Overrides | undefined): RawFinding[] {
  if (!o) return findings;
  const disabled = new Set(o.disabledRules ?? []);
  const out: RawFinding[] = [];
  for (const f of findings) {
    if (disabled.has(f.rule)) continue;
    const cap = f.company ? undefined : o.categories?.[f.category];
    if (cap === 'off') continue;
    out.push(cap && severityRank(cap) < severityRank(f.severity) ? { ...f, severity: cap } : f);
  }
  return out;
}
