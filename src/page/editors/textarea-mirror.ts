/**
 * A textarea's text is not in the DOM, so no Range can point into it. A mirror element with the
 * textarea's font, padding, border and wrapping, laid exactly over it and scrolled with it, holds
 * the same text as one Text node; Ranges over that node have the textarea's glyph positions
 * (Harper's TextFieldRange.ts; compose-boxes.md). The mirror lives in Kakunin's own shadow root
 * on document.body, never near the site's form, and its text is transparent: only the
 * ::highlight underlines drawn on it show.
 *
 * A one-line <input> ("any text box" pages) gets the same mirror, unwrapped, with its one line
 * centred vertically as the input draws it, and scrolled sideways with it.
 */
import { HIGHLIGHT_CSS } from '../paint/highlight-style';

const COPIED = [
  'boxSizing', 'width', 'height', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft',
  'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'fontFamily', 'fontSize',
  'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'fontKerning', 'fontFeatureSettings', 'lineHeight',
  'letterSpacing', 'wordSpacing', 'textTransform', 'textIndent', 'textAlign', 'direction', 'tabSize',
  'whiteSpace', 'overflowWrap', 'wordBreak', 'lineBreak',
] as const;

export class TextareaMirror {
  readonly host: HTMLElement;
  private readonly box: HTMLDivElement;
  private readonly node: Text;
  private size = '';

  constructor(private readonly textarea: HTMLTextAreaElement | HTMLInputElement) {
    const doc = textarea.ownerDocument;
    this.host = doc.createElement('kakunin-mirror');
    this.host.style.cssText = 'all:initial;position:fixed;left:0;top:0;width:0;height:0;pointer-events:none;z-index:2147483646';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = `${HIGHLIGHT_CSS}\n.m{position:fixed;overflow:hidden;color:transparent;-webkit-text-fill-color:transparent;border-style:solid;border-color:transparent;margin:0;pointer-events:none;background:none}`;
    this.box = doc.createElement('div');
    this.box.className = 'm';
    this.box.setAttribute('aria-hidden', 'true');
    this.node = doc.createTextNode('');
    this.box.append(this.node);
    shadow.append(style, this.box);
    doc.body.append(this.host);
  }

  /** Copies the textarea's text metrics (on creation and whenever its size changes). */
  private syncStyle(): void {
    const computed = getComputedStyle(this.textarea);
    const style = this.box.style;
    for (const prop of COPIED) style[prop] = computed[prop];
    const field = this.textarea;
    if (field instanceof HTMLInputElement) {
      // One line, never wrapped, centred in the content box: a line as tall as that box.
      style.whiteSpace = 'pre';
      const content = field.clientHeight - parseFloat(computed.paddingTop || '0') - parseFloat(computed.paddingBottom || '0');
      style.lineHeight = `${Math.max(0, content)}px`;
    } else if (field.wrap !== 'off') {
      // A textarea always wraps (unless wrap=off) and keeps every space.
      style.whiteSpace = 'pre-wrap';
    }
  }

  /** Follows the textarea's position, size and scroll; call after scroll and resize. */
  syncGeometry(): void {
    const ta = this.textarea;
    const rect = ta.getBoundingClientRect();
    const size = `${rect.width}x${rect.height}`;
    if (size !== this.size) {
      this.size = size;
      this.syncStyle();
    }
    const style = this.box.style;
    style.left = `${rect.left}px`;
    style.top = `${rect.top}px`;
    // A vertical scrollbar narrows the text area: give the mirror the same content width.
    const scrollbar = ta.offsetWidth - ta.clientWidth - parseFloat(style.borderLeftWidth || '0') - parseFloat(style.borderRightWidth || '0');
    style.width = `${rect.width - Math.max(0, scrollbar)}px`;
    style.height = `${rect.height}px`;
    style.display = rect.width === 0 && rect.height === 0 ? 'none' : 'block';
    this.box.scrollTop = ta.scrollTop;
    this.box.scrollLeft = ta.scrollLeft;
  }

  setText(text: string): void {
    if (this.node.data !== text) this.node.data = text;
    this.syncGeometry();
  }

  rangeFor(start: number, end: number): Range | null {
    if (!(start >= 0 && start < end && end <= this.node.data.length)) return null;
    const range = this.textarea.ownerDocument.createRange();
    range.setStart(this.node, start);
    range.setEnd(this.node, end);
    return range;
  }

  destroy(): void {
    this.host.remove();
  }
}
