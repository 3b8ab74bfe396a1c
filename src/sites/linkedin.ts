/**
 * LinkedIn (www.linkedin.com): the share modal ("Start a post"). Every LinkedIn selector Kakunin
 * uses is in this file.
 *
 * Evidence: compose-boxes.md ("Quill .ql-editor in the share modal; button.share-actions__primary-action"),
 * tests/e2e/fixtures/linkedin (Quill 2 in div[role=dialog].share-box-v2__modal
 * [aria-labelledby=share-to-linkedin-modal__header]; the editor is role=textbox labelled
 * "Text editor for creating content" / コンテンツを作成するテキストエディタ; the post button's text
 * is 投稿 / Post), and a public live recon of linkedin.com (2026-08: the modal is
 * [role=dialog][aria-labelledby="share-to-linkedin-modal__header"]; a bare [role=dialog] may be the
 * messaging overlay; the author, person or company page, is the first line of
 * .share-unified-settings-entry-button; the post button is .share-actions__primary-action, which
 * also posts when it reads "Schedule"). Comment boxes are Quill editors too
 * (.comments-comment-texteditor .ql-editor), outside the share modal: left alone.
 *
 * Test URLs: https://www.linkedin.com/feed/ ("Start a post"),
 * https://www.linkedin.com/preload/sharebox/ (the modal on its own),
 * https://www.linkedin.com/company/<id>/admin/page-posts/published/?share=true (as a company page).
 */
import { findInComposer, queryFirst, type SelectorCounts } from './named';
import { isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

const MODAL = ':is([role="dialog"][aria-labelledby="share-to-linkedin-modal__header"], [role="dialog"].share-box-v2__modal)';

export const LINKEDIN_SELECTORS = {
  modal: MODAL,
  editor: `${MODAL} .ql-editor[contenteditable="true"]`,
  /** The post button by its text (投稿 / Post), as its users know it. */
  postButton: { css: 'button', names: ['投稿', 'Post'] },
  /** The same button by its design-system class: still found when it reads "Schedule" / 予約. */
  primaryAction: 'button.share-actions__primary-action',
  /** Who posts: "NAME / Post to Anyone" on linkedin.com; the fixture's header subtitle. */
  author: '.share-unified-settings-entry-button, .share-box-v2__header-subtitle',
} as const;

/** Selector proof: matches on the fixture's feed and with the share modal open (ja and en). */
export const LINKEDIN_SELECTOR_COUNTS = {
  modal: { feed: 0, modal: 1 },
  editor: { feed: 0, modal: 1 },
  postButton: { feed: 0, modal: 1 },
  primaryAction: { feed: 0, modal: 1 },
  author: { feed: 0, modal: 1 },
} satisfies SelectorCounts<typeof LINKEDIN_SELECTORS, 'feed' | 'modal'>;

/** The first line of text in `el` (the author's name above "Post to Anyone"). */
function firstLine(el: Element): string | undefined {
  const walker = el.ownerDocument.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

export const linkedin: SiteAdapter = {
  id: 'linkedin',
  matches: ['https://www.linkedin.com/*'],
  siteKey: () => 'linkedin',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(LINKEDIN_SELECTORS.editor)) {
      if (isEditable(el)) found.push({ editor: el, kind: 'quill' });
    }
    return found;
  },
  findPostButton: (editor) =>
    findInComposer(editor, LINKEDIN_SELECTORS.postButton, MODAL) ?? findInComposer(editor, LINKEDIN_SELECTORS.primaryAction, MODAL),
  // A company page's admin posts as the page: the modal names the page instead of the person.
  readAccount(editor) {
    const modal = editor.closest(MODAL);
    const author = modal && queryFirst(modal, LINKEDIN_SELECTORS.author);
    return author ? firstLine(author) : undefined;
  },
  quirks: { keyboardSubmit: false },
};
