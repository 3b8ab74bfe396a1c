/**
 * note (note.com, editor.note.com): the body of a text note. Every note selector Kakunin uses is
 * in this file.
 *
 * Evidence: compose-boxes.md ("editor on editor.note.com (.ProseMirror); publishing is two steps
 * (公開に進む, then 投稿する on /notes/{id}/publish/): gate the final button and carry the check
 * across the navigation") and tests/e2e/fixtures/note (note.com/notes/new hands off to
 * editor.note.com/notes/{id}/edit/: title textarea + TipTap body, 公開に進む saves the draft and
 * navigates; /notes/{id}/publish/ shows the title and publish settings, not the body, and
 * 投稿する publishes; the header links the author, a.o-navbarPrimary__user). note's UI is in
 * Japanese only.
 *
 * The title is a composer of its own (a <textarea>, checked and underlined like Mastodon's), found
 * after the body so the body stays the page's first composer. The publish page shows neither
 * body nor title in full, so the adapter declares a `laterStep`: the runtime keeps the title and
 * body written on the edit page and gates 投稿する with a check of both (src/page/later-step.ts).
 *
 * Test URLs: https://note.com/notes/new (redirects to the editor),
 * https://editor.note.com/notes/<id>/edit/, then 公開に進む to https://editor.note.com/notes/<id>/publish/;
 * an already published note's edit page (its last button reads 更新する).
 */
import { findInComposer, queryFirst, type SelectorCounts } from './named';
import { isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

export const NOTE_SELECTORS = {
  /** The body. */
  editor: '.ProseMirror[contenteditable="true"]',
  /** The title, a <textarea> above the body. */
  title: 'textarea[placeholder="記事タイトル"]',
  /** Edit page: saves the draft and leads on to the publish page (not gated itself). */
  proceedButton: { css: 'button', names: ['公開に進む'] },
  /** Publish page: publishes; 更新する when republishing an edited note (unverified). */
  publishButton: { css: 'button', names: ['投稿する', '更新する'] },
  /** The author's link in the header: https://note.com/<urlname>. */
  userLink: 'a.o-navbarPrimary__user',
} as const;

/** Selector proof: matches on the fixture's edit page and publish page. */
export const NOTE_SELECTOR_COUNTS = {
  editor: { edit: 1, publish: 0 },
  title: { edit: 1, publish: 0 },
  proceedButton: { edit: 1, publish: 0 },
  publishButton: { edit: 0, publish: 1 },
  userLink: { edit: 1, publish: 1 },
} satisfies SelectorCounts<typeof NOTE_SELECTORS, 'edit' | 'publish'>;

/** /notes/{id}/edit/ and /notes/{id}/publish/; note ids are "n" + lowercase hex-like characters. */
const NOTE_PAGE = /^\/notes\/(n[0-9a-z]+)\/(edit|publish)\/?$/;
/** note urlnames: letters, digits and "_". */
const USER_URL = /^https:\/\/note\.com\/([A-Za-z0-9_]+)\/?$/;

export const note: SiteAdapter = {
  id: 'note',
  matches: ['https://note.com/*', 'https://editor.note.com/*'],
  siteKey: () => 'note',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(NOTE_SELECTORS.editor)) {
      if (isEditable(el)) found.push({ editor: el, kind: 'prosemirror' });
    }
    for (const el of root.querySelectorAll<HTMLElement>(NOTE_SELECTORS.title)) {
      if (isEditable(el)) found.push({ editor: el, kind: 'textarea' });
    }
    return found;
  },
  // The header's 公開に進む, not near the editor: one draft per page.
  findPostButton: (editor) => findInComposer(editor, NOTE_SELECTORS.proceedButton, 'body'),
  readAccount(editor) {
    const href = editor.ownerDocument.querySelector<HTMLAnchorElement>(NOTE_SELECTORS.userLink)?.getAttribute('href') ?? '';
    return USER_URL.exec(href)?.[1];
  },
  laterStep: {
    draftId: (location) => NOTE_PAGE.exec(location.pathname)?.[1],
    isFinalPage: (location) => NOTE_PAGE.exec(location.pathname)?.[2] === 'publish',
    findFinalButton: (doc) => queryFirst(doc, NOTE_SELECTORS.publishButton),
  },
  quirks: { keyboardSubmit: false },
};
