// Kakunin on the Bluesky fixture (TipTap in the composer; [data-testid=composerPublishBtn];
// Ctrl/Cmd+Enter from the editor's own key handler; the composer's own account switcher), on the
// production build in real Chromium.
import { describe, expect, test } from 'vitest';
import { fixturePosts, postButtonLocator, waitForPosts } from './support/fixture-page.ts';
import { typeWithIme } from './support/ime.ts';
import { badge, E2E_LIST, waitForVerdict } from './support/kakunin.ts';
import { SITES } from './support/sites.ts';
import { expectHeld, gateSuite, openComposer, useKakunin, warningSuite } from './suites/composer-suite.ts';

const bluesky = SITES.bluesky;
const COMPANY = 'kakunin.bsky.social';
const PERSONAL = 'kakunin-support.bsky.social';

/** A rule for the company account only: an unannounced product name. */
const COMPANY_ONLY = {
  id: 'e2e-company',
  name: 'E2E company only',
  enabled: true,
  entries: [
    {
      id: 'confidential/e2e-aoarashi',
      category: 'confidential',
      severity: 'block',
      patterns: ['青嵐ブレンド'],
      when: { account: 'company' },
      message: { ja: '未発表の商品名です', en: 'An unannounced product name' },
    },
  ],
};
/** Benign for the personal account, held for the company account. */
const DRAFT = '週末は青嵐ブレンドを家で試しました。';

const env = useKakunin({
  lists: [E2E_LIST, COMPANY_ONLY],
  accounts: [
    { site: 'bluesky', handle: COMPANY, kind: 'company' },
    { site: 'bluesky', handle: PERSONAL, kind: 'personal' },
  ],
});
warningSuite(env, bluesky);
gateSuite(env, bluesky, { handle: COMPANY });

describe("bluesky: the composer's own account decides the check", () => {
  const switchAccount = () => env.page.locator(bluesky.account!).click();
  const switcherText = () => env.page.locator(bluesky.account!).innerText();

  test('a company-only rule holds the company account and lets the personal one post, switched in the composer', async () => {
    await openComposer(env, bluesky);
    await typeWithIme(env.page, DRAFT);
    expect(await switcherText()).toBe(`@${COMPANY}`);
    await waitForVerdict(env.page, 1, 'block', 1);
    await postButtonLocator(env.page, bluesky).click();
    await expectHeld(env, bluesky);
    await badge(env.page).locator('[data-action="back"]').click();

    // The session stays the company account (nav profile link); only the composer switches.
    await switchAccount();
    expect(await switcherText()).toBe(`@${PERSONAL}`);
    await postButtonLocator(env.page, bluesky).click();
    expect(await waitForPosts(env.page, 1)).toEqual([expect.objectContaining({ text: DRAFT, account: `@${PERSONAL}` })]);
  });

  test('switching to the company account right before Ctrl+Enter is held, though the last check was personal', async () => {
    await openComposer(env, bluesky);
    await switchAccount();
    await typeWithIme(env.page, DRAFT);
    await waitForVerdict(env.page, 1, 'ok', 0);
    await switchAccount();
    await env.page.locator(bluesky.composers[0]!.editor).click();
    await env.page.keyboard.press('Control+Enter');
    await expectHeld(env, bluesky);
    // The badge now shows the company account's finding.
    await waitForVerdict(env.page, 1, 'block', 1);
    expect(await fixturePosts(env.page)).toEqual([]);
  });
});
