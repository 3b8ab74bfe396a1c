/**
 * Same category, overlapping spans: one card, not three. Keeps the most severe finding
 * (then the longest span, then the first listed rule).
 */
import { severityRank } from '../finding';
import type { Span } from '../analysis';
import type { RawFinding } from '../detectors/types';

const samePlace = (a: Span, b: Span) => (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);

export function mergeOverlaps(findings: RawFinding[]): RawFinding[] {
  const ranked = findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) =>
      severityRank(b.f.severity) - severityRank(a.f.severity) ||
      b.f.span.end - b.f.span.start - (a.f.span.end - a.f.span.start) ||
      a.i - b.i,
    );
  const kept: RawFinding[] = [];
  for (const { f } of ranked) {
    if (!kept.some((k) => k.category === f.category && samePlace(k.span, f.span))) kept.push(f);
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
