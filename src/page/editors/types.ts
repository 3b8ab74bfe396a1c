/** What the runtime needs from an editor family: the text as the site posts it, and Ranges. */

export interface EditorSnapshot {
  /** The draft as the editor's model holds it (blocks joined by "\n", a line break = "\n"). */
  readonly text: string;
  /**
   * A DOM Range over `text.slice(start, end)` (UTF-16 offsets, as findings carry them), or null
   * when the span covers no rendered character (only line breaks) or the DOM moved on since the
   * snapshot was taken. Textareas answer with a Range over Kakunin's mirror of the textarea.
   */
  rangeFor(start: number, end: number): Range | null;
}

export interface EditorModule {
  read(editor: HTMLElement): EditorSnapshot;
  /** Called when the page scrolled or resized (textarea mirrors follow their textarea). */
  layout?(editor: HTMLElement): void;
  /** The composer went away: drop whatever the module made for it. */
  dispose?(editor: HTMLElement): void;
}
