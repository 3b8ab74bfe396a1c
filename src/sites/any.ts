/**
 * "Any text box": the sites the user added in options as "other" (settings.customSites, kind
 * 'any'), checked only while the opt-in `anyTextBox` is on (src/worker/content-scripts.ts
 * registers this script only then; src/worker/page-config.ts says so again to a page loaded
 * before a change). As the option says, every text box is checked: textareas, contenteditable
 * editors and one-line text inputs (a post's title, a comment field; not search, e-mail, URL,
 * number or password fields).
 *
 * No site knowledge at all, so the adapter is careful with posting: it gates only what is clearly
 * a post (the box's own form being submitted, by its submit button or Enter in a one-line field),
 * and never Ctrl+Enter, whose meaning it cannot know: replaying a held Ctrl+Enter as a button
 * click could post where the page would not have.
 */
import { detectEditorKind, isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

/** Text boxes, outermost only (an editor's inner contenteditable islands are part of it); inputs other than type text are left out by isEditable. */
const BOXES = 'textarea, input, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
const SUBMIT = 'button[type="submit"], button:not([type]), input[type="submit"]';

export const any: SiteAdapter = {
  id: 'any',
  // Registered at runtime only, per origin the user granted (src/worker/content-scripts.ts).
  matches: [],
  siteKey: (location) => location.host,
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(BOXES)) {
      if (!isEditable(el)) continue;
      if (el.parentElement?.closest('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]')) continue;
      found.push({ editor: el, kind: detectEditorKind(el) });
    }
    return found;
  },
  findPostButton: (editor) => editor.closest('form')?.querySelector<HTMLElement>(SUBMIT) ?? null,
  readAccount: () => undefined,
  quirks: { keyboardSubmit: false, formSubmit: true, postButtonOptional: true },
};
