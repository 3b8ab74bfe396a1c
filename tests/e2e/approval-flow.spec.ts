/// <reference types="chrome" />
// Issue 4 end to end on the production build, in real Chromium with TWO browser profiles: the
// requester's (X fixture, gate, in-page approval panel, popup) and the approver's (approval
// page). Held post → request → approval page in the second profile → approve → code pasted in
// the first profile → the post goes out; the audit log records it and exports it. A code for a
// different text is refused with its reason.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { clickPost, fixturePosts, fixtureText, gotoSite, waitForPosts } from './support/fixture-page.ts';
import { typeWithIme } from './support/ime.ts';
import { auditLog, badge, configure, E2E_LIST, hashInWorker, RISKY, waitForVerdict } from './support/kakunin.ts';
import { routeSites, type SiteRoutes } from './support/routes.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { SITES } from './support/sites.ts';

const x = SITES.x;
const ACCOUNT = { site: 'x', handle: 'kakunin_jp', kind: 'company' };
let requester: ExtensionBrowser;
let approver: ExtensionBrowser;
let routes: SiteRoutes;
let approverKey: { name: string; publicKey: string };
/** The approval code from the first test, replayed on other text in the second. */
let firstCode = '';

/** A protocol request from one of the profile's extension pages (the worker cannot message itself). */
async function sendFrom(browser: ExtensionBrowser, request: unknown): Promise<any> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const reply = (await page.evaluate((r) => chrome.runtime.sendMessage(r), request)) as { ok: boolean; value?: unknown; error?: string };
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  } finally {
    await page.close();
  }
}

/** The id of the requester's tab that runs Kakunin on the X fixture (asked through the content script). */
function fixtureTabId(sw: Worker): Promise<number> {
  return sw.evaluate(async () => {
    for (const tab of await chrome.tabs.query({})) {
      const reply = await chrome.tabs.sendMessage(tab.id!, { kakunin: 'pageState' }, { frameId: 0 }).catch(() => undefined);
      if ((reply as { site?: string } | undefined)?.site === 'x') return tab.id!;
    }
    throw new Error('no tab runs Kakunin on x');
  });
}

const panel = (page: Page) => page.locator('kakunin-approval');

async function holdAndRequest(page: Page, text: string): Promise<string> {
  await gotoSite(page, x);
  await typeWithIme(page, text);
  // The last IME commit reaches Draft.js's model and then Kakunin a moment later: wait for both.
  await expect.poll(() => fixtureText(page)).toBe(text);
  await page.waitForTimeout(200);
  await waitForVerdict(page, 1, 'block', text === RISKY ? 2 : 1);
  await clickPost(page, x);
  await badge(page).locator('[data-action="request-approval"]').click();
  await expect.poll(() => panel(page).getAttribute('data-phase')).toMatch(/identity|requested/);
  if ((await panel(page).getAttribute('data-phase')) === 'identity') {
    await panel(page).locator('input').first().fill('佐藤 広報');
    await panel(page).locator('button[type="submit"]').click();
  }
  await expect.poll(() => panel(page).getAttribute('data-phase')).toBe('requested');
  return panel(page).locator('input[data-approval="link"]').inputValue();
}

beforeAll(async () => {
  // Two profiles, each with its own user-data directory and so its own keys and storage.
  [requester, approver] = await Promise.all([launchWithExtension({ viewport: { width: 1280, height: 900 } }), launchWithExtension({ viewport: { width: 1000, height: 1100 } })]);
  routes = await routeSites(requester.context);
  await configure(approver.serviceWorker); // the company's lists, as managed policy would give them

  // The approver makes their key on the approval page and sends the public key to the admin.
  const page = await approver.context.newPage();
  await page.goto(`chrome-extension://${approver.extensionId}/approve.html`);
  await page.getByLabel(/あなたの名前/).fill('田中 部長');
  await page.getByRole('button', { name: '鍵を作成' }).click();
  const publicKey = await page.getByTestId('own-public-key').inputValue();
  expect(publicKey).toMatch(/^[\w-]{43}$/);
  approverKey = { name: '田中 部長', publicKey };
  await page.close();

  // The admin configures that key as an approver in the requester's profile.
  await configure(requester.serviceWorker, { accounts: [ACCOUNT], approvers: [approverKey] });
}, 120_000);
afterAll(async () => {
  await requester?.close();
  await approver?.close();
});

describe('approval across two browser profiles', () => {
  test('held post → request → approved in the other profile → code pasted → posted, audited and exported', async () => {
    expect(approver.extensionId).toBe(requester.extensionId); // same unpacked build: the link opens in both
    const page = await requester.context.newPage();
    const link = await holdAndRequest(page, RISKY);
    expect(link).toMatch(new RegExp(`^chrome-extension://${requester.extensionId}/approve\\.html#req=KKREQ1\\.`));
    await expect.poll(() => panel(page).locator('[data-approval="request"]').innerText()).toContain('田中 部長');
    expect(await fixturePosts(page)).toEqual([]);
    await saveScreenshot(page, 'approval x request panel');

    // The toolbar popup for that tab: findings by category, checklist, approval state.
    const popup = await requester.context.newPage();
    await popup.setViewportSize({ width: 420, height: 900 });
    await popup.goto(`chrome-extension://${requester.extensionId}/popup.html#tab=${await fixtureTabId(requester.serviceWorker)}`);
    await expect.poll(() => popup.getByTestId('status').innerText()).toContain('保留中');
    expect(await popup.locator('[data-category="compliance"] [data-rule="compliance/e2e-kuromame"]').count()).toBe(1);
    expect(await popup.locator('[data-category="confidential"]').count()).toBe(1);
    expect(await popup.getByTestId('request-link').inputValue()).toBe(link); // the same request
    await popup.getByRole('checkbox', { name: /広告・PR/ }).check();
    await saveScreenshot(popup, 'approval popup');
    await popup.close();

    // The approver opens the link in their own browser.
    const approve = await approver.context.newPage();
    await approve.goto(link);
    await expect.poll(() => approve.getByTestId('draft-text').innerText()).toBe(RISKY);
    expect(await approve.getByTestId('text-verified').isVisible()).toBe(true);
    expect(await approve.getByTestId('requester').innerText()).toContain('佐藤 広報');
    expect(await approve.getByTestId('account').innerText()).toBe('@kakunin_jp (会社アカウント)');
    expect(await approve.locator('[data-rule="compliance/e2e-kuromame"]').count()).toBe(1); // checked again there
    await saveScreenshot(approve, 'approval page request');
    await approve.getByTestId('comment').fill('表現を確認しました。掲載可。');
    await approve.getByRole('button', { name: '承認する' }).press('Enter'); // from the keyboard
    const code = await approve.getByTestId('approval-code').inputValue();
    expect(code).toMatch(/^KKAPP1\.[\w-]+$/);
    firstCode = code;
    await saveScreenshot(approve, 'approval page code');
    await approve.close();

    // Back in the requester's browser: paste the code; the held post goes out as it was.
    await panel(page).locator('textarea[data-approval="codes"]').fill(code);
    await panel(page).locator('[data-approval="verify"]').click();
    const posts = await waitForPosts(page, 1);
    expect(posts).toEqual([expect.objectContaining({ composer: 0, text: RISKY, via: 'click' })]);
    expect(routes.apiCalls('x')).toHaveLength(1);
    await expect.poll(() => panel(page).count()).toBe(0);

    // The audit log: requester side and approver side.
    const hash = await hashInWorker(requester.serviceWorker, RISKY);
    const listed = await sendFrom(requester, { type: 'listAudit', filter: { site: 'x' } });
    const kinds = (listed.events as Array<{ kind: string; textHash: string }>).filter((e) => e.textHash === hash).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['held', 'approval-requested', 'approval-verified', 'released']));
    const stored = await auditLog(requester.serviceWorker);
    expect(stored.find((e) => e.kind === 'approval-verified')).toMatchObject({ site: 'x', handle: 'kakunin_jp', account: 'company', textHash: hash });
    expect(stored.every((e) => e.text === undefined)).toBe(true); // hashes only: text not opted in
    expect((await auditLog(approver.serviceWorker)).find((e) => e.kind === 'approved')).toMatchObject({ textHash: hash, reason: '表現を確認しました。掲載可。' });

    const csv = await sendFrom(requester, { type: 'exportAudit', filter: {}, format: 'csv' });
    const lines = (csv.text as string).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,time,kind,site,handle,account,textHash,findings,reason,actor,detail,text');
    const verified = lines.find((l) => l.includes(',approval-verified,'))!;
    expect(verified).toContain(`,x,kakunin_jp,company,${hash},`);
    expect(verified).toContain('田中 部長');
    expect(lines.some((l) => l.includes(',approval-requested,') && l.includes('compliance/e2e-kuromame:block'))).toBe(true);
    const json = JSON.parse((await sendFrom(requester, { type: 'exportAudit', filter: { kinds: ['approval-verified'] }, format: 'json' })).text);
    expect(json.events).toEqual([expect.objectContaining({ kind: 'approval-verified', textHash: hash, detail: expect.objectContaining({ approvers: [expect.stringContaining('田中 部長')] }) })]);
    await page.close();
  }, 120_000);

  test('a code approved for a different text is refused with the reason shown, and nothing is posted', async () => {
    expect(firstCode).not.toBe('');
    const page = await requester.context.newPage();
    const other = '黒豆茶の新しいキャンペーンを始めます。';
    await holdAndRequest(page, other);
    await panel(page).locator('textarea[data-approval="codes"]').fill(firstCode);
    await panel(page).locator('[data-approval="verify"]').click();
    const reason = panel(page).locator('[data-reason="text-changed"]');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('承認後に本文が変更されています');
    await saveScreenshot(page, 'approval x refused other text');
    await page.waitForTimeout(300);
    expect(await fixturePosts(page)).toEqual([]);
    expect(routes.apiCalls('x')).toHaveLength(1); // only the first test's post
    const hash = await hashInWorker(requester.serviceWorker, other);
    expect((await auditLog(requester.serviceWorker)).find((e) => e.kind === 'approval-refused' && e.textHash === hash)?.reason).toMatch(/changed after approval/);
    await page.close();
  }, 120_000);

  test('a link that does not open (another install id): the approver opens the approval page from the popup and pastes it', async () => {
    const page = await requester.context.newPage();
    const text = '黒豆茶の限定セットを本日発売します。';
    const link = await holdAndRequest(page, text);
    // As if made by an unpacked install with another id: chrome-extension://<that id>/… opens nothing here.
    const foreign = link.replace(`chrome-extension://${requester.extensionId}/`, 'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/');
    expect(foreign).not.toBe(link);

    const popup = await approver.context.newPage();
    await popup.goto(`chrome-extension://${approver.extensionId}/popup.html`);
    const opened = approver.context.waitForEvent('page');
    await popup.getByRole('button', { name: '承認ページを開く' }).click();
    const approve = await opened;
    await approve.waitForLoadState();
    expect(approve.url()).toBe(`chrome-extension://${approver.extensionId}/approve.html`);
    await popup.close();
    await approve.getByTestId('request-input').fill(foreign);
    await approve.getByRole('button', { name: '開く' }).click();
    await expect.poll(() => approve.getByTestId('draft-text').innerText()).toBe(text);
    await approve.getByRole('button', { name: '承認する' }).click();
    const code = await approve.getByTestId('approval-code').inputValue();
    await approve.close();

    await panel(page).locator('textarea[data-approval="codes"]').fill(code);
    await panel(page).locator('[data-approval="verify"]').click();
    expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ text, via: 'click' })]);
    await page.close();
  }, 120_000);

  test('an X thread is one request: the approver reads every post of it, and one code posts the whole thread', async () => {
    const page = await requester.context.newPage();
    await gotoSite(page, x, 'https://x.com/compose/post');
    const dialog = (testid: string) => page.locator(`[role="dialog"] [data-testid="${testid}"]`);
    const second = '続きです。黒豆茶の限定セットは本日まで。';
    await dialog('tweetTextarea_0').click();
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 2, 'block', 2);
    await dialog('addButton').click();
    await dialog('tweetTextarea_1').click();
    await typeWithIme(page, second);
    await expect.poll(() => fixtureText(page, 2)).toBe(second);
    await waitForVerdict(page, 3, 'block', 1);
    await dialog('tweetButton').click();
    await badge(page, 2).locator('[data-action="request-approval"]').click();
    await expect.poll(() => panel(page).getAttribute('data-phase')).toMatch(/identity|requested/);
    if ((await panel(page).getAttribute('data-phase')) === 'identity') {
      await panel(page).locator('input').first().fill('佐藤 広報');
      await panel(page).locator('button[type="submit"]').click();
    }
    await expect.poll(() => panel(page).getAttribute('data-phase')).toBe('requested');
    const link = await panel(page).locator('input[data-approval="link"]').inputValue();

    const approve = await approver.context.newPage();
    await approve.goto(link);
    await expect.poll(() => approve.getByTestId('draft-text').innerText()).toBe(`${RISKY}\n\n${second}`);
    expect(await approve.getByTestId('text-verified').isVisible()).toBe(true);
    await approve.getByRole('button', { name: '承認する' }).click();
    const code = await approve.getByTestId('approval-code').inputValue();
    await approve.close();

    await panel(page).locator('textarea[data-approval="codes"]').fill(code);
    await panel(page).locator('[data-approval="verify"]').click();
    expect(await waitForPosts(page, 2)).toEqual([
      expect.objectContaining({ composer: 1, text: RISKY, via: 'click' }),
      expect.objectContaining({ composer: 2, text: second, via: 'click' }),
    ]);
    await page.close();
  }, 120_000);
});
