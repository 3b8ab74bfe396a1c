/**
 * The one text normalization applied before hashing a draft for approval.
 *
 * It removes only differences that are encoding accidents, never differences
 * a reader could see or that change meaning:
 * - Unicode NFC: "が" may arrive as U+304C or as か + U+3099 depending on the
 *   IME, the OS (macOS file names and some paste paths produce NFD) or the
 *   editor. Both render identically, so they must hash identically, or a post
 *   would be refused as edited when nothing was edited.
 * - CRLF and lone CR become LF: textareas on Windows, clipboard round trips and
 *   mail clients (the request travels by mail or chat) change line endings.
 * - Trailing whitespace at the very end of the text is dropped: rich editors
 *   (Draft.js, Lexical, ProseMirror) append a final newline or a trailing
 *   space/NBSP that the post does not show.
 *
 * It deliberately does NOT fold width (ＡＢＣ vs ABC), kana (カ vs か, ｶ),
 * case, or whitespace inside the text. Those are visible differences, and the
 * engine's own `normalize.ts` folding exists to *find* words, not to decide
 * whether two drafts are the same post. Folding here would let an approved
 * "ＳＡＬＥ" hash equal to an unapproved "sale" (or an approved 「かみ」
 * equal to 「カミ」), so an edit after approval could pass unnoticed.
 * Different texts must never collide; invisible encoding noise may.
 * NFC (canonical) is used rather than NFKC (compatibility) for the same
 * reason: NFKC maps ① to 1 and ㈱ to (株).
 */
export function normalizeForHash(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    // trimEnd strips exactly what /\s/ matches (incl. U+3000 and NBSP), in linear time.
    .trimEnd();
}
