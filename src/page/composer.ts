/**
 * One compose box on the page: reads its text (editor module), drives its check loop, keeps its
 * findings on the right words, draws them, renders its badge/cards/gate dialog, and answers the
 * gate's questions about it. Knows editors and the adapter interface, never a particular site.
 */
import type { Finding } from '../engine/finding';
import type { AuditEventInput, ReplyOf } from '../messaging/protocol';
import type { ComposerMatch, SiteAdapter } from '../sites/site-adapter';
import type { Lang } from '../ui/i18n/lang';
import type { ComposerActions } from '../ui/in-page/view';
import { buildAuditEvent } from './audit-event';
import { CheckLoop, draftKey, type Draft, type Outcome } from './check-loop';
import { decidePost } from './decide-post';
import { EDITORS } from './editors';
import type { EditorModule, EditorSnapshot } from './editors/types';
import { FindingsState, type HoldPolicy } from './findings-state';
import type { FrameScheduler } from './frame';
import { MIN_OVERRIDE_REASON, type AttemptVia, type Decision, type FailOpenReason, type Gate, type GateTarget, type ReleaseRefusal } from './gate';
import { marksFor, sameMarks } from './paint/marks';
import type { Mark, Painter } from './paint/painter';
import { UiHost, type ComposerFacts } from './ui-host';

type CheckReply = ReplyOf<'checkDraft'>;
export type Send = {
  (m: { type: 'checkDraft'; text: string; context: { site: string; handle?: string } }): Promise<CheckReply>;
  (m: { type: 'recordAudit'; event: AuditEventInput; text?: string }): Promise<ReplyOf<'recordAudit'>>;
};

export interface ComposerEnv {
  adapter: SiteAdapter;
  site: string;
  send: Send;
  policy: HoldPolicy;
  painter: Painter;
  frames: FrameScheduler;
  gate: Gate;
  lang: Lang;
  debounceMs?: number;
}

let nextId = 1;

export class Composer implements GateTarget {
  readonly id = nextId++;
  readonly editor: HTMLElement;
  private readonly module: EditorModule;
  private readonly loop: CheckLoop<CheckReply>;
  private readonly state: FindingsState;
  private readonly host: UiHost;
  private snapshot: EditorSnapshot | undefined;
  private marks: Mark[] = [];
  private reply: { draft: Draft; value: CheckReply } | undefined;
  private failure: Draft | undefined;
  private handle: { value: string | undefined; at: number } | undefined;
  private readonly refreshTask = () => this.refresh();
  private readonly layoutTask = () => this.layout();
  private readonly actions: ComposerActions;

  constructor(match: ComposerMatch, private readonly env: ComposerEnv) {
    this.editor = match.editor;
    this.module = EDITORS[match.kind];
    this.state = new FindingsState(env.policy);
    this.loop = new CheckLoop<CheckReply>({
      read: () => this.readDraft(),
      send: (draft) => env.send({ type: 'checkDraft', text: draft.text, context: { site: env.site, handle: draft.handle } }),
      onOutcome: (o) => this.onOutcome(o),
      debounceMs: env.debounceMs,
    });
    this.actions = {
      togglePanel: (open) => this.host.set({ panelOpen: open ?? !this.host.state.panelOpen }),
      dismiss: (key, reason) => this.dismiss(key, reason),
      // A refused override keeps the post held; the gate tells us why (releaseRefused).
      override: async (reason) => void (await env.gate.release(this, { by: 'override', reason })),
      requestApproval: () => {
        if (!env.gate.requestApproval(this)) this.host.set({ notice: 'approval-unavailable' });
      },
      closeGate: () => {
        env.gate.cancel(this);
        this.editor.focus();
      },
      clearNotice: () => this.host.set({ notice: undefined }),
    };
    this.host = new UiHost(this.editor.ownerDocument, this.id, env.site, env.lang, () => this.facts(), this.actions);
    env.gate.add(this);
    this.refresh();
    // A box that already holds text (a restored draft, a reply prefilled with @names) is checked.
    if (this.state.currentText.trim()) this.loop.changed();
  }

  // --- events from the page (watch-composers.ts routes them here) --------------------------

  /** The editor's DOM or value changed (input event or mutation): redraw next frame. */
  changed(): void {
    if (!this.loop.isComposing) this.env.frames.schedule(this.refreshTask);
  }

  compositionStart(): void {
    this.loop.compositionStart();
  }

  compositionEnd(): void {
    // After the editor's own compositionend handler (Draft.js resolves the composition then).
    setTimeout(() => {
      this.loop.compositionEnd(); // sends the committed text now, then reading resumes
      this.refresh();
    }, 0);
  }

  /** Settings changed: the last reply no longer decides a post; check again. */
  recheck(): void {
    this.reply = undefined;
    this.failure = undefined;
    this.loop.reset();
    this.loop.changed();
    this.render();
  }

  relayout(): void {
    this.env.frames.schedule(this.layoutTask);
  }

  dispose(): void {
    this.loop.dispose();
    this.env.gate.remove(this);
    this.env.painter.set(this, []);
    this.marks = [];
    this.module.dispose?.(this.editor);
    this.host.destroy();
  }

  // --- reading, checking, drawing ----------------------------------------------------------

  private readDraft(): Draft {
    const now = Date.now();
    // Reading the account can mean parsing a page's state JSON: once a second is plenty.
    if (!this.handle || now - this.handle.at > 1000) this.handle = { value: this.env.adapter.readAccount(this.editor), at: now };
    return { text: this.module.read(this.editor).text, handle: this.handle.value };
  }

  private refresh(): void {
    if (this.loop.isComposing || !this.editor.isConnected) return;
    const snapshot = this.module.read(this.editor);
    this.snapshot = snapshot;
    if (snapshot.text !== this.state.currentText) {
      this.state.setText(snapshot.text);
      this.env.gate.textChanged(this);
      this.loop.changed();
    }
    this.paint();
    this.render();
    this.layout();
  }

  private onOutcome(outcome: Outcome<CheckReply>): void {
    const { notice } = this.host.state;
    if ('error' in outcome) {
      this.failure = outcome.draft;
      if (!notice) this.host.set({ notice: 'unreachable' });
    } else {
      this.failure = undefined;
      if (notice === 'unreachable') this.host.set({ notice: undefined });
      this.reply = { draft: outcome.draft, value: outcome.result };
      this.state.apply(outcome.draft.text, outcome.result.findings);
    }
    // Draw now rather than next frame: the reply is what the user is waiting for.
    this.refresh();
    this.render();
  }

  private paint(): void {
    if (!this.snapshot) return;
    const marks = marksFor(this.snapshot, this.state.shown().map((s) => s.finding));
    if (sameMarks(this.marks, marks)) return;
    this.marks = marks;
    this.env.painter.set(this, marks);
  }

  private layout(): void {
    if (!this.editor.isConnected) return;
    this.module.layout?.(this.editor);
    this.host.place(this.editor.getBoundingClientRect());
    this.env.painter.relayout();
  }

  private render(): void {
    this.host.render();
  }

  private facts(): ComposerFacts {
    const { state, counts } = this.state.badge();
    const text = this.state.currentText;
    const checking = this.reply === undefined ? text.trim() !== '' : this.reply.draft.text !== text;
    return { state, counts, findings: this.state.shown(), checking: checking && !this.failure, unavailable: this.failure !== undefined };
  }

  /**
   * Dismissing a finding that holds the post is an override of that finding: it is allowed only
   * where the policy allows overrides (the card hides the button otherwise; checked here too) and
   * takes effect only once the background confirmed the `dismissed` event was written.
   */
  private async dismiss(key: string, reason: string): Promise<void> {
    const item = this.state.shown().find((s) => s.key === key);
    if (!item?.dismissible) return;
    if (!(await this.audit('dismissed', { reason, findings: [item.finding] }))) return; // notice: audit-failed
    if (!this.state.dismiss(key)) return;
    this.paint();
    this.render();
  }

  // --- GateTarget --------------------------------------------------------------------------

  postButton(): HTMLElement | null {
    return this.env.adapter.findPostButton(this.editor);
  }

  currentText(): string {
    return this.module.read(this.editor).text;
  }

  decide(): Decision {
    // A post attempt reads the account afresh: a composer's own account switcher (Bluesky) may
    // have changed it within the last second, and the check must be the posting account's.
    this.handle = undefined;
    const decision = decidePost({
      draft: this.readDraft(),
      postButtonFound: this.postButton() !== null,
      postButtonOptional: this.env.adapter.quirks?.postButtonOptional === true,
      reply: this.reply,
      failure: this.failure,
      state: this.state,
    });
    if (decision.kind === 'fail-open' && decision.reason === 'post-button-missing') this.host.set({ notice: 'post-button-missing' });
    return decision;
  }

  flush(): Promise<unknown> {
    return this.loop.flush();
  }

  showChecking(): void {
    this.host.set({ gate: { phase: 'checking' } });
  }

  showHeld(d: Extract<Decision, { kind: 'hold' }>): void {
    this.host.set({ panelOpen: false, gate: { phase: 'held', reason: d.reason, findings: d.findings, allowOverride: d.allowOverride, minReason: MIN_OVERRIDE_REASON } });
  }

  hideGate(): void {
    this.host.set({ gate: undefined });
  }

  releaseRefused(refusal: ReleaseRefusal): void {
    const { gate, notice } = this.host.state;
    if (gate?.phase !== 'held') return;
    // The dialog says it where the user is looking; the generic "could not record" notice would repeat it.
    this.host.set({ gate: { ...gate, refusal }, notice: notice === 'audit-failed' ? undefined : notice });
  }

  failedOpen(reason: FailOpenReason, via: AttemptVia): void {
    this.host.set({ notice: reason === 'timeout' ? 'failed-open' : reason });
    void this.audit('released', { detail: { failOpen: reason, via } });
  }

  approvalContext(): { site: string; handle?: string; findings: Finding[] } {
    return { site: this.env.site, handle: this.readDraft().handle, findings: this.state.shown().map((s) => s.finding) };
  }

  async audit(kind: AuditEventInput['kind'], extra: { reason?: string; detail?: Record<string, unknown>; findings?: Finding[] } = {}): Promise<boolean> {
    const draft = this.readDraft();
    const current = this.reply && draftKey(this.reply.draft) === draftKey(draft) ? this.reply.value : undefined;
    try {
      const event = await buildAuditEvent(kind, {
        site: this.env.site,
        draft,
        account: this.reply?.value.account,
        findings: extra.findings ?? (current ? this.state.holding(current.findings, current.hold).findings : []),
        reason: extra.reason,
        detail: extra.detail,
      });
      await this.env.send({ type: 'recordAudit', event, text: draft.text });
      return true;
    } catch {
      this.host.set({ notice: 'audit-failed' });
      return false;
    }
  }
}
