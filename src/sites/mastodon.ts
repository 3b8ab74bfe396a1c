/**
 * Mastodon web (4.x), on any instance. Every Mastodon selector Kakunin uses is in this file.
 *
 * Instances live on many domains: the content script is declared for mastodon.social and
 * registered at runtime for the instances the user adds in options (src/worker/content-scripts.ts).
 * The site key is therefore the host, as accounts for Mastodon are stored per host.
 *
 * Evidence: compose-boxes.md and tests/e2e/fixtures/mastodon (form.compose-form, status textarea,
 * CW input, type=submit button; Ctrl/Meta+Enter in the textarea submits).
 * Test URLs: https://mastodon.social/home, https://mastodon.social/publish, a reply on any status.
 */
import { isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

export const MASTODON_SELECTORS = {
  /** The status text; the content-warning field is an <input>, checked with the form later. */
  editor: 'form.compose-form textarea',
  postButton: 'button[type="submit"]',
  initialState: 'script#initial-state',
} as const;

interface InitialStateSlice {
  meta?: { me?: unknown };
  accounts?: Record<string, { acct?: unknown } | undefined>;
}

/**
 * The signed-in account from the server-rendered #initial-state. That JSON also carries the
 * session's access token: read meta.me and accounts[me].acct, keep nothing else.
 */
export function readMastodonAcct(doc: Document): string | undefined {
  const raw = doc.querySelector(MASTODON_SELECTORS.initialState)?.textContent;
  if (!raw) return undefined;
  try {
    const state = JSON.parse(raw) as InitialStateSlice;
    const me = state.meta?.me;
    const acct = typeof me === 'string' ? state.accounts?.[me]?.acct : undefined;
    return typeof acct === 'string' && acct ? acct : undefined;
  } catch {
    return undefined;
  }
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  matches: ['https://mastodon.social/*'],
  siteKey: (location) => location.host,
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(MASTODON_SELECTORS.editor)) {
      if (isEditable(el)) found.push({ editor: el, kind: 'textarea' });
    }
    return found;
  },
  findPostButton: (editor) => editor.closest('form')?.querySelector<HTMLElement>(MASTODON_SELECTORS.postButton) ?? null,
  readAccount: (editor) => readMastodonAcct(editor.ownerDocument),
  quirks: { keyboardSubmit: true, formSubmit: true },
};
