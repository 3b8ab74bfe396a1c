/**
 * A floating panel next to Kakunin's badge, in the top layer (`popover`) so it shows above a
 * site's compose modal, placed without scrolling the page (complaint 3 in compose-boxes.md).
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

interface PopProps {
  className: string;
  role: 'dialog' | 'alertdialog' | 'status';
  label: string;
  onEscape?: () => void;
  children: ComponentChildren;
}

function place(el: HTMLElement): void {
  const root = el.getRootNode();
  const anchor = root instanceof ShadowRoot ? root.host.getBoundingClientRect() : el.getBoundingClientRect();
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const left = Math.max(8, Math.min(anchor.right - w, innerWidth - w - 8));
  const below = anchor.bottom + 6;
  const top = below + h <= innerHeight - 8 ? below : Math.max(8, anchor.top - h - 6);
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}

function isOpen(el: HTMLElement): boolean {
  try {
    return el.matches(':popover-open');
  } catch {
    return false;
  }
}

export function Pop({ className, role, label, onEscape, children }: PopProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (typeof el.showPopover === 'function' && !isOpen(el)) el.showPopover();
    place(el);
  });
  useLayoutEffect(
    () => () => {
      const el = ref.current;
      if (el && isOpen(el)) el.hidePopover();
    },
    [],
  );
  return (
    <div
      ref={ref}
      popover="manual"
      class={className}
      role={role}
      aria-label={label}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && onEscape) {
          e.preventDefault();
          onEscape();
        }
      }}
    >
      {children}
    </div>
  );
}
