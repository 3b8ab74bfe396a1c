// Kakunin on the note fixture: title + TipTap body on editor.note.com/notes/{id}/edit/, 公開に進む
// saves and navigates to /notes/{id}/publish/, which no longer shows the body, where 投稿する
// publishes. The title is checked as a composer of its own; the final button is gated with a
// check of the title and body written on the edit page (src/page/later-step.ts), on the
// production build in real Chromium.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixturePosts, fixtureText, waitForPosts } from './support/fixture-page.ts';
import { typeWithIme } from './support/ime.ts';
import { auditLog, badge, BENIGN, hashInWorker, highlightTexts, RISKY, waitForVerdict } from './support/kakunin.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { SITES } from './support/sites.ts';
import { openComposer, overrideWith, useKakunin, warningSuite } from './suites/composer-suite.ts';

const note = SITES.note;
const [PROCEED, PUBLISH] = note.composers[0]!.postSteps as [string, string];
const TITLE = '新商品のお知らせ';
const TITLE_BOX = 'textarea[placeholder="記事タイトル"]';

const env = useKakunin();
warningSuite(env, note);

/** The edit page's verdict for RISKY (two findings) or BENIGN (none). */
const verdictFor = (body: string): [string, number] => (body === RISKY ? ['block', 2] : ['ok', 0]);

/**
 * Writes title and body on the edit page and, once the badge shows the check (as a person sees
 * it before moving on), 公開に進む: resolves on the publish page.
 */
async function writeAndProceed(page: Page, body: string, url = note.url): Promise<void> {
  await page.goto(url);
  await badge(page, 1).waitFor({ state: 'attached' });
  await page.locator(TITLE_BOX).fill(TITLE);
  await page.locator(note.composers[0]!.editor).click();
  await typeWithIme(page, body);
  expect(await fixtureText(page)).toBe(body);
  await waitForVerdict(page, 1, ...verdictFor(body));
  await page.locator(PROCEED).click();
  await page.waitForURL('**/notes/*/publish/');
}

/** 投稿する is held: the gate is up, nothing was posted (draft_save on the edit page is not a post). */
async function expectPublishHeld(page: Page): Promise<void> {
  await expectHeldDialog(page);
  expect(await fixturePosts(page)).toEqual([]);
  expect(env.routes.apiCalls('note').filter((r) => r.method === 'PUT')).toEqual([]);
}

async function expectHeldDialog(page: Page): Promise<void> {
  await badge(page).locator('.gate[role="alertdialog"]').waitFor();
  await expect.poll(() => badge(page).getAttribute('data-kakunin-gate')).toBe('held');
}

/** Kakunin's panel on the publish page: the body it checks, read-only, outside the site's DOM. */
const panel = (page: Page) => page.locator('kakunin-later-step');

describe('note: two-step publishing', () => {
  test('a held draft from the edit page holds 投稿する; an override on the publish page posts it', async () => {
    await writeAndProceed(env.page, RISKY);
    // The publish page does not show the body; Kakunin's panel does, with the title, checked again here.
    const kept = `${TITLE}\n${RISKY}`;
    await expect.poll(() => panel(env.page).locator('.text').innerText()).toBe(kept);
    await waitForVerdict(env.page, 1, 'block', 2);
    expect(await highlightTexts(env.page)).toEqual({ info: [], warn: ['白玉団子'], block: ['黒豆茶'] });

    await env.page.locator(PUBLISH).click();
    await expectPublishHeld(env.page);
    await saveScreenshot(env.page, 'note publish page held');

    await overrideWith(env, '編集長の確認を得ています');
    expect(await waitForPosts(env.page, 1)).toEqual([
      expect.objectContaining({ text: RISKY, via: 'click', account: 'kakunin_koho', fields: { title: TITLE } }),
    ]);
    const hash = await hashInWorker(env.browser.serviceWorker, kept);
    await expect
      .poll(async () => (await auditLog(env.browser.serviceWorker)).find((e) => e.kind === 'override' && e.textHash === hash))
      .toMatchObject({ site: 'note', handle: 'kakunin_koho', reason: '編集長の確認を得ています' });
  });

  test('the title is checked on its own (badge 2, underlined) and a risky title holds 投稿する', async () => {
    const title = '黒豆茶のご案内';
    await writeAndProceedTitle(title);
    await waitForVerdict(env.page, 1, 'block', 1);
    expect(await highlightTexts(env.page)).toEqual({ info: [], warn: [], block: ['黒豆茶'] });
    await env.page.locator(PUBLISH).click();
    await expectPublishHeld(env.page);
  });

  test('the edit page does not hold 公開に進む (nothing is published there)', async () => {
    await openComposer(env, note);
    await typeWithIme(env.page, RISKY);
    await waitForVerdict(env.page, 1, 'block', 2);
    await env.page.locator(PROCEED).click();
    await env.page.waitForURL('**/notes/*/publish/');
    expect(await fixturePosts(env.page)).toEqual([]);
  });

  test('a clean draft, started at note.com/notes/new, is published on the first click', async () => {
    await writeAndProceed(env.page, BENIGN, 'https://note.com/notes/new');
    await waitForVerdict(env.page, 1, 'ok', 0);
    await env.page.locator(PUBLISH).click();
    expect(await waitForPosts(env.page, 1)).toEqual([expect.objectContaining({ text: BENIGN, fields: { title: TITLE } })]);
    expect(await badge(env.page).getAttribute('data-kakunin-gate')).toBe(null);
  });

  test('the draft edited again after going back is the one checked', async () => {
    await writeAndProceed(env.page, BENIGN);
    await waitForVerdict(env.page, 1, 'ok', 0);
    await env.page.goBack();
    await env.page.waitForURL('**/notes/*/edit/');
    // The fixture reloads an empty editor (the real site reloads the draft): write a risky one.
    await env.page.locator(note.composers[0]!.editor).click();
    await typeWithIme(env.page, RISKY);
    await waitForVerdict(env.page, 1, 'block', 2);
    await env.page.locator(PROCEED).click();
    await env.page.waitForURL('**/notes/*/publish/');
    await waitForVerdict(env.page, 1, 'block', 2);
    await env.page.locator(PUBLISH).click();
    await expectPublishHeld(env.page);
  });

  test('opened without the edit page (another tab), the publish page says it is not checked and does not hold', async () => {
    await env.page.goto('https://editor.note.com/notes/n0a1b2c3d4e5/publish/');
    const status = panel(env.page).locator('[role="status"]');
    await expect.poll(() => status.innerText()).toContain('確認されていません');
    await saveScreenshot(env.page, 'note publish page not checked');
    await env.page.locator(PUBLISH).click();
    await waitForPosts(env.page, 1);
    expect(await env.page.locator('kakunin-composer').count()).toBe(0);
  });
});

/** A risky title over a clean body: the title's own badge (composer 2) shows it before moving on. */
async function writeAndProceedTitle(title: string): Promise<void> {
  const page = env.page;
  await page.goto(note.url);
  await badge(page, 1).waitFor({ state: 'attached' });
  await page.locator(note.composers[0]!.editor).click();
  await typeWithIme(page, BENIGN);
  await waitForVerdict(page, 1, 'ok', 0);
  await page.locator(TITLE_BOX).click();
  await typeWithIme(page, title);
  await waitForVerdict(page, 2, 'block', 1);
  expect(await highlightTexts(page)).toEqual({ info: [], warn: [], block: ['黒豆茶'] });
  await page.locator(PROCEED).click();
  await page.waitForURL('**/notes/*/publish/');
}
