// The assertions every site spec shares (Harper's testUtils pattern: one suite, called from each
// <site>.spec.ts with that site's facts). A spec calls useKakunin() once for its browser, then the
// suite functions it needs; site-only behaviour (Bluesky's account switch, note's two pages) stays
// in the site's own spec. Settings are installed through the service worker (support/kakunin.ts:
// invented words, so no test depends on the built-in dictionaries).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser.ts';
import { fixturePosts, fixtureText, gotoSite, postButtonLocator, waitForPosts } from '../support/fixture-page.ts';
import { typeWithIme } from '../support/ime.ts';
import { routeSites, type SiteRoutes } from '../support/routes.ts';
import { saveScreenshot } from '../support/screenshots.ts';
import type { SiteFixture } from '../support/sites.ts';
import { auditLog, badge, BENIGN, breakChecks, configure, gateDialog, hashInWorker, highlightTexts, recordChecks, RISKY, waitForVerdict } from '../support/kakunin.ts';

export interface KakuninEnv {
  browser: ExtensionBrowser;
  routes: SiteRoutes;
  /** A fresh page per test. */
  page: Page;
}

/**
 * One browser with the production build for the spec file, settings installed before any page
 * loads, a new page per test; after each test no request but the site's own post API may carry
 * the draft (Kakunin sends nothing anywhere).
 */
export function useKakunin(settings: Record<string, unknown> = {}): KakuninEnv {
  const env = {} as KakuninEnv;
  beforeAll(async () => {
    env.browser = await launchWithExtension();
    await configure(env.browser.serviceWorker, settings);
    env.routes = await routeSites(env.browser.context);
  });
  afterAll(() => env.browser?.close());
  beforeEach(async () => {
    env.page = await env.browser.context.newPage();
    await recordChecks(env.browser.serviceWorker);
  });
  afterEach(async () => {
    expect(env.routes.requestsContaining(RISKY)).toEqual([]);
    expect(env.routes.requestsContaining(BENIGN)).toEqual([]);
    await breakChecks(env.browser.serviceWorker, false);
    await env.page.close();
    env.routes.clear();
  });
  return env;
}

export interface SiteSuiteOptions {
  /** The handle the adapter reads on the fixture (ja UI), as the audit log records it. */
  handle: string;
  /** The site key drafts are checked and recorded under (default: the site id). */
  siteKey?: string;
}

/**
 * Opens the site's composer at `url` and waits until Kakunin is on it (its badge host exists): a
 * content script starts at document_idle plus a round trip to the background, seconds on a cold,
 * busy machine, and keys typed before that would test the site alone.
 */
export async function openComposer(env: KakuninEnv, site: SiteFixture, url = site.url): Promise<void> {
  await gotoSite(env.page, site, url);
  await badge(env.page, 1).waitFor({ state: 'attached' });
}

/** Opens the site's composer at `url` and types `text` through IME compositions. */
export async function typeIntoComposer(env: KakuninEnv, site: SiteFixture, text: string, url = site.url): Promise<void> {
  await openComposer(env, site, url);
  await typeWithIme(env.page, text);
}

/** The post is held: the gate dialog is up and nothing reached the site's handler or API. */
export async function expectHeld(env: KakuninEnv, site: SiteFixture, n = 1): Promise<void> {
  await gateDialog(env.page, n).and(env.page.locator('[role="alertdialog"]')).waitFor();
  await expect.poll(() => badge(env.page, n).getAttribute('data-kakunin-gate')).toBe('held');
  expect(await fixturePosts(env.page)).toEqual([]);
  expect(env.routes.apiCalls(site.id)).toEqual([]);
}

/** "Post anyway" with a reason (at least 5 characters; a shorter one cannot be confirmed). */
export async function overrideWith(env: KakuninEnv, reason: string, n = 1): Promise<void> {
  const host = badge(env.page, n);
  await host.locator('[data-action="override"]').click();
  const confirm = host.locator('.reason-form button[type="submit"]');
  await host.locator('textarea.reason').fill('短い');
  expect(await confirm.isDisabled()).toBe(true);
  await host.locator('textarea.reason').fill(reason);
  await confirm.click();
}

/** Warnings while typing: exact spans, counts on the badge host, the editor's text untouched. */
export function warningSuite(env: KakuninEnv, site: SiteFixture): void {
  describe(`${site.id}: warnings`, () => {
    test('typing risky Japanese through an IME underlines exactly the risky words', async () => {
      await typeIntoComposer(env, site, RISKY);
      await waitForVerdict(env.page, 1, 'block', 2);
      expect(await highlightTexts(env.page)).toEqual({ info: [], warn: ['白玉団子'], block: ['黒豆茶'] });
      // The editor's model holds exactly what was typed: Kakunin wrote nothing into it.
      expect(await fixtureText(env.page)).toBe(RISKY);
      await saveScreenshot(env.page, `${site.id} warnings`);
      await badge(env.page).locator('button.badge').click();
      await expect.poll(() => badge(env.page).locator('.card').count()).toBe(2);
      await saveScreenshot(env.page, `${site.id} findings panel`);
      expect(await fixtureText(env.page)).toBe(RISKY);
    });

    test('benign text gets no underline and an ok badge', async () => {
      await typeIntoComposer(env, site, BENIGN);
      await waitForVerdict(env.page, 1, 'ok', 0);
      expect(await highlightTexts(env.page)).toEqual({ info: [], warn: [], block: [] });
      expect(await fixtureText(env.page)).toBe(BENIGN);
    });
  });
}

/** The submit gate on the site's own post button (and Ctrl/Cmd+Enter where the site posts on it). */
export function gateSuite(env: KakuninEnv, site: SiteFixture, options: SiteSuiteOptions): void {
  const siteKey = options.siteKey ?? site.id;
  describe(`${site.id}: submit gate`, () => {
    test(`holds a risky post on click${site.keyboardSubmit ? ' and on Ctrl+Enter' : ''}; an override with a reason posts it, recorded`, async () => {
      await typeIntoComposer(env, site, RISKY);
      await waitForVerdict(env.page, 1, 'block', 2);
      await postButtonLocator(env.page, site).click();
      await expectHeld(env, site);
      await saveScreenshot(env.page, `${site.id} post held`);
      await badge(env.page).locator('[data-action="back"]').click();
      await expect.poll(() => badge(env.page).getAttribute('data-kakunin-gate')).toBe(null);

      if (site.keyboardSubmit) {
        await env.page.locator(site.composers[0]!.editor).click();
        await env.page.keyboard.press('Control+Enter');
        await expectHeld(env, site);
      } else {
        await postButtonLocator(env.page, site).click();
        await expectHeld(env, site);
      }

      await overrideWith(env, '広報担当が確認済みです');
      expect(await waitForPosts(env.page, 1)).toEqual([expect.objectContaining({ composer: 0, text: RISKY, via: 'click' })]);
      // The fixture records the post, then calls the site's API.
      await expect.poll(() => env.routes.apiCalls(site.id).length).toBe(1);

      const hash = await hashInWorker(env.browser.serviceWorker, RISKY);
      await expect
        .poll(async () => (await auditLog(env.browser.serviceWorker)).find((e) => e.kind === 'override' && e.textHash === hash))
        .toMatchObject({
          site: siteKey,
          handle: options.handle,
          reason: '広報担当が確認済みです',
          findings: [{ rule: 'compliance/e2e-kuromame', category: 'compliance', severity: 'block' }],
        });
    });

    test('a clean post goes through on the first click', async () => {
      await typeIntoComposer(env, site, BENIGN);
      await waitForVerdict(env.page, 1, 'ok', 0);
      await postButtonLocator(env.page, site).click();
      expect(await waitForPosts(env.page, 1)).toEqual([expect.objectContaining({ text: BENIGN, via: 'click' })]);
    });

    if (site.keyboardSubmit) {
      test('Ctrl+Enter before the check returned waits for it: risky is held, then clean posts', async () => {
        await openComposer(env, site);
        await env.page.keyboard.type(RISKY); // no IME: the check waits for the typing pause
        await env.page.keyboard.press('Control+Enter'); // inside that pause
        await expectHeld(env, site);
        await badge(env.page).locator('[data-action="back"]').click();
        await env.page.locator(site.composers[0]!.editor).click();
        await env.page.keyboard.press('Control+a');
        await env.page.keyboard.type(BENIGN);
        await env.page.keyboard.press('Control+Enter');
        expect(await waitForPosts(env.page, 1)).toEqual([expect.objectContaining({ text: BENIGN })]);
      });
    } else {
      test('Ctrl+Enter is not a post path here: nothing is held, and nothing is posted for it later', async () => {
        await openComposer(env, site);
        await env.page.keyboard.type(BENIGN); // no IME: the check waits for the typing pause
        await env.page.keyboard.press('Control+Enter'); // a gate taking it would post it after the check
        await waitForVerdict(env.page, 1, 'ok', 0);
        expect(await badge(env.page).getAttribute('data-kakunin-gate')).toBe(null);
        expect(await fixturePosts(env.page)).toEqual([]);
      });
    }

    test('the English UI (?locale=en): the composer and its post button are found, and the post is held', async () => {
      await typeIntoComposer(env, site, RISKY, `${site.url}?locale=en`);
      await waitForVerdict(env.page, 1, 'block', 2);
      await postButtonLocator(env.page, site).click();
      await expectHeld(env, site);
    });

    test('fails open with a visible notice when the background cannot check', async () => {
      await breakChecks(env.browser.serviceWorker, true);
      await typeIntoComposer(env, site, RISKY);
      await expect.poll(() => badge(env.page).getAttribute('data-kakunin-notice')).toBe('unreachable');
      await expect.poll(() => badge(env.page).locator('.notice').isVisible()).toBe(true);
      await saveScreenshot(env.page, `${site.id} fail open notice`);
      // The notice pops up under the badge, which can be over part of the site's post button
      // (Facebook's is full-width): click its label, at its start, as a person would.
      await postButtonLocator(env.page, site).click({ position: { x: 4, y: 4 } });
      expect(await waitForPosts(env.page, 1)).toEqual([expect.objectContaining({ text: RISKY })]);
    });
  });
}
