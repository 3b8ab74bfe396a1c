/**
 * "Any text box": pages the user turned on in options (settings.customSites, kind 'any'). No site
 * knowledge at all, so the adapter is careful: it checks multi-line text boxes (textareas and
 * contenteditable editors), gates only what is clearly a post (the box's own form being
 * submitted, or that form's submit button), and never Ctrl+Enter, whose meaning it cannot know:
 * replaying a held Ctrl+Enter as a button click could post where the page would not have.
 */
import { detectEditorKind, isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

/** Text boxes, outermost only (an editor's inner contenteditable islands are part of it). */
const BOXES = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
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
