// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { any } from '../../src/sites/any';

beforeEach(() => {
  document.body.innerHTML = `
    <form id="f"><input type="text" id="title"><textarea id="t1"></textarea><textarea readonly id="ro"></textarea><button>送信</button></form>
    <div class="ProseMirror" contenteditable="true" id="pm"><p>本文<span contenteditable="true" id="inner">島</span></p></div>
    <input id="plain"><input type="TEXT" id="upper"><input type="text" disabled id="off">
    <input type="search" id="search"><input type="email" id="mail"><input type="password" id="pw"><input type="url" id="url"><input type="checkbox" id="cb">`;
});

describe('any-text-box adapter', () => {
  it('finds every text box: writable textareas, one-line text inputs and outermost contenteditables, with their editor family', () => {
    expect(any.findComposers(document).map((c) => [c.editor.id, c.kind])).toEqual([
      ['title', 'textarea'],
      ['t1', 'textarea'],
      ['pm', 'prosemirror'],
      ['plain', 'textarea'],
      ['upper', 'textarea'],
    ]);
  });

  it("gates only a form's submit button, and never Ctrl+Enter", () => {
    const [title, t1, pm] = any.findComposers(document);
    expect(any.findPostButton(title!.editor)?.textContent).toBe('送信');
    expect(any.findPostButton(t1!.editor)?.textContent).toBe('送信');
    expect(any.findPostButton(pm!.editor)).toBeNull();
    expect(any.quirks).toMatchObject({ keyboardSubmit: false, postButtonOptional: true });
    expect(any.siteKey({ host: 'social.example.jp' })).toBe('social.example.jp');
  });
});
