/**
 * Threads (www.threads.com, formerly www.threads.net). Every Threads selector Kakunin uses is in
 * this file.
 *
 * Evidence: compose-boxes.md ("div[role=textbox][data-lexical-editor=true]; Post is a
 * div[role=button] with a localized label, no test ids") and tests/e2e/fixtures/threads ("What's
 * new?" opens the "New thread" dialog: Lexical 0.52 in plain-text mode, Post is div[role=button]
 * labelled 投稿 / Post, Ctrl/Cmd+Enter posts from Lexical's own Enter command, the username is
 * shown above the editor). A thread of several posts has one editor per post and one Post button
 * for all of them, which is right: it posts them all.
 *
 * Test URLs: https://www.threads.com/ ("What's new?"), a reply on any
 * https://www.threads.com/@<user>/post/<id>, https://www.threads.net/ (redirects to .com).
 */
import { BUTTON, findInComposer, lastTokenBefore, type SelectorCounts } from './named';
import { isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

export const THREADS_SELECTORS = {
  /** New thread, reply and quote composers all open in a dialog. */
  editor: '[role="dialog"] div[role="textbox"][data-lexical-editor="true"]',
  dialog: '[role="dialog"]',
  /** Visible text 投稿 / Post (the fixture also sets it as aria-label; either is read). */
  postButton: { css: BUTTON, names: ['投稿', 'Post'] },
  /** Where the composer row's author line is looked for (see lastTokenBefore). */
  authorText: '[role="dialog"] span',
} as const;

/** Threads (Instagram) usernames: letters, digits, "." and "_", at most 30. */
export const THREADS_USERNAME = /^[A-Za-z0-9._]{1,30}$/;

/** Selector proof: matches on the fixture's home page and with the New thread dialog open (ja and en). */
export const THREADS_SELECTOR_COUNTS = {
  editor: { home: 0, composer: 1 },
  dialog: { home: 0, composer: 1 },
  postButton: { home: 0, composer: 1 },
  // The username and the button labels' spans (buttons are skipped when reading).
  authorText: { home: 0, composer: 3 },
} satisfies SelectorCounts<typeof THREADS_SELECTORS, 'home' | 'composer'>;

export const threads: SiteAdapter = {
  id: 'threads',
  matches: ['https://www.threads.com/*', 'https://www.threads.net/*'],
  siteKey: () => 'threads',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(THREADS_SELECTORS.editor)) {
      if (isEditable(el)) found.push({ editor: el, kind: 'lexical' });
    }
    return found;
  },
  findPostButton: (editor) => findInComposer(editor, THREADS_SELECTORS.postButton, THREADS_SELECTORS.dialog),
  // The signed-in account posts (Threads has no per-composer account choice); the composer row
  // names it right above the editor. The dialog of a reply also shows the replied-to author,
  // earlier in the dialog, which lastTokenBefore passes over.
  readAccount(editor) {
    const dialog = editor.closest(THREADS_SELECTORS.dialog);
    return dialog ? lastTokenBefore(editor, dialog, 'span', THREADS_USERNAME) : undefined;
  },
  quirks: { keyboardSubmit: true },
};
