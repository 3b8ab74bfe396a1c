// @vitest-environment happy-dom
// The toolbar popup over a real page runtime (X-shaped DOM, gate, approval flow, popup bridge)
// and the background's real approval handlers: findings by category, the checklist, hold state,
// request approval and enter the approver's code until the post is released.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupServices } from '../../../entrypoints/popup/services';
import type { Finding } from '../../../src/engine/finding';
import { createLightClient } from '../../../src/messaging/light-client';
import type { PageMessage } from '../../../src/messaging/page-protocol';
import type { Request } from '../../../src/messaging/protocol';
import { ApprovalFlow, type ApprovalSend } from '../../../src/page/approval-flow';
import type { Send } from '../../../src/page/composer';
import { answerPopup } from '../../../src/page/popup-bridge';
import { PageRuntime } from '../../../src/page/runtime';
import { x } from '../../../src/sites/x';
import type { StoredIdentity } from '../../../src/storage/identity';
import type { Lang } from '../../../src/ui/i18n/lang';
import { PopupApp } from '../../../src/ui/popup/PopupApp';
import { actAs, configure, currentIdentity, setup, type Harness } from '../../worker/approval-harness';

const DRAFT = '新発売の黒豆茶、満足度No.1! 個人情報も';
let h: Harness;
let approver: StoredIdentity;
let requester: StoredIdentity | undefined;
let controller: AbortController;
let posted: string[];

/** The requester's browser: background calls run with their key. */
const asRequester = (m: Request) => (requester ? actAs(requester) : actAs(undefined)).then(() => h.transport(m));

function findingsFor(text: string): Finding[] {
  const out: Finding[] = [];
  const add = (word: string, category: Finding['category'], severity: Finding['severity']) => {
    const i = text.indexOf(word);
    if (i >= 0) out.push({ category, severity, start: i, end: i + word.length, text: word, rule: `${category}/e2e-${severity}`, message: { ja: `${word}は注意`, en: `${word} flagged` } });
  };
  add('黒豆茶', 'compliance', 'block');
  add('No.1', 'compliance', 'warn');
  add('個人情報', 'privacy', 'info');
  return out;
}

function startPage() {
  document.body.innerHTML = `<header><button data-testid="SideNav_AccountSwitcher_Button">@kakunin_jp</button></header>
    <div class="home"><div class="public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0"><div data-contents="true">
      <div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true"></span></span></div></div></div></div>
    <div data-testid="toolBar"><button data-testid="tweetButtonInline">ポストする</button></div></div>`;
  document.querySelector('[data-testid="tweetButtonInline"]')!.addEventListener('click', () => posted.push(document.querySelector('[data-text]')!.textContent!));
  const send = createLightClient(async (m: Request) => {
    if (m.type === 'recordAudit') return { ok: true, value: { id: 1 } };
    if (m.type === 'checkDraft') {
      const findings = findingsFor(m.text);
      const held = findings.some((f) => f.severity === 'block');
      return { ok: true, value: { findings, account: 'company', hold: { held, reason: held ? 'findings' : null, allowOverride: true } } };
    }
    return (requester ? actAs(requester) : actAs(undefined)).then(() => h.transport(m, { url: 'https://x.com/home', tab: { id: 7 } }));
  });
  const runtime = new PageRuntime({ adapter: x, send: send as Send, policy: { holdAt: 'block', allowOverride: true }, lang: 'en', signal: controller.signal, debounceMs: 10 });
  answerPopup(new ApprovalFlow(runtime, { send: send as ApprovalSend, lang: 'en', signal: controller.signal }), 'x', controller.signal);
  return runtime;
}

async function typeDraft(text: string) {
  const editor = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
  editor.querySelector('[data-text]')!.textContent = text;
  editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
  await vi.waitFor(() => expect(document.querySelector('kakunin-composer')?.getAttribute('data-kakunin-state')).toBe(findingsFor(text).length ? 'block' : 'ok'));
}

/** tabs.sendMessage to the content script, as Chrome delivers it: through runtime.onMessage. */
const pageTransport = (message: PageMessage) =>
  new Promise<unknown>((resolve) => void (fakeBrowser.runtime.onMessage.trigger as (...a: unknown[]) => Promise<unknown>)(message, {}, resolve));

function renderPopup(lang: Lang = 'en', page = pageTransport) {
  const services = createPopupServices(asRequester, page);
  services.copy = async () => undefined;
  return render(<PopupApp services={services} lang={lang} />);
}

beforeEach(async () => {
  h = setup(Date.now());
  await actAs(undefined);
  await h.send({ type: 'createIdentity', name: '田中 部長' });
  approver = await currentIdentity();
  await actAs(undefined);
  await h.send({ type: 'createIdentity', name: '佐藤 広報' });
  requester = await currentIdentity();
  await configure({
    approvers: [{ name: approver.name, publicKey: approver.publicKey }],
    checklist: [
      { id: 'purpose', ja: '目的', en: 'Clear purpose' },
      { id: 'disclosure', ja: 'PR表記', en: 'Ad/PR disclosed' },
    ],
  });
  posted = [];
  controller = new AbortController();
});
afterEach(() => {
  cleanup();
  controller.abort();
});

describe('popup', () => {
  it('opens this install\'s approval page in a new tab, from any tab', async () => {
    const opened: string[] = [];
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (props) => {
      opened.push(props.url ?? '');
      return { id: 2 } as Awaited<ReturnType<typeof fakeBrowser.tabs.create>>;
    });
    renderPopup('ja', async () => undefined); // not a supported site
    expect(await screen.findByTestId('not-here')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '承認ページを開く' }));
    expect(opened).toEqual([fakeBrowser.runtime.getURL('/approve.html')]);
    expect(opened[0]).toMatch(/^chrome-extension:\/\/[^/]+\/approve\.html$/);
    create.mockRestore();
  });

  it('shows the held draft\'s findings by category and the checklist; ticks survive reopening', async () => {
    startPage();
    await typeDraft(DRAFT);
    const view = renderPopup();
    expect((await screen.findByTestId('status')).textContent).toBe('Held: wording to fix before posting.');
    const groups = [...document.querySelectorAll('[data-category]')];
    expect(groups.map((g) => g.getAttribute('data-category'))).toEqual(['compliance', 'privacy']); // most severe first
    expect(within(groups[0] as HTMLElement).getByRole('heading').textContent).toContain('Compliance');
    expect(within(groups[0] as HTMLElement).getAllByRole('listitem').map((li) => li.getAttribute('data-rule'))).toEqual(['compliance/e2e-block', 'compliance/e2e-warn']);

    const box = screen.getByRole('checkbox', { name: 'Ad/PR disclosed' });
    expect(screen.getByText(/0\/2 checked/)).toBeTruthy();
    fireEvent.click(box);
    await waitFor(() => expect(screen.getByText(/1\/2 checked/)).toBeTruthy());
    view.unmount();
    renderPopup();
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Ad/PR disclosed' }) as HTMLInputElement).checked).toBe(true));
    expect((screen.getByRole('checkbox', { name: 'Clear purpose' }) as HTMLInputElement).checked).toBe(false);
  });

  it('requests approval, refuses a wrong code with its reason, accepts the approver\'s code and releases the post', async () => {
    startPage();
    await typeDraft(DRAFT);
    renderPopup();
    fireEvent.click(await screen.findByRole('button', { name: 'Request approval' }));
    const link = (await screen.findByTestId('request-link')) as HTMLInputElement;
    expect(link.value).toMatch(/approve\.html#req=KKREQ1\./);
    expect(screen.getByTestId('approval-request').textContent).toContain('田中 部長');

    await actAs(approver);
    const decided = await h.send({ type: 'decideApproval', input: link.value, decision: 'approve' });
    if (!decided.ok) throw new Error('not approved');

    fireEvent.input(screen.getByTestId('approval-codes'), { target: { value: decided.code.slice(0, -4) } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/could not be read|invalid signature/);
    expect(posted).toEqual([]);

    fireEvent.input(screen.getByTestId('approval-codes'), { target: { value: decided.code } });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    expect((await screen.findByTestId('verified')).textContent).toContain('田中 部長');
    await waitFor(() => expect(screen.getByTestId('status').textContent).toContain('Released for this exact text'));
    document.querySelector<HTMLElement>('[data-testid="tweetButtonInline"]')!.click();
    expect(posted).toEqual([DRAFT]);
  });

  it('says when the tab has no Kakunin or no compose box, and asks for a key first', async () => {
    requester = undefined;
    renderPopup('en', async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await screen.findByTestId('not-here')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Create my key' })).toBeTruthy();
    cleanup();
    startPage();
    document.querySelector('.home')!.remove();
    await new Promise((r) => setTimeout(r, 50));
    renderPopup('en', async () => ({ site: 'x', composers: [] }));
    expect(await screen.findByTestId('no-composer')).toBeTruthy();
  });

  it('says loudly when the policy asks for more approvals than there are approvers, and asks for all of them', async () => {
    await configure({ approvers: [{ name: approver.name, publicKey: approver.publicKey }], policy: { requiredApprovals: 3 } });
    startPage();
    await typeDraft(DRAFT);
    renderPopup();
    expect((await screen.findByTestId('policy-issue')).textContent).toBe('The policy asks for 3 approvals but only 1 approver is listed: for now every listed approver (1) must approve. Ask an administrator to fix the settings.');
    expect(screen.getByTestId('policy-issue').getAttribute('role')).toBe('alert');
    fireEvent.click(await screen.findByRole('button', { name: 'Request approval' }));
    expect((await screen.findByTestId('approval-request')).textContent).toContain('Approvals needed: 1');
  });

  it('speaks Japanese and works from the keyboard (native controls, labelled)', async () => {
    startPage();
    await typeDraft('新発売の黒豆茶');
    renderPopup('ja');
    expect((await screen.findByTestId('status')).textContent).toBe('保留中: 投稿前に直すべき表現があります。');
    expect(screen.getByRole('button', { name: '承認を依頼' }).tagName).toBe('BUTTON');
    expect(screen.getByRole('checkbox', { name: '目的' })).toBeTruthy();
    expect(screen.getByLabelText('届いた承認コードを貼り付け (複数可)').tagName).toBe('TEXTAREA');
    expect(screen.getByText('投稿前チェックリスト', { exact: false })).toBeTruthy();
  });
});
