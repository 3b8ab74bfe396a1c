// Page-level helpers over the `window.__fixture` handle every fixture installs.
import type { Locator, Page } from 'playwright-core';
import type { FixturePost } from '../fixtures/shared/fixture-runtime.ts';
import { composerParts, type SiteFixture } from './sites.ts';

export type { FixturePost };

export function editorLocator(page: Page, site: SiteFixture, composer = 0): Locator {
  return page.locator(composerParts(site, composer).editor);
}

/** The button that finally publishes (the last step). */
export function postButtonLocator(page: Page, site: SiteFixture, composer = 0): Locator {
  const steps = composerParts(site, composer).postSteps;
  return page.locator(steps[steps.length - 1] ?? '');
}

/** Reveals composer `composer` if needed (dialog trigger), focuses it, returns its editor. */
export async function openComposer(page: Page, site: SiteFixture, composer = 0): Promise<Locator> {
  const parts = composerParts(site, composer);
  const editor = page.locator(parts.editor);
  if (parts.open && (await editor.count()) === 0) await page.locator(parts.open).click();
  await editor.click();
  return editor;
}

/** Loads the fixture (at `url`, default the site's) and opens composer 0. */
export async function gotoSite(page: Page, site: SiteFixture, url = site.url): Promise<Locator> {
  await page.goto(url);
  return openComposer(page, site);
}

/** Clicks every publish step of the composer, in order. */
export async function clickPost(page: Page, site: SiteFixture, composer = 0): Promise<void> {
  for (const step of composerParts(site, composer).postSteps) await page.locator(step).click();
}

export function fixtureText(page: Page, composer = 0): Promise<string> {
  return page.evaluate((index) => window.__fixture.getText(index), composer);
}

export function fixturePosts(page: Page): Promise<FixturePost[]> {
  return page.evaluate(() => window.__fixture.posts);
}

/** Resolves once the page has recorded at least `count` posts. */
export async function waitForPosts(page: Page, count = 1): Promise<FixturePost[]> {
  await page.waitForFunction((n) => (window.__fixture?.posts.length ?? 0) >= n, count);
  return fixturePosts(page);
}
