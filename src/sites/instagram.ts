/**
 * Instagram (www.instagram.com): the caption of a new post. Every Instagram selector Kakunin uses
 * is in this file.
 *
 * Evidence: compose-boxes.md ("caption textarea/contenteditable with an aria-label containing
 * caption; unverified") and tests/e2e/fixtures/instagram (the "New post" link opens "Create new
 * post"; the caption is a Lexical plain-text contenteditable labelled "Write a caption..." /
 * キャプションを入力…; Share (シェア) is a div[role=button] in the dialog's header; the username
 * shows above the caption). Older builds used a <textarea> with the same label: both are matched.
 * Comment boxes ("Add a comment…") are not captions and are left alone.
 *
 * Test URLs: https://www.instagram.com/ ("New post" / 作成 in the side bar, pick a photo, Next
 * to the caption step), https://www.instagram.com/<user>/ (same dialog).
 */
import { BUTTON, findInComposer, lastTokenBefore, type SelectorCounts } from './named';
import { detectEditorKind, isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

const CAPTION_LABEL = ':is([aria-label*="キャプション"], [aria-label*="caption" i])';

export const INSTAGRAM_SELECTORS = {
  editor: `[role="dialog"] :is(div[role="textbox"][contenteditable="true"], textarea)${CAPTION_LABEL}`,
  dialog: '[role="dialog"]',
  /** シェア / Share: the last step of "Create new post". */
  postButton: { css: BUTTON, names: ['シェア', 'Share'] },
  /** Where the author line above the caption is looked for (see lastTokenBefore). */
  authorText: '[role="dialog"] span',
} as const;

/** Instagram usernames: letters, digits, "." and "_", at most 30. */
const USERNAME = /^[A-Za-z0-9._]{1,30}$/;

/** Selector proof: matches on the fixture's home page and at the caption step (ja and en). */
export const INSTAGRAM_SELECTOR_COUNTS = {
  editor: { home: 0, caption: 1 },
  dialog: { home: 0, caption: 1 },
  postButton: { home: 0, caption: 1 },
  // The username and the Share and Close buttons' spans (buttons are skipped when reading).
  authorText: { home: 0, caption: 3 },
} satisfies SelectorCounts<typeof INSTAGRAM_SELECTORS, 'home' | 'caption'>;

export const instagram: SiteAdapter = {
  id: 'instagram',
  matches: ['https://www.instagram.com/*'],
  siteKey: () => 'instagram',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(INSTAGRAM_SELECTORS.editor)) {
      // Lexical today (data-lexical-editor), a textarea in older builds.
      if (isEditable(el)) found.push({ editor: el, kind: detectEditorKind(el) });
    }
    return found;
  },
  findPostButton: (editor) => findInComposer(editor, INSTAGRAM_SELECTORS.postButton, INSTAGRAM_SELECTORS.dialog),
  // The caption step shows the posting account's username above the caption.
  readAccount(editor) {
    const dialog = editor.closest(INSTAGRAM_SELECTORS.dialog);
    return dialog ? lastTokenBefore(editor, dialog, 'span', USERNAME) : undefined;
  },
  quirks: { keyboardSubmit: false },
};
