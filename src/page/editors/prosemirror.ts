/**
 * ProseMirror / TipTap (Bluesky, note). DOM: .ProseMirror > p; a hard break is <br>, an empty or
 * break-ended paragraph ends in <br class="ProseMirror-trailingBreak"> (after an
 * img.ProseMirror-separator). Matches doc.textBetween(0, size, "\n") (fixtures/shared/prosemirror-composer.ts).
 * Widget decorations (placeholders, suggestion chips) are not in the document: skipped.
 */
import { readBlockText } from './block-text';
import type { EditorModule } from './types';

export const prosemirrorEditor: EditorModule = {
  read: (editor) => readBlockText(editor, { skip: '.ProseMirror-widget, img.ProseMirror-separator' }),
};
