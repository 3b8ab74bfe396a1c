/**
 * The submit gate: holds a post whose draft the background said to hold, on every path a site
 * posts by: click, mousedown and pointerdown on that composer's own post button, Ctrl/Cmd+Enter
 * while focus is in that composer (or in one posted by the same button), and form submit
 * (compose-boxes.md, complaint 6: the Ctrl+Enter bypass and the wrong composer gated). Listeners
 * are on window in the capture phase, so they run before the site's own handlers (React's root
 * listeners, Draft's keydown).
 *
 * A held post is released by `release()` (override with a reason, allowed by the policy and
 * confirmed written to the audit log; or approval, issue 4), after which the original action is
 * re-dispatched so the site's own handler posts. Any edit re-arms
 * the gate. When the check cannot be had (background unreachable, no answer in time, the adapter
 * cannot find the post button) the gate fails open with a notice: it never traps the user.
 */
import { byPageOrder, type SubmitQuirks } from '../sites/site-adapter';
import { MIN_OVERRIDE_REASON, type Attempt, type Decision, type GateTarget, type ReleaseOptions, type ReleaseRefusal, type ReleaseResult, type RequestApprovalDetail } from './gate-types';

export { MIN_OVERRIDE_REASON } from './gate-types';
export type { Attempt, AttemptVia, Decision, FailOpenReason, GateTarget, ReleaseOptions, ReleaseRefusal, ReleaseResult, RequestApprovalDetail } from './gate-types';

export interface GateOptions {
  quirks?: SubmitQuirks;
  /** How long a post waits for a check still in flight before failing open. */
  settleTimeoutMs?: number;
  signal?: AbortSignal;
}

export class Gate {
  /**
   * Events for the approval flow (issue 4), on a plain EventTarget, not the DOM, so the page's
   * scripts never see them: `kakunin:request-approval` (CustomEvent<RequestApprovalDetail>; call
   * preventDefault() to say the request was taken), `kakunin:held` and `kakunin:released`
   * (detail: { composerId, by? }).
   */
  readonly events = new EventTarget();
  private readonly targets = new Set<GateTarget>();
  private readonly released = new Map<number, string>();
  private readonly held = new Map<number, Attempt>();
  private readonly waiting = new Set<number>();
  /** Targets whose next attempt passes once: set only around a synchronous re-dispatch. */
  private passing: ReadonlySet<GateTarget> | undefined;

  constructor(private readonly win: Window, private readonly options: GateOptions = {}) {
    const opts = { capture: true, signal: options.signal };
    win.addEventListener('pointerdown', (e) => this.onPress(e), opts);
    win.addEventListener('mousedown', (e) => this.onPress(e), opts);
    win.addEventListener('click', (e) => this.onClick(e), opts);
    win.addEventListener('keydown', (e) => this.onKeyDown(e), opts);
    win.addEventListener('submit', (e) => this.onSubmit(e as SubmitEvent), opts);
  }

  add(target: GateTarget): void {
    this.targets.add(target);
  }

  remove(target: GateTarget): void {
    this.targets.delete(target);
    this.released.delete(target.id);
    this.held.delete(target.id);
  }

  /** The composer's text changed: a release no longer applies (the gate re-arms). */
  textChanged(target: GateTarget): void {
    if (this.released.get(target.id) !== target.currentText()) this.released.delete(target.id);
  }

  isReleased(target: GateTarget): boolean {
    return this.released.get(target.id) === target.currentText();
  }

  decide(target: GateTarget): Decision {
    if (this.passing?.has(target) || this.isReleased(target)) return { kind: 'pass' };
    return target.decide();
  }

  /**
   * Releases a held composer for its current text and replays the held post, if any, so the
   * site's own handler posts. Resolves once the post was replayed, or with the refusal (the post
   * then stays held and the held dialog says why: target.releaseRefused).
   *
   * An override is the gate's fail-safe exit and must always be on the record: it needs a reason,
   * is allowed only when the decision for the text now holds with `allowOverride` (the policy the
   * background decided with; the UI hiding the button is not enough), and releases only after the
   * background confirmed the `override` event was written. The background refuses it too when the
   * policy forbids overrides (src/worker/handlers/record-audit.ts).
   *
   * An approval is released after verifyApprovalCodes answered ok, which the background gives only
   * once its `approval-verified` event is written (verify-approval-codes.ts): so the `released`
   * event recorded here is a second record, and its failure does not keep the post held.
   */
  async release(target: GateTarget, options: ReleaseOptions): Promise<ReleaseResult> {
    const text = target.currentText();
    // An approval covers the texts of every box the button posts (approval-flow.ts), as they are now.
    const others = options.by === 'approval' ? (options.together ?? []).filter((t) => t !== target && this.targets.has(t)) : [];
    const together = others.map((t) => [t, t.currentText()] as const);
    if (options.by === 'override') {
      const refusal = await this.recordOverride(target, options.reason);
      if (refusal) {
        target.releaseRefused(refusal);
        return { released: false, refusal };
      }
      if (target.currentText() !== text) {
        // Edited while the reason was being recorded: the reason was given for the text before.
        target.releaseRefused('text-changed');
        return { released: false, refusal: 'text-changed' };
      }
    } else {
      await target.audit('released', { detail: { by: 'approval', ...options.detail } });
    }
    this.released.set(target.id, text);
    target.hideGate();
    let attempt = this.held.get(target.id);
    this.held.delete(target.id);
    for (const [t, t0] of together) {
      this.released.set(t.id, t0);
      attempt ??= this.held.get(t.id);
      this.held.delete(t.id);
      t.hideGate();
    }
    this.emit('kakunin:released', { composerId: target.id, by: options.by });
    if (attempt) this.replay([target, ...together.map(([t]) => t)], attempt);
    return { released: true };
  }

  /**
   * The composers that `target`'s post button publishes, `target` among them, in page order
   * (an X thread's boxes, Mastodon's content warning and status); just `target` when it has no
   * button.
   */
  postedTogether(target: GateTarget): GateTarget[] {
    const button = target.postButton();
    if (!button) return [target];
    const all = [...this.targets].filter((t) => t === target || t.postButton() === button);
    return all.sort(byPageOrder);
  }

  /** Checks that an override may happen now and records it; the refusal, if it may not. */
  private async recordOverride(target: GateTarget, rawReason: string): Promise<ReleaseRefusal | undefined> {
    const reason = rawReason.trim();
    if ([...reason].length < MIN_OVERRIDE_REASON) return 'reason-too-short';
    // The composer's own decision, not this.decide(): a release already given must not count.
    const decision = target.decide();
    if (decision.kind !== 'hold') return 'not-held';
    if (!decision.allowOverride) return 'override-not-allowed';
    return (await target.audit('override', { reason })) ? undefined : 'audit-failed';
  }

  /** Closes the held dialog without posting (the user goes back to editing). */
  cancel(target: GateTarget): void {
    this.held.delete(target.id);
    target.hideGate();
  }

  /** Asks issue 4's approval flow to take over; false when nothing listened. */
  requestApproval(target: GateTarget): boolean {
    const detail: RequestApprovalDetail = { composerId: target.id, text: target.currentText(), ...target.approvalContext() };
    const event = new CustomEvent('kakunin:request-approval', { detail, cancelable: true });
    this.events.dispatchEvent(event);
    return event.defaultPrevented;
  }

  // --- event paths -------------------------------------------------------------------------

  private ownersOfButton(target: EventTarget | null): { owners: GateTarget[]; button?: HTMLElement } {
    if (!(target instanceof Node)) return { owners: [] };
    const owners: GateTarget[] = [];
    let button: HTMLElement | undefined;
    for (const t of this.targets) {
      const b = t.postButton();
      if (b && b.contains(target)) {
        owners.push(t);
        button = b;
      }
    }
    return { owners, button };
  }

  private combined(owners: GateTarget[]): { decision: Decision; target: GateTarget } | undefined {
    let pick: { decision: Decision; target: GateTarget } | undefined;
    const rank = { 'fail-open': 0, pass: 0, pending: 1, hold: 2 } as const;
    for (const t of owners) {
      const decision = this.decide(t);
      if (!pick || rank[decision.kind] > rank[pick.decision.kind]) pick = { decision, target: t };
    }
    return pick;
  }

  private stop(e: Event): void {
    e.preventDefault();
    e.stopImmediatePropagation();
  }

  /** pointerdown / mousedown: some sites post on press; a held or pending button gets none. */
  private onPress(e: Event): void {
    const { owners } = this.ownersOfButton(e.target);
    const pick = this.combined(owners);
    if (pick && (pick.decision.kind === 'hold' || pick.decision.kind === 'pending')) this.stop(e);
  }

  private onClick(e: MouseEvent): void {
    const { owners, button } = this.ownersOfButton(e.target);
    if (!owners.length) return;
    this.handle(e, owners, { via: 'click', button });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.isComposing) return;
    if (this.options.quirks?.keyboardSubmit === false) return;
    const from = e.composedPath()[0];
    const focused = [...this.targets].filter((t) => from instanceof Node && t.editor.contains(from));
    if (!focused.length) return;
    this.handle(e, this.withSharedButton(focused), { via: 'keyboard' });
  }

  /**
   * The focused composers and every composer posted by the same button: Ctrl+Enter in one box of
   * an X thread posts them all, and on Mastodon it posts the content warning with the status, so
   * each of them decides, as for a click on that button.
   */
  private withSharedButton(focused: GateTarget[]): GateTarget[] {
    return [...new Set(focused.flatMap((t) => this.postedTogether(t)))];
  }


  private onSubmit(e: SubmitEvent): void {
    const form = e.target;
    if (!(form instanceof HTMLFormElement)) return;
    const owners = [...this.targets].filter((t) => form.contains(t.editor));
    if (!owners.length) return;
    this.handle(e, owners, { via: 'submit', form, submitter: e.submitter });
  }

  private handle(e: Event, owners: GateTarget[], attempt: Attempt): void {
    const pick = this.combined(owners)!;
    const { decision, target } = pick;
    switch (decision.kind) {
      case 'pass':
        return;
      case 'fail-open':
        // Let this very event through, visibly and on the record.
        target.failedOpen(decision.reason, attempt.via);
        return;
      case 'hold':
        this.stop(e);
        this.hold(target, decision, attempt);
        return;
      case 'pending':
        this.stop(e);
        void this.settle(owners, target, attempt);
    }
  }

  private hold(target: GateTarget, decision: Extract<Decision, { kind: 'hold' }>, attempt: Attempt): void {
    const first = !this.held.has(target.id);
    this.held.set(target.id, attempt);
    target.showHeld(decision);
    if (first) void target.audit('held');
    this.emit('kakunin:held', { composerId: target.id });
  }

  /** The user posted before the check came back: wait for it (briefly), then decide. */
  private async settle(owners: GateTarget[], target: GateTarget, attempt: Attempt): Promise<void> {
    if (this.waiting.has(target.id)) return; // a second click while waiting: the first decides
    this.waiting.add(target.id);
    target.showChecking();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), this.options.settleTimeoutMs ?? 3000));
    const done = await Promise.race([Promise.all(owners.map((t) => t.flush())).then(() => 'done' as const), timeout]);
    this.waiting.delete(target.id);
    if (this.options.signal?.aborted) return;
    const pick = this.combined(owners)!;
    const decision = done === 'timeout' && pick.decision.kind === 'pending' ? ({ kind: 'fail-open', reason: 'timeout' } as const) : pick.decision;
    target.hideGate();
    if (decision.kind === 'hold') return this.hold(pick.target, decision, attempt);
    if (decision.kind === 'pending') {
      // The draft changed while we waited: the user is editing again; post nothing.
      return;
    }
    if (decision.kind === 'fail-open') pick.target.failedOpen(decision.reason, attempt.via);
    this.replay(owners, attempt);
  }

  /** Re-dispatches the stopped post so the site's own handler runs; our listeners let it pass. */
  private replay(owners: GateTarget[], attempt: Attempt): void {
    this.passing = new Set(owners);
    try {
      const target = owners[0]!;
      const button = attempt.button?.isConnected ? attempt.button : target.postButton();
      if (attempt.via === 'submit' && attempt.form?.isConnected) {
        const submitter = attempt.submitter && attempt.form.contains(attempt.submitter) ? attempt.submitter : null;
        attempt.form.requestSubmit(submitter as HTMLButtonElement | null);
      } else if (button) {
        // Untrusted, but React, Draft.js and plain listeners act on it as on a real click.
        button.click();
      } else {
        target.editor.closest('form')?.requestSubmit();
      }
    } finally {
      this.passing = undefined;
    }
  }

  private emit(type: string, detail: unknown): void {
    this.events.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
