/**
 * Finds compose boxes as they appear and go: one MutationObserver on the document (child lists
 * only), rescanning at most once per `throttleMs`, plus an immediate rescan when focus enters an
 * editable element we do not know yet (a composer that appeared and was clicked within the
 * throttle window). Nothing polls: a 100 ms poll and unthrottled full rescans are what made one
 * popular checker use gigabytes and whole cores (compose-boxes.md, complaint 4).
 */
import { isEditable, type ComposerMatch } from '../sites/site-adapter';

export interface WatchOptions {
  doc: Document;
  find(root: ParentNode): ComposerMatch[];
  /** Called with every scan's result (the caller diffs against what it has). */
  onScan(found: ComposerMatch[]): void;
  /** Is this element already a known composer's editor? */
  known(el: Element): boolean;
  signal: AbortSignal;
  throttleMs?: number;
}

export interface Watcher {
  /** Rescan soon (SPA navigation). */
  schedule(): void;
  /** Rescan now. */
  scan(): void;
}

export function watchComposers(options: WatchOptions): Watcher {
  const { doc, signal } = options;
  const throttle = options.throttleMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;

  const scan = () => {
    clearTimeout(timer);
    timer = undefined;
    last = performance.now();
    if (!signal.aborted) options.onScan(options.find(doc));
  };
  const schedule = () => {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(scan, Math.max(0, last + throttle - performance.now()));
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { childList: true, subtree: true });
  doc.addEventListener(
    'focusin',
    (e) => {
      const el = e.composedPath()[0];
      if (!(el instanceof Element)) return;
      const editable = isEditable(el) ? el : el.closest('[contenteditable="true"], [contenteditable=""]');
      if (editable && !options.known(editable)) scan();
    },
    { capture: true, signal },
  );
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(timer);
  });
  scan();
  return { schedule, scan };
}
