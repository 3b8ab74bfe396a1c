/**
 * Draft.js (X). DOM: .public-DraftEditor-content > [data-contents] > [data-block] >
 * .public-DraftStyleDefault-block > span[data-offset-key] > span[data-text] > text; an empty block
 * holds <br data-text="true">; soft newlines stay "\n" inside the text. Matches
 * ContentState.getPlainText('\n') (tests/e2e/fixtures/x). While an IME composes, Draft's DOM holds
 * text its model lacks (compose-boxes.md), which is why nothing reads during composition.
 */
import { readBlockText } from './block-text';
import type { EditorModule } from './types';

export const draftEditor: EditorModule = {
  read: (editor) => readBlockText(editor),
};
