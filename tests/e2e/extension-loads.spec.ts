// Smoke test of the harness on the production build: the extension from
// `npx wxt build` (.output/chrome-mv3) loads into real Chromium, its service
// worker starts, and it can read its own files while every site is routed.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, type ExtensionBrowser } from './support/browser.ts';
import { routeSites, type SiteRoutes } from './support/routes.ts';
import { gotoSite } from './support/fixture-page.ts';
import { SITES } from './support/sites.ts';
import { saveScreenshot } from './support/screenshots.ts';

interface Manifest {
  name: string;
  background: { service_worker: string };
}

let browser: ExtensionBrowser;
let routes: SiteRoutes;
let manifest: Manifest;

beforeAll(async () => {
  // Fails with "run `npx wxt build` first" when there is no build.
  browser = await launchWithExtension();
  // the build under test: a private copy when KAKUNIN_EXTENSION points at one (as launchWithExtension loads)
  manifest = JSON.parse(readFileSync(join(process.env.KAKUNIN_EXTENSION ?? '.output/chrome-mv3', 'manifest.json'), 'utf8')) as Manifest;
  routes = await routeSites(browser.context);
});
afterAll(() => browser?.close());

test('starts the service worker of the built extension and reports its id', () => {
  expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
  expect(browser.serviceWorker.url()).toBe(`chrome-extension://${browser.extensionId}/${manifest.background.service_worker}`);
});

test('lets the extension fetch its own files through the routed context', async () => {
  const name = await browser.serviceWorker.evaluate(async () => {
    const response = await fetch(new URL('manifest.json', location.href));
    return ((await response.json()) as { name: string }).name;
  });
  expect(name).toBe(manifest.name);
});

test('serves a fixture with the extension loaded and sends nothing off the fixture hosts', async () => {
  const page = await browser.context.newPage();
  await gotoSite(page, SITES.x);
  await page.keyboard.type('拡張機能あり', { delay: 20 });
  expect(await page.evaluate(() => window.__fixture.getText())).toBe('拡張機能あり');
  expect(routes.log.filter((record) => record.outcome === 'blocked')).toEqual([]);
  expect(existsSync(await saveScreenshot(page, 'extension-loads x home'))).toBe(true);
  await page.close();
});
