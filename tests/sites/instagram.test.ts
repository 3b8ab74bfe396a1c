// @vitest-environment happy-dom
// The Instagram adapter on the fixture page (tests/e2e/fixtures/instagram: the caption step as a
// real Lexical plain-text editor, ja and en labels) and on other shapes instagram.com has used.
import { describe, expect, it } from 'vitest';
import { INSTAGRAM_SELECTORS, INSTAGRAM_SELECTOR_COUNTS, instagram } from '../../src/sites/instagram';
import { loadFixture, type Locale } from './support/fixture-dom';
import { click, expectSelectorCounts } from './support/selector-proof';

const TRIGGER = 'nav a';

describe.each<[Locale, string]>([
  ['ja', 'シェア'],
  ['en', 'Share'],
])('instagram adapter on the fixture (%s)', (locale, shareLabel) => {
  it('matches the proof counts on the home page and at the caption step', async () => {
    await loadFixture('instagram', { locale });
    expectSelectorCounts(INSTAGRAM_SELECTORS, INSTAGRAM_SELECTOR_COUNTS, 'home', `home (${locale})`);
    expect(instagram.findComposers(document)).toEqual([]);
    click(TRIGGER);
    expectSelectorCounts(INSTAGRAM_SELECTORS, INSTAGRAM_SELECTOR_COUNTS, 'caption', `caption step (${locale})`);
  });

  it('finds the caption editor, the Share button in its header and the username', async () => {
    await loadFixture('instagram', { locale });
    click(TRIGGER);
    const found = instagram.findComposers(document);
    expect(found.map((c) => c.kind)).toEqual(['lexical']);
    const editor = found[0]!.editor;
    expect(instagram.findPostButton(editor)?.getAttribute('aria-label')).toBe(shareLabel);
    expect(instagram.readAccount(editor)).toBe('kakunin_jp');
  });
});

describe('instagram adapter on instagram.com shapes', () => {
  it('takes a caption <textarea> (older builds) as a textarea composer', () => {
    document.body.innerHTML = `<div role="dialog"><div role="button">Share</div><textarea aria-label="Write a caption..."></textarea></div>`;
    const found = instagram.findComposers(document);
    expect(found.map((c) => c.kind)).toEqual(['textarea']);
    expect(instagram.findPostButton(found[0]!.editor)?.textContent).toBe('Share');
  });

  it('leaves comment boxes alone, in the feed and in a post dialog', () => {
    document.body.innerHTML = `<form><textarea aria-label="コメントを追加…"></textarea></form>
      <div role="dialog"><textarea aria-label="Add a comment…"></textarea><div role="button">Post</div></div>`;
    expect(instagram.findComposers(document)).toEqual([]);
  });

  it('matches the caption label case-insensitively ("Caption" in some builds)', () => {
    document.body.innerHTML = `<div role="dialog"><div contenteditable="true" role="textbox" aria-label="Caption"><p><br></p></div></div>`;
    expect(instagram.findComposers(document).map((c) => c.kind)).toEqual(['plain']);
  });

  it('declares www.instagram.com, uses "instagram" as its key; Ctrl+Enter does not post there', () => {
    expect(instagram.matches).toEqual(['https://www.instagram.com/*']);
    expect(instagram.siteKey({ host: 'www.instagram.com' })).toBe('instagram');
    expect(instagram.quirks?.keyboardSubmit).toBe(false);
  });
});
