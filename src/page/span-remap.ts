/**
 * Moves finding spans from the text they were found in to the text the editor holds now, so
 * underlines stay on their words while the user keeps typing and a result that comes back after
 * an edit is still usable (Harper's spanMapping.ts). One edit region is computed from the common
 * prefix and suffix; spans before it stay, spans after it shift, spans it touched are dropped
 * (their words changed, the next check decides about them).
 */

export interface Edit {
  /** first changed offset (same in both texts) */
  start: number;
  /** end of the replaced part in the old text */
  oldEnd: number;
  /** end of the inserted part in the new text */
  newEnd: number;
}

/** The single region where `before` and `after` differ, or null when they are equal. */
export function diffEdit(before: string, after: string): Edit | null {
  if (before === after) return null;
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

export interface Span {
  start: number;
  end: number;
}

/**
 * The spans of `before` as spans of `after`; spans the edit touched are dropped. Typing right
 * after or right before a word keeps its span: "宗教" + "の話" still has 宗教 at 0-2.
 */
export function remapSpans<T extends Span>(spans: readonly T[], before: string, after: string): T[] {
  const edit = diffEdit(before, after);
  if (!edit) return spans.slice();
  const delta = edit.newEnd - edit.oldEnd;
  const out: T[] = [];
  for (const span of spans) {
    if (span.end <= edit.start) out.push(span);
    else if (span.start >= edit.oldEnd) out.push({ ...span, start: span.start + delta, end: span.end + delta });
  }
  return out;
}
