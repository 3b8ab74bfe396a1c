// Self-test of the fixture pages, without the extension: each editor keeps the
// Japanese that was typed (plain and through IME), and each site's own submit
// paths record a post and call its API, so gating tests can rely on them.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchPlain, type PlainBrowser } from './support/browser.ts';
import { routeSites, type SiteRoutes } from './support/routes.ts';
import { SITE_IDS, SITES, composerParts } from './support/sites.ts';
import { composeWithIme, typeText, typeWithIme } from './support/ime.ts';
import {
  clickPost,
  fixtureText,
  gotoSite,
  openComposer,
  postButtonLocator,
  waitForPosts,
} from './support/fixture-page.ts';

const TYPED = '本日、新商品を発売しました。\n詳しくはプロフィールから！';
const COMPOSED = '確認してから投稿します。\n二行目も変換します';

const SHORT = '確認テスト';

let browser: PlainBrowser;
let routes: SiteRoutes;
let page: Page;

beforeAll(async () => {
  browser = await launchPlain();
  routes = await routeSites(browser.context);
});
afterAll(() => browser?.close());
beforeEach(async () => {
  page = await browser.context.newPage();
});
afterEach(async () => {
  await page.close();
  routes.clear();
});

describe.each(SITE_IDS)('%s fixture', (id) => {
  const site = SITES[id];

  test('keeps keyboard-typed text in the editor model and posts it from the post button', async () => {
    await gotoSite(page, site);
    await typeText(page, TYPED);
    expect(await fixtureText(page)).toBe(TYPED);

    await clickPost(page, site);
    const via = site.postButtonSubmitsForm ? 'submit' : 'click';
    expect(await waitForPosts(page)).toEqual([expect.objectContaining({ composer: 0, text: TYPED, via })]);
    // The site's own API call carries the draft; nothing else does.
    await expect.poll(() => routes.requestsContaining(TYPED, { includeApi: true }).map((r) => r.outcome)).toEqual(['api']);
    expect(routes.apiCalls(id).length).toBeGreaterThanOrEqual(1);
  });

  test('keeps text committed through IME composition in the editor model', async () => {
    await gotoSite(page, site);
    await composeWithIme(page, 'かくにん', '確認');
    await typeWithIme(page, COMPOSED, { chunk: 3 });
    // Draft.js resolves a composition in a setTimeout after compositionend.
    await expect.poll(() => fixtureText(page)).toBe(`確認${COMPOSED}`);
  });

  test.runIf(site.keyboardSubmit).each(['Control+Enter', 'Meta+Enter'])('posts on %s in the editor', async (keys) => {
    await gotoSite(page, site);
    await typeText(page, SHORT);
    await page.keyboard.press(keys);
    expect(await waitForPosts(page)).toEqual([expect.objectContaining({ composer: 0, text: SHORT, via: 'keyboard' })]);
  });

  test(`is served at ${[site.url, ...site.altUrls].join(', ')}`, async () => {
    for (const url of [site.url, ...site.altUrls]) {
      await gotoSite(page, site, url);
      expect(await fixtureText(page)).toBe('');
    }
  });

  test('is found by the shared selectors with English labels too', async () => {
    const url = new URL(site.url);
    url.searchParams.set('locale', 'en');
    await gotoSite(page, site, url.href);
    await expect(page.locator(composerParts(site).postSteps[0] ?? '').count()).resolves.toBe(1);
  });
});

describe('x fixture', () => {
  const x = SITES.x;

  test('posts from the inline and the modal composer independently', async () => {
    await gotoSite(page, x, 'https://x.com/compose/post');
    await typeText(page, '一つ目');
    await openComposer(page, x, 1);
    await typeText(page, '二つ目');
    expect([await fixtureText(page, 0), await fixtureText(page, 1)]).toEqual(['一つ目', '二つ目']);

    await clickPost(page, x, 1);
    expect(await waitForPosts(page, 1)).toEqual([expect.objectContaining({ composer: 1, text: '二つ目', via: 'click' })]);
    // The modal closes after posting; the inline draft is untouched.
    await expect.poll(() => page.url()).toBe('https://x.com/home');
    expect(await fixtureText(page, 0)).toBe('一つ目');

    await clickPost(page, x, 0);
    const posts = await waitForPosts(page, 2);
    expect(posts[1]).toEqual(expect.objectContaining({ composer: 0, text: '一つ目', via: 'click', account: '@kakunin_jp' }));
  });

  test('opens the modal composer from the side nav in-page and posts it with Ctrl+Enter', async () => {
    await gotoSite(page, x);
    await openComposer(page, x, 1);
    expect(page.url()).toBe('https://x.com/compose/post');
    await expect(postButtonLocator(page, x, 1).isDisabled()).resolves.toBe(true);
    await typeText(page, SHORT);
    await page.keyboard.press('Control+Enter');
    expect(await waitForPosts(page)).toEqual([expect.objectContaining({ composer: 1, text: SHORT, via: 'keyboard' })]);
    expect(await fixtureText(page, 0)).toBe('');
  });
});

describe('mastodon fixture', () => {
  test('submits the form from the submit button, with the content warning', async () => {
    await gotoSite(page, SITES.mastodon, 'https://social.example.jp/home');
    await typeText(page, TYPED);
    await page.getByRole('button', { name: '閲覧注意' }).click();
    await page.locator('.spoiler-input__input').fill('注意');
    await clickPost(page, SITES.mastodon);
    expect(await waitForPosts(page)).toEqual([
      { composer: 0, text: TYPED, via: 'submit', account: '@koho', fields: { spoiler_text: '注意' } },
    ]);
  });

  test('renders #initial-state per instance', async () => {
    for (const [url, acct] of [['https://mastodon.social/home', 'kakunin_jp'], ['https://social.example.jp/home', 'koho']]) {
      await page.goto(url ?? '');
      const state = JSON.parse((await page.locator('#initial-state').textContent()) ?? '') as {
        meta: { me: string; access_token: string };
        accounts: Record<string, { acct: string }>;
      };
      expect(state.accounts[state.meta.me]?.acct).toBe(acct);
      expect(state.meta.access_token).toMatch(/^fixture-token-/);
    }
  });
});

describe('note fixture', () => {
  test('publishes in two steps across a navigation, carrying title and body', async () => {
    await gotoSite(page, SITES.note, 'https://note.com/notes/new');
    expect(page.url()).toBe(SITES.note.url);
    await typeText(page, TYPED);
    await page.getByPlaceholder('記事タイトル').fill('お知らせ');
    await clickPost(page, SITES.note);
    expect(page.url()).toBe('https://editor.note.com/notes/n0a1b2c3d4e5/publish/');
    expect(await waitForPosts(page)).toEqual([
      { composer: 0, text: TYPED, via: 'click', account: 'kakunin_koho', fields: { title: 'お知らせ' } },
    ]);
  });
});

describe('bluesky fixture', () => {
  test('posts as the account chosen in the composer', async () => {
    await gotoSite(page, SITES.bluesky);
    await page.locator(SITES.bluesky.account ?? '').click();
    await page.locator(SITES.bluesky.composers[0]?.editor ?? '').click();
    await typeText(page, 'サブアカウントから');
    await clickPost(page, SITES.bluesky);
    expect(await waitForPosts(page)).toEqual([
      expect.objectContaining({ text: 'サブアカウントから', account: '@kakunin-support.bsky.social' }),
    ]);
  });
});

describe('typeWithIme', () => {
  test('drives a real composition: start, updates, composing input, end', async () => {
    await gotoSite(page, SITES.mastodon);
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      for (const type of ['compositionstart', 'compositionupdate', 'compositionend', 'input']) {
        document.addEventListener(type, (event) => seen.push(`${type}${'isComposing' in event && event.isComposing ? '*' : ''}`), true);
      }
    });
    await composeWithIme(page, 'かんじ', '漢字');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen[0]).toBe('compositionstart');
    expect(seen.filter((type) => type === 'compositionupdate').length).toBeGreaterThanOrEqual(3);
    expect(seen.at(-1)).toBe('compositionend');
    expect(seen).toContain('input*');
    expect(seen).not.toContain('input');
    expect(await fixtureText(page)).toBe('漢字');
  });
});

describe('routing', () => {
  test('blocks and records requests to hosts without a fixture', async () => {
    await gotoSite(page, SITES.mastodon);
    await page.evaluate(() => fetch('https://api.example.com/collect?q=漏れ', { method: 'POST', body: '下書き' }).catch(() => 'blocked'));
    const leaks = routes.requestsContaining('漏れ');
    expect(leaks).toEqual([expect.objectContaining({ outcome: 'blocked', method: 'POST', postData: '下書き' })]);
    expect(routes.requestsContaining('下書き')).toHaveLength(1);
  });

  test('finds a draft sent URL-encoded or JSON-escaped', async () => {
    await gotoSite(page, SITES.mastodon);
    await page.evaluate(async (text) => {
      const send = (body: string) => fetch('https://telemetry.example.net/', { method: 'POST', body }).catch(() => undefined);
      await send(new URLSearchParams({ t: text }).toString());
      await send(JSON.stringify({ t: text }).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`));
    }, TYPED);
    expect(routes.requestsContaining(TYPED)).toHaveLength(2);
  });
});
