// @vitest-environment happy-dom
// The LinkedIn adapter on the fixture page (tests/e2e/fixtures/linkedin: real Quill 2 in the
// share modal, ja and en labels) and on linkedin.com shapes the fixture does not have.
import { describe, expect, it } from 'vitest';
import { LINKEDIN_SELECTORS, LINKEDIN_SELECTOR_COUNTS, linkedin } from '../../src/sites/linkedin';
import { loadFixture, type Locale } from './support/fixture-dom';
import { click, expectSelectorCounts } from './support/selector-proof';

const TRIGGER = 'button.share-box-feed-entry__trigger';

describe.each<[Locale, string]>([
  ['ja', '投稿'],
  ['en', 'Post'],
])('linkedin adapter on the fixture (%s)', (locale, postLabel) => {
  it('matches the proof counts on the feed and in the share modal', async () => {
    await loadFixture('linkedin', { locale });
    expectSelectorCounts(LINKEDIN_SELECTORS, LINKEDIN_SELECTOR_COUNTS, 'feed', `feed (${locale})`);
    expect(linkedin.findComposers(document)).toEqual([]);
    click(TRIGGER);
    expectSelectorCounts(LINKEDIN_SELECTORS, LINKEDIN_SELECTOR_COUNTS, 'modal', `share modal (${locale})`);
  });

  it("finds the modal's Quill editor, the post button by its text, and the author", async () => {
    await loadFixture('linkedin', { locale });
    click(TRIGGER);
    const found = linkedin.findComposers(document);
    expect(found.map((c) => c.kind)).toEqual(['quill']);
    const editor = found[0]!.editor;
    const button = linkedin.findPostButton(editor);
    expect(button?.textContent).toBe(postLabel);
    expect(button?.classList.contains('share-actions__primary-action')).toBe(true);
    expect(linkedin.readAccount(editor)).toBe('山田 太郎');
  });
});

describe('linkedin adapter on linkedin.com shapes', () => {
  const modal = (inner: string) => `<div role="dialog" aria-labelledby="share-to-linkedin-modal__header">
    <h2 id="share-to-linkedin-modal__header">Create a post</h2>
    <button class="share-unified-settings-entry-button"><div><span> Kasa </span></div><span>Post to Anyone</span></button>
    <div class="ql-editor" contenteditable="true" role="textbox" aria-label="Text editor for creating content"><p><br></p></div>
    ${inner}</div>`;

  it('reads the author (a company page) from the first line of the identity button', () => {
    document.body.innerHTML = modal('<div class="share-box_actions"><button class="share-actions__primary-action"><span>Post</span></button></div>');
    const [box] = linkedin.findComposers(document);
    expect(linkedin.readAccount(box!.editor)).toBe('Kasa');
  });

  it('still finds the post button by its class when it reads Schedule', () => {
    document.body.innerHTML = modal('<button class="share-actions__primary-action"><span>Schedule</span></button>');
    const [box] = linkedin.findComposers(document);
    expect(linkedin.findPostButton(box!.editor)?.textContent).toBe('Schedule');
  });

  it('leaves comment boxes and the messaging overlay alone', () => {
    document.body.innerHTML = `
      <div role="dialog"><p>This is a modal window.</p><div class="ql-editor" contenteditable="true"><p><br></p></div><button>Send</button></div>
      <form class="comments-comment-box__form"><div class="comments-comment-texteditor"><div class="ql-editor" contenteditable="true"><p><br></p></div></div>
      <button class="comments-comment-box__submit-button"><span>Post</span></button></form>`;
    expect(linkedin.findComposers(document)).toEqual([]);
  });

  it('returns no button when neither label nor class is there (site changed)', () => {
    document.body.innerHTML = modal('<button class="artdeco-button--primary"><span>Publish</span></button>');
    const [box] = linkedin.findComposers(document);
    expect(linkedin.findPostButton(box!.editor)).toBeNull();
  });

  it('declares www.linkedin.com, uses "linkedin" as its key; Ctrl+Enter does not post there', () => {
    expect(linkedin.matches).toEqual(['https://www.linkedin.com/*']);
    expect(linkedin.siteKey({ host: 'www.linkedin.com' })).toBe('linkedin');
    expect(linkedin.quirks?.keyboardSubmit).toBe(false);
  });
});
