/**
 * Highlight names and their look. `::highlight()` rules apply in the tree that holds the
 * highlighted text: the page's document for contenteditable editors (a <style> in document.head,
 * outside any editor), and Kakunin's own shadow root for textarea mirrors.
 */
import type { Severity } from '../../engine/finding';

export const HIGHLIGHT_NAMES: Record<Severity, string> = {
  info: 'kakunin-info',
  warn: 'kakunin-warn',
  block: 'kakunin-block',
};

export const SEVERITY_COLORS: Record<Severity, string> = {
  info: '#1d6fd8',
  warn: '#d97a00',
  block: '#d4212b',
};

export const HIGHLIGHT_CSS = (Object.keys(HIGHLIGHT_NAMES) as Severity[])
  .map(
    (s) =>
      `::highlight(${HIGHLIGHT_NAMES[s]}){text-decoration:underline wavy ${SEVERITY_COLORS[s]};text-decoration-thickness:2px;` +
      `text-decoration-skip-ink:none;text-underline-offset:3px;background-color:${SEVERITY_COLORS[s]}1f}`,
  )
  .join('\n');
