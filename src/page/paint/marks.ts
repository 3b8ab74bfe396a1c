/** Which findings become underlines, and whether a new set differs from what is drawn. */
import type { Finding } from '../../engine/finding';
import type { EditorSnapshot } from '../editors/types';
import type { Mark } from './painter';

/**
 * Underlines drawn per composer at most (cards are capped separately in ComposerUi). Chromium
 * repaints every highlight range of a text on each change: 300 ranges over a 20,000-character
 * Draft.js draft cost 100-170 ms per keystroke in `npm run bench:page`.
 */
export const MAX_MARKS = 100;

export function marksFor(snapshot: EditorSnapshot, findings: readonly Finding[]): Mark[] {
  const marks: Mark[] = [];
  for (const finding of findings.slice(0, MAX_MARKS)) {
    const range = snapshot.rangeFor(finding.start, finding.end);
    if (range) marks.push({ range, severity: finding.severity });
  }
  return marks;
}

/**
 * Same ranges (same nodes and offsets) and severities. Handing the browser new ranges repaints
 * the whole text: skipped when nothing moved, which is most frames of typing in a long draft,
 * where the editor keeps its text nodes.
 */
export function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  return (
    a.length === b.length &&
    a.every((m, i) => {
      const n = b[i]!;
      const r = m.range;
      const q = n.range;
      return m.severity === n.severity && r.startContainer === q.startContainer && r.startOffset === q.startOffset && r.endContainer === q.endContainer && r.endOffset === q.endOffset;
    })
  );
}
