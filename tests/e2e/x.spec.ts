// Kakunin on the X fixture (Draft.js under React 18, two composers): warnings while typing with an
// IME, and the submit gate on click and Ctrl+Enter, on the production build in real Chromium.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { clickPost, fixturePosts, fixtureText, gotoSite, openComposer, postButtonLocator, waitForPosts } from './support/fixture-page.ts';
import { composeWithIme, typeWithIme } from './support/ime.ts';
import { routeSites, type SiteRoutes } from './support/routes.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { SITES } from './support/sites.ts';
import {
  auditLog,
  badge,
  BENIGN,
  breakChecks,
  checksSeen,
  configure,
  gateDialog,
  hashInWorker,
  highlightTexts,
  recordChecks,
  RISKY,
  waitForVerdict,
} from './support/kakunin.ts';

const x = SITES.x;
let browser: ExtensionBrowser;
let routes: SiteRoutes;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  await configure(browser.serviceWorker, { accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }] });
  routes = await routeSites(browser.context);
});
afterAll(() => browser?.close());
beforeEach(async () => {
  page = await browser.context.newPage();
  await recordChecks(browser.serviceWorker);
});
afterEach(async () => {
  // Draft text goes to the background only: no request but the site's own post API carries it.
  expect(routes.requestsContaining(RISKY)).toEqual([]);
  expect(routes.requestsContaining(BENIGN)).toEqual([]);
  // Nor does Kakunin request anything else: every request went to the fixture or the extension.
  expect(routes.log.filter((r) => r.outcome === 'blocked')).toEqual([]);
  await breakChecks(browser.serviceWorker, false);
  await page.close();
  routes.clear();
});

/** Holds: the dialog is up, nothing more was posted, the site's API was not called again. */
async function expectHeld(n = 1, postedBefore = 0) {
  await gateDialog(page, n).and(page.locator('[role="alertdialog"]')).waitFor();
  await expect.poll(() => badge(page, n).getAttribute('data-kakunin-gate')).toBe('held');
  expect(await fixturePosts(page)).toHaveLength(postedBefore);
  expect(routes.apiCalls('x')).toHaveLength(postedBefore);
}

/**
 * Sends a protocol message from Kakunin's content script on the page (its isolated world, found
 * through the DevTools protocol): what a compromised page could make the content script send.
 */
async function sendFromContentScript(target: Page, message: unknown): Promise<{ ok: boolean; value?: unknown; error?: string }> {
  const cdp = await target.context().newCDPSession(target);
  try {
    const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => void worlds.push(context));
    await cdp.send('Runtime.enable'); // reports the contexts that exist
    const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${browser.extensionId}`);
    if (!world) throw new Error("Kakunin's content-script world not found");
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as { ok: boolean; value?: unknown; error?: string };
  } finally {
    await cdp.detach();
  }
}

async function overrideWith(reason: string, n = 1) {
  await badge(page, n).locator('[data-action="override"]').click();
  const confirm = badge(page, n).locator('.reason-form button[type="submit"]');
  await badge(page, n).locator('textarea.reason').fill('短い');
  expect(await confirm.isDisabled()).toBe(true); // a reason is required, at least 5 characters
  await badge(page, n).locator('textarea.reason').fill(reason);
  await confirm.click();
}

describe('warnings', () => {
  test('typing risky Japanese through an IME underlines exactly the risky words', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    expect(await highlightTexts(page)).toEqual({ info: [], warn: ['白玉団子'], block: ['黒豆茶'] });
    expect(await fixtureText(page)).toBe(RISKY);
    await saveScreenshot(page, 'x warnings');
    // The badge opens one card per finding: category, why, basis, suggestion.
    await badge(page).locator('button.badge').click();
    const cards = badge(page).locator('.card');
    await expect.poll(() => cards.count()).toBe(2);
    expect(await cards.nth(0).getAttribute('data-rule')).toBe('compliance/e2e-kuromame');
    const first = await cards.nth(0).innerText();
    for (const part of ['要修正', '法令', '黒豆茶', 'テスト用の禁止語です', 'テスト根拠 1条', '別の言い方にしてください']) expect(first).toContain(part);
    await saveScreenshot(page, 'x findings panel');
    // Opening our panel took nothing from the editor.
    expect(await fixtureText(page)).toBe(RISKY);
  });

  test('benign text gets no underline and an ok badge', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, BENIGN);
    await waitForVerdict(page, 1, 'ok', 0);
    expect(await highlightTexts(page)).toEqual({ info: [], warn: [], block: [] });
    expect(await fixtureText(page)).toBe(BENIGN);
  });

  test('no check is sent while an IME composition is open, one is sent when it ends', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, '店頭で');
    // Slow composition steps (450 ms, longer than the typing debounce) of a kana reading.
    await composeWithIme(page, 'くろまめちゃ', '黒豆茶', { delay: 450, settle: 100 });
    await waitForVerdict(page, 1, 'block', 1);
    const checked = (await checksSeen(browser.serviceWorker)).map((c) => c.text);
    expect(checked.filter((t) => /[くろまめちゃ]/.test(t))).toEqual([]);
    expect(checked).toContain('店頭で黒豆茶');
    expect(await fixtureText(page)).toBe('店頭で黒豆茶');
  });

  test('caret and undo behave exactly as without Kakunin', async () => {
    const session = async (on: boolean) => {
      await configure(browser.serviceWorker, { accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }], ...(on ? {} : { sites: { x: false } }) });
      const p = await browser.context.newPage();
      await gotoSite(p, x);
      const typeAs = async (text: string) => {
        for (const chunk of text.match(/.{1,3}/gu) ?? []) await composeWithIme(p, chunk, chunk);
      };
      const steps: string[] = [];
      await p.keyboard.type('店頭で黒豆茶', { delay: 20 });
      // Draft.js has taken every key into its model before the undo (a busy machine lags here).
      await expect.poll(() => fixtureText(p)).toBe('店頭で黒豆茶');
      if (on) await p.waitForFunction(() => document.querySelector('kakunin-composer')?.getAttribute('data-kakunin-state') === 'block');
      // Draft.js undoes the typed run as one step; our underlines must not have become part of it.
      await p.keyboard.press('Control+z');
      steps.push(await fixtureText(p));
      await typeAs('緑茶を');
      if (on) await p.waitForFunction(() => document.querySelector('kakunin-composer')?.getAttribute('data-kakunin-state') === 'ok');
      // The caret is where the user left it: Home then typing inserts at the start.
      await p.keyboard.press('Home');
      await typeAs('本日');
      steps.push(await fixtureText(p));
      await p.close();
      return steps;
    };
    const without = await session(false);
    const withKakunin = await session(true);
    await configure(browser.serviceWorker, { accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }] });
    expect(without).toEqual(['', '本日緑茶を']);
    expect(withKakunin).toEqual(without);
  });

  test('dismissing a finding with a reason hides it and records the dismissal', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    await badge(page).locator('button.badge').click();
    const warnCard = badge(page).locator('.card[data-rule="confidential/e2e-shiratama"]');
    await warnCard.locator('button.act').click();
    await warnCard.locator('textarea.reason').fill('社内で確認済みの表現です');
    await warnCard.locator('button[type="submit"]').click();
    await waitForVerdict(page, 1, 'block', 1);
    expect(await highlightTexts(page)).toEqual({ info: [], warn: [], block: ['黒豆茶'] });
    await expect
      .poll(async () => (await auditLog(browser.serviceWorker)).filter((e) => e.kind === 'dismissed' && e.reason === '社内で確認済みの表現です'))
      .toEqual([expect.objectContaining({ findings: [{ rule: 'confidential/e2e-shiratama', category: 'confidential', severity: 'warn' }] })]);
  });
});

describe('submit gate', () => {
  test('holds a risky post on click and on Ctrl+Enter; an override with a reason posts it and is recorded', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    await clickPost(page, x);
    await expectHeld();
    await saveScreenshot(page, 'x post held');
    await badge(page).locator('[data-action="back"]').click();
    await expect.poll(() => badge(page).getAttribute('data-kakunin-gate')).toBe(null);

    await page.locator(x.composers[0]!.editor).click();
    await page.keyboard.press('Control+Enter');
    await expectHeld();

    await overrideWith('キャンペーン担当が確認済み');
    const posts = await waitForPosts(page, 1);
    expect(posts).toEqual([expect.objectContaining({ composer: 0, text: RISKY, via: 'click' })]);
    expect(routes.apiCalls('x')).toHaveLength(1);

    const events = await auditLog(browser.serviceWorker);
    const hash = await hashInWorker(browser.serviceWorker, RISKY);
    const override = events.find((e) => e.kind === 'override' && e.textHash === hash);
    expect(override).toMatchObject({
      site: 'x',
      handle: 'kakunin_jp',
      account: 'company',
      reason: 'キャンペーン担当が確認済み',
      findings: [{ rule: 'compliance/e2e-kuromame', category: 'compliance', severity: 'block' }],
    });
    expect(events.filter((e) => e.kind === 'held' && e.textHash === hash).length).toBeGreaterThanOrEqual(1);
  });

  test('re-arms after a release: the next risky draft is held again', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    await clickPost(page, x);
    await overrideWith('今回だけ必要な表現です');
    await waitForPosts(page, 1);
    // X empties the composer after posting; the next draft starts gated again.
    await expect.poll(() => fixtureText(page)).toBe('');
    await page.locator(x.composers[0]!.editor).click();
    await typeWithIme(page, '黒豆茶');
    await waitForVerdict(page, 1, 'block', 1);
    await clickPost(page, x);
    await expectHeld(1, 1);
  });

  test('a policy tightened in options applies to an open page at once', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, '白玉団子をどうぞ');
    await waitForVerdict(page, 1, 'warn', 1);
    // holdAt=block: a warning alone does not hold. The company switches to holdAt=warn meanwhile:
    // the open page checks its draft again under the new settings.
    const checksOf = async () => (await checksSeen(browser.serviceWorker)).filter((c) => c.text === '白玉団子をどうぞ').length;
    const before = await checksOf();
    await configure(browser.serviceWorker, { accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }], policy: { holdAt: 'warn' } });
    await expect.poll(checksOf).toBeGreaterThan(before);
    await waitForVerdict(page, 1, 'warn', 1);
    await clickPost(page, x);
    await expectHeld();
    await configure(browser.serviceWorker, { accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }] });
  });

  test('the background takes from the content script only what the page writes: no approval, no override while overrides are off', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    const hash = await hashInWorker(browser.serviceWorker, RISKY);
    const logged = async (kind: string) => (await auditLog(browser.serviceWorker)).filter((e) => e.textHash === hash && e.kind === kind).length;
    const overridesBefore = await logged('override'); // earlier tests posted this draft anyway
    const event = (kind: string) => ({ type: 'recordAudit', event: { kind, site: 'x', textHash: hash, findings: [] } });
    // A compromised page controls the content script's world: its messages carry the tab's URL.
    expect(await sendFromContentScript(page, event('approval-verified'))).toEqual({ ok: false, error: 'a content script may not record "approval-verified" events' });
    expect(await sendFromContentScript(page, event('held'))).toMatchObject({ ok: true });
    await configure(browser.serviceWorker, { accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }], policy: { allowOverride: false } });
    await expect.poll(() => sendFromContentScript(page, { ...event('override'), event: { ...event('override').event, reason: '急ぎのため' } })).toMatchObject({ ok: false, error: expect.stringMatching(/overrides are not allowed/) });
    // The held dialog offers no override either.
    await clickPost(page, x);
    await expectHeld();
    expect(await badge(page).locator('[data-action="override"]').count()).toBe(0);
    expect(await logged('approval-verified')).toBe(0);
    expect(await logged('override')).toBe(overridesBefore);
    await configure(browser.serviceWorker, { accounts: [{ site: 'x', handle: 'kakunin_jp', kind: 'company' }] });
  });

  test('a clean post goes through on the first click', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, BENIGN);
    await waitForVerdict(page, 1, 'ok', 0);
    await clickPost(page, x);
    expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: BENIGN, via: 'click' })]);
  });

  test('posting before the check returned waits for it: risky is held, clean goes through', async () => {
    await gotoSite(page, x);
    await page.keyboard.type('黒豆茶');
    await page.keyboard.press('Control+Enter'); // well inside the typing debounce
    await expectHeld();
    await badge(page).locator('[data-action="back"]').click();
    await page.locator(x.composers[0]!.editor).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('ほうじ茶');
    await page.keyboard.press('Control+Enter');
    expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: 'ほうじ茶', via: 'click' })]);
  });

  test('two composers on one page are gated independently', async () => {
    await gotoSite(page, x, 'https://x.com/compose/post');
    await page.locator(x.composers[0]!.editor).click();
    await typeWithIme(page, RISKY);
    await openComposer(page, x, 1);
    await typeWithIme(page, BENIGN);
    await waitForVerdict(page, 1, 'block', 2);
    await waitForVerdict(page, 2, 'ok', 0);
    // The modal's button posts the modal's clean draft…
    await clickPost(page, x, 1);
    expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ composer: 1, text: BENIGN })]);
    // …and the inline composer's button stays held for its own risky draft.
    await clickPost(page, x, 0);
    await gateDialog(page, 1).waitFor();
    expect(await fixturePosts(page)).toHaveLength(1);
    expect(await fixtureText(page, 0)).toBe(RISKY);
  });

  test('a thread: a risky second post holds "Post all", and Ctrl+Enter typed in the clean first post too', async () => {
    await gotoSite(page, x, 'https://x.com/compose/post');
    const dialog = (testid: string) => page.locator(`[role="dialog"] [data-testid="${testid}"]`);
    await dialog('tweetTextarea_0').click();
    await typeWithIme(page, BENIGN);
    await waitForVerdict(page, 2, 'ok', 0);
    await dialog('addButton').click();
    await dialog('tweetTextarea_1').click();
    await typeWithIme(page, RISKY);
    // The thread's second box is a composer of its own (3: after the home column's and the modal's first).
    await waitForVerdict(page, 3, 'block', 2);
    expect(await fixtureText(page, 2)).toBe(RISKY);
    await expect.poll(() => dialog('tweetButton').textContent()).toMatch(/すべてポスト|Post all/);

    await dialog('tweetButton').click();
    await expectHeld(3);
    await badge(page, 3).locator('[data-action="back"]').click();
    await expect.poll(() => badge(page, 3).getAttribute('data-kakunin-gate')).toBe(null);
    // Ctrl+Enter in the clean first box posts the whole thread on x.com: held as well.
    await dialog('tweetTextarea_0').click();
    await page.keyboard.press('Control+Enter');
    await expectHeld(3);

    await overrideWith('スレッド全体を広報が確認済み', 3);
    expect(await waitForPosts(page, 2)).toEqual([
      expect.objectContaining({ composer: 1, text: BENIGN }),
      expect.objectContaining({ composer: 2, text: RISKY }),
    ]);
  });

  test('fails open with a visible notice when the background cannot check', async () => {
    await breakChecks(browser.serviceWorker, true);
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await expect.poll(() => badge(page).getAttribute('data-kakunin-notice')).toBe('unreachable');
    await clickPost(page, x);
    expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: RISKY })]);
    await expect.poll(() => badge(page).locator('.notice').isVisible()).toBe(true);
    await saveScreenshot(page, 'x fail open notice');
  });

  test('fails open with a notice when the adapter cannot find the post button (site changed)', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    // X renames its test ids: the adapter no longer finds the button.
    await page.evaluate(() => document.querySelector('[data-testid="tweetButtonInline"]')?.setAttribute('data-testid', 'tweetButtonInlineV2'));
    await page.keyboard.press('Control+Enter');
    expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text: RISKY, via: 'keyboard' })]);
    await expect.poll(() => badge(page).getAttribute('data-kakunin-notice')).toBe('post-button-missing');
    await expect
      .poll(async () => (await auditLog(browser.serviceWorker)).some((e) => e.kind === 'released' && e.detail?.failOpen === 'post-button-missing'))
      .toBe(true);
  });
});
