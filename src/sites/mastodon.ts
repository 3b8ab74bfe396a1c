/**
 * Mastodon web (4.x), on any instance. Every Mastodon selector Kakunin uses is in this file.
 *
 * Instances live on many domains: the content script is declared for mastodon.social and
 * registered at runtime for the instances the user adds in options (src/worker/content-scripts.ts).
 * Every instance is the site `mastodon` (the settings switch `sites.mastodon`, accounts, list
 * entries' `when.sites`, the audit log); the instance travels in the handle, as Mastodon itself
 * writes an account: `user@instance` (src/storage/accounts.ts matches `user`, `user@instance`, and
 * entries stored under the instance host by earlier versions).
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
 * The signed-in account's acct (the local user name, e.g. `koho`) from the server-rendered
 * #initial-state. That JSON also carries the session's access token: read meta.me and
 * accounts[me].acct, keep nothing else.
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

/**
 * The account's full address, `acct@instance`: the same user name on two instances is two
 * people, so the instance stays with the handle (audit log, approval request, account lookup).
 */
export function mastodonAddress(acct: string | undefined, host: string): string | undefined {
  if (!acct) return undefined;
  return acct.includes('@') || !host ? acct : `${acct}@${host}`;
}

export const mastodon: SiteAdapter = {
  id: 'mastodon',
  matches: ['https://mastodon.social/*'],
  siteKey: () => 'mastodon',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(MASTODON_SELECTORS.editor)) {
      if (isEditable(el)) found.push({ editor: el, kind: 'textarea' });
    }
    return found;
  },
  findPostButton: (editor) => editor.closest('form')?.querySelector<HTMLElement>(MASTODON_SELECTORS.postButton) ?? null,
  readAccount: (editor) => mastodonAddress(readMastodonAcct(editor.ownerDocument), editor.ownerDocument.location.host),
  quirks: { keyboardSubmit: true, formSubmit: true },
};
