/**
 * Quill (LinkedIn). DOM: .ql-editor > p (or li); an empty line is <p><br></p>. Quill's getText()
 * ends with "\n", which the site drops (fixtures/linkedin), so blocks joined with "\n" match it.
 * .ql-cursor is Quill's transient caret blot holding U+FEFF: not text.
 */
import { readBlockText } from './block-text';
import type { EditorModule } from './types';

export const quillEditor: EditorModule = {
  read: (editor) => readBlockText(editor, { skip: '.ql-cursor, .ql-clipboard, .ql-ui' }),
};
