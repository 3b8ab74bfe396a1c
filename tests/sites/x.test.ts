// @vitest-environment happy-dom
// The X adapter's selectors against X's DOM shape: the fixture's (tests/e2e/fixtures/x) and
// x.com's as compose-boxes.md records it. Counts per selector, refined-github style.
import { beforeEach, describe, expect, it } from 'vitest';
import { x, X_SELECTORS } from '../../src/sites/x';

/** One Draft.js composer as x.com renders it (trimmed): wrappers share the test-id prefix. */
const composer = (button: 'tweetButton' | 'tweetButtonInline', id = 'tweetTextarea_0') => `
  <div class="composer">
    <label data-testid="${id}_label">
      <div data-testid="${id}RichTextInputContainer">
        <div class="DraftEditor-root"><div class="DraftEditor-editorContainer">
          <div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="${id}">
            <div data-contents="true"><div data-block="true"><div class="public-DraftStyleDefault-block"><span><span data-text="true">下書き</span></span></div></div></div>
          </div>
        </div></div>
      </div>
    </label>
    <div data-testid="toolBar"><button type="button" data-testid="${button}" disabled><span>ポストする</span></button></div>
  </div>`;

const nav = (switcher = '<span>Kakunin 広報</span><span>@kakunin_jp</span>') => `
  <header><nav>
    <a href="/home" data-testid="AppTabBar_Home_Link">ホーム</a>
    <a href="/kakunin_jp" data-testid="AppTabBar_Profile_Link">プロフィール</a>
  </nav><button data-testid="SideNav_AccountSwitcher_Button">${switcher}</button></header>`;

beforeEach(() => {
  document.body.innerHTML = `${nav()}<main><div data-testid="primaryColumn">${composer('tweetButtonInline')}</div></main>
    <div role="dialog">${composer('tweetButton')}</div>`;
});

describe('x adapter', () => {
  it('finds exactly the contenteditable editors, not the wrappers sharing their test-id prefix', () => {
    expect(document.querySelectorAll(X_SELECTORS.editor)).toHaveLength(6);
    const found = x.findComposers(document);
    expect(found.map((c) => [c.kind, c.editor.getAttribute('data-testid'), c.editor.closest('[role=dialog]') !== null])).toEqual([
      ['draft', 'tweetTextarea_0', false],
      ['draft', 'tweetTextarea_0', true],
    ]);
  });

  it("gives each composer its own post button, even when both editors have the same test id", () => {
    const [inline, modal] = x.findComposers(document);
    expect(x.findPostButton(inline!.editor)?.getAttribute('data-testid')).toBe('tweetButtonInline');
    expect(x.findPostButton(modal!.editor)?.getAttribute('data-testid')).toBe('tweetButton');
    expect(x.findPostButton(inline!.editor)?.closest('[role=dialog]')).toBeNull();
  });

  it('lets the boxes of a thread share the modal\'s one post button', () => {
    document.body.innerHTML = `<div role="dialog"><div>${composer('tweetButton', 'tweetTextarea_0').replace(/<div data-testid="toolBar">.*?<\/div>/s, '')}
      ${composer('tweetButton', 'tweetTextarea_1')}</div></div>`;
    const boxes = x.findComposers(document);
    expect(boxes.map((c) => c.editor.getAttribute('data-testid'))).toEqual(['tweetTextarea_0', 'tweetTextarea_1']);
    const buttons = boxes.map((c) => x.findPostButton(c.editor));
    expect(buttons[0]).not.toBeNull();
    expect(buttons[0]).toBe(buttons[1]);
  });

  it('returns no button when the toolbar is gone (site changed), so the runtime can fail open', () => {
    document.querySelectorAll('[data-testid=toolBar]').forEach((t) => t.remove());
    const [inline] = x.findComposers(document);
    expect(x.findPostButton(inline!.editor)).toBeNull();
  });

  it('reads the handle from the account switcher, else from the profile link', () => {
    const [inline] = x.findComposers(document);
    expect(x.readAccount(inline!.editor)).toBe('kakunin_jp');
    document.querySelector(X_SELECTORS.accountSwitcher)!.innerHTML = '<span>名前だけ</span>';
    expect(x.readAccount(inline!.editor)).toBe('kakunin_jp');
    document.querySelector(X_SELECTORS.profileLink)!.setAttribute('href', '/other_handle');
    expect(x.readAccount(inline!.editor)).toBe('other_handle');
    document.querySelector(X_SELECTORS.profileLink)!.remove();
    expect(x.readAccount(inline!.editor)).toBeUndefined();
  });

  it('treats the mobile-web textarea as a textarea composer', () => {
    document.body.innerHTML = `<form><textarea data-testid="tweetTextarea_0"></textarea><div data-testid="tweetButton">Post</div></form>`;
    expect(x.findComposers(document).map((c) => c.kind)).toEqual(['textarea']);
  });

  it('declares the X hosts as content-script matches and uses "x" as its site key', () => {
    expect(x.matches).toEqual(expect.arrayContaining(['https://x.com/*', 'https://twitter.com/*']));
    expect(x.siteKey({ host: 'twitter.com' })).toBe('x');
  });
});
