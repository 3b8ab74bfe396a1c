/**
 * The page runtime for one site: composers found by the watcher, events routed to them, one
 * painter, one frame queue and one gate for the page. Site knowledge comes only from the adapter.
 */
import type { ComposerMatch, SiteAdapter } from '../sites/site-adapter';
import type { Lang } from '../ui/i18n/lang';
import { Composer, type Send } from './composer';
import type { HoldPolicy } from './findings-state';
import { FrameScheduler } from './frame';
import { Gate } from './gate';
import { createPainter, type Painter } from './paint/painter';
import { watchComposers, type Watcher } from './watch-composers';

export interface RuntimeOptions {
  adapter: SiteAdapter;
  send: Send;
  policy: HoldPolicy;
  lang: Lang;
  signal: AbortSignal;
  doc?: Document;
  debounceMs?: number;
  settleTimeoutMs?: number;
}

export class PageRuntime {
  readonly gate: Gate;
  private readonly composers = new Map<HTMLElement, Composer>();
  private readonly observers = new Map<HTMLElement, MutationObserver>();
  private readonly frames: FrameScheduler;
  private readonly painter: Painter;
  private readonly watcher: Watcher;
  private readonly doc: Document;

  constructor(private readonly options: RuntimeOptions) {
    const { signal } = options;
    this.doc = options.doc ?? document;
    const win = this.doc.defaultView ?? window;
    this.frames = new FrameScheduler(signal);
    this.painter = createPainter(this.doc, this.frames);
    this.gate = new Gate(win, { quirks: options.adapter.quirks, settleTimeoutMs: options.settleTimeoutMs, signal });

    const listen = (type: string, fn: (c: Composer, e: Event) => void) =>
      win.addEventListener(
        type,
        (e) => {
          const c = this.composerFor(e.composedPath()[0]);
          if (c) fn(c, e);
        },
        { capture: true, signal },
      );
    // Capture phase: Lexical changes the DOM in its own compositionstart handler (compose-boxes.md).
    listen('compositionstart', (c) => c.compositionStart());
    listen('compositionend', (c) => c.compositionEnd());
    listen('input', (c, e) => {
      if (!(e as InputEvent).isComposing) c.changed();
    });
    const relayout = () => this.composers.forEach((c) => c.relayout());
    win.addEventListener('scroll', relayout, { capture: true, passive: true, signal });
    win.addEventListener('resize', relayout, { passive: true, signal });

    this.watcher = watchComposers({
      doc: this.doc,
      find: (root) => options.adapter.findComposers(root),
      onScan: (found) => this.sync(found),
      known: (el) => this.composers.has(el as HTMLElement),
      signal,
    });
    signal.addEventListener('abort', () => {
      for (const el of [...this.composers.keys()]) this.drop(el);
      this.painter.dispose();
    });
  }

  /** SPA navigation: composers may have come or gone. */
  navigated(): void {
    this.watcher.schedule();
  }

  /** Settings changed: every composer checks its draft again before its next post. */
  recheck(): void {
    this.composers.forEach((c) => c.recheck());
  }

  /** For tests and tools: the composers in discovery order. */
  list(): Composer[] {
    return [...this.composers.values()];
  }

  private composerFor(node: EventTarget | undefined): Composer | undefined {
    if (!(node instanceof Node)) return undefined;
    for (const [el, c] of this.composers) if (el === node || el.contains(node)) return c;
    return undefined;
  }

  private sync(found: ComposerMatch[]): void {
    const seen = new Set(found.map((m) => m.editor));
    for (const el of [...this.composers.keys()]) if (!seen.has(el) || !el.isConnected) this.drop(el);
    for (const match of found) if (!this.composers.has(match.editor)) this.add(match);
    // Whatever made the page change may have moved the editors.
    this.composers.forEach((c) => c.relayout());
  }

  private add(match: ComposerMatch): void {
    const { options } = this;
    const composer = new Composer(match, {
      adapter: options.adapter,
      site: options.adapter.siteKey(this.doc.location),
      send: options.send,
      policy: options.policy,
      painter: this.painter,
      frames: this.frames,
      gate: this.gate,
      lang: options.lang,
      debounceMs: options.debounceMs,
    });
    this.composers.set(match.editor, composer);
    if (match.kind !== 'textarea') {
      // Editors re-render their DOM without input events (Draft.js after a composition, a site
      // clearing the box after posting): redraw on any change inside the editor.
      const observer = new MutationObserver(() => composer.changed());
      observer.observe(match.editor, { childList: true, characterData: true, subtree: true });
      this.observers.set(match.editor, observer);
    }
  }

  private drop(el: HTMLElement): void {
    this.observers.get(el)?.disconnect();
    this.observers.delete(el);
    this.composers.get(el)?.dispose();
    this.composers.delete(el);
  }
}
