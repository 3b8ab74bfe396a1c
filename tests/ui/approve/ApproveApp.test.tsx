// @vitest-environment happy-dom
// The approval page over the real background handlers (router + zod client), real keys and
// fakeBrowser storage: what the approver sees, what they can do, and the code they get.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApproveServices } from '../../../entrypoints/approve/services';
import type { StoredIdentity } from '../../../src/storage/identity';
import { ApproveApp } from '../../../src/ui/approve/ApproveApp';
import type { Lang } from '../../../src/ui/i18n/lang';
import { actAs, configure, currentIdentity, setup, type Harness } from '../../worker/approval-harness';

const DRAFT = '新商品、本日発売！\n満足度No.1を目指します #PR';
const CONTEXT = { site: 'x', handle: 'kakunin_corp' };
let h: Harness;
let requester: StoredIdentity;
let approver: StoredIdentity;
let copied: string[];

async function person(name: string) {
  await actAs(undefined);
  await h.send({ type: 'createIdentity', name });
  return currentIdentity();
}

async function requestLink(includeText = true) {
  await actAs(requester);
  const r = await h.send({ type: 'createApprovalRequest', text: DRAFT, context: CONTEXT, includeText });
  return r;
}

function renderPage(hash: string, lang: Lang = 'en') {
  const services = createApproveServices(h.transport, () => hash);
  services.copy = async (text) => void copied.push(text);
  return render(<ApproveApp services={services} lang={lang} />);
}

beforeEach(async () => {
  h = setup();
  copied = [];
  requester = await person('佐藤 広報');
  approver = await person('田中 部長');
  await configure({ approvers: [{ name: approver.name, publicKey: approver.publicKey }], accounts: [{ site: 'x', handle: 'kakunin_corp', kind: 'company' }] });
});
afterEach(cleanup);

describe('approval page', () => {
  it('shows who asks, where, until when, the exact text and findings checked now; approving gives a code that verifies', async () => {
    const req = await requestLink();
    await actAs(approver);
    renderPage(new URL(req.link).hash);
    expect(await screen.findByTestId('draft-text')).toHaveProperty('textContent', DRAFT);
    expect(screen.getByTestId('text-verified').textContent).toContain('matches the signed hash');
    expect(screen.getByTestId('requester').textContent).toContain('佐藤 広報');
    expect(screen.getByTestId('requester-key-id').textContent).toBe(req.request.requester.keyId);
    expect(screen.getByTestId('site').textContent).toBe('x');
    expect(screen.getByTestId('account').textContent).toBe('@kakunin_corp (company account)');
    expect(screen.getByTestId('expires').textContent).toMatch(/2026/);
    const group = document.querySelector('[data-category="compliance"]')!;
    expect(within(group as HTMLElement).getByRole('heading').textContent).toContain('Compliance');
    expect([...group.querySelectorAll('[data-rule]')].map((li) => li.getAttribute('data-rule'))).toEqual(['compliance/no1-claim', 'compliance/pr-tag']);

    // the decision form needs the approver's key too (getIdentity answers independently of the request)
    fireEvent.input(await screen.findByLabelText('Comment (optional, sent to the requester)'), { target: { value: '問題ありません' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const result = await screen.findByRole('heading', { name: 'Approved' });
    await waitFor(() => expect(document.activeElement).toBe(result)); // focus moves to the result
    const code = (screen.getByTestId('approval-code') as HTMLTextAreaElement).value;
    expect(code).toMatch(/^KKAPP1\.[\w-]+$/);
    const resultSection = result.closest('section')!;
    fireEvent.click(within(resultSection).getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(copied).toEqual([code]));
    expect(await within(resultSection).findByText('Copied')).toBeTruthy();

    await actAs(requester);
    expect(await h.send({ type: 'verifyApprovalCodes', text: DRAFT, context: CONTEXT, codes: [code] })).toMatchObject({
      ok: true,
      approvers: [{ name: '田中 部長', comment: '問題ありません' }],
    });
  });

  it('refuses self-approval with a clear message and offers no approve button', async () => {
    const req = await requestLink();
    await actAs(requester);
    renderPage(new URL(req.link).hash);
    expect((await screen.findByTestId('self')).textContent).toContain('Nobody can approve their own post');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('opened without a request (popup, options), offers the paste box; a link made under another extension id opens there', async () => {
    const req = await requestLink();
    // An unpacked install on the requester's machine has another id than this one.
    const foreign = req.link.replace(/^chrome-extension:\/\/[^/]+\//, 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/');
    expect(foreign).not.toBe(req.link);
    await actAs(approver);
    renderPage('');
    fireEvent.input(await screen.findByTestId('request-input'), { target: { value: foreign } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByTestId('draft-text')).textContent).toBe(DRAFT);
  });

  it('opens a pasted code, and explains a pasted approval code or garbage instead', async () => {
    const req = await requestLink();
    await actAs(approver);
    renderPage('');
    const box = await screen.findByTestId('request-input');
    fireEvent.input(box, { target: { value: 'KKAPP1.AAAA' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toContain('holds a different kind of code');
    fireEvent.input(screen.getByTestId('request-input'), { target: { value: `${req.code.slice(0, 40)}\n${req.code.slice(40, -5)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('could not be read'));
    // wrapped by a mail client: still opens
    fireEvent.input(screen.getByTestId('request-input'), { target: { value: `${req.code.slice(0, 40)}\n${req.code.slice(40)}` } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByTestId('draft-text')).toBeTruthy();
  });

  it("lets a new approver make their key on the page and shows the public key to send the admin", async () => {
    await actAs(undefined);
    renderPage('');
    fireEvent.input(await screen.findByLabelText('Your name (shown to approvers and requesters)'), { target: { value: '田中 部長' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create my key' }));
    const key = (await screen.findByTestId('own-public-key')) as HTMLInputElement;
    expect(key.value).toMatch(/^[\w-]{43}$/);
    expect(key.value).toBe((await currentIdentity()).publicKey);
    expect(screen.getByText('Show public key (for your administrator)')).toBeTruthy();
  });

  it('asks an approver without a key to create one first, then lets them decide (reject)', async () => {
    const req = await requestLink();
    await actAs(undefined);
    renderPage(new URL(req.link).hash);
    expect(await screen.findByText('To approve, first create your key.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    fireEvent.input(screen.getByLabelText('Your name (shown to approvers and requesters)'), { target: { value: '鈴木' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create my key' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Reject' }));
    expect(await screen.findByRole('heading', { name: 'Rejected' })).toBeTruthy();
    expect((screen.getByTestId('approval-code') as HTMLTextAreaElement).value).toMatch(/^KKAPP1\./);
    expect(screen.getByTestId('own-key-id').textContent).toMatch(/^[\w-]{11}$/);
  });

  it('warns when the request carries no text, and when it has expired (no decision possible)', async () => {
    const req = await requestLink(false);
    await actAs(approver);
    const view = renderPage(`#req=${req.code}`);
    expect((await screen.findByTestId('no-text')).textContent).toContain('does not include the text');
    expect(screen.getByTestId('summary').textContent).toContain('Compliance');
    view.unmount();
    h.clock.now += 25 * 3_600_000;
    renderPage(`#req=${req.code}`);
    expect((await screen.findByTestId('expired')).textContent).toContain('expired');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('speaks Japanese', async () => {
    const req = await requestLink();
    await actAs(approver);
    renderPage(new URL(req.link).hash, 'ja');
    expect(await screen.findByRole('button', { name: '承認する' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '差し戻す' })).toBeTruthy();
    expect(screen.getByTestId('account').textContent).toBe('@kakunin_corp (会社アカウント)');
    expect(screen.getByText('投稿する本文 (この通りに投稿されます)')).toBeTruthy();
  });
});
