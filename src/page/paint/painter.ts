/**
 * Draws finding underlines without touching the page's DOM near the text: the CSS Custom
 * Highlight API when the browser has it (nothing is inserted, so IME, caret and undo are safe),
 * else boxes in Kakunin's own shadow root laid over the text and redrawn on every frame the
 * layout may have changed (scroll, resize, edits).
 */
import type { Severity } from '../../engine/finding';
import type { FrameScheduler } from '../frame';
import { HIGHLIGHT_CSS, HIGHLIGHT_NAMES, SEVERITY_COLORS } from './highlight-style';

export interface Mark {
  range: Range;
  severity: Severity;
}

export interface Painter {
  /** Replaces the marks `owner` (a composer) had. */
  set(owner: object, marks: Mark[]): void;
  /** The layout may have moved (scroll, resize): only the fallback needs to redraw. */
  relayout(): void;
  dispose(): void;
}

const SEVERITIES: Severity[] = ['info', 'warn', 'block'];
const STYLE_ID = 'kakunin-highlight-style';

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** `::highlight()` rules must be in the page's own style scope, in <head>, outside any editor. */
function ensurePageStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = HIGHLIGHT_CSS;
  (doc.head ?? doc.documentElement).append(style);
}

export class HighlightPainter implements Painter {
  private readonly highlights = new Map<Severity, Highlight>();
  private readonly owned = new Map<object, Mark[]>();

  constructor(private readonly doc: Document) {
    SEVERITIES.forEach((s, i) => {
      const h = new Highlight();
      h.priority = i; // block over warn over info where spans overlap
      // Replaces a registry entry left by an older copy of this script (extension update).
      CSS.highlights.set(HIGHLIGHT_NAMES[s], h);
      this.highlights.set(s, h);
    });
  }

  set(owner: object, marks: Mark[]): void {
    ensurePageStyle(this.doc);
    for (const m of this.owned.get(owner) ?? []) this.highlights.get(m.severity)?.delete(m.range);
    for (const m of marks) this.highlights.get(m.severity)?.add(m.range);
    if (marks.length) this.owned.set(owner, marks);
    else this.owned.delete(owner);
  }

  relayout(): void {}

  dispose(): void {
    for (const s of SEVERITIES) {
      if (CSS.highlights.get(HIGHLIGHT_NAMES[s]) === this.highlights.get(s)) CSS.highlights.delete(HIGHLIGHT_NAMES[s]);
    }
    this.owned.clear();
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}

/** Boxes drawn at most, over all composers (each is one absolutely placed div). */
const MAX_BOXES = 400;

export class BoxPainter implements Painter {
  private readonly owned = new Map<object, Mark[]>();
  private readonly host: HTMLElement;
  private readonly layer: HTMLDivElement;
  private readonly redraw = () => this.draw();

  constructor(private readonly doc: Document, private readonly frames: FrameScheduler) {
    this.host = doc.createElement('kakunin-marks');
    this.host.style.cssText = 'all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483645';
    const shadow = this.host.attachShadow({ mode: 'open' });
    this.layer = doc.createElement('div');
    shadow.append(this.layer);
    doc.body.append(this.host);
  }

  set(owner: object, marks: Mark[]): void {
    if (marks.length) this.owned.set(owner, marks);
    else this.owned.delete(owner);
    this.frames.schedule(this.redraw);
  }

  relayout(): void {
    if (this.owned.size) this.frames.schedule(this.redraw);
  }

  private draw(): void {
    const boxes: HTMLElement[] = [];
    outer: for (const marks of this.owned.values()) {
      for (const { range, severity } of marks) {
        // Our layer is above the page: cut boxes to what the editor's scroll containers show.
        const clip = visibleArea(range.commonAncestorContainer);
        for (const rect of range.getClientRects()) {
          const r = intersect(rect, clip);
          if (!r) continue;
          if (boxes.length >= MAX_BOXES) break outer;
          const box = this.doc.createElement('div');
          const color = SEVERITY_COLORS[severity];
          box.className = `kakunin-box ${severity}`;
          box.style.cssText = `position:fixed;box-sizing:border-box;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;border-bottom:2px solid ${color};background:${color}1f`;
          boxes.push(box);
        }
      }
    }
    this.layer.replaceChildren(...boxes);
  }

  dispose(): void {
    this.owned.clear();
    this.host.remove();
  }
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersect(r: Box, clip: Box): (Box & { width: number; height: number }) | null {
  const left = Math.max(r.left, clip.left);
  const top = Math.max(r.top, clip.top);
  const right = Math.min(r.right, clip.right);
  const bottom = Math.min(r.bottom, clip.bottom);
  return right > left && bottom > top ? { left, top, right, bottom, width: right - left, height: bottom - top } : null;
}

/** The viewport cut by every clipping ancestor of `node` (crossing shadow roots: textarea mirrors). */
export function visibleArea(node: Node): Box {
  const view = node.ownerDocument?.defaultView ?? window;
  let area: Box = { left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight };
  let el: Element | null = node instanceof Element ? node : node.parentElement;
  while (el) {
    const style = view.getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') area = intersect(area, el.getBoundingClientRect()) ?? { left: 0, top: 0, right: 0, bottom: 0 };
    const root = el.getRootNode();
    el = el.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return area;
}

export function createPainter(doc: Document, frames: FrameScheduler): Painter {
  return supportsHighlights() ? new HighlightPainter(doc) : new BoxPainter(doc, frames);
}
