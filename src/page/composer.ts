/**
 * One compose box on the page: reads its text (editor module), drives its check loop, keeps its
 * findings on the right words, draws them, renders its badge/cards/gate dialog, and answers the
 * gate's questions about it. Knows editors and the adapter interface, never a particular site.
 */
import type { Finding } from '../engine/finding';
import type { AuditEventInput, ReplyOf } from '../messaging/protocol';
import type { ComposerMatch, SiteAdapter } from '../sites/site-adapter';
import type { Lang } from '../ui/i18n/lang';
import type { ComposerActions, GateView, Notice } from '../ui/in-page/view';
import { hashText } from '../approval/text-hash';
import { CheckLoop, draftKey, type Draft, type Outcome } from './check-loop';
import { EDITORS } from './editors';
import type { EditorModule, EditorSnapshot } from './editors/types';
import { FindingsState, type HoldPolicy } from './findings-state';
import type { FrameScheduler } from './frame';
import { MIN_OVERRIDE_REASON, type AttemptVia, type Decision, type FailOpenReason, type Gate, type GateTarget } from './gate';
import type { Mark, Painter } from './paint/painter';
import { UiHost } from './ui-host';

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

/**
 * Underlines drawn per composer at most (cards are capped separately in ComposerUi). Chromium
 * repaints every highlight range of a text on each change: 300 ranges over a 20,000-character
 * Draft.js draft cost 100-170 ms per keystroke in `npm run bench:page`.
 */
const MAX_MARKS = 100;

function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
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
  private panelOpen = false;
  private gateView: GateView | undefined;
  private notice: Notice | undefined;
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
    this.host = new UiHost(this.editor.ownerDocument, this.id, env.site);
    this.actions = {
      togglePanel: (open) => this.update(() => (this.panelOpen = open ?? !this.panelOpen)),
      dismiss: (key, reason) => this.dismiss(key, reason),
      override: (reason) => env.gate.release(this, { by: 'override', reason }),
      requestApproval: () => {
        if (!env.gate.requestApproval(this)) this.update(() => (this.notice = 'approval-unavailable'));
      },
      closeGate: () => {
        env.gate.cancel(this);
        this.editor.focus();
      },
      clearNotice: () => this.update(() => (this.notice = undefined)),
    };
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
    if ('error' in outcome) {
      this.failure = outcome.draft;
      if (!this.notice) this.notice = 'unreachable';
    } else {
      this.failure = undefined;
      if (this.notice === 'unreachable') this.notice = undefined;
      this.reply = { draft: outcome.draft, value: outcome.result };
      this.state.apply(outcome.draft.text, outcome.result.findings);
    }
    // Draw now rather than next frame: the reply is what the user is waiting for.
    this.refresh();
    this.render();
  }

  private paint(): void {
    const snapshot = this.snapshot;
    if (!snapshot) return;
    const marks: Mark[] = [];
    for (const { finding } of this.state.shown().slice(0, MAX_MARKS)) {
      const range = snapshot.rangeFor(finding.start, finding.end);
      if (range) marks.push({ range, severity: finding.severity });
    }
    // Handing the browser new ranges repaints the whole text: skip it when nothing moved (most
    // frames of typing in a long draft, where the editor kept its text nodes).
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

  private update(change: () => void): void {
    change();
    this.render();
  }

  private render(): void {
    const { state, counts } = this.state.badge();
    const checking = this.reply === undefined ? this.state.currentText.trim() !== '' && !this.failure : this.reply.draft.text !== this.state.currentText;
    this.host.render(
      {
        lang: this.env.lang,
        state,
        counts,
        findings: this.state.shown(),
        checking: checking && !this.failure,
        unavailable: this.failure !== undefined,
        notice: this.notice,
        panelOpen: this.panelOpen,
        gate: this.gateView,
      },
      this.actions,
    );
  }

  private async dismiss(key: string, reason: string): Promise<void> {
    const finding = this.state.dismiss(key);
    if (!finding) return;
    this.paint();
    this.render();
    await this.audit('dismissed', { reason, findings: [finding] });
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
    const draft = this.readDraft();
    if (draft.text.trim() === '') return { kind: 'pass' };
    if (!this.env.adapter.quirks?.postButtonOptional && !this.postButton()) {
      this.update(() => (this.notice = 'post-button-missing'));
      return { kind: 'fail-open', reason: 'post-button-missing' };
    }
    const key = draftKey(draft);
    if (!this.reply || draftKey(this.reply.draft) !== key) {
      return this.failure && draftKey(this.failure) === key ? { kind: 'fail-open', reason: 'unreachable' } : { kind: 'pending' };
    }
    const { hold, findings } = this.reply.value;
    const holding = this.state.holding(findings, hold);
    if (!holding.held || hold.reason === null) return { kind: 'pass' };
    return { kind: 'hold', reason: hold.reason, findings: holding.findings, allowOverride: hold.allowOverride };
  }

  flush(): Promise<unknown> {
    return this.loop.flush();
  }

  showChecking(): void {
    this.update(() => (this.gateView = { phase: 'checking' }));
  }

  showHeld(d: Extract<Decision, { kind: 'hold' }>): void {
    this.update(() => {
      this.panelOpen = false;
      this.gateView = { phase: 'held', reason: d.reason, findings: d.findings, allowOverride: d.allowOverride, minReason: MIN_OVERRIDE_REASON };
    });
  }

  hideGate(): void {
    this.update(() => (this.gateView = undefined));
  }

  failedOpen(reason: FailOpenReason, via: AttemptVia): void {
    this.update(() => (this.notice = reason === 'post-button-missing' ? 'post-button-missing' : reason === 'unreachable' ? 'unreachable' : 'failed-open'));
    void this.audit('released', { detail: { failOpen: reason, via } });
  }

  approvalContext(): { site: string; handle?: string; findings: Finding[] } {
    return { site: this.env.site, handle: this.readDraft().handle, findings: this.state.shown().map((s) => s.finding) };
  }

  async audit(kind: AuditEventInput['kind'], extra: { reason?: string; detail?: Record<string, unknown>; findings?: Finding[] } = {}): Promise<boolean> {
    const draft = this.readDraft();
    const findings = extra.findings ?? (this.reply && draftKey(this.reply.draft) === draftKey(draft) ? this.state.holding(this.reply.value.findings, this.reply.value.hold).findings : []);
    try {
      const event: AuditEventInput = {
        kind,
        site: this.env.site,
        handle: draft.handle,
        account: this.reply?.value.account,
        textHash: await hashText(draft.text),
        findings: findings.map((f) => ({ rule: f.rule, category: f.category, severity: f.severity })),
        reason: extra.reason,
        detail: extra.detail,
      };
      await this.env.send({ type: 'recordAudit', event, text: draft.text });
      return true;
    } catch {
      this.update(() => (this.notice = 'audit-failed'));
      return false;
    }
  }
}
