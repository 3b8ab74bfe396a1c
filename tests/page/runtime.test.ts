// @vitest-environment happy-dom
// The page runtime wired together on an X-shaped Draft.js DOM, with a fake background: events in
// the capture phase reach the right composer, nothing is sent mid-composition, results reach the
// badge host's attributes, and the held post never reaches the site's handler.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/engine/finding';
import type { Send } from '../../src/page/composer';
import { PageRuntime } from '../../src/page/runtime';
import { x } from '../../src/sites/x';

const composerHtml = (area: string, button: string) => `
  <div class="${area}"><div data-testid="tweetTextarea_0RichTextInputContainer">
    <div class="public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0"><div data-contents="true">
      <div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true"></span></span></div></div>
    </div></div></div>
    <div data-testid="toolBar"><button data-testid="${button}"><span>ポストする</span></button></div>
  </div>`;

let controller: AbortController;
let sent: string[];
let audits: string[];
let posted: string[];
let runtime: PageRuntime;
/** audit kinds the background fails to write (IndexedDB error, or refused) */
let failing: Set<string>;
/** allowOverride in the background's answers */
let allowOverride: boolean;

function fakeSend(): Send {
  return (async (m: { type: string; text?: string; event?: { kind: string } }) => {
    if (m.type === 'recordAudit') {
      if (failing.has(m.event!.kind)) throw new Error('audit write failed');
      audits.push(m.event!.kind);
      return { id: audits.length };
    }
    const text = m.text ?? '';
    sent.push(text);
    const findings: Finding[] = [];
    const i = text.indexOf('黒豆茶');
    if (i >= 0) findings.push({ category: 'compliance', severity: 'block', start: i, end: i + 3, text: '黒豆茶', rule: 'compliance/e2e', message: { ja: 'だめ', en: 'no' } });
    return { findings, account: 'company', hold: { held: findings.length > 0, reason: findings.length ? 'findings' : null, allowOverride } };
  }) as Send;
}

const editorOf = (area: string) => document.querySelector<HTMLElement>(`.${area} [data-testid="tweetTextarea_0"]`)!;
/** Composer ids count up per page (per content script); hosts are in discovery order. */
const hostOf = (n: number) => document.querySelectorAll('kakunin-composer')[n - 1]!;

/** What a browser does for one keystroke or IME step: the DOM changes, then `input` fires. */
function typeInto(area: string, text: string, composing = false) {
  const editor = editorOf(area);
  editor.querySelector('[data-text]')!.textContent = text;
  editor.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: composing }));
}

beforeEach(() => {
  sent = [];
  audits = [];
  failing = new Set();
  allowOverride = true;
  posted = [];
  document.body.innerHTML = `<header><button data-testid="SideNav_AccountSwitcher_Button">@kakunin_jp</button></header>
    ${composerHtml('home', 'tweetButtonInline')}${composerHtml('modal', 'tweetButton')}`;
  for (const area of ['home', 'modal']) {
    document.querySelector(`.${area} button`)!.addEventListener('click', () => posted.push(area));
  }
  controller = new AbortController();
  runtime = new PageRuntime({ adapter: x, send: fakeSend(), policy: { holdAt: 'block', allowOverride: true }, lang: 'ja', signal: controller.signal, debounceMs: 50 });
});
afterEach(() => controller.abort());

describe('PageRuntime', () => {
  it('finds both composers and puts one host per composer on <body>, outside the editors', () => {
    expect(runtime.list().map((c) => c.editor)).toEqual([editorOf('home'), editorOf('modal')]);
    const hosts = [...document.querySelectorAll('kakunin-composer')];
    expect(hosts.map((h) => h.parentElement)).toEqual([document.body, document.body]);
    expect(hosts.every((h) => !editorOf('home').contains(h) && !editorOf('modal').contains(h))).toBe(true);
  });

  it('sends nothing while an IME composes, then the committed text on compositionend', async () => {
    const editor = editorOf('home');
    editor.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    typeInto('home', 'くろ', true);
    await new Promise((r) => setTimeout(r, 150));
    typeInto('home', 'くろまめちゃ', true);
    await new Promise((r) => setTimeout(r, 150));
    expect(sent).toEqual([]);
    editor.querySelector('[data-text]')!.textContent = '黒豆茶';
    editor.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '黒豆茶' }));
    await vi.waitFor(() => expect(sent).toEqual(['黒豆茶']));
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('block'));
    expect(hostOf(1).getAttribute('data-kakunin-count')).toBe('1');
    expect(hostOf(2).getAttribute('data-kakunin-state')).toBe('ok');
  });

  it('holds the held composer\'s post and lets the other composer post', async () => {
    typeInto('home', '黒豆茶です');
    typeInto('modal', 'ほうじ茶です');
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('block'));
    await vi.waitFor(() => expect(sent).toContain('ほうじ茶です'));
    document.querySelector<HTMLElement>('.home button span')!.click();
    document.querySelector<HTMLElement>('.modal button span')!.click();
    expect(posted).toEqual(['modal']);
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-gate')).toBe('held'));
    await vi.waitFor(() => expect(audits).toEqual(['held']));
    // The dialog is in the host's shadow root, with the override path.
    expect(hostOf(1).shadowRoot!.querySelector('[data-action="override"]')).not.toBeNull();
    await runtime.gate.release(runtime.list()[0]!, { by: 'override', reason: 'テスト用の理由' });
    expect(posted).toEqual(['modal', 'home']);
    expect(audits).toEqual(['held', 'override']);
  });

  it('keeps the post held and says so in the dialog when the override could not be logged', async () => {
    typeInto('home', '黒豆茶です');
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('block'));
    document.querySelector<HTMLElement>('.home button span')!.click();
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-gate')).toBe('held'));
    failing.add('override');
    const root = hostOf(1).shadowRoot!;
    root.querySelector<HTMLElement>('[data-action="override"]')!.click();
    await vi.waitFor(() => expect(root.querySelector('textarea.reason')).not.toBeNull());
    const reason = root.querySelector<HTMLTextAreaElement>('textarea.reason')!;
    reason.value = '誤検知のため投稿します';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    root.querySelector<HTMLFormElement>('form.reason-form')!.requestSubmit();
    await vi.waitFor(() => expect(root.querySelector('[role="alert"][data-refusal]')).not.toBeNull());
    const alert = root.querySelector<HTMLElement>('[data-refusal]')!;
    expect(alert.getAttribute('data-refusal')).toBe('audit-failed');
    expect(alert.textContent).toContain('監査ログに記録できなかった');
    expect(hostOf(1).getAttribute('data-kakunin-gate')).toBe('held');
    expect(posted).toEqual([]);
    expect(audits).toEqual(['held']);
    // The log works again: the same dialog posts, and the override is on the record.
    failing.clear();
    root.querySelector<HTMLFormElement>('form.reason-form')!.requestSubmit();
    await vi.waitFor(() => expect(posted).toEqual(['home']));
    expect(audits).toEqual(['held', 'override']);
  });

  it('refuses an override the policy forbids even when asked directly, with the reason in the dialog', async () => {
    allowOverride = false;
    typeInto('home', '黒豆茶です');
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('block'));
    document.querySelector<HTMLElement>('.home button span')!.click();
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-gate')).toBe('held'));
    await vi.waitFor(() => expect(audits).toEqual(['held']));
    const root = hostOf(1).shadowRoot!;
    expect(root.querySelector('[data-action="override"]')).toBeNull();
    expect(await runtime.gate.release(runtime.list()[0]!, { by: 'override', reason: 'テスト用の理由' })).toEqual({ released: false, refusal: 'override-not-allowed' });
    expect(root.querySelector('[data-refusal]')!.textContent).toContain('管理者の設定により');
    expect(posted).toEqual([]);
    expect(audits).toEqual(['held']);
  });

  it('dismisses a finding that holds the post only once the dismissal is on the record', async () => {
    typeInto('home', '黒豆茶です');
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('block'));
    const root = hostOf(1).shadowRoot!;
    root.querySelector<HTMLElement>('button.badge')!.click();
    await vi.waitFor(() => expect(root.querySelector('.card[data-rule="compliance/e2e"] button')).not.toBeNull());
    root.querySelector<HTMLElement>('.card[data-rule="compliance/e2e"] button')!.click();
    await vi.waitFor(() => expect(root.querySelector('textarea.reason')).not.toBeNull());
    const reason = root.querySelector<HTMLTextAreaElement>('textarea.reason')!;
    reason.value = '商品名なので問題なし';
    reason.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    failing.add('dismissed');
    root.querySelector<HTMLFormElement>('form.reason-form')!.requestSubmit();
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-notice')).toBe('audit-failed'));
    expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('block');
    expect(runtime.list()[0]!.decide().kind).toBe('hold');
    failing.clear();
    root.querySelector<HTMLFormElement>('form.reason-form')!.requestSubmit();
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('ok'));
    expect(runtime.list()[0]!.decide().kind).toBe('pass');
    expect(audits).toEqual(['dismissed']);
  });

  it('drops a composer whose editor left the page, with its host', async () => {
    document.querySelector('.modal')!.remove();
    await vi.waitFor(() => expect(runtime.list()).toHaveLength(1));
    expect(document.querySelectorAll('kakunin-composer')).toHaveLength(1);
  });

  it('never writes into the editor', async () => {
    const before = editorOf('home').innerHTML;
    typeInto('home', '黒豆茶です');
    await vi.waitFor(() => expect(hostOf(1).getAttribute('data-kakunin-state')).toBe('block'));
    expect(editorOf('home').innerHTML).toBe(before.replace(/<span data-text="true"><\/span>/, '<span data-text="true">黒豆茶です</span>'));
  });
});
