// @vitest-environment happy-dom
// The Facebook adapter on the fixture page (tests/e2e/fixtures/facebook: real Lexical, ja and en
// labels) and on trimmed shapes of facebook.com's DOM the fixture does not have.
import { describe, expect, it } from 'vitest';
import { FACEBOOK_SELECTORS, FACEBOOK_SELECTOR_COUNTS, facebook, nameFromPrompt } from '../../src/sites/facebook';
import { loadFixture, type Locale } from './support/fixture-dom';
import { click, expectSelectorCounts } from './support/selector-proof';

const TRIGGER = '[role="main"] div[role="button"]';

describe.each<[Locale, string, string]>([
  ['ja', '投稿', '山田 太郎'],
  ['en', 'Post', 'Taro'],
])('facebook adapter on the fixture (%s)', (locale, postLabel, account) => {
  it('matches the proof counts on the feed and in the Create post dialog', async () => {
    await loadFixture('facebook', { locale });
    expectSelectorCounts(FACEBOOK_SELECTORS, FACEBOOK_SELECTOR_COUNTS, 'feed', `feed (${locale})`);
    expect(facebook.findComposers(document)).toEqual([]);
    click(TRIGGER);
    expectSelectorCounts(FACEBOOK_SELECTORS, FACEBOOK_SELECTOR_COUNTS, 'composer', `dialog (${locale})`);
  });

  it("finds the dialog's Lexical editor, its labelled Post button and the name in the prompt", async () => {
    await loadFixture('facebook', { locale });
    click(TRIGGER);
    const found = facebook.findComposers(document);
    expect(found.map((c) => c.kind)).toEqual(['lexical']);
    const editor = found[0]!.editor;
    expect(editor.closest('[role="dialog"]')).not.toBeNull();
    const button = facebook.findPostButton(editor);
    expect(button?.getAttribute('aria-label')).toBe(postLabel);
    expect(button?.closest('[role="dialog"]')).toBe(editor.closest('[role="dialog"]'));
    expect(facebook.readAccount(editor)).toBe(account);
  });
});

describe('facebook adapter on facebook.com shapes', () => {
  const lexical = (label: string) =>
    `<div contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="${label}" aria-placeholder="${label}"><p><br></p></div>`;

  it('leaves comment boxes and chats alone: outside a dialog, or in a dialog with neither prompt nor Post', () => {
    document.body.innerHTML = `
      <div role="main"><form>${lexical('コメントする…')}<div role="button" aria-label="コメント">送信</div></form></div>
      <div role="dialog" aria-label="チャット">${lexical('メッセージ')}<div role="button" aria-label="Enterで送信">送信</div></div>`;
    expect(facebook.findComposers(document)).toEqual([]);
  });

  it('keeps a composer whose Post button was renamed (prompt still there) and reports no button', () => {
    document.body.innerHTML = `<div role="dialog">${lexical("What's on your mind, Taro?")}<div role="button" aria-label="Publish now">Publish now</div></div>`;
    const [composer] = facebook.findComposers(document);
    expect(composer).toBeDefined();
    expect(facebook.findPostButton(composer!.editor)).toBeNull();
  });

  it('matches the label on a <button> as well as a div[role=button], and takes the visible text without aria-label', () => {
    document.body.innerHTML = `<div role="dialog">${lexical('何か書いてください…')}<button type="button"><span>投稿</span></button></div>`;
    const [composer] = facebook.findComposers(document);
    expect(facebook.findPostButton(composer!.editor)?.tagName).toBe('BUTTON');
  });

  it('gives each of two dialogs its own Post button', () => {
    document.body.innerHTML = `
      <div role="dialog" id="a">${lexical("What's on your mind, Taro?")}<div role="button" aria-label="Post"></div></div>
      <div role="dialog" id="b">${lexical("What's on your mind, Kakunin Coffee?")}<div role="button" aria-label="Post"></div></div>`;
    const [a, b] = facebook.findComposers(document);
    expect(facebook.findPostButton(a!.editor)?.parentElement?.id).toBe('a');
    expect(facebook.findPostButton(b!.editor)?.parentElement?.id).toBe('b');
    // Acting as a Page: the prompt names the Page.
    expect(facebook.readAccount(b!.editor)).toBe('Kakunin Coffee');
  });

  it("falls back to the feed's prompt button when a group composer's prompt has no name", () => {
    document.body.innerHTML = `
      <div role="main"><div role="button"><span>山田 太郎さん、その気持ち、シェアしよう</span></div></div>
      <div role="dialog">${lexical('何か書いてください…')}<div role="button" aria-label="投稿"></div></div>`;
    const [composer] = facebook.findComposers(document);
    expect(facebook.readAccount(composer!.editor)).toBe('山田 太郎');
    document.querySelector('[role="main"]')!.remove();
    expect(facebook.readAccount(composer!.editor)).toBeUndefined();
  });

  it('reads names from the prompt in both languages and nothing from other labels', () => {
    expect(nameFromPrompt("What's on your mind, Taro?")).toBe('Taro');
    expect(nameFromPrompt('What’s on your mind, Kakunin Coffee?')).toBe('Kakunin Coffee');
    expect(nameFromPrompt('山田 太郎さん、その気持ち、シェアしよう')).toBe('山田 太郎');
    expect(nameFromPrompt("What's on your mind?")).toBeUndefined();
    expect(nameFromPrompt('コメントする…')).toBeUndefined();
    expect(nameFromPrompt(null)).toBeUndefined();
  });

  it('declares www.facebook.com and uses "facebook" as its key; Ctrl+Enter does not post there', () => {
    expect(facebook.matches).toEqual(['https://www.facebook.com/*']);
    expect(facebook.siteKey({ host: 'www.facebook.com' })).toBe('facebook');
    expect(facebook.quirks?.keyboardSubmit).toBe(false);
  });
});
