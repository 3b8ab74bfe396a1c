/**
 * One host element per composer, appended to document.body (never inside the editor's subtree:
 * complaint 2 in compose-boxes.md), holding Kakunin's UI in a shadow root. The host carries the
 * state tests and tools read: data-kakunin-state="ok|info|warn|block", data-kakunin-count.
 */
import { h, render } from 'preact';
import { ComposerUi } from '../ui/in-page/ComposerUi';
import { IN_PAGE_CSS } from '../ui/in-page/styles';
import type { Lang } from '../ui/i18n/lang';
import type { ComposerActions, ComposerView, GateView, Notice } from '../ui/in-page/view';

/** What the composer knows (findings, checking); the host adds the UI's own state. */
export type ComposerFacts = Pick<ComposerView, 'state' | 'counts' | 'findings' | 'checking' | 'unavailable'>;

/** The UI's own state: is the panel open, which gate dialog, which notice. */
export interface UiState {
  panelOpen: boolean;
  gate?: GateView;
  notice?: Notice;
}

/**
 * Events that must not reach the site from our UI: typing a reason must not fire the site's
 * keyboard shortcuts (X posts on Ctrl+Enter, opens a composer on "n"), and clicks on our cards
 * must not look like "outside" clicks that close the site's compose modal. WXT's
 * createShadowRootUi({ isolateEvents }) does the same for the keyboard events.
 */
export const ISOLATED = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend',
  'paste', 'copy', 'cut', 'focusin', 'focusout', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'click', 'dblclick', 'wheel',
] as const;

export class UiHost {
  readonly element: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly mount: HTMLDivElement;
  private ui: UiState = { panelOpen: false };

  constructor(
    doc: Document,
    composerId: number,
    site: string,
    private readonly lang: Lang,
    private readonly facts: () => ComposerFacts,
    private readonly actions: ComposerActions,
  ) {
    this.element = doc.createElement('kakunin-composer');
    this.element.setAttribute('data-kakunin-composer', String(composerId));
    this.element.setAttribute('data-kakunin-site', site);
    this.element.style.cssText = 'all:initial;position:fixed;left:0;top:0;width:max-content;z-index:2147483647;display:none';
    this.root = this.element.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = IN_PAGE_CSS;
    this.mount = doc.createElement('div');
    this.root.append(style, this.mount);
    for (const type of ISOLATED) this.element.addEventListener(type, (e) => e.stopPropagation());
    doc.body.append(this.element);
  }

  get state(): Readonly<UiState> {
    return this.ui;
  }

  /** Changes the UI's state and renders. */
  set(change: Partial<UiState>): void {
    this.ui = { ...this.ui, ...change };
    this.render();
  }

  render(): void {
    const view: ComposerView = { ...this.facts(), lang: this.lang, ...this.ui };
    const el = this.element;
    el.setAttribute('data-kakunin-state', view.state);
    el.setAttribute('data-kakunin-count', String(view.findings.length));
    el.toggleAttribute('data-kakunin-checking', view.checking);
    if (view.gate) el.setAttribute('data-kakunin-gate', view.gate.phase);
    else el.removeAttribute('data-kakunin-gate');
    if (view.notice) el.setAttribute('data-kakunin-notice', view.notice);
    else el.removeAttribute('data-kakunin-notice');
    render(h(ComposerUi, { view, actions: this.actions }), this.mount);
  }

  /** Sits at the editor's bottom-right corner, inside its box (where the last line rarely reaches). */
  place(editorRect: DOMRect): void {
    const style = this.element.style;
    const visible = editorRect.width > 0 && editorRect.height > 0 && editorRect.bottom > 0 && editorRect.top < innerHeight;
    style.display = visible ? 'block' : 'none';
    if (!visible) return;
    const w = this.element.offsetWidth || 90;
    const hgt = this.element.offsetHeight || 22;
    style.left = `${Math.max(0, editorRect.right - w - 6)}px`;
    style.top = `${Math.max(0, editorRect.bottom - hgt - 6)}px`;
  }

  destroy(): void {
    render(null, this.mount);
    this.element.remove();
  }
}
