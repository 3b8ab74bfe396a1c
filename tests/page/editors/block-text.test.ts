// @vitest-environment happy-dom
// readText offsets on the DOM shapes the editors produce (markup copied from what Draft.js 0.11.7,
// Lexical 0.52, Quill 2 and TipTap 3 render in tests/e2e/fixtures), and Ranges back from offsets.
import { describe, expect, it } from 'vitest';
import { EDITORS } from '../../../src/page/editors';
import type { EditorKind } from '../../../src/sites/site-adapter';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body.firstElementChild as HTMLElement;
}

/** Every span of the text maps to a Range whose text is exactly that span minus line breaks. */
function expectRangesMatch(kind: EditorKind, root: HTMLElement) {
  const snap = EDITORS[kind].read(root);
  for (let start = 0; start < snap.text.length; start++) {
    for (let end = start + 1; end <= snap.text.length; end++) {
      const want = snap.text.slice(start, end);
      const range = snap.rangeFor(start, end);
      if (want.replace(/\n/g, '') === '') {
        expect(range, `[${start},${end}) is only line breaks`).toBeNull();
        continue;
      }
      // Range.toString() drops <br>s and block boundaries: compare without newlines. A span may
      // enclose a skipped zero-width node (Quill's U+FEFF cursor blot), which draws nothing.
      expect(range?.toString().replace(/[\n\ufeff]/g, ''), `[${start},${end}) of ${JSON.stringify(snap.text)}`).toBe(want.replace(/\n/g, ''));
    }
  }
  return snap;
}

const draftBlock = (key: string, text: string) =>
  `<div data-block="true" data-editor="e" data-offset-key="${key}-0-0"><div data-offset-key="${key}-0-0" class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr">` +
  (text
    ? `<span data-offset-key="${key}-0-0"><span data-text="true">${text}</span></span>`
    : `<span data-offset-key="${key}-0-0"><br data-text="true"></span>`) +
  `</div></div>`;

describe('Draft.js', () => {
  const draft = (...blocks: string[]) =>
    mount(`<div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox"><div data-contents="true">${blocks.map((b, i) => draftBlock(`k${i}`, b)).join('')}</div></div>`);

  it('joins blocks with one newline; an empty block is an empty line, not a <br> newline', () => {
    const root = draft('今日は', '', '宗教の話');
    const snap = expectRangesMatch('draft', root);
    expect(snap.text).toBe('今日は\n\n宗教の話');
    expect(snap.rangeFor(5, 7)?.toString()).toBe('宗教');
  });

  it('keeps styled runs (several text spans in one block) contiguous', () => {
    const root = mount(
      `<div class="public-DraftEditor-content" contenteditable="true"><div data-contents="true"><div data-block="true"><div class="public-DraftStyleDefault-block">` +
        `<span><span data-text="true">絶対に</span></span><span style="font-weight:bold"><span data-text="true">痩せる</span></span><span><span data-text="true">お茶</span></span>` +
        `</div></div></div></div>`,
    );
    const snap = expectRangesMatch('draft', root);
    expect(snap.text).toBe('絶対に痩せるお茶');
    const range = snap.rangeFor(2, 6)!;
    expect(range.toString()).toBe('に痩せる');
    expect(range.startContainer.textContent).toBe('絶対に');
    expect(range.endContainer.textContent).toBe('痩せる');
  });

  it('counts UTF-16 units like the engine (surrogate pairs are two)', () => {
    const snap = expectRangesMatch('draft', draft('🍵で𠮷野家'));
    expect(snap.text.length).toBe(7);
    expect(snap.rangeFor(3, 7)?.toString()).toBe('𠮷野家');
  });

  it('returns an empty text for an empty editor', () => {
    const snap = EDITORS.draft.read(draft(''));
    expect(snap.text).toBe('');
    expect(snap.rangeFor(0, 1)).toBeNull();
  });
});

describe('Lexical', () => {
  it('reads rich-text paragraphs and plain-text <br> line breaks; the managed trailing <br> is no newline', () => {
    const root = mount(
      `<div contenteditable="true" role="textbox" data-lexical-editor="true">` +
        `<p dir="ltr"><span data-lexical-text="true">一行目</span><br><span data-lexical-text="true">二行目</span></p>` +
        `<p><br></p>` +
        `<p dir="ltr"><span data-lexical-text="true">改行で終わる</span><br><br></p>` +
        `<p dir="ltr"><span data-lexical-text="true">最後</span></p></div>`,
    );
    const snap = expectRangesMatch('lexical', root);
    expect(snap.text).toBe('一行目\n二行目\n\n改行で終わる\n\n最後');
  });

  it('skips decorator islands the model holds as no text', () => {
    const root = mount(
      `<div contenteditable="true" data-lexical-editor="true"><p><span data-lexical-text="true">前</span><span data-lexical-decorator="true" contenteditable="false">[画像]</span><span data-lexical-text="true">後</span></p></div>`,
    );
    expect(EDITORS.lexical.read(root).text).toBe('前後');
  });
});

describe('Quill', () => {
  it('reads <p> lines and empty <p><br></p> lines, skipping the cursor blot', () => {
    const root = mount(
      `<div class="ql-editor" contenteditable="true"><p>こんにちは<span class="ql-cursor">\ufeff</span></p><p><br></p><p><strong>社外秘</strong>です</p></div>`,
    );
    const snap = expectRangesMatch('quill', root);
    expect(snap.text).toBe('こんにちは\n\n社外秘です');
    expect(snap.rangeFor(7, 10)?.toString()).toBe('社外秘');
  });
});

describe('ProseMirror / TipTap', () => {
  it('reads paragraphs, hard breaks and trailing-break placeholders', () => {
    const root = mount(
      `<div class="tiptap ProseMirror" contenteditable="true">` +
        `<p>一<br>二</p>` +
        `<p><img class="ProseMirror-separator" alt=""><br class="ProseMirror-trailingBreak"></p>` +
        `<p>三<br><img class="ProseMirror-separator" alt=""><br class="ProseMirror-trailingBreak"></p>` +
        `<ul><li><p>箇条</p></li><li><p>書き</p></li></ul></div>`,
    );
    const snap = expectRangesMatch('prosemirror', root);
    expect(snap.text).toBe('一\n二\n\n三\n\n箇条\n書き');
  });

  it('skips widget decorations', () => {
    const root = mount(`<div class="ProseMirror" contenteditable="true"><p>本文<span class="ProseMirror-widget">候補</span></p></div>`);
    expect(EDITORS.prosemirror.read(root).text).toBe('本文');
  });
});

describe('plain contenteditable', () => {
  it('reads inline text with <br>s and mixed inline/block content', () => {
    const root = mount(`<div contenteditable="true">上<br>中<div>下</div>末尾</div>`);
    const snap = expectRangesMatch('plain', root);
    expect(snap.text).toBe('上\n中\n下\n末尾');
  });
});

describe('ranges after the DOM moved on', () => {
  it('gives null rather than a wrong Range when the text node was replaced', () => {
    const root = mount(`<div contenteditable="true" data-lexical-editor="true"><p><span data-lexical-text="true">宗教の話</span></p></div>`);
    const snap = EDITORS.lexical.read(root);
    root.querySelector('span')!.textContent = '別の文';
    expect(snap.rangeFor(0, 2)).toBeNull();
  });
});
