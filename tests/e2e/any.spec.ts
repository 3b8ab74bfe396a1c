// Kakunin on a site added in options as "Other (any text box)": a plain forum page (a one-line
// title, a textarea body, a search field, a contenteditable note) at https://forum.example.jp,
// with the host permission granted as on the options page (support/browser.ts grantOrigins).
// The site is checked only while "check every text box" (settings.anyTextBox) is on, and then
// every text box is: underlines on the one-line field too, the form's submit held on its button
// and on Enter in the title.
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { typeWithIme } from './support/ime.ts';
import { carriesText } from './support/routes.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { auditLog, badge, checksSeen, configure, gateDialog, hashInWorker, highlightTexts, recordChecks, RISKY, waitForVerdict } from './support/kakunin.ts';

const ORIGIN = 'https://forum.example.jp';
const URL_NEW = `${ORIGIN}/new`;
const SITE = { customSites: [{ origin: ORIGIN, kind: 'any', enabled: true }] };

/** A forum's "new topic" page: the kinds of text box a site Kakunin knows nothing about has. */
const PAGE = `<!doctype html><html lang="ja"><meta charset="utf-8"><title>新しいトピック</title>
<style>
  body { font: 16px/1.5 sans-serif; margin: 40px; }
  input, textarea, [contenteditable] { display: block; box-sizing: border-box; width: 600px; margin: 8px 0; padding: 6px 10px; border: 1px solid #888; font: 16px/1.5 sans-serif; }
  input { height: 40px; }
</style>
<form id="topic" action="/post" method="post">
  <input type="text" name="title" id="title" aria-label="件名">
  <textarea name="body" id="body" rows="5" aria-label="本文"></textarea>
  <input type="search" name="q" id="search" aria-label="検索">
  <button type="submit" id="send">投稿する</button>
</form>
<div id="note" contenteditable="true" aria-label="メモ"></div>
<script>
  window.__posts = [];
  document.getElementById('topic').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.currentTarget;
    window.__posts.push({ title: form.title.value, body: form.body.value, submitter: event.submitter ? event.submitter.id : null });
  });
</script>
</html>`;

let browser: ExtensionBrowser;
let page: Page;
const requests: Array<{ url: string; postData: string | null; blocked: boolean }> = [];

const registered = () => browser.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches })));
const posts = () => page.evaluate(() => (window as unknown as { __posts: Array<{ title: string; body: string; submitter: string | null }> }).__posts);

beforeAll(async () => {
  browser = await launchWithExtension({ grantOrigins: [`${ORIGIN}/*`] });
  // The forum page, the extension's own files; nothing else leaves (aborted and recorded).
  await browser.context.route('**/*', async (route: Route) => {
    const request = route.request();
    const url = new URL(request.url());
    const own = url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:';
    const served = url.origin === ORIGIN && url.pathname === '/new' && request.method() === 'GET';
    requests.push({ url: request.url(), postData: request.postData(), blocked: !own && !served });
    if (own) return route.continue();
    if (served) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
    return route.abort('blockedbyclient');
  });
});
afterAll(() => browser?.close());
beforeEach(async () => {
  page = await browser.context.newPage();
});
afterEach(async () => {
  expect(requests.filter((r) => r.blocked)).toEqual([]);
  expect(requests.filter((r) => carriesText(r, RISKY))).toEqual([]);
  requests.splice(0);
  await page.close();
});

test('with "check every text box" off (the default), an added site is not checked', async () => {
  await configure(browser.serviceWorker, SITE);
  // Mastodon instances would be registered; an "any" site is not, while the switch is off.
  await page.waitForTimeout(1500);
  expect(await registered()).toEqual([]);
  await recordChecks(browser.serviceWorker);
  await page.goto(URL_NEW);
  await page.locator('#body').click();
  await typeWithIme(page, RISKY);
  await page.waitForTimeout(1000); // a check would be sent 300 ms after typing pauses
  expect(await page.locator('kakunin-composer').count()).toBe(0);
  expect(await checksSeen(browser.serviceWorker)).toEqual([]);
});

test('switched on: every text box is checked, the one-line title drawn on its own mirror', async () => {
  await configure(browser.serviceWorker, { ...SITE, anyTextBox: true });
  await expect.poll(registered, { timeout: 15_000 }).toEqual([{ id: 'kakunin-any', matches: [`${ORIGIN}/*`] }]);
  await page.goto(URL_NEW);
  // title, body and the note; the search field is not a text box for prose.
  await expect.poll(() => page.locator('kakunin-composer').count(), { timeout: 10_000 }).toBe(3);

  await page.locator('#title').click();
  await typeWithIme(page, '黒豆茶の試飲会');
  await waitForVerdict(page, 1, 'block', 1);
  expect(await highlightTexts(page)).toEqual({ info: [], warn: [], block: ['黒豆茶'] });
  // The range for 黒豆茶 sits where the input draws it: at the start of its text, on its one line.
  const geometry = await page.evaluate(() => {
    const input = document.getElementById('title') as HTMLInputElement;
    const range = [...(CSS.highlights.get('kakunin-block') as unknown as Set<Range>)][0]!;
    const r = range.getBoundingClientRect();
    const t = input.getBoundingClientRect();
    const cs = getComputedStyle(input);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = cs.font;
    return {
      dx: r.left - (t.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft)),
      dw: r.width - ctx.measureText('黒豆茶').width,
      dy: (r.top + r.bottom) / 2 - (t.top + t.bottom) / 2,
    };
  });
  expect(Math.abs(geometry.dx)).toBeLessThan(2);
  expect(Math.abs(geometry.dw)).toBeLessThan(2);
  expect(Math.abs(geometry.dy)).toBeLessThan(4);

  await page.locator('#note').click();
  await typeWithIme(page, '白玉団子');
  await waitForVerdict(page, 3, 'warn', 1);
  await saveScreenshot(page, 'any text box warnings');
});

test('switched on: the form is held on its button and on Enter in the title; an override posts it, recorded under the host', async () => {
  await configure(browser.serviceWorker, { ...SITE, anyTextBox: true });
  await expect.poll(registered, { timeout: 15_000 }).toEqual([{ id: 'kakunin-any', matches: [`${ORIGIN}/*`] }]);
  await page.goto(URL_NEW);
  await expect.poll(() => page.locator('kakunin-composer').count(), { timeout: 10_000 }).toBe(3);
  await page.locator('#body').click();
  await typeWithIme(page, RISKY);
  await waitForVerdict(page, 2, 'block', 2);

  await page.locator('#send').click();
  await gateDialog(page, 2).and(page.locator('[role="alertdialog"]')).waitFor();
  await badge(page, 2).locator('[data-action="back"]').click();
  await expect.poll(() => badge(page, 2).getAttribute('data-kakunin-gate')).toBe(null);

  await page.locator('#title').click();
  await typeWithIme(page, 'お知らせ');
  await waitForVerdict(page, 1, 'ok', 0);
  await page.keyboard.press('Enter'); // implicit submission of the form
  await gateDialog(page, 2).and(page.locator('[role="alertdialog"]')).waitFor();
  expect(await posts()).toEqual([]);

  await badge(page, 2).locator('[data-action="override"]').click();
  await badge(page, 2).locator('textarea.reason').fill('広報担当が確認済みです');
  await badge(page, 2).locator('.reason-form button[type="submit"]').click();
  await expect.poll(posts).toEqual([expect.objectContaining({ title: 'お知らせ', body: RISKY })]);
  const hash = await hashInWorker(browser.serviceWorker, RISKY);
  await expect
    .poll(async () => (await auditLog(browser.serviceWorker)).find((e) => e.kind === 'override' && e.textHash === hash))
    .toMatchObject({ site: 'forum.example.jp', reason: '広報担当が確認済みです', findings: [{ rule: 'compliance/e2e-kuromame', category: 'compliance', severity: 'block' }] });
});

test('a settings change that leaves the sites as they are leaves the registration alone: no moment a loading page goes unchecked', async () => {
  await configure(browser.serviceWorker, { ...SITE, anyTextBox: true });
  await expect.poll(registered, { timeout: 15_000 }).toHaveLength(1);
  // Record what the worker asks of chrome.scripting from now on.
  await browser.serviceWorker.evaluate(() => {
    const g = globalThis as unknown as { __scripting?: string[] };
    g.__scripting = [];
    const api = chrome.scripting as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const name of ['registerContentScripts', 'updateContentScripts', 'unregisterContentScripts']) {
      const original = api[name]!.bind(chrome.scripting);
      api[name] = (...args: unknown[]) => {
        g.__scripting!.push(name);
        return original(...args);
      };
    }
  });
  const calls = () => browser.serviceWorker.evaluate(() => (globalThis as unknown as { __scripting: string[] }).__scripting);
  // Another rule turned off: the worker re-syncs, finds Chrome's registration already right.
  await configure(browser.serviceWorker, { ...SITE, anyTextBox: true, disabledRules: ['disaster/sensitive-date', 'abuse/intimidation'] });
  await page.waitForTimeout(1500);
  expect(await calls()).toEqual([]);
  expect(await registered()).toEqual([{ id: 'kakunin-any', matches: [`${ORIGIN}/*`] }]);
  // A second origin: the same script is updated in place, never unregistered.
  await configure(browser.serviceWorker, { customSites: [...SITE.customSites, { origin: 'https://board.example.jp', kind: 'any', enabled: true }], anyTextBox: true });
  await expect.poll(registered, { timeout: 15_000 }).toEqual([{ id: 'kakunin-any', matches: ['https://board.example.jp/*', `${ORIGIN}/*`] }]);
  expect(await calls()).toEqual(['updateContentScripts']);
});

test('switched off again: the script is unregistered and the page is no longer checked', async () => {
  await configure(browser.serviceWorker, { ...SITE, anyTextBox: true });
  await expect.poll(registered, { timeout: 15_000 }).toHaveLength(1);
  await configure(browser.serviceWorker, { ...SITE, anyTextBox: false });
  await expect.poll(registered, { timeout: 15_000 }).toEqual([]);
  await recordChecks(browser.serviceWorker);
  await page.goto(URL_NEW);
  await page.locator('#title').click();
  await typeWithIme(page, '黒豆茶');
  await page.waitForTimeout(1000);
  expect(await page.locator('kakunin-composer').count()).toBe(0);
  expect(await checksSeen(browser.serviceWorker)).toEqual([]);
});
