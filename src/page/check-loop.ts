/**
 * When a composer's draft goes to the background for checking: after typing pauses (debounce),
 * at once on `compositionend`, and never while an IME composition is open (the DOM then holds
 * text the user has not committed; Draft.js and Quill do not even have it in their models yet:
 * compose-boxes.md). One request in flight per composer: edits made meanwhile are checked when
 * it returns. Replies carry sequence numbers; one older than the newest applied reply is dropped.
 */

export interface Draft {
  text: string;
  /** posting handle as the adapter read it; a different account is a different check */
  handle?: string;
}

export type Outcome<R> = { draft: Draft; result: R; seq: number } | { draft: Draft; error: unknown; seq: number };

export interface CheckLoopOptions<R> {
  read(): Draft;
  send(draft: Draft): Promise<R>;
  /** every applied reply, in order; the draft may be older than the editor's text by now */
  onOutcome(outcome: Outcome<R>): void;
  /**
   * pause after the last keystroke before checking (default DEFAULT_DEBOUNCE_MS). Short on
   * purpose: a check costs the worker a few milliseconds and stale replies are dropped, while the
   * issue's keystroke-to-warning target is p95 <= 100 ms (npm run bench:page).
   */
  debounceMs?: number;
}

/** Between keystrokes of normal typing (~100-200 ms) a 40 ms pause is the end of a word or a phrase. */
export const DEFAULT_DEBOUNCE_MS = 40;

export const draftKey = (d: Draft) => `${d.handle ?? ''}\u0000${d.text}`;

export class CheckLoop<R> {
  private composing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private applied = 0;
  private inFlight: { key: string; seq: number } | undefined;
  private again = false;
  private settled: Outcome<R> | undefined;
  private waiters: Array<{ key: string; resolve: (o: Outcome<R>) => void }> = [];
  private disposed = false;

  constructor(private readonly options: CheckLoopOptions<R>) {}

  get isComposing(): boolean {
    return this.composing;
  }

  /** The editor's content may have changed. */
  changed(): void {
    if (this.composing || this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(false), this.options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  }

  compositionStart(): void {
    this.composing = true;
    clearTimeout(this.timer);
  }

  compositionEnd(): void {
    this.composing = false;
    clearTimeout(this.timer);
    this.run(false);
  }

  /**
   * The outcome for the editor's current text: at once when it is known, else after a check
   * sent now (the gate calls this when the user posts before the debounce fired).
   */
  flush(): Promise<Outcome<R>> {
    const key = draftKey(this.options.read());
    if (this.settled && draftKey(this.settled.draft) === key) return Promise.resolve(this.settled);
    const promise = new Promise<Outcome<R>>((resolve) => this.waiters.push({ key, resolve }));
    clearTimeout(this.timer);
    // Posting ends the composition as far as the post is concerned.
    this.run(true);
    return promise;
  }

  /** Drops whatever is in flight (navigation, the composer was reset). */
  reset(): void {
    clearTimeout(this.timer);
    this.applied = this.seq;
    this.inFlight = undefined;
    this.again = false;
    this.settled = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.reset();
    this.waiters = [];
  }

  private run(force: boolean): void {
    if (this.disposed || (this.composing && !force)) return;
    const draft = this.options.read();
    const key = draftKey(draft);
    if (this.inFlight) {
      if (this.inFlight.key !== key) this.again = true;
      return;
    }
    if (this.settled && draftKey(this.settled.draft) === key) return;
    const seq = ++this.seq;
    this.inFlight = { key, seq };
    this.options.send(draft).then(
      (result) => this.apply({ draft, result, seq }),
      (error: unknown) => this.apply({ draft, error, seq }),
    );
  }

  private apply(outcome: Outcome<R>): void {
    if (this.disposed || outcome.seq <= this.applied) return; // stale: a newer reply was applied, or reset
    this.applied = outcome.seq;
    this.inFlight = undefined;
    // An error is not cached as settled: the next attempt asks again.
    this.settled = 'result' in outcome ? outcome : undefined;
    const key = draftKey(outcome.draft);
    const ready = this.waiters.filter((w) => w.key === key || 'error' in outcome);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    this.options.onOutcome(outcome);
    for (const w of ready) w.resolve(outcome);
    if (this.again || this.waiters.length > 0) {
      this.again = false;
      this.run(this.waiters.length > 0);
    }
  }
}
