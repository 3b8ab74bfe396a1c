/**
 * X (x.com, twitter.com). Every X selector Kakunin uses is in this file.
 *
 * Evidence: compose-boxes.md (selectors seen on x.com) and tests/e2e/fixtures/x (Draft.js 0.11.7
 * under React 18, composers 0 = home column, 1 = modal at /compose/post; both editors carry
 * data-testid="tweetTextarea_0"). Test URLs: https://x.com/home, https://x.com/compose/post,
 * https://twitter.com/home, a reply box on any https://x.com/<user>/status/<id>.
 */
import { isEditable, nearestInComposer, type ComposerMatch, type SiteAdapter } from './site-adapter';

export const X_SELECTORS = {
  /**
   * Draft.js puts webDriverTestID on the contenteditable itself: tweetTextarea_0, _1… for the
   * posts of a thread. The same prefix also names wrappers (tweetTextarea_0RichTextInputContainer,
   * tweetTextarea_0_label), hence the exact-id check in findComposers.
   */
  editor: '[data-testid^="tweetTextarea_"]',
  /** The element changed from div to button over time: match the test id, not the tag. */
  postButton: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  accountSwitcher: '[data-testid="SideNav_AccountSwitcher_Button"]',
  profileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
} as const;

const EDITOR_ID = /^tweetTextarea_\d+$/;
/** X handles: 1-15 of [A-Za-z0-9_]. */
const HANDLE = /@([A-Za-z0-9_]{1,15})\b/;

export const x: SiteAdapter = {
  id: 'x',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  siteKey: () => 'x',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(X_SELECTORS.editor)) {
      if (!EDITOR_ID.test(el.getAttribute('data-testid') ?? '') || !isEditable(el)) continue;
      // Mobile web uses a real <textarea> with the same test id.
      found.push({ editor: el, kind: el instanceof HTMLTextAreaElement ? 'textarea' : 'draft' });
    }
    return found;
  },
  // The nearest toolbar's button: in a thread (tweetTextarea_0, _1 in one modal) all boxes share
  // the modal's one "Post all" button, which is right: it posts all of them.
  findPostButton: (editor) => nearestInComposer(editor, X_SELECTORS.postButton),
  readAccount(editor) {
    const doc = editor.ownerDocument;
    const switcher = doc.querySelector(X_SELECTORS.accountSwitcher)?.textContent ?? '';
    const fromSwitcher = HANDLE.exec(switcher)?.[1];
    if (fromSwitcher) return fromSwitcher;
    const href = doc.querySelector<HTMLAnchorElement>(X_SELECTORS.profileLink)?.getAttribute('href') ?? '';
    return /^\/([A-Za-z0-9_]{1,15})$/.exec(href)?.[1];
  },
  quirks: { keyboardSubmit: true },
};
