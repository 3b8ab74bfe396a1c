// @vitest-environment happy-dom
// Two-page publishing (note): the edit page's text is kept for its note id; on the publish page
// it becomes a read-only composer of Kakunin's whose post button is the final one, so the
// ordinary runtime and gate hold 投稿する for text that was written on the other page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding';
import type { Send } from '../../src/page/composer';
import { EDITORS } from '../../src/page/editors';
import { keptKey, withLaterStep } from '../../src/page/later-step';
import { PageRuntime } from '../../src/page/runtime';
import { note } from '../../src/sites/note';
import type { SiteAdapter } from '../../src/sites/site-adapter';

const EDIT = '/notes/n0a1b2c3d4e5/edit/';
const PUBLISH = '/notes/n0a1b2c3d4e5/publish/';
const KEY = keptKey('note', 'n0a1b2c3d4e5');
const header = `<a class="o-navbarPrimary__user" href="https://note.com/kakunin_koho">kakunin_koho</a>`;

function editPage(body: string) {
  history.replaceState(null, '', EDIT);
  document.body.innerHTML = `<header>${header}<button type="button"><span>公開に進む</span></button></header>
    <main><textarea placeholder="記事タイトル"></textarea><div class="ProseMirror" contenteditable="true" role="textbox">${body}</div></main>`;
}

function publishPage() {
  history.replaceState(null, '', PUBLISH);
  document.body.innerHTML = `<header>${header}<button type="button" id="publish"><span>投稿する</span></button></header><main><h1>題名</h1></main>`;
}

let controller: AbortController;
let wrapped: SiteAdapter;
const wrap = () => (wrapped = withLaterStep(note, { doc: document, signal: controller.signal, lang: 'ja', saveDelayMs: 20 }));
const panelHost = () => document.querySelector('kakunin-later-step');

beforeEach(() => {
  sessionStorage.clear();
  controller = new AbortController();
});
afterEach(() => controller.abort());

describe('withLaterStep on the edit page', () => {
  it('keeps the body for the note id when the button that leads on is pressed, and does not gate it', () => {
    editPage('<p>新商品の</p><p>お知らせ</p>');
    wrap();
    const [body] = wrapped.findComposers(document);
    expect(wrapped.findPostButton(body!.editor)).toBeNull();
    expect(sessionStorage.getItem(KEY)).toBeNull();
    document.querySelector('button')!.click();
    expect(JSON.parse(sessionStorage.getItem(KEY)!)).toEqual({ text: '新商品の\nお知らせ', handle: 'kakunin_koho' });
  });

  it('keeps the title with the body, in page order (title first), and neither gates', () => {
    editPage('<p>本文です</p>');
    document.querySelector('textarea')!.value = '未発表の新製品について';
    wrap();
    const found = wrapped.findComposers(document);
    expect(found.map((m) => m.kind)).toEqual(['prosemirror', 'textarea']);
    expect(found.map((m) => wrapped.findPostButton(m.editor))).toEqual([null, null]);
    document.querySelector('button')!.click();
    expect(JSON.parse(sessionStorage.getItem(KEY)!).text).toBe('未発表の新製品について\n本文です');
  });

  it('keeps the latest text after typing pauses, and when the page is left', async () => {
    editPage('<p>一行目</p>');
    wrap();
    const editor = document.querySelector<HTMLElement>('.ProseMirror')!;
    editor.innerHTML = '<p>書き直した</p>';
    editor.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await expect.poll(() => sessionStorage.getItem(KEY)).toContain('書き直した');
    editor.innerHTML = '<p>最後の版</p>';
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(sessionStorage.getItem(KEY)!).text).toBe('最後の版');
  });

  it('leaves the other adapters alone (no laterStep: the same object)', () => {
    const plain: SiteAdapter = { ...note, laterStep: undefined };
    expect(withLaterStep(plain, { doc: document, signal: controller.signal, lang: 'ja' })).toBe(plain);
  });
});

describe('withLaterStep on the publish page', () => {
  it("shows the kept text in Kakunin's own panel and makes it a composer gated by 投稿する", () => {
    sessionStorage.setItem(KEY, JSON.stringify({ text: '本文の一行目\n\n三行目', handle: 'old_name' }));
    publishPage();
    wrap();
    const found = wrapped.findComposers(document);
    expect(found.map((m) => m.kind)).toEqual(['plain']);
    const editor = found[0]!.editor;
    expect(EDITORS.plain.read(editor).text).toBe('本文の一行目\n\n三行目');
    // Outside the site's DOM: a shadow root on a host of its own.
    expect(panelHost()?.shadowRoot?.contains(editor)).toBe(true);
    expect(document.querySelector('main')!.contains(panelHost())).toBe(false);
    expect(wrapped.findPostButton(editor)?.id).toBe('publish');
    // The page's own account first, the kept one when the page shows none.
    expect(wrapped.readAccount(editor)).toBe('kakunin_koho');
    document.querySelector('.o-navbarPrimary__user')!.remove();
    expect(wrapped.readAccount(editor)).toBe('old_name');
    // Rescans give the same composer, not a new panel each time.
    expect(wrapped.findComposers(document)[0]!.editor).toBe(editor);
    expect(document.querySelectorAll('kakunin-later-step')).toHaveLength(1);
  });

  it('says so when no text was kept (another tab) and offers nothing to gate', () => {
    publishPage();
    wrap();
    expect(wrapped.findComposers(document)).toEqual([]);
    expect(panelHost()?.shadowRoot?.querySelector('[role="status"]')?.textContent).toContain('確認されていません');
  });

  it('removes the panel when the page is left (single-page navigation) or the script ends', () => {
    sessionStorage.setItem(KEY, JSON.stringify({ text: '本文' }));
    publishPage();
    wrap();
    expect(wrapped.findComposers(document)).toHaveLength(1);
    history.replaceState(null, '', '/');
    expect(wrapped.findComposers(document)).toEqual([]);
    expect(panelHost()).toBeNull();
    history.replaceState(null, '', PUBLISH);
    wrapped.findComposers(document);
    expect(panelHost()).not.toBeNull();
    controller.abort();
    expect(panelHost()).toBeNull();
  });
});

describe('the runtime on the publish page', () => {
  const fakeSend = (audits: string[]): Send =>
    (async (m: { type: string; text?: string; event?: { kind: string } }) => {
      if (m.type === 'recordAudit') {
        audits.push(m.event!.kind);
        return { id: audits.length };
      }
      const text = m.text ?? '';
      const i = text.indexOf('黒豆茶');
      const findings: Finding[] =
        i < 0 ? [] : [{ category: 'compliance', severity: 'block', start: i, end: i + 3, text: '黒豆茶', rule: 'compliance/e2e', message: { ja: 'だめ', en: 'no' } }];
      return { findings, account: 'company', hold: { held: findings.length > 0, reason: findings.length ? 'findings' : null, allowOverride: true } };
    }) as Send;

  it('holds 投稿する for a held draft from the edit page and lets it through after an override', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ text: '店頭で黒豆茶を' }));
    publishPage();
    const posted: string[] = [];
    document.getElementById('publish')!.addEventListener('click', () => posted.push('published'));
    const audits: string[] = [];
    const runtime = new PageRuntime({ adapter: wrap(), send: fakeSend(audits), policy: { holdAt: 'block', allowOverride: true }, lang: 'ja', signal: controller.signal, debounceMs: 10 });
    const host = () => document.querySelector('kakunin-composer');
    await expect.poll(() => host()?.getAttribute('data-kakunin-state')).toBe('block');

    document.getElementById('publish')!.click();
    await expect.poll(() => host()?.getAttribute('data-kakunin-gate')).toBe('held');
    expect(posted).toEqual([]);

    await runtime.gate.release(runtime.list()[0]!, { by: 'override', reason: '広報部長が確認済み' });
    expect(posted).toEqual(['published']);
    // 'held' is recorded in the background of the click (its text hash may still be computing)
    await expect.poll(() => audits).toEqual(expect.arrayContaining(['held', 'override']));
  });

  it('lets a clean draft through on the first click', async () => {
    sessionStorage.setItem(KEY, JSON.stringify({ text: '店頭でほうじ茶を' }));
    publishPage();
    const posted: string[] = [];
    document.getElementById('publish')!.addEventListener('click', () => posted.push('published'));
    new PageRuntime({ adapter: wrap(), send: fakeSend([]), policy: { holdAt: 'block', allowOverride: true }, lang: 'ja', signal: controller.signal, debounceMs: 10 });
    const host = () => document.querySelector('kakunin-composer');
    await expect.poll(() => host() !== null && host()!.getAttribute('data-kakunin-state') === 'ok' && !host()!.hasAttribute('data-kakunin-checking')).toBe(true);
    document.getElementById('publish')!.click();
    expect(posted).toEqual(['published']);
  });
});
