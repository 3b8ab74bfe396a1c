/** The editor module for each editor family an adapter can report. */
import type { EditorKind } from '../../sites/site-adapter';
import { draftEditor } from './draft';
import { lexicalEditor } from './lexical';
import { plainEditor } from './plain';
import { prosemirrorEditor } from './prosemirror';
import { quillEditor } from './quill';
import { textareaEditor } from './textarea';
import type { EditorModule } from './types';

export const EDITORS: Record<EditorKind, EditorModule> = {
  draft: draftEditor,
  lexical: lexicalEditor,
  quill: quillEditor,
  prosemirror: prosemirrorEditor,
  textarea: textareaEditor,
  plain: plainEditor,
};
