/**
 * Bluesky (bsky.app). Every Bluesky selector Kakunin uses is in this file.
 *
 * Evidence: compose-boxes.md (TipTap/ProseMirror editor, [data-testid="composerPublishBtn"],
 * Ctrl/Cmd+Enter publishes from the editor's own keydown, the composer has its own account
 * switcher), bluesky-social/social-app (Composer.tsx: testID="composePostView" around the composer,
 * testID="composerPublishBtn" labelled "Publish post(s)" / "Publish reply/replies";
 * composer/account-switcher/AccountSwitcher.web.tsx: a button labelled "Switch account" showing
 * the selected account's avatar, disabled when there is no other account; state/persisted: the
 * session's accounts in localStorage BSKY_STORAGE), and tests/e2e/fixtures/bluesky (the switcher
 * shows the selected @handle; 投稿を公開 / Publish post; every post records its account).
 *
 * The account is the one the COMPOSER posts as, which can differ from the session's: the switcher
 * is read first, and the signed-in account only when the composer offers no choice.
 *
 * Test URLs: https://bsky.app/ (New post), a reply on any https://bsky.app/profile/<h>/post/<id>,
 * the same signed in with two accounts (the composer's avatar then switches).
 */
import { BUTTON, findInComposer, queryAll, queryFirst, type SelectorCounts } from './named';
import { isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

export const BLUESKY_SELECTORS = {
  composer: '[data-testid="composePostView"]',
  /** One editor per post of a thread; all publish with the one button. */
  editor: '[data-testid="composePostView"] .ProseMirror[contenteditable="true"]',
  publishButton: '[data-testid="composerPublishBtn"]',
  /** The same button by its label, should the test id go. */
  publishByLabel: { css: 'button', names: ['投稿を公開', 'Publish post', 'Publish posts', 'Publish reply', 'Publish replies'] },
  accountSwitcher: { css: BUTTON, names: ['アカウントを切り替える', 'Switch account'] },
  /** The signed-in (session) account's profile link in the navigation. */
  profileLink: { css: 'a[href^="/profile/"]', names: ['プロフィール', 'Profile'] },
} as const;

/** Selector proof: matches on the fixture's home page and with the composer open (ja and en). */
export const BLUESKY_SELECTOR_COUNTS = {
  composer: { home: 0, composer: 1 },
  editor: { home: 0, composer: 1 },
  publishButton: { home: 0, composer: 1 },
  publishByLabel: { home: 0, composer: 1 },
  accountSwitcher: { home: 0, composer: 1 },
  profileLink: { home: 1, composer: 1 },
} satisfies SelectorCounts<typeof BLUESKY_SELECTORS, 'home' | 'composer'>;

/** A handle as the site shows it: @name.bsky.social or a custom domain. */
const HANDLE = /@([a-z0-9][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)+)/i;
/** Avatars are served from cdn.bsky.app/img/avatar/…/did:plc:…/…: the account's DID. */
const DID = /\/(did:(?:plc|web):[a-z0-9._:%-]+)\//i;

interface PersistedSlice {
  session?: { accounts?: Array<{ did?: unknown; handle?: unknown }> };
}

/**
 * The handle of a signed-in account by DID, from bsky.app's persisted state. That value also holds
 * the accounts' access and refresh tokens: take the one handle, keep nothing else.
 */
export function handleForDid(storage: Pick<Storage, 'getItem'> | undefined, did: string): string | undefined {
  try {
    const raw = storage?.getItem('BSKY_STORAGE');
    if (!raw) return undefined;
    const state = JSON.parse(raw) as PersistedSlice;
    const handle = state.session?.accounts?.find((a) => a.did === did)?.handle;
    return typeof handle === 'string' && handle ? handle : undefined;
  } catch {
    return undefined;
  }
}

const isDisabled = (el: HTMLElement) => (el as HTMLButtonElement).disabled === true || el.getAttribute('aria-disabled') === 'true';

export const bluesky: SiteAdapter = {
  id: 'bluesky',
  matches: ['https://bsky.app/*'],
  siteKey: () => 'bluesky',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(BLUESKY_SELECTORS.editor)) {
      if (isEditable(el)) found.push({ editor: el, kind: 'prosemirror' });
    }
    return found;
  },
  findPostButton: (editor) =>
    findInComposer(editor, BLUESKY_SELECTORS.publishButton, BLUESKY_SELECTORS.composer) ??
    findInComposer(editor, BLUESKY_SELECTORS.publishByLabel, BLUESKY_SELECTORS.composer),
  readAccount(editor) {
    const composer = editor.closest(BLUESKY_SELECTORS.composer);
    const switcher = composer && queryFirst(composer, BLUESKY_SELECTORS.accountSwitcher);
    if (switcher) {
      const shown = HANDLE.exec(switcher.textContent ?? '')?.[1];
      if (shown) return shown;
      const did = [...switcher.querySelectorAll('img[src]')].map((img) => DID.exec(img.getAttribute('src') ?? '')?.[1]).find(Boolean);
      const byDid = did ? handleForDid(editor.ownerDocument.defaultView?.localStorage, decodeURIComponent(did)) : undefined;
      if (byDid) return byDid;
      // Several accounts and no way to tell which one is selected: better unknown than the session's.
      if (!isDisabled(switcher)) return undefined;
    }
    // No choice in the composer: the signed-in account posts.
    const href = queryAll(editor.ownerDocument, BLUESKY_SELECTORS.profileLink)[0]?.getAttribute('href') ?? '';
    return /^\/profile\/([^/?#]+)$/.exec(href)?.[1];
  },
  quirks: { keyboardSubmit: true },
};
