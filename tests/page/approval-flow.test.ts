// @vitest-environment happy-dom
// The requester's side of approval in the page, on the real runtime and gate over an X-shaped
// DOM, with the background's real approval handlers and keys behind the content scripts' light
// client: held post → request (key made in place) → an approver's code pasted → verified →
// the held post replayed for exactly that text; edits, wrong codes and the popup bridge.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Finding } from '../../src/engine/finding';
import { createLightClient } from '../../src/messaging/light-client';
import type { PageReply } from '../../src/messaging/page-protocol';
import type { Request } from '../../src/messaging/protocol';
import { ApprovalFlow, splitApprovalCodes, type ApprovalSend } from '../../src/page/approval-flow';
import type { Send } from '../../src/page/composer';
import { answerPopup } from '../../src/page/popup-bridge';
import { PageRuntime } from '../../src/page/runtime';
import { x } from '../../src/sites/x';
import type { StoredIdentity } from '../../src/storage/identity';
import { actAs, configure, currentIdentity, setup, type Harness } from '../worker/approval-harness';

const DRAFT = '新発売の黒豆茶、満足度No.1!';
let h: Harness;
let approver: StoredIdentity;
let requester: StoredIdentity | undefined;
let controller: AbortController;
let runtime: PageRuntime;
let flow: ApprovalFlow;
let posted: string[];
let audits: Array<{ kind: string; detail?: Record<string, unknown> }>;

/** The content script's client: checks and audit answered here, approval by the real handlers. */
function pageSend() {
  return createLightClient(async (m: Request) => {
    if (m.type === 'recordAudit') {
      audits.push(m.event);
      return { ok: true, value: { id: audits.length } };
    }
    if (m.type === 'checkDraft') {
      const i = m.text.indexOf('黒豆茶');
      const findings: Finding[] = i < 0 ? [] : [{ category: 'compliance', severity: 'block', start: i, end: i + 3, text: '黒豆茶', rule: 'compliance/e2e', message: { ja: 'だめ', en: 'no' } }];
      return { ok: true, value: { findings, account: 'company', hold: { held: i >= 0, reason: i >= 0 ? 'findings' : null, allowOverride: true } } };
    }
    if (requester) await actAs(requester); // the page runs in the requester's browser
    return h.transport(m, { url: 'https://x.com/home', tab: { id: 7 } }); // from a content script
  });
}

const editor = () => document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
const gateHost = () => document.querySelector('kakunin-composer')!;
const panel = () => document.querySelector('kakunin-approval');
const inPanel = <E extends Element>(sel: string) => panel()!.shadowRoot!.querySelector<E & HTMLElement>(sel)!;

function typeText(text: string) {
  editor().querySelector('[data-text]')!.textContent = text;
  editor().dispatchEvent(new InputEvent('input', { bubbles: true }));
}

/** Types into a field of the panel and lets Preact render the new state. */
async function fill(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
}

async function holdPost() {
  typeText(DRAFT);
  await vi.waitFor(() => expect(gateHost().getAttribute('data-kakunin-state')).toBe('block'));
  document.querySelector<HTMLElement>('[data-testid="tweetButtonInline"]')!.click();
  await vi.waitFor(() => expect(gateHost().getAttribute('data-kakunin-gate')).toBe('held'));
  expect(posted).toEqual([]);
}

async function approverCode(link: string, decision: 'approve' | 'reject' = 'approve') {
  await actAs(approver);
  const r = await h.send({ type: 'decideApproval', input: link, decision });
  if (!r.ok) throw new Error(r.reason.message.en);
  return r.code;
}

beforeEach(async () => {
  h = setup(Date.now()); // the page compares expiry with the real clock
  await actAs(undefined);
  await h.send({ type: 'createIdentity', name: '田中 部長' });
  approver = await currentIdentity();
  await actAs(undefined);
  requester = undefined;
  await configure({ approvers: [{ name: approver.name, publicKey: approver.publicKey }] });
  posted = [];
  audits = [];
  document.body.innerHTML = `<header><button data-testid="SideNav_AccountSwitcher_Button">@kakunin_jp</button></header>
    <div class="home"><div class="public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0"><div data-contents="true">
      <div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true"></span></span></div></div></div></div>
    <div data-testid="toolBar"><button data-testid="tweetButtonInline">ポストする</button></div></div>`;
  document.querySelector('[data-testid="tweetButtonInline"]')!.addEventListener('click', () => posted.push(editor().textContent!.trim()));
  controller = new AbortController();
  const send = pageSend();
  runtime = new PageRuntime({ adapter: x, send: send as Send, policy: { holdAt: 'block', allowOverride: true }, lang: 'en', signal: controller.signal, debounceMs: 20 });
  flow = new ApprovalFlow(runtime, { send: send as ApprovalSend, lang: 'en', signal: controller.signal, copy: async () => undefined });
});
afterEach(() => controller.abort());

describe('approval in the page', () => {
  it('held post → request (making the key in place) → approver code pasted → the held post goes out', async () => {
    await holdPost();
    gateHost().shadowRoot!.querySelector<HTMLElement>('[data-action="request-approval"]')!.click();
    await vi.waitFor(() => expect(panel()?.getAttribute('data-phase')).toBe('identity'));
    expect(gateHost().hasAttribute('data-kakunin-gate')).toBe(false); // the dialog gave way to the panel
    await vi.waitFor(() => expect(panel()!.shadowRoot!.activeElement).toBe(inPanel('input'))); // keyboard focus follows
    await fill(inPanel('input'), '佐藤 広報');
    inPanel<HTMLFormElement>('form').requestSubmit();
    await vi.waitFor(() => expect(panel()?.getAttribute('data-phase')).toBe('requested'));
    requester = await currentIdentity();
    expect(requester.name).toBe('佐藤 広報');

    await vi.waitFor(() => expect(panel()!.shadowRoot!.activeElement?.textContent).toBe('Copy')); // the link's Copy button
    const link = inPanel<HTMLInputElement>('input[data-approval="link"]').value;
    expect(link).toMatch(/approve\.html#req=KKREQ1\./);
    expect(inPanel<HTMLInputElement>('input[data-approval="code"]').value).toMatch(/^KKREQ1\./);
    expect(inPanel('[data-approval="request"]').textContent).toContain('田中 部長');

    const code = await approverCode(link);
    // pasted as a chat app might: wrapped, with a trailing newline
    await fill(inPanel('textarea[data-approval="codes"]'), `${code.slice(0, 50)}\n${code.slice(50)}\n`);
    inPanel<HTMLFormElement>('[data-approval="request"] form').requestSubmit();
    await vi.waitFor(() => expect(posted).toEqual([DRAFT]));
    expect(panel()).toBeNull();
    expect(audits.map((a) => a.kind)).toEqual(['held', 'released']);
    expect(audits[1]!.detail).toMatchObject({ by: 'approval', approvers: [expect.stringContaining('田中 部長')] });
    expect(runtime.gate.isReleased(runtime.list()[0]!)).toBe(true);

    // any edit re-arms the gate
    typeText(`${DRAFT}!`);
    expect(runtime.gate.isReleased(runtime.list()[0]!)).toBe(false);
  });

  it('an edit after approval is refused with its reason, and nothing is posted', async () => {
    requester = undefined;
    await actAs(undefined);
    await h.send({ type: 'createIdentity', name: '佐藤 広報' });
    requester = await currentIdentity();
    await holdPost();
    gateHost().shadowRoot!.querySelector<HTMLElement>('[data-action="request-approval"]')!.click();
    await vi.waitFor(() => expect(panel()?.getAttribute('data-phase')).toBe('requested'));
    const code = await approverCode(inPanel<HTMLInputElement>('input[data-approval="link"]').value);
    typeText(DRAFT.replace('No.1', 'No.2'));
    await vi.waitFor(() => expect(flow.approvalFor(runtime.list()[0]!.id)?.stale).toBe(true));
    await fill(inPanel('textarea[data-approval="codes"]'), code);
    inPanel<HTMLFormElement>('[data-approval="request"] form').requestSubmit();
    await vi.waitFor(() => expect(inPanel('[data-approval="reasons"]')).not.toBeNull());
    expect(inPanel('[data-reason="text-changed"]').textContent).toContain('changed after approval');
    expect(posted).toEqual([]);
    expect(runtime.gate.isReleased(runtime.list()[0]!)).toBe(false);
  });

  it('a thread is approved as one: the request carries every box, one code releases them all, the post goes out once', async () => {
    requester = undefined;
    await actAs(undefined);
    await h.send({ type: 'createIdentity', name: '佐藤 広報' });
    requester = await currentIdentity();
    // a second box in the same composer, posted by the same button (X's "Post all")
    editor().insertAdjacentHTML(
      'afterend',
      `<div class="public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_1"><div data-contents="true">
        <div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true"></span></span></div></div></div></div>`,
    );
    const second = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_1"]')!;
    const SECOND = '続き:黒豆茶は本日まで';
    second.querySelector('[data-text]')!.textContent = SECOND;
    second.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await vi.waitFor(() => expect(runtime.list()).toHaveLength(2));
    await vi.waitFor(() => expect(document.querySelectorAll('kakunin-composer[data-kakunin-state="block"]')).toHaveLength(1));
    await holdPost();
    await vi.waitFor(() => expect(document.querySelectorAll('kakunin-composer[data-kakunin-state="block"]')).toHaveLength(2));
    const [first, other] = runtime.list();
    expect(runtime.gate.postedTogether(other!)).toEqual([first, other]);

    gateHost().shadowRoot!.querySelector<HTMLElement>('[data-action="request-approval"]')!.click();
    await vi.waitFor(() => expect(panel()?.getAttribute('data-phase')).toBe('requested'));
    const link = inPanel<HTMLInputElement>('input[data-approval="link"]').value;
    // what the approver is shown: both boxes, in page order
    await actAs(approver);
    const opened = await h.send({ type: 'openApprovalRequest', input: link });
    expect(opened).toMatchObject({ ok: true, text: `${DRAFT}\n\n${SECOND}` });
    const code = await approverCode(link);
    await fill(inPanel('textarea[data-approval="codes"]'), code);
    inPanel<HTMLFormElement>('[data-approval="request"] form').requestSubmit();
    await vi.waitFor(() => expect(posted).toEqual([DRAFT]));
    expect(runtime.gate.isReleased(first!)).toBe(true);
    expect(runtime.gate.isReleased(other!)).toBe(true);
    // an edit of either box re-arms the gate for that box
    second.querySelector('[data-text]')!.textContent = `${SECOND}!`;
    second.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await vi.waitFor(() => expect(runtime.gate.isReleased(other!)).toBe(false));
    expect(flow.approvalFor(first!.id)?.stale).toBe(true);
  });

  it('closing the panel drops the held attempt and returns to the editor', async () => {
    await holdPost();
    gateHost().shadowRoot!.querySelector<HTMLElement>('[data-action="request-approval"]')!.click();
    await vi.waitFor(() => expect(panel()).not.toBeNull());
    inPanel('[data-approval="close"]').click();
    expect(panel()).toBeNull();
    expect(document.activeElement).toBe(editor());
  });
});

describe('popup bridge', () => {
  it('answers state, request and verify for the popup; verification releases without a held click', async () => {
    requester = undefined;
    await actAs(undefined);
    await h.send({ type: 'createIdentity', name: '佐藤 広報' });
    requester = await currentIdentity();
    answerPopup(flow, 'x', controller.signal);
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    const ask = async <K extends 'pageState' | 'requestApproval' | 'verifyApproval'>(message: unknown): Promise<PageReply<K>> => {
      let reply: unknown;
      const results = await trigger(message, {}, (r: unknown) => (reply = r));
      expect(results).toContain(true); // answered asynchronously
      await vi.waitFor(() => expect(reply).toBeDefined());
      return reply as PageReply<K>;
    };
    typeText(DRAFT);
    await vi.waitFor(() => expect(gateHost().getAttribute('data-kakunin-state')).toBe('block'));
    const state = await ask<'pageState'>({ kakunin: 'pageState' });
    expect(state.site).toBe('x');
    expect(state.composers).toHaveLength(1);
    expect(state.composers[0]).toMatchObject({ handle: 'kakunin_jp', decision: 'hold', holdReason: 'findings', released: false, textLength: DRAFT.length });
    expect(state.composers[0]!.findings.map((f) => f.rule)).toEqual(['compliance/e2e']);

    const id = state.composers[0]!.id;
    const req = await ask<'requestApproval'>({ kakunin: 'requestApproval', composerId: id });
    if (!req.ok) throw new Error(req.error);
    // asking again for the same text reuses the request
    expect(await ask<'requestApproval'>({ kakunin: 'requestApproval', composerId: id })).toEqual(req);
    const wrong = await ask<'verifyApproval'>({ kakunin: 'verifyApproval', composerId: id, codes: 'KKAPP1.garbage' });
    expect(wrong).toMatchObject({ ok: false, reasons: [{ code: 'malformed' }, { code: 'not-enough-approvers' }] });

    const code = await approverCode(req.approval.link);
    expect(await ask<'verifyApproval'>({ kakunin: 'verifyApproval', composerId: id, codes: code })).toEqual({ ok: true, approvers: [{ name: '田中 部長', keyId: expect.any(String) }] });
    expect((await ask<'pageState'>({ kakunin: 'pageState' })).composers[0]).toMatchObject({ released: true, decision: 'pass', approval: { stale: false } });
    document.querySelector<HTMLElement>('[data-testid="tweetButtonInline"]')!.click();
    expect(posted).toEqual([DRAFT]);
    expect(await trigger({ type: 'checkDraft' }, {}, () => undefined)).toEqual([undefined]); // not ours
  });
});

it('splits pasted codes at each prefix, across any whitespace', () => {
  expect(splitApprovalCodes(' KKAPP1.ab\ncd KKAPP1.ef\r\n\tgh ')).toEqual(['KKAPP1.abcd', 'KKAPP1.efgh']);
  expect(splitApprovalCodes('junkKKAPP1.x')).toEqual(['junk', 'KKAPP1.x']);
  expect(splitApprovalCodes('  ')).toEqual([]);
});
