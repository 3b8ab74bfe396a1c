// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { any } from '../../src/sites/any';

beforeEach(() => {
  document.body.innerHTML = `
    <form id="f"><textarea id="t1"></textarea><textarea readonly id="ro"></textarea><button>送信</button></form>
    <div class="ProseMirror" contenteditable="true" id="pm"><p>本文<span contenteditable="true" id="inner">島</span></p></div>
    <input type="text" id="single">`;
});

describe('any-text-box adapter', () => {
  it('finds writable textareas and outermost contenteditables, with their editor family', () => {
    expect(any.findComposers(document).map((c) => [c.editor.id, c.kind])).toEqual([
      ['t1', 'textarea'],
      ['pm', 'prosemirror'],
    ]);
  });

  it("gates only a form's submit button, and never Ctrl+Enter", () => {
    const [t1, pm] = any.findComposers(document);
    expect(any.findPostButton(t1!.editor)?.textContent).toBe('送信');
    expect(any.findPostButton(pm!.editor)).toBeNull();
    expect(any.quirks).toMatchObject({ keyboardSubmit: false, postButtonOptional: true });
    expect(any.siteKey({ host: 'social.example.jp' })).toBe('social.example.jp');
  });
});
