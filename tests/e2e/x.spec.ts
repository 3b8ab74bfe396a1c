// Kakunin on the X fixture (Draft.js): warnings while typing with an IME, and the submit gate.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { clickPost, fixturePosts, fixtureText, gotoSite, openComposer, waitForPosts } from './support/fixture-page.ts';
import { composeWithIme, typeWithIme } from './support/ime.ts';
import { routeSites, type SiteRoutes } from './support/routes.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { SITES } from './support/sites.ts';
import { auditLog, badge, BENIGN, checksSeen, configure, gateDialog, hashInWorker, highlightTexts, recordChecks, RISKY, waitForVerdict } from './support/kakunin.ts';

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
  await page.close();
  routes.clear();
});

describe('warnings', () => {
  test('typing risky Japanese through an IME underlines exactly the risky words', async () => {
    await gotoSite(page, x);
    await typeWithIme(page, RISKY);
    await waitForVerdict(page, 1, 'block', 2);
    expect(await highlightTexts(page)).toEqual({ info: [], warn: ['白玉団子'], block: ['黒豆茶'] });
    expect(await fixtureText(page)).toBe(RISKY);
    await saveScreenshot(page, 'x warnings');
  });
});
