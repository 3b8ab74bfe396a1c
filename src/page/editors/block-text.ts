/**
 * Reads a contenteditable editor's text with a map from text offsets back to DOM positions, the
 * way the editors' own models produce it (Harper's domUtils.getRangeForTextSpan does the same walk):
 * - every leaf block (a block element without block children: Draft's
 *   .public-DraftStyleDefault-block, Lexical's / Quill's / ProseMirror's <p>, <li>…) is one line,
 *   and lines are joined with one "\n" (what X, Facebook, LinkedIn and Bluesky send; see the
 *   fixtures' getText());
 * - a <br> is one "\n", except the last one of a line: that one is the placeholder editors put
 *   into an empty or break-ended block (Draft's <br data-text>, Lexical's managed line break,
 *   ProseMirror's .ProseMirror-trailingBreak, Quill's <p><br></p>), which the browser does not
 *   render as a line either;
 * - text nodes count as they are (Draft keeps soft newlines as "\n" inside text).
 * innerText is not used: it follows CSS and differs between editors (compose-boxes.md, "innerText
 * vs textContent newline differences are a known misalignment source").
 */
import type { EditorSnapshot } from './types';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

export interface BlockTextOptions {
  /** Elements that are not part of the model (decorations, cursor helpers): skipped whole. */
  skip?: string;
}

interface Piece {
  /** offset of node's first character in the text */
  at: number;
  node: Text;
}

const isBlock = (n: Node): n is Element => n.nodeType === 1 && BLOCK_TAGS.has((n as Element).tagName);

export function readBlockText(root: HTMLElement, options: BlockTextOptions = {}): EditorSnapshot {
  const pieces: Piece[] = [];
  let text = '';
  let lines = 0;
  const skip = options.skip;

  // Inline tokens of the current line: text nodes and <br>s, flattened.
  let line: Array<Text | null> = [];
  const startLine = () => {
    if (lines++ > 0) text += '\n';
    line = [];
  };
  const endLine = () => {
    for (let i = 0; i < line.length; i++) {
      const token = line[i]!;
      if (token === null) {
        if (i < line.length - 1) text += '\n'; // the last <br> of a line is a placeholder
      } else {
        pieces.push({ at: text.length, node: token });
        text += token.data;
      }
    }
    line = [];
  };
  const collectInline = (node: Node) => {
    if (node.nodeType === 3) {
      if ((node as Text).data) line.push(node as Text);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skip && el.matches(skip)) return;
    if (el.tagName === 'BR') {
      line.push(null);
      return;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) collectInline(c);
  };
  const walkBlock = (el: Element) => {
    let hasBlockChild = false;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (isBlock(c) && !(skip && c.matches(skip))) {
        hasBlockChild = true;
        break;
      }
    }
    if (!hasBlockChild) {
      startLine();
      for (let c = el.firstChild; c; c = c.nextSibling) collectInline(c);
      endLine();
      return;
    }
    // Mixed content: runs of inline content between block children are lines of their own.
    let inLine = false;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && skip && (c as Element).matches(skip)) continue;
      if (isBlock(c)) {
        if (inLine) endLine();
        inLine = false;
        walkBlock(c);
      } else if (c.nodeType === 1 || (c.nodeType === 3 && (c as Text).data.trim() !== '')) {
        // Whitespace-only text between blocks is source formatting, not content.
        if (!inLine) startLine();
        inLine = true;
        collectInline(c);
      }
    }
    if (inLine) endLine();
  };
  walkBlock(root);
  return { text, rangeFor: (start, end) => rangeFromPieces(root.ownerDocument, pieces, text.length, start, end) };
}

/** Last piece whose start is <= offset (pieces are sorted by `at`). */
function pieceAt(pieces: Piece[], offset: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid]!.at <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function rangeFromPieces(doc: Document, pieces: Piece[], length: number, start: number, end: number): Range | null {
  if (!(start >= 0 && end <= length && start < end) || pieces.length === 0) return null;
  // Start: inside a piece, or at the next piece when it falls on a line break.
  let si = pieceAt(pieces, start);
  let startNode: Text;
  let startOffset: number;
  const s = si >= 0 ? pieces[si]! : undefined;
  if (s && start < s.at + s.node.data.length) {
    startNode = s.node;
    startOffset = start - s.at;
  } else {
    si += 1;
    const next = pieces[si];
    if (!next || next.at >= end) return null;
    startNode = next.node;
    startOffset = 0;
  }
  // End: inside a piece (end exclusive), or at the end of the previous piece.
  const ei = pieceAt(pieces, end - 1);
  const e = pieces[ei];
  if (!e || ei < si) return null;
  const endNode = e.node;
  const endOffset = Math.min(end - e.at, e.node.data.length);
  // The DOM moved on since the snapshot (a re-render replaced or shortened the node).
  if (!startNode.isConnected || !endNode.isConnected || startOffset > startNode.data.length) return null;
  const range = doc.createRange();
  range.setStart(startNode, startOffset);
  range.setEnd(endNode, endOffset);
  return range;
}
