/**
 * What Kakunin needs to know about one site, and nothing more: where its compose boxes are,
 * which editor family each uses, which button posts each one, and who is posting. Every selector
 * for a site lives in its own adapter file (`src/sites/<id>.ts`); the page runtime (`src/page/`)
 * knows editors, never sites. A site redesign should touch one adapter file.
 *
 * Contract for adapter authors (see the X and Mastodon adapters for worked examples):
 * - Pure DOM reads. Never write to the page, never keep references between calls (the runtime
 *   caches what it needs), never read more of the page than the job needs (Mastodon's
 *   #initial-state also holds an access token: pick the handle and drop the rest).
 * - `findComposers` and `findPostButton` run on every throttled rescan and on every post attempt:
 *   keep them to a few querySelector calls.
 * - Returning `null` from `findPostButton` means "the site changed under us": the runtime then
 *   fails open with a visible notice (unless `quirks.postButtonOptional`), it never traps the user.
 */

/** Editor families the runtime can read text from and draw on (src/page/editors/). */
export type EditorKind = 'draft' | 'lexical' | 'quill' | 'prosemirror' | 'textarea' | 'plain';

export interface ComposerMatch {
  /** The editable element itself: the contenteditable root, the <textarea> (or, on "any text box" pages, a one-line <input>). */
  editor: HTMLElement;
  kind: EditorKind;
}

export interface SubmitQuirks {
  /** Ctrl/Cmd+Enter inside the editor posts (X, Mastodon, Bluesky, Threads). Default true. */
  keyboardSubmit?: boolean;
  /**
   * The post button is a form's submit button: releasing a held post goes through
   * `form.requestSubmit(button)` so the site's own submit handler runs (Mastodon).
   */
  formSubmit?: boolean;
  /**
   * Some pages legitimately have no post button (the "any text box" adapter on arbitrary pages):
   * then a missing button is not a broken adapter and shows no notice.
   */
  postButtonOptional?: boolean;
}

export interface SiteAdapter {
  /** Site id: names the adapter file, content script, fixture and settings key (`x`, `mastodon`). */
  readonly id: string;
  /** Match patterns for the content script (static ones; runtime-registered sites add more). */
  readonly matches: string[];
  /**
   * The `site` sent with drafts, the settings key (`sites.<id>`, accounts, `when.sites`) and what
   * the audit log records: the id, the same on every domain of the site (`mastodon` on every
   * instance); only pages added in options as "any text box" have no id and give their host.
   */
  siteKey(location: Pick<Location, 'host'>): string;
  /** Every compose box currently in `root` (document or a subtree), in document order. */
  findComposers(root: ParentNode): ComposerMatch[];
  /** The button that posts THIS composer's draft (scoped to the composer, never page-wide). */
  findPostButton(editor: HTMLElement): HTMLElement | null;
  /** The posting handle as the site shows it (with or without @), if the page tells. */
  readAccount(editor: HTMLElement): string | undefined;
  readonly quirks?: SubmitQuirks;
  /**
   * Set by sites that publish from a later page which no longer shows the text (note.com). There
   * `findPostButton` names the button that only leads on; the runtime does not gate it but keeps
   * the text, and gates the last page's button with a check of that text (src/page/later-step.ts).
   */
  readonly laterStep?: LaterStep;
}

/** A publish flow over two pages, the last of which does not show the text (see `laterStep`). */
export interface LaterStep {
  /** Names one draft across its pages (note: the note id in the path); undefined on other pages. */
  draftId(location: Pick<Location, 'pathname'>): string | undefined;
  /** Is this the last page, where the draft is published? */
  isFinalPage(location: Pick<Location, 'pathname'>): boolean;
  /** On the last page: the button that publishes (null elsewhere, or when the site changed). */
  findFinalButton(doc: Document): HTMLElement | null;
}

/** Sorts composers (matches or gate targets) by where their editors stand in the page. */
export const byPageOrder = (a: { editor: Node }, b: { editor: Node }): number => (a.editor.compareDocumentPosition(b.editor) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

/**
 * One-line text fields the "any text box" adapter checks: type text (or no type). Search, e-mail,
 * URL, number and password fields hold no prose.
 */
export const isTextInput = (el: Element): el is HTMLInputElement => el instanceof HTMLInputElement && el.type === 'text';

/**
 * A contenteditable root, a textarea or a one-line text input (happy-dom has no
 * isContentEditable, so read the attribute).
 */
export function isEditable(el: Element): el is HTMLElement {
  if (el instanceof HTMLTextAreaElement || isTextInput(el)) return !el.disabled && !el.readOnly;
  const ce = el.getAttribute('contenteditable');
  return ce === '' || ce === 'true' || ce === 'plaintext-only';
}

/**
 * The editor family of an editable element, from the marks each library puts on its root.
 * Adapters that know their site's editor say so directly; this is for generic adapters.
 */
export function detectEditorKind(el: HTMLElement): EditorKind {
  // A one-line text input holds its text the same way: the value, drawn on a mirror.
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return 'textarea';
  if (el.classList.contains('public-DraftEditor-content')) return 'draft';
  if (el.getAttribute('data-lexical-editor') === 'true') return 'lexical';
  if (el.classList.contains('ql-editor')) return 'quill';
  if (el.classList.contains('ProseMirror')) return 'prosemirror';
  return 'plain';
}

/**
 * Walks up from `editor` to the nearest ancestor that contains an element matching `selector`
 * and returns that element: the composer's own button, not another composer's (two composers on
 * one page each find the button in their own toolbar; see compose-boxes.md, "the wrong composer
 * gated"). Stops at `stopAt` (a dialog, a form) when given.
 */
export function nearestInComposer(editor: HTMLElement, selector: string, stopAt?: string): HTMLElement | null {
  for (let node: HTMLElement | null = editor.parentElement; node; node = node.parentElement) {
    const hit = node.querySelector<HTMLElement>(selector);
    if (hit) return hit;
    if (stopAt && node.matches(stopAt)) return null;
  }
  return null;
}
