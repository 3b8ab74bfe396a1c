// Kakunin on the Mastodon fixture (a <textarea> in form.compose-form): underlines drawn on a
// mirror laid over the textarea, the gate on the submit button, Ctrl+Enter and form submit, and
// runtime registration for instances added in options.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { clickPost, fixturePosts, fixtureText, gotoSite, waitForPosts } from './support/fixture-page.ts';
import { typeWithIme } from './support/ime.ts';
import { routeSites, type SiteRoutes } from './support/routes.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { SITES } from './support/sites.ts';
import { auditLog, badge, BENIGN, configure, gateDialog, highlightTexts, RISKY, waitForVerdict } from './support/kakunin.ts';

const mastodon = SITES.mastodon;
let browser: ExtensionBrowser;
let routes: SiteRoutes;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  await configure(browser.serviceWorker, { accounts: [{ site: 'mastodon.social', handle: 'kakunin_jp', kind: 'company' }] });
  routes = await routeSites(browser.context);
});
afterAll(() => browser?.close());
beforeEach(async () => {
  page = await browser.context.newPage();
});
afterEach(async () => {
  expect(routes.requestsContaining(RISKY)).toEqual([]);
  expect(routes.requestsContaining(BENIGN)).toEqual([]);
  // Nor does Kakunin request anything else: every request went to the fixture or the extension.
  expect(routes.log.filter((r) => r.outcome === 'blocked')).toEqual([]);
  await page.close();
  routes.clear();
});

test('underlines the risky words of a textarea on its mirror, aligned with the textarea text', async () => {
  await gotoSite(page, mastodon);
  await typeWithIme(page, RISKY);
  await waitForVerdict(page, 1, 'block', 2);
  expect(await highlightTexts(page)).toEqual({ info: [], warn: ['白玉団子'], block: ['黒豆茶'] });
  expect(await fixtureText(page)).toBe(RISKY);
  // The mirror's range for 黒豆茶 sits where the textarea draws it: same line, x offset of 店頭で.
  const geometry = await page.evaluate(() => {
    const ta = document.querySelector('form.compose-form textarea') as HTMLTextAreaElement;
    const range = [...(CSS.highlights.get('kakunin-block') as unknown as Set<Range>)][0]!;
    const r = range.getBoundingClientRect();
    const t = ta.getBoundingClientRect();
    const cs = getComputedStyle(ta);
    const ctx = document.createElement('canvas').getContext('2d')!;
    ctx.font = cs.font;
    const expectedLeft = t.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + ctx.measureText('店頭で').width;
    const expectedWidth = ctx.measureText('黒豆茶').width;
    const firstLineTop = t.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop);
    return { dx: r.left - expectedLeft, dw: r.width - expectedWidth, dy: r.top - firstLineTop, inside: r.bottom <= t.bottom && r.right <= t.right };
  });
  expect(Math.abs(geometry.dx)).toBeLessThan(2);
  expect(Math.abs(geometry.dw)).toBeLessThan(2);
  expect(Math.abs(geometry.dy)).toBeLessThan(6);
  expect(geometry.inside).toBe(true);
  await saveScreenshot(page, 'mastodon warnings');
});

test('benign text: no underline, and the post goes through on the first click', async () => {
  await gotoSite(page, mastodon);
  await typeWithIme(page, BENIGN);
  await waitForVerdict(page, 1, 'ok', 0);
  expect(await highlightTexts(page)).toEqual({ info: [], warn: [], block: [] });
  await clickPost(page, mastodon);
  expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: BENIGN, via: 'submit', account: '@kakunin_jp' })]);
});

test('holds the submit button and Ctrl+Enter; an override posts through the form and is recorded', async () => {
  await gotoSite(page, mastodon);
  await typeWithIme(page, RISKY);
  await waitForVerdict(page, 1, 'block', 2);
  await clickPost(page, mastodon);
  await gateDialog(page).and(page.locator('[role="alertdialog"]')).waitFor();
  await saveScreenshot(page, 'mastodon post held');
  await badge(page).locator('[data-action="back"]').click();
  await page.locator(mastodon.composers[0]!.editor).click();
  await page.keyboard.press('Control+Enter');
  await gateDialog(page).and(page.locator('[role="alertdialog"]')).waitFor();
  expect(await fixturePosts(page)).toEqual([]);
  expect(routes.apiCalls('mastodon')).toEqual([]);

  await badge(page).locator('[data-action="override"]').click();
  await badge(page).locator('textarea.reason').fill('広報部長の了承済み');
  await badge(page).locator('.reason-form button[type="submit"]').click();
  expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: RISKY, via: 'submit', account: '@kakunin_jp' })]);
  await expect
    .poll(async () => (await auditLog(browser.serviceWorker)).find((e) => e.kind === 'override' && e.reason === '広報部長の了承済み'))
    .toMatchObject({ site: 'mastodon.social', handle: 'kakunin_jp', account: 'company' });
});

describe('instances added in options', () => {
  test('are registered at runtime for the instance origin, and unregistered when removed', async () => {
    const registered = () =>
      browser.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, js: s.js, matches: s.matches })));
    await configure(browser.serviceWorker, { customSites: [{ origin: 'https://social.example.jp', kind: 'mastodon', enabled: true }] });
    await expect.poll(registered).toEqual([{ id: 'kakunin-mastodon', js: ['content-scripts/mastodon.js'], matches: ['https://social.example.jp/*'] }]);
    // Without the host permission (granted on the options page) Chrome injects nothing there.
    await gotoSite(page, mastodon, 'https://social.example.jp/home');
    await typeWithIme(page, '黒豆茶');
    expect(await page.locator('kakunin-composer').count()).toBe(0);
    await configure(browser.serviceWorker, { customSites: [] });
    await expect.poll(registered).toEqual([]);
  });
});
