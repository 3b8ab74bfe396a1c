/** Any other contenteditable (the "any text box" sites): the same block walk, nothing skipped. */
import { readBlockText } from './block-text';
import type { EditorModule } from './types';

export const plainEditor: EditorModule = {
  read: (editor) => readBlockText(editor),
};
