// Kakunin on the Mastodon fixture (a <textarea> in form.compose-form): underlines drawn on a
// mirror laid over the textarea, the gate on the submit button, Ctrl+Enter and form submit,
// runtime registration for instances added in options, and every instance being the site
// `mastodon` (its switch, accounts, when.sites, the audit log).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { clickPost, fixturePosts, fixtureText, gotoSite, waitForPosts } from './support/fixture-page.ts';
import { typeWithIme } from './support/ime.ts';
import { routeSites, type SiteRoutes } from './support/routes.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { SITES } from './support/sites.ts';
import {
  auditLog,
  badge,
  BENIGN,
  checksSeen,
  configure,
  E2E_LIST,
  gateDialog,
  hashInWorker,
  highlightTexts,
  recordChecks,
  recordRequests,
  requestsSeen,
  RISKY,
  waitForVerdict,
} from './support/kakunin.ts';

const mastodon = SITES.mastodon;
let browser: ExtensionBrowser;
let routes: SiteRoutes;
let page: Page;

// Accounts are listed under the site `mastodon`; unlisted ones count as personal, so the audit
// log's `company` shows the entry matched on this instance.
const SETTINGS = { accounts: [{ site: 'mastodon', handle: 'kakunin_jp', kind: 'company' }], unknownAccountKind: 'personal' };

beforeAll(async () => {
  browser = await launchWithExtension();
  await configure(browser.serviceWorker, SETTINGS);
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
    .toMatchObject({ site: 'mastodon', handle: 'kakunin_jp@mastodon.social', account: 'company' });
});

test('checks the content warning while CW is on: a risky CW holds the post (click, and Ctrl+Enter in the status); off, it is not posted and holds nothing', async () => {
  await gotoSite(page, mastodon);
  await typeWithIme(page, BENIGN);
  await waitForVerdict(page, 1, 'ok', 0);
  // Switching CW on mounts the field and focuses it (Mastodon 4.3+): it becomes composer 2.
  const cwButton = page.locator('form.compose-form button.icon-button');
  await cwButton.click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('cw-spoiler-input');
  await typeWithIme(page, RISKY);
  await waitForVerdict(page, 2, 'block', 2);
  expect(await fixtureText(page, 1)).toBe(RISKY);
  expect(await highlightTexts(page)).toEqual({ info: [], warn: ['白玉団子'], block: ['黒豆茶'] });
  expect(await page.locator('kakunin-composer').count()).toBe(2);
  await saveScreenshot(page, 'mastodon content warning');

  await clickPost(page, mastodon);
  await gateDialog(page, 2).and(page.locator('[role="alertdialog"]')).waitFor();
  await badge(page, 2).locator('[data-action="back"]').click();
  // Ctrl+Enter in the clean status posts the CW too: held as well.
  await page.locator(mastodon.composers[0]!.editor).click();
  await page.keyboard.press('Control+Enter');
  await gateDialog(page, 2).and(page.locator('[role="alertdialog"]')).waitFor();
  expect(await fixturePosts(page)).toEqual([]);
  expect(routes.apiCalls('mastodon')).toEqual([]);
  await badge(page, 2).locator('[data-action="back"]').click();

  // Switched off, the CW is neither posted nor checked: its badge and underlines go.
  await cwButton.click();
  await expect.poll(() => page.locator('kakunin-composer').count()).toBe(1);
  expect(await highlightTexts(page)).toEqual({ info: [], warn: [], block: [] });
  await clickPost(page, mastodon);
  expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: BENIGN, via: 'submit', fields: { spoiler_text: '' } })]);
});

/**
 * Loads `url` with Kakunin's site switch off and types a risky draft: the content script asks
 * the background (getPageConfig, recorded) and stops there; no badge, no check, no gate.
 */
async function expectNotChecked(sw: Worker, url: string, expected: { site: string; host: string }): Promise<void> {
  await recordRequests(sw, 'getPageConfig');
  await recordChecks(sw);
  await gotoSite(page, mastodon, url);
  await expect.poll(() => requestsSeen(sw, 'getPageConfig')).toEqual([expect.objectContaining(expected)]);
  await typeWithIme(page, RISKY);
  // A check would be sent 300 ms after typing pauses, and the badge is there before that.
  await page.waitForTimeout(1000);
  expect(await page.locator('kakunin-composer').count()).toBe(0);
  expect(await checksSeen(sw)).toEqual([]);
  await clickPost(page, mastodon);
  expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: RISKY, via: 'submit' })]);
}

test('switching off sites.mastodon stops checking on mastodon.social', async () => {
  await configure(browser.serviceWorker, { ...SETTINGS, sites: { mastodon: false } });
  try {
    await expectNotChecked(browser.serviceWorker, mastodon.url, { site: 'mastodon', host: 'mastodon.social' });
  } finally {
    await configure(browser.serviceWorker, SETTINGS);
  }
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

describe('an instance the user added, with access granted', () => {
  // A second browser whose build has the instance's host permission, as granted on the options
  // page (support/browser.ts grantOrigins); the first one has none, on purpose.
  let granted: ExtensionBrowser;
  let grantedRoutes: SiteRoutes;
  const INSTANCE = 'https://social.example.jp';
  // 桜餅 warns only on Mastodon (list entry `when.sites: ["mastodon"]`).
  const MASTODON_ONLY = {
    id: 'e2e-mastodon',
    name: 'E2E Mastodon',
    enabled: true,
    entries: [
      {
        id: 'confidential/e2e-sakuramochi',
        category: 'confidential',
        severity: 'warn',
        patterns: ['桜餅'],
        when: { sites: ['mastodon'] },
        message: { ja: 'Mastodon でだけ注意する語です', en: 'A test word that warns on Mastodon only' },
      },
    ],
  };
  const ADDED = {
    customSites: [{ origin: INSTANCE, kind: 'mastodon', enabled: true }],
    accounts: [{ site: 'mastodon', handle: 'koho', kind: 'company' }],
    unknownAccountKind: 'personal',
    lists: [E2E_LIST, MASTODON_ONLY],
  };
  const registered = () =>
    granted.serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.matches));

  beforeAll(async () => {
    granted = await launchWithExtension({ grantOrigins: [`${INSTANCE}/*`] });
    grantedRoutes = await routeSites(granted.context);
  });
  afterAll(() => granted?.close());
  beforeEach(async () => {
    await page.close();
    page = await granted.context.newPage();
  });
  afterEach(() => {
    expect(grantedRoutes.requestsContaining(RISKY)).toEqual([]);
    expect(grantedRoutes.log.filter((r) => r.outcome === 'blocked')).toEqual([]);
    grantedRoutes.clear();
  });

  test('is checked as the site `mastodon`: its list entries, its accounts (user@instance) and the audit log', async () => {
    await configure(granted.serviceWorker, ADDED);
    await expect.poll(registered, { timeout: 15_000 }).toEqual([[`${INSTANCE}/*`]]);
    await gotoSite(page, mastodon, `${INSTANCE}/home`);
    await typeWithIme(page, BENIGN);
    await waitForVerdict(page, 1, 'warn', 1);
    expect(await highlightTexts(page)).toEqual({ info: [], warn: ['桜餅'], block: [] });

    await page.locator(mastodon.composers[0]!.editor).fill('');
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    await clickPost(page, mastodon);
    await gateDialog(page).and(page.locator('[role="alertdialog"]')).waitFor();
    const hash = await hashInWorker(granted.serviceWorker, RISKY);
    await expect
      .poll(async () => (await auditLog(granted.serviceWorker)).find((e) => e.kind === 'held' && e.textHash === hash))
      .toMatchObject({ site: 'mastodon', handle: 'koho@social.example.jp', account: 'company' });
  });

  test('switching off sites.mastodon stops checking there too', async () => {
    await configure(granted.serviceWorker, { ...ADDED, sites: { mastodon: false } });
    await expect.poll(registered, { timeout: 15_000 }).toEqual([[`${INSTANCE}/*`]]);
    await expectNotChecked(granted.serviceWorker, `${INSTANCE}/home`, { site: 'mastodon', host: 'social.example.jp' });
  });
});
