// @vitest-environment happy-dom
// The Threads adapter on the fixture page (tests/e2e/fixtures/threads: real Lexical in plain-text
// mode, ja and en labels) and on trimmed shapes of threads.com's DOM the fixture does not have.
import { describe, expect, it } from 'vitest';
import { THREADS_SELECTORS, THREADS_SELECTOR_COUNTS, threads } from '../../src/sites/threads';
import { loadFixture, type Locale } from './support/fixture-dom';
import { click, expectSelectorCounts } from './support/selector-proof';

const TRIGGER = '[role="main"] div[role="button"]';

describe.each<[Locale, string]>([
  ['ja', '投稿'],
  ['en', 'Post'],
])('threads adapter on the fixture (%s)', (locale, postLabel) => {
  it('matches the proof counts on the home page and in the New thread dialog', async () => {
    await loadFixture('threads', { locale });
    expectSelectorCounts(THREADS_SELECTORS, THREADS_SELECTOR_COUNTS, 'home', `home (${locale})`);
    expect(threads.findComposers(document)).toEqual([]);
    click(TRIGGER);
    expectSelectorCounts(THREADS_SELECTORS, THREADS_SELECTOR_COUNTS, 'composer', `dialog (${locale})`);
  });

  it("finds the dialog's Lexical editor, its Post button and the username above the editor", async () => {
    await loadFixture('threads', { locale });
    click(TRIGGER);
    const found = threads.findComposers(document);
    expect(found.map((c) => c.kind)).toEqual(['lexical']);
    const editor = found[0]!.editor;
    expect(threads.findPostButton(editor)?.textContent).toBe(postLabel);
    expect(threads.readAccount(editor)).toBe('kakunin_jp');
  });
});

describe('threads adapter on threads.com shapes', () => {
  const row = (user: string) =>
    `<div><div><span>${user}</span></div><div contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div></div>`;

  it('gives every post of a thread the one Post button, matched by its visible text', () => {
    document.body.innerHTML = `<div role="dialog">${row('kakunin_jp')}${row('kakunin_jp')}
      <div role="button" tabindex="0"><div>スレッドに追加</div></div><div role="button" tabindex="0"><div> 投稿 </div></div></div>`;
    const boxes = threads.findComposers(document);
    expect(boxes).toHaveLength(2);
    const [a, b] = boxes.map((c) => threads.findPostButton(c.editor));
    expect(a?.textContent?.trim()).toBe('投稿');
    expect(a).toBe(b);
  });

  it("reads the poster's name in a reply, not the replied-to author shown above it", () => {
    document.body.innerHTML = `<div role="dialog">
      <article><a href="/@someone_else"><span>someone_else</span></a><span>元の投稿</span></article>
      ${row('kakunin.jp')}<div role="button"><span>Post</span></div></div>`;
    const [reply] = threads.findComposers(document);
    expect(threads.readAccount(reply!.editor)).toBe('kakunin.jp');
  });

  it('gives no account when the dialog shows none, and no button when it was renamed', () => {
    document.body.innerHTML = `<div role="dialog"><h1>New thread</h1><div role="button"><span>Cancel</span></div>
      <div contenteditable="true" role="textbox" data-lexical-editor="true"><p><br></p></div><div role="button">Publish</div></div>`;
    const [box] = threads.findComposers(document);
    expect(threads.readAccount(box!.editor)).toBeUndefined();
    expect(threads.findPostButton(box!.editor)).toBeNull();
  });

  it('declares both hosts, uses "threads" as its key and gates Ctrl/Cmd+Enter', () => {
    expect(threads.matches).toEqual(['https://www.threads.com/*', 'https://www.threads.net/*']);
    expect(threads.siteKey({ host: 'www.threads.net' })).toBe('threads');
    expect(threads.quirks?.keyboardSubmit).toBe(true);
  });
});
