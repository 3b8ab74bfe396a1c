/**
 * Facebook (www.facebook.com). Every Facebook selector Kakunin uses is in this file.
 *
 * Evidence: compose-boxes.md ("div[role=textbox][data-lexical-editor=true]; Post is a
 * div[role=button] with a localized label, no test ids; 'What's on your mind, NAME?' names the
 * posting identity") and tests/e2e/fixtures/facebook (Lexical 0.52 rich text in the "Create post"
 * dialog; Post is div[role=button][aria-label=投稿|Post]; the editor's aria-label and
 * aria-placeholder are the prompt「山田 太郎さん、その気持ち、シェアしよう」/ "What's on your
 * mind, Taro?").
 *
 * Only the create-post dialog is a composer: comment boxes and Messenger chats are Lexical
 * textboxes too, but they send on Enter, have no Post button and are not what the company
 * publishes as a post.
 *
 * Test URLs: https://www.facebook.com/ (home: "What's on your mind?" opens the dialog),
 * https://www.facebook.com/<page> (posting as a Page: the prompt names the Page),
 * https://www.facebook.com/groups/<id> ("Write something…" opens the same dialog).
 */
import { BUTTON, accessibleName, findInComposer, queryAll, queryFirst, type SelectorCounts } from './named';
import { isEditable, type ComposerMatch, type SiteAdapter } from './site-adapter';

export const FACEBOOK_SELECTORS = {
  editor: 'div[role="textbox"][data-lexical-editor="true"]',
  dialog: '[role="dialog"]',
  /** ja UI: 投稿; en UI: Post. No test id; the div[role=button] carries the label itself. */
  postButton: { css: BUTTON, names: ['投稿', 'Post'] },
  /** The feed's buttons, among them "What's on your mind, NAME?" that opens the dialog: a second source for the name. */
  feedButton: '[role="main"] [role="button"]',
} as const;

/**
 * The composer's prompt names whoever posts: the signed-in person, or the Page when acting as one
 * (the prompt then says the Page's name). English shows the first name only, Japanese the full
 * name as the profile spells it; accounts are marked in options by the name as shown.
 */
const PROMPTS = [/^What['’]s on your mind, (.+?)\?$/, /^(.+?)\s*さん、その気持ち、シェアしよう$/];

export function nameFromPrompt(prompt: string | null | undefined): string | undefined {
  const text = (prompt ?? '').replace(/\s+/g, ' ').trim();
  for (const re of PROMPTS) {
    const name = re.exec(text)?.[1]?.trim();
    if (name) return name;
  }
  return undefined;
}

const promptOf = (editor: HTMLElement) => editor.getAttribute('aria-placeholder') ?? editor.getAttribute('aria-label');

/** Selector proof: matches on the fixture's feed and with the "Create post" dialog open (ja and en). */
export const FACEBOOK_SELECTOR_COUNTS = {
  editor: { feed: 0, composer: 1 },
  dialog: { feed: 0, composer: 1 },
  postButton: { feed: 0, composer: 1 },
  // The fixture's feed has one button, the prompt (the dialog is outside [role=main]).
  feedButton: { feed: 1, composer: 1 },
} satisfies SelectorCounts<typeof FACEBOOK_SELECTORS, 'feed' | 'composer'>;

export const facebook: SiteAdapter = {
  id: 'facebook',
  matches: ['https://www.facebook.com/*'],
  siteKey: () => 'facebook',
  findComposers(root) {
    const found: ComposerMatch[] = [];
    for (const el of root.querySelectorAll<HTMLElement>(FACEBOOK_SELECTORS.editor)) {
      if (!isEditable(el)) continue;
      const dialog = el.closest(FACEBOOK_SELECTORS.dialog);
      if (!dialog) continue;
      // The create-post dialog: it has the prompt or a Post button. A composer whose button was
      // renamed is still found by its prompt, so the runtime shows "post button missing" rather
      // than silently not checking.
      if (nameFromPrompt(promptOf(el)) === undefined && !queryFirst(dialog, FACEBOOK_SELECTORS.postButton)) continue;
      found.push({ editor: el, kind: 'lexical' });
    }
    return found;
  },
  findPostButton: (editor) => findInComposer(editor, FACEBOOK_SELECTORS.postButton, FACEBOOK_SELECTORS.dialog),
  readAccount(editor) {
    const fromEditor = nameFromPrompt(promptOf(editor));
    if (fromEditor) return fromEditor;
    // Group and Page composers prompt without a name ("Write something…"): the feed's own
    // "What's on your mind, NAME?" button still names who is signed in / acting.
    for (const button of queryAll(editor.ownerDocument, FACEBOOK_SELECTORS.feedButton)) {
      const name = nameFromPrompt(accessibleName(button));
      if (name) return name;
    }
    return undefined;
  },
  quirks: { keyboardSubmit: false },
};
