/**
 * Lexical (Facebook, Threads, Instagram). DOM: [data-lexical-editor] > p > span[data-lexical-text];
 * a LineBreakNode is a <br>, and Lexical adds a managed <br> to empty and break-ended paragraphs
 * (the placeholder rule in block-text.ts). Paragraphs joined with "\n", as the sites post them
 * (Lexical's own root getTextContent() would put "\n\n" between them; fixtures/shared/lexical-composer.ts).
 */
import { readBlockText } from './block-text';
import type { EditorModule } from './types';

export const lexicalEditor: EditorModule = {
  // Decorator nodes render contenteditable=false islands the model does not hold as text.
  read: (editor) => readBlockText(editor, { skip: '[data-lexical-decorator="true"]' }),
};
