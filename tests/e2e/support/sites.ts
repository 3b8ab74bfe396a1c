// Per-site facts the browser specs share: where each fixture lives and how to
// find its parts. Selectors are Playwright selectors (CSS plus :has-text where a
// site offers nothing else); labels are listed in ja and en because fixtures
// follow the browser locale (ja-JP by default, see browser.ts).
import { SITE_IDS, type SiteId } from './site-ids.ts';

export { SITE_IDS, type SiteId };

export type EditorKind = 'draft' | 'lexical' | 'quill' | 'prosemirror' | 'textarea';

export interface ComposerParts {
  /** Click first if the editor is not on the page yet (dialog trigger). */
  open?: string;
  /** The editable element itself (contenteditable or textarea). */
  editor: string;
  /** Clicked in order to publish; more than one where the site has steps (note). */
  postSteps: string[];
}

export interface SiteFixture {
  id: SiteId;
  /** Where the fixture opens by default. */
  url: string;
  /** Other URLs serving the same fixture (other host, other route, other instance). */
  altUrls: string[];
  editorKind: EditorKind;
  /** Composer 0 first; only X has two. */
  composers: ComposerParts[];
  /** Ctrl/Cmd+Enter in the editor publishes. */
  keyboardSubmit: boolean;
  /** The post button is a form's type=submit: the post arrives as a `submit` event. */
  postButtonSubmitsForm?: boolean;
  /** Element naming the posting identity, if the site shows one. */
  account?: string;
}

const both = (make: (label: string) => string, ja: string, en: string) => `${make(ja)}, ${make(en)}`;

export const SITES: Record<SiteId, SiteFixture> = {
  x: {
    id: 'x',
    url: 'https://x.com/home',
    altUrls: ['https://x.com/compose/post', 'https://twitter.com/home', 'https://twitter.com/compose/post'],
    editorKind: 'draft',
    composers: [
      {
        editor: '[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]',
        postSteps: ['[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]'],
      },
      {
        open: '[data-testid="SideNav_NewTweet_Button"]',
        editor: '[role="dialog"] [data-testid="tweetTextarea_0"]',
        postSteps: ['[role="dialog"] [data-testid="tweetButton"]'],
      },
    ],
    keyboardSubmit: true,
    account: '[data-testid="SideNav_AccountSwitcher_Button"]',
  },
  facebook: {
    id: 'facebook',
    url: 'https://www.facebook.com/',
    altUrls: [],
    editorKind: 'lexical',
    composers: [
      {
        open: 'div[role="button"][aria-label$="その気持ち、シェアしよう"], div[role="button"][aria-label^="What\'s on your mind"]',
        editor: '[role="dialog"] div[role="textbox"][data-lexical-editor="true"]',
        postSteps: [both((l) => `[role="dialog"] div[role="button"][aria-label="${l}"]`, '投稿', 'Post')],
      },
    ],
    keyboardSubmit: false,
    account: '[role="dialog"] div[role="textbox"][data-lexical-editor="true"]',
  },
  threads: {
    id: 'threads',
    url: 'https://www.threads.com/',
    altUrls: ['https://www.threads.net/'],
    editorKind: 'lexical',
    composers: [
      {
        open: both((l) => `div[role="button"][aria-label="${l}"]`, '今なにしてる？', "What's new?"),
        editor: '[role="dialog"] div[role="textbox"][data-lexical-editor="true"]',
        postSteps: [both((l) => `[role="dialog"] div[role="button"][aria-label="${l}"]`, '投稿', 'Post')],
      },
    ],
    keyboardSubmit: true,
  },
  instagram: {
    id: 'instagram',
    url: 'https://www.instagram.com/',
    altUrls: [],
    editorKind: 'lexical',
    composers: [
      {
        open: both((l) => `a:has(svg[aria-label="${l}"])`, '新規投稿', 'New post'),
        editor: '[role="dialog"] div[role="textbox"][contenteditable="true"][aria-label*="キャプション"], [role="dialog"] div[role="textbox"][contenteditable="true"][aria-label*="caption"]',
        postSteps: [both((l) => `[role="dialog"] div[role="button"][aria-label="${l}"]`, 'シェア', 'Share')],
      },
    ],
    keyboardSubmit: false,
  },
  linkedin: {
    id: 'linkedin',
    url: 'https://www.linkedin.com/feed/',
    altUrls: [],
    editorKind: 'quill',
    composers: [
      {
        open: 'button.share-box-feed-entry__trigger',
        editor: '.share-box-v2__modal .ql-editor',
        postSteps: ['button.share-actions__primary-action'],
      },
    ],
    keyboardSubmit: false,
  },
  bluesky: {
    id: 'bluesky',
    url: 'https://bsky.app/',
    altUrls: [],
    editorKind: 'prosemirror',
    composers: [
      {
        open: both((l) => `button[aria-label="${l}"]`, '新しい投稿', 'New post'),
        editor: '[data-testid="composePostView"] .ProseMirror',
        postSteps: ['[data-testid="composerPublishBtn"]'],
      },
    ],
    keyboardSubmit: true,
    account: both((l) => `[data-testid="composePostView"] button[aria-label="${l}"]`, 'アカウントを切り替える', 'Switch account'),
  },
  mastodon: {
    id: 'mastodon',
    url: 'https://mastodon.social/home',
    altUrls: ['https://mastodon.social/publish', 'https://social.example.jp/home'],
    editorKind: 'textarea',
    composers: [{ editor: 'form.compose-form textarea', postSteps: ['form.compose-form button[type="submit"]'] }],
    keyboardSubmit: true,
    postButtonSubmitsForm: true,
  },
  note: {
    id: 'note',
    // note.com/notes/new redirects here (routes.ts).
    url: 'https://editor.note.com/notes/n0a1b2c3d4e5/edit/',
    altUrls: ['https://note.com/notes/new'],
    editorKind: 'prosemirror',
    composers: [
      {
        editor: '.ProseMirror',
        postSteps: ['button:has-text("公開に進む")', 'button:has-text("投稿する")'],
      },
    ],
    keyboardSubmit: false,
    account: 'a.o-navbarPrimary__user',
  },
};

export function composerParts(site: SiteFixture, composer = 0): ComposerParts {
  const parts = site.composers[composer];
  if (!parts) throw new Error(`${site.id} has no composer ${composer}`);
  return parts;
}
