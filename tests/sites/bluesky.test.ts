// @vitest-environment happy-dom
// The Bluesky adapter on the fixture page (tests/e2e/fixtures/bluesky: real TipTap, the composer's
// own account switcher, ja and en labels) and on bsky.app shapes (social-app's composer).
import { afterEach, describe, expect, it } from 'vitest';
import { BLUESKY_SELECTORS, BLUESKY_SELECTOR_COUNTS, bluesky, handleForDid } from '../../src/sites/bluesky';
import { loadFixture, type Locale } from './support/fixture-dom';
import { click, expectSelectorCounts } from './support/selector-proof';

const TRIGGER = 'nav button';

afterEach(() => localStorage.clear());

describe.each<[Locale, string]>([
  ['ja', '投稿を公開'],
  ['en', 'Publish post'],
])('bluesky adapter on the fixture (%s)', (locale, publishLabel) => {
  it('matches the proof counts on the home page and in the composer', async () => {
    await loadFixture('bluesky', { locale });
    expectSelectorCounts(BLUESKY_SELECTORS, BLUESKY_SELECTOR_COUNTS, 'home', `home (${locale})`);
    expect(bluesky.findComposers(document)).toEqual([]);
    click(TRIGGER);
    expectSelectorCounts(BLUESKY_SELECTORS, BLUESKY_SELECTOR_COUNTS, 'composer', `composer (${locale})`);
  });

  it("finds the TipTap editor and its publish button; the account follows the composer's switcher", async () => {
    await loadFixture('bluesky', { locale });
    click(TRIGGER);
    const found = bluesky.findComposers(document);
    expect(found.map((c) => c.kind)).toEqual(['prosemirror']);
    const editor = found[0]!.editor;
    expect(bluesky.findPostButton(editor)?.getAttribute('aria-label')).toBe(publishLabel);
    expect(bluesky.readAccount(editor)).toBe('kakunin.bsky.social');
    click('[data-testid="composePostView"] > button');
    // The session is still kakunin.bsky.social (nav profile link); the composer posts as the other.
    expect(document.querySelector('nav a')?.getAttribute('href')).toBe('/profile/kakunin.bsky.social');
    expect(bluesky.readAccount(editor)).toBe('kakunin-support.bsky.social');
  });
});

describe('bluesky adapter on bsky.app shapes', () => {
  const composer = (switcher: string) => `
    <nav><a href="/profile/session.bsky.social" aria-label="Profile">Profile</a></nav>
    <div data-testid="composePostView"><div aria-modal="true">
      <button data-testid="composerDiscardButton">Cancel</button>
      <button data-testid="composerPublishBtn" aria-label="Publish posts">Post all</button>
      ${switcher}
      <div class="tiptap ProseMirror" contenteditable="true" role="textbox" aria-label="Rich-Text Editor"><p>1</p></div>
      <div class="tiptap ProseMirror" contenteditable="true" role="textbox" aria-label="Rich-Text Editor"><p>2</p></div>
    </div></div>`;
  const avatar = (did: string) => `<img src="https://cdn.bsky.app/img/avatar/plain/${did}/bafkreiabc@jpeg" alt="">`;

  it('gives every post of a thread the one publish button', () => {
    document.body.innerHTML = composer('');
    const boxes = bluesky.findComposers(document);
    expect(boxes).toHaveLength(2);
    expect(new Set(boxes.map((b) => bluesky.findPostButton(b.editor)?.textContent))).toEqual(new Set(['Post all']));
  });

  it("reads the selected account from the switcher's avatar DID and the persisted account list", () => {
    localStorage.setItem(
      'BSKY_STORAGE',
      JSON.stringify({
        session: {
          currentAccount: { did: 'did:plc:session' },
          accounts: [
            { did: 'did:plc:session', handle: 'session.bsky.social', accessJwt: 'secret-a' },
            { did: 'did:plc:brand', handle: 'brand.example.jp', accessJwt: 'secret-b' },
          ],
        },
      }),
    );
    document.body.innerHTML = composer(`<button aria-label="Switch account">${avatar('did:plc:brand')}</button>`);
    const [first] = bluesky.findComposers(document);
    expect(bluesky.readAccount(first!.editor)).toBe('brand.example.jp');
    expect(handleForDid(localStorage, 'did:plc:brand')).toBe('brand.example.jp');
    expect(handleForDid(localStorage, 'did:plc:nobody')).toBeUndefined();
  });

  it("does not fall back to the session's account while the composer can post as another one", () => {
    document.body.innerHTML = composer(`<button aria-label="Switch account">${avatar('did:plc:unknown')}</button>`);
    const [first] = bluesky.findComposers(document);
    expect(bluesky.readAccount(first!.editor)).toBeUndefined();
    // One account only: the switcher is disabled and the session's account posts.
    document.querySelector('[aria-label="Switch account"]')!.setAttribute('disabled', '');
    expect(bluesky.readAccount(first!.editor)).toBe('session.bsky.social');
  });

  it('survives a broken persisted state', () => {
    localStorage.setItem('BSKY_STORAGE', '{broken');
    expect(handleForDid(localStorage, 'did:plc:brand')).toBeUndefined();
    expect(handleForDid(undefined, 'did:plc:brand')).toBeUndefined();
  });

  it('declares bsky.app, uses "bluesky" as its key and gates Ctrl/Cmd+Enter', () => {
    expect(bluesky.matches).toEqual(['https://bsky.app/*']);
    expect(bluesky.siteKey({ host: 'bsky.app' })).toBe('bluesky');
    expect(bluesky.quirks?.keyboardSubmit).toBe(true);
  });
});
