/** A company turns a built-in category down (a severity cap) or off, and single rules off. */
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
    const cap = o.categories?.[f.category];
    if (cap === 'off') continue;
    out.push(cap && severityRank(cap) < severityRank(f.severity) ? { ...f, severity: cap } : f);
  }
  return out;
}
