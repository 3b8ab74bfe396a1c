/**
 * All of Kakunin's DOM reads and drawing in a page go through one animation-frame queue, coalesced
 * per task and capped per frame: a huge draft or many composers spread their work over frames
 * instead of freezing the page (compose-boxes.md, complaint 4).
 */

/** Milliseconds of our work per frame before the rest waits for the next one. */
export const FRAME_BUDGET_MS = 8;

export class FrameScheduler {
  private readonly queue = new Set<() => void>();
  private handle = 0;

  constructor(private readonly signal?: AbortSignal) {
    signal?.addEventListener('abort', () => {
      cancelAnimationFrame(this.handle);
      this.queue.clear();
    });
  }

  /** Runs `task` in the next frame; scheduling the same function twice runs it once. */
  schedule(task: () => void): void {
    if (this.signal?.aborted) return;
    this.queue.add(task);
    if (!this.handle) this.handle = requestAnimationFrame(() => this.run());
  }

  private run(): void {
    this.handle = 0;
    const start = performance.now();
    for (const task of this.queue) {
      this.queue.delete(task);
      try {
        task();
      } catch (e) {
        // One composer's failure must not stop the others; the page is never broken by us.
        console.warn('[kakunin]', e);
      }
      if (performance.now() - start > FRAME_BUDGET_MS) break;
    }
    if (this.queue.size && !this.signal?.aborted) this.handle = requestAnimationFrame(() => this.run());
  }
}
