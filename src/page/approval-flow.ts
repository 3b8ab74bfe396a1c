/**
 * The requester's side of approval in the page (issue 4), plugged into the gate through its
 * `kakunin:request-approval` event and `release()`: make (or reuse) a signed request for the
 * composer's exact text (with the other boxes its button posts: approvalText), show it with the
 * approvers, take the approval codes that come back, have the background verify them against the
 * text as it is now, and release the gate for exactly that text (any later edit re-arms it:
 * Gate.textChanged). The popup drives the same methods through popup-bridge.ts.
 */
import type { ReplyOf } from '../messaging/protocol';
import type { ApprovalInfo, ComposerState, PageReply, ReasonView } from '../messaging/page-protocol';
import type { Lang } from '../ui/i18n/lang';
import type { ApprovalPanelView } from '../ui/in-page/ApprovalPanel';
import { ApprovalHost } from './approval-host';
import type { GateTarget, Gate, RequestApprovalDetail } from './gate';

/** The background messages this module sends (through the light client). */
export interface ApprovalSend {
  (m: { type: 'getIdentity' }): Promise<ReplyOf<'getIdentity'>>;
  (m: { type: 'createIdentity'; name: string }): Promise<ReplyOf<'createIdentity'>>;
  (m: { type: 'createApprovalRequest'; text: string; context: { site: string; handle?: string } }): Promise<ReplyOf<'createApprovalRequest'>>;
  (m: { type: 'verifyApprovalCodes'; text: string; context: { site: string; handle?: string }; codes: string[]; requestCode?: string }): Promise<ReplyOf<'verifyApprovalCodes'>>;
}

/** What the flow needs of the page runtime: its gate and its composers (PageRuntime fits). */
export interface ApprovalRuntime {
  readonly gate: Gate;
  list(): GateTarget[];
}

export interface ApprovalFlowOptions {
  send: ApprovalSend;
  lang: Lang;
  signal: AbortSignal;
  doc?: Document;
  copy?: (text: string) => Promise<void>;
}

/** Codes as pasted: whitespace (mail clients wrap lines) dropped, split at each prefix. */
export function splitApprovalCodes(text: string): string[] {
  return text
    .replace(/\s+/g, '')
    .split(/(?=KKAPP1\.)/)
    .filter((c) => c !== '');
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class ApprovalFlow {
  private readonly made = new Map<number, { info: Omit<ApprovalInfo, 'stale'>; text: string }>();
  private host: ApprovalHost | undefined;
  private readonly doc: Document;

  constructor(private readonly runtime: ApprovalRuntime, private readonly options: ApprovalFlowOptions) {
    this.doc = options.doc ?? document;
    const { signal } = options;
    runtime.gate.events.addEventListener(
      'kakunin:request-approval',
      (e) => {
        e.preventDefault(); // taken: the gate shows no "unavailable" notice
        void this.openPanel((e as CustomEvent<RequestApprovalDetail>).detail.composerId);
      },
      { signal },
    );
    signal.addEventListener('abort', () => this.closePanel());
  }

  private target(id: number) {
    return this.runtime.list().find((c) => c.id === id);
  }

  /**
   * What one approval covers: the text of every box the composer's post button publishes (an X
   * thread, Mastodon's content warning and status), the blank ones left out, in page order, a
   * blank line between. For a lone composer, its text.
   */
  private approvalText(target: GateTarget, together = this.runtime.gate.postedTogether(target)): string {
    const texts = together.map((t) => t.currentText());
    const kept = texts.filter((t) => t.trim() !== '');
    return kept.length ? kept.join('\n\n') : target.currentText();
  }

  /** The approval state of a composer, for the popup. */
  approvalFor(id: number): ApprovalInfo | undefined {
    const made = this.made.get(id);
    const target = this.target(id);
    if (!made || !target) return undefined;
    return { ...made.info, stale: made.text !== this.approvalText(target) || made.info.expiresAt < Date.now() };
  }

  /** A request for the composer's current text: the existing one if it still applies, else a new one. */
  async request(id: number, options: { fresh?: boolean } = {}): Promise<PageReply<'requestApproval'>> {
    const target = this.target(id);
    if (!target) return { ok: false, error: 'composer gone', needIdentity: false };
    const existing = this.approvalFor(id);
    if (existing && !existing.stale && !options.fresh) return { ok: true, approval: existing };
    const text = this.approvalText(target);
    const { site, handle } = target.approvalContext();
    try {
      const { identity } = await this.options.send({ type: 'getIdentity' });
      if (!identity) return { ok: false, error: 'no key yet', needIdentity: true };
      const r = await this.options.send({ type: 'createApprovalRequest', text, context: { site, handle } });
      const info = { code: r.code, link: r.link, keyId: r.request.requester.keyId, expiresAt: r.request.expiresAt, approvers: r.approvers, required: r.required };
      this.made.set(id, { info, text });
      return { ok: true, approval: { ...info, stale: false } };
    } catch (e) {
      return { ok: false, error: errorText(e), needIdentity: false };
    }
  }

  /** Verifies pasted codes for the composer's text now; on success releases the gate for that text. */
  async verify(id: number, pasted: string): Promise<PageReply<'verifyApproval'>> {
    const target = this.target(id);
    const codes = splitApprovalCodes(pasted).slice(0, 20);
    if (!target || !codes.length) return { ok: false, reasons: [{ code: 'malformed', message: { ja: '承認コードが見つかりません。', en: 'No approval code found.' } }] };
    const together = this.runtime.gate.postedTogether(target);
    const text = this.approvalText(target, together);
    const { site, handle } = target.approvalContext();
    let reply: ReplyOf<'verifyApprovalCodes'>;
    try {
      reply = await this.options.send({ type: 'verifyApprovalCodes', text, context: { site, handle }, codes, requestCode: this.made.get(id)?.info.code });
    } catch (e) {
      return { ok: false, reasons: [{ code: 'unreachable', message: { ja: `確認できませんでした: ${errorText(e)}`, en: `Could not verify: ${errorText(e)}` } }] };
    }
    if (!reply.ok) return { ok: false, reasons: reply.reasons.map(({ code, message }): ReasonView => ({ code, message })) };
    if (this.approvalText(target) !== text) {
      // Edited while the background was verifying: the approval was for the text before.
      return { ok: false, reasons: [{ code: 'text-changed', message: { ja: '確認中に本文が変更されました。', en: 'The text changed while it was being verified.' } }] };
    }
    const approvers = reply.approvers.map(({ name, keyId }) => ({ name, keyId }));
    await this.runtime.gate.release(target, { by: 'approval', detail: { approvers: approvers.map((a) => `${a.name} (${a.keyId})`) }, together });
    return { ok: true, approvers };
  }

  /** For the popup: every composer's findings, hold state and approval. */
  composerStates(): ComposerState[] {
    return this.runtime.list().map((c) => {
      const ctx = c.approvalContext();
      const text = c.currentText();
      const released = this.runtime.gate.isReleased(c);
      const d = text.trim() === '' ? undefined : released ? ({ kind: 'pass' } as const) : c.decide();
      const approval = this.approvalFor(c.id);
      return {
        id: c.id,
        site: ctx.site,
        ...(ctx.handle ? { handle: ctx.handle } : {}),
        textLength: text.length,
        findings: ctx.findings,
        decision: d?.kind ?? 'empty',
        ...(d?.kind === 'hold' ? { holdReason: d.reason } : {}),
        released,
        ...(approval ? { approval } : {}),
      };
    });
  }

  // --- the in-page panel --------------------------------------------------------------------

  private async openPanel(id: number): Promise<void> {
    const target = this.target(id);
    if (!target) return;
    target.hideGate(); // the held attempt stays with the gate, to be replayed on release
    this.closePanel();
    this.host = new ApprovalHost(this.doc, id);
    await this.startRequest(id, false);
  }

  private async startRequest(id: number, fresh: boolean): Promise<void> {
    this.show(id, { phase: 'requesting' });
    const r = await this.request(id, { fresh });
    if (r.ok) this.show(id, { phase: 'requested', approval: r.approval });
    else this.show(id, r.needIdentity ? { phase: 'identity' } : { phase: 'error', error: r.error });
  }

  private show(id: number, view: Omit<ApprovalPanelView, 'lang'>): void {
    const target = this.target(id);
    if (!this.host || this.host.composerId !== id || !target) return;
    this.host.render(
      { lang: this.options.lang, ...view },
      {
        createIdentity: (name) =>
          void this.options
            .send({ type: 'createIdentity', name })
            .then(() => this.startRequest(id, false))
            .catch((e: unknown) => this.show(id, { phase: 'error', error: errorText(e) })),
        requestAgain: () => void this.startRequest(id, true),
        copy: (text) => (this.options.copy ?? ((t: string) => navigator.clipboard.writeText(t)))(text).then(() => true, () => false),
        verify: (codes) => void this.verifyFromPanel(id, codes),
        close: () => {
          this.closePanel();
          this.runtime.gate.cancel(target);
          target.editor.focus();
        },
      },
      target.editor.getBoundingClientRect(),
    );
  }

  private async verifyFromPanel(id: number, codes: string): Promise<void> {
    const approval = this.approvalFor(id);
    this.show(id, { phase: 'verifying', approval });
    const r = await this.verify(id, codes);
    if (r.ok) {
      this.show(id, { phase: 'released', approval });
      this.closePanel();
    } else this.show(id, { phase: 'requested', approval: this.approvalFor(id), reasons: r.reasons });
  }

  private closePanel(): void {
    this.host?.destroy();
    this.host = undefined;
  }
}
