// @vitest-environment happy-dom
// The same reader against the real editor libraries the fixtures use, driven through their own
// APIs: the text Kakunin reads from the DOM equals the text the editor's model would post.
import { describe, expect, it } from 'vitest';
import { $createLineBreakNode, $createParagraphNode, $createTextNode, $getRoot, createEditor } from 'lexical';
import { registerRichText } from '@lexical/rich-text';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { EDITORS } from '../../../src/page/editors';

const LINES = [['宗教の', '話'], [], ['絶対に痩せる'], ['🍵', '', '末尾']];

describe('Lexical 0.52 (rich text)', () => {
  it('reads what the model posts: paragraphs joined by one newline, line breaks as newlines', () => {
    const root = document.createElement('div');
    root.contentEditable = 'true';
    document.body.replaceChildren(root);
    const editor = createEditor({ namespace: 't', onError: (e) => { throw e; } });
    editor.setRootElement(root);
    registerRichText(editor);
    editor.update(
      () => {
        const r = $getRoot().clear();
        for (const parts of LINES) {
          const p = $createParagraphNode();
          parts.forEach((part, i) => {
            if (i > 0) p.append($createLineBreakNode());
            if (part) p.append($createTextNode(part));
          });
          r.append(p);
        }
      },
      { discrete: true },
    );
    const model = editor.getEditorState().read(() => $getRoot().getChildren().map((b) => b.getTextContent()).join('\n'));
    expect(model).toBe('宗教の\n話\n\n絶対に痩せる\n🍵\n\n末尾');
    expect(root.querySelector('[data-lexical-editor]') ?? root).toBeTruthy();
    expect(EDITORS.lexical.read(root).text).toBe(model);
  });
});

describe('TipTap 3 (ProseMirror)', () => {
  // Hard breaks post as "\n" (TipTap's HardBreak renderText, Bluesky's editor-JSON-to-text), so
  // the model text is textBetween with "\n" as block separator AND as leaf text.
  it('reads what doc.textBetween(…, "\\n", "\\n") gives', () => {
    const element = document.createElement('div');
    document.body.replaceChildren(element);
    const html = LINES.map((parts) => `<p>${parts.join('<br>')}</p>`).join('');
    const editor = new Editor({ element, extensions: [StarterKit], content: html });
    const { doc } = editor.state;
    const model = doc.textBetween(0, doc.content.size, '\n', '\n');
    expect(model).toBe('宗教の\n話\n\n絶対に痩せる\n🍵\n\n末尾');
    const root = element.querySelector<HTMLElement>('.ProseMirror')!;
    expect(EDITORS.prosemirror.read(root).text).toBe(model);
    editor.destroy();
  });
});
