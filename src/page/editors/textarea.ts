/**
 * <textarea> (Mastodon, X mobile web), and one-line text inputs on "any text box" pages: the value
 * is the draft; Ranges come from a mirror.
 */
import { TextareaMirror } from './textarea-mirror';
import type { EditorModule } from './types';

const mirrors = new WeakMap<HTMLElement, TextareaMirror>();

type ValueField = HTMLTextAreaElement | HTMLInputElement;

function mirrorFor(editor: ValueField): TextareaMirror {
  let mirror = mirrors.get(editor);
  if (!mirror || !mirror.host.isConnected) {
    mirror = new TextareaMirror(editor);
    mirrors.set(editor, mirror);
  }
  return mirror;
}

export const textareaEditor: EditorModule = {
  read(editor) {
    const textarea = editor as ValueField;
    const text = textarea.value;
    return {
      text,
      rangeFor(start, end) {
        // The mirror is made only when something is to be drawn, and then holds this exact text.
        const mirror = mirrorFor(textarea);
        mirror.setText(text);
        return textarea.value === text ? mirror.rangeFor(start, end) : null;
      },
    };
  },
  layout(editor) {
    mirrors.get(editor)?.syncGeometry();
  },
  dispose(editor) {
    mirrors.get(editor)?.destroy();
    mirrors.delete(editor);
  },
};
