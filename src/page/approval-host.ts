/**
 * The host of the in-page approval panel: like UiHost (ui-host.ts), one element appended to
 * document.body holding the panel in a shadow root, with the same event isolation (typing a code
 * must not fire the site's shortcuts), placed at the composer's bottom-right corner. Carries
 * data-kakunin-approval="<composer id>" and data-phase for tests and tools.
 */
import { h, render } from 'preact';
import { ApprovalPanel, type ApprovalPanelActions, type ApprovalPanelView } from '../ui/in-page/ApprovalPanel';
import { IN_PAGE_CSS } from '../ui/in-page/styles';
import { ISOLATED } from './ui-host';

const EXTRA_CSS = '.copy{display:flex;gap:6px;align-items:center;margin:4px 0}.copy .label{flex:none}.copy input{flex:1;min-height:0;margin:0}';

export class ApprovalHost {
  readonly element: HTMLElement;
  private readonly mount: HTMLDivElement;

  constructor(doc: Document, readonly composerId: number) {
    this.element = doc.createElement('kakunin-approval');
    this.element.setAttribute('data-kakunin-approval', String(composerId));
    this.element.style.cssText = 'all:initial;position:fixed;left:0;top:0;width:1px;height:1px;z-index:2147483647';
    const root = this.element.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = IN_PAGE_CSS + EXTRA_CSS;
    this.mount = doc.createElement('div');
    this.mount.className = 'ui';
    root.append(style, this.mount);
    for (const type of ISOLATED) this.element.addEventListener(type, (e) => e.stopPropagation());
    doc.body.append(this.element);
  }

  render(view: ApprovalPanelView, actions: ApprovalPanelActions, anchor: DOMRect): void {
    this.element.setAttribute('data-phase', view.phase);
    this.element.style.left = `${Math.max(0, anchor.right - 8)}px`;
    this.element.style.top = `${Math.max(0, Math.min(anchor.bottom, innerHeight - 8))}px`;
    render(h(ApprovalPanel, { view, actions }), this.mount);
  }

  destroy(): void {
    render(null, this.mount);
    this.element.remove();
  }
}
