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
 * Evidence: compose-boxes.md, Mastodon's compose_form.jsx, and tests/e2e/fixtures/mastodon
 * (form.compose-form, status textarea, CW input present only while CW is on, type=submit button;
 * Ctrl/Meta+Enter in the textarea or the CW input submits).
 * Test URLs: https://mastodon.social/home, https://mastodon.social/publish, a reply on any status.
 */
import { isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

export const MASTODON_SELECTORS = {
  /** The status text. */
  editor: 'form.compose-form textarea',
  /**
   * The content warning (CW), an <input> Mastodon 4.3+ renders only while CW is switched on, and
   * whose text is posted with the status (it is what everyone sees first). Older versions keep it
   * in the page, disabled while CW is off: a disabled field is not a composer (isEditable).
   */
  contentWarning: 'form.compose-form input.spoiler-input__input',
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
    // Status texts first, so a form's status stays composer 1 when its CW appears.
    const found: ComposerMatch[] = [];
    for (const selector of [MASTODON_SELECTORS.editor, MASTODON_SELECTORS.contentWarning]) {
      for (const el of root.querySelectorAll<HTMLElement>(selector)) {
        if (isEditable(el)) found.push({ editor: el, kind: 'textarea' });
      }
    }
    return found;
  },
  findPostButton: (editor) => editor.closest('form')?.querySelector<HTMLElement>(MASTODON_SELECTORS.postButton) ?? null,
  readAccount: (editor) => mastodonAddress(readMastodonAcct(editor.ownerDocument), editor.ownerDocument.location.host),
  quirks: { keyboardSubmit: true, formSubmit: true },
};
