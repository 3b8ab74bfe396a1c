/**
 * Publishing from a later page that no longer shows the text (SiteAdapter.laterStep; note.com:
 * 公開に進む on the editor saves the draft and opens /notes/{id}/publish/, where 投稿する publishes).
 * `withLaterStep` wraps such a site's adapter so that the ordinary runtime gates the LAST button
 * with a check of the text written on the first page:
 *
 * - First page: the composers' text is kept for the draft id in the tab's sessionStorage, after
 *   typing pauses, at once when the button that leads on is pressed, and when the page is left.
 *   sessionStorage is per tab and per origin, like the draft; what is kept is the site's own draft
 *   text (which the site has anyway), never Kakunin's findings. That button is not gated.
 * - Last page: the kept text is shown read-only in Kakunin's own panel (a shadow root on <body>,
 *   outside the site's DOM) and that panel is one more composer for the runtime: it is checked
 *   under the current settings and account, underlined, badged, and its post button is the page's
 *   final button, so the usual gate holds it (click, mousedown) with the usual override.
 * - Last page without a kept text (opened in another tab): the panel says the text could not be
 *   checked and nothing is held: the gate fails open, visibly.
 * The wrapper keeps the SiteAdapter shape, so PageRuntime needs no site knowledge for any of this.
 */
import { byPageOrder, type ComposerMatch, type LaterStep, type SiteAdapter } from '../sites/site-adapter';
import type { Lang } from '../ui/i18n/lang';
import { EDITORS } from './editors';
import { HIGHLIGHT_CSS } from './paint/highlight-style';

export interface LaterStepOptions {
  doc: Document;
  signal: AbortSignal;
  lang: Lang;
  /** Where the text is kept (default: the tab's sessionStorage). */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Pause after typing before the text is kept (default 400 ms). */
  saveDelayMs?: number;
}

/** What is kept per draft: the text and, as a fallback, the handle the first page showed. */
interface Kept {
  text: string;
  handle?: string;
}

const TEXT = {
  title: { ja: '確認：公開される本文', en: 'Kakunin: the text being published' },
  missing: {
    ja: '編集画面の本文を受け取れなかったため、この投稿は確認されていません。',
    en: 'The text from the editor did not reach this page, so this post is not checked.',
  },
};

const PANEL_CSS = `
:host{all:initial}
.panel{box-sizing:border-box;width:100%;background:#fff;border:1px solid #c9d1d9;border-radius:10px;box-shadow:0 6px 20px rgba(0,0,0,.18);padding:10px 12px;font:13px/1.6 system-ui,"Noto Sans CJK JP","Hiragino Sans",sans-serif;color:#14171a}
h2{font-size:12px;margin:0 0 6px;color:#57606a;font-weight:600}
.text{white-space:pre-wrap;word-break:break-word;max-height:32vh;overflow:auto;padding-bottom:26px}
.missing{margin:0;color:#8a5a00}
${HIGHLIGHT_CSS}`;

export const keptKey = (site: string, draftId: string) => `kakunin:later-step:${site}:${draftId}`;

function readKept(storage: LaterStepOptions['storage'], key: string): Kept | undefined {
  try {
    const value = JSON.parse(storage?.getItem(key) ?? 'null') as Partial<Kept> | null;
    return typeof value?.text === 'string' ? { text: value.text, handle: typeof value.handle === 'string' ? value.handle : undefined } : undefined;
  } catch {
    return undefined;
  }
}

/** Kakunin's read-only panel on the last page; `editor` holds the kept text as one text node. */
class KeptPanel {
  readonly host: HTMLElement;
  readonly editor: HTMLElement | undefined;

  constructor(doc: Document, readonly draftId: string, readonly kept: Kept | undefined, lang: Lang) {
    this.host = doc.createElement('kakunin-later-step');
    this.host.setAttribute('data-kakunin-draft', draftId);
    this.host.style.cssText = 'all:initial;position:fixed;left:12px;bottom:12px;z-index:2147483646;width:min(380px,calc(100vw - 24px))';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = PANEL_CSS;
    const panel = doc.createElement('section');
    panel.className = 'panel';
    panel.setAttribute('aria-label', TEXT.title[lang]);
    const title = doc.createElement('h2');
    title.textContent = TEXT.title[lang];
    panel.append(title);
    if (kept) {
      // One text node, newlines kept (white-space: pre-wrap): the plain reader gives it back exactly.
      this.editor = doc.createElement('div');
      this.editor.className = 'text';
      this.editor.lang = 'ja';
      this.editor.textContent = kept.text;
      panel.append(this.editor);
    } else {
      const missing = doc.createElement('p');
      missing.className = 'missing';
      missing.setAttribute('role', 'status');
      missing.textContent = TEXT.missing[lang];
      panel.append(missing);
    }
    shadow.append(style, panel);
    doc.body.append(this.host);
  }

  remove(): void {
    this.host.remove();
  }
}

export function withLaterStep(adapter: SiteAdapter, options: LaterStepOptions): SiteAdapter {
  const step: LaterStep | undefined = adapter.laterStep;
  if (!step) return adapter;
  const { doc, signal, lang } = options;
  const win = doc.defaultView ?? window;
  let storage = options.storage;
  if (!storage) {
    try {
      storage = win.sessionStorage;
    } catch {
      storage = undefined; // storage blocked for the site: the last page says it could not check
    }
  }
  const site = adapter.siteKey(doc.location);
  let panel: KeptPanel | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // --- first page: keep the text ---------------------------------------------------------------

  const firstPageDraft = () => {
    const id = step.draftId(doc.location);
    return id !== undefined && !step.isFinalPage(doc.location) ? id : undefined;
  };

  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const id = firstPageDraft();
    if (id === undefined || signal.aborted) return;
    const found = adapter.findComposers(doc);
    // The editor is gone already (single-page navigation): keep what was kept last.
    if (!found.length) return;
    // in page order (note: the title above the body), whatever order the adapter found them in
    found.sort(byPageOrder);
    const kept: Kept = {
      text: found.map((m) => EDITORS[m.kind].read(m.editor).text).filter((t) => t !== '').join('\n'),
      handle: adapter.readAccount(found[0]!.editor),
    };
    try {
      storage?.setItem(keptKey(site, id), JSON.stringify(kept));
    } catch {
      // Quota or blocked storage: the last page then shows that it could not check.
    }
  };
  const saveSoon = () => {
    if (firstPageDraft() === undefined) return;
    clearTimeout(timer);
    timer = setTimeout(save, options.saveDelayMs ?? 400);
  };
  const leadsOn = (target: EventTarget | null) =>
    target instanceof Node &&
    firstPageDraft() !== undefined &&
    adapter.findComposers(doc).some((m) => adapter.findPostButton(m.editor)?.contains(target));

  const listen = { capture: true, signal };
  win.addEventListener('input', saveSoon, listen);
  win.addEventListener('compositionend', saveSoon, listen);
  // Before the site's own handler saves and navigates.
  win.addEventListener('pointerdown', (e) => leadsOn(e.target) && save(), listen);
  win.addEventListener('click', (e) => leadsOn(e.target) && save(), listen);
  win.addEventListener('pagehide', () => firstPageDraft() !== undefined && save(), { signal });
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    panel?.remove();
    panel = undefined;
  });

  // --- last page: the kept text as a composer ------------------------------------------------

  const syncPanel = (): ComposerMatch[] => {
    const id = step.isFinalPage(doc.location) ? step.draftId(doc.location) : undefined;
    if (id === undefined || signal.aborted) {
      panel?.remove();
      panel = undefined;
      return [];
    }
    if (panel?.draftId !== id || !panel.host.isConnected) {
      panel?.remove();
      panel = new KeptPanel(doc, id, readKept(storage, keptKey(site, id)), lang);
    }
    return panel.editor ? [{ editor: panel.editor, kind: 'plain' }] : [];
  };
  const isPanel = (editor: HTMLElement) => panel !== undefined && editor === panel.editor;

  return {
    ...adapter,
    findComposers: (root) => [...adapter.findComposers(root), ...syncPanel()],
    // Only the last page's button is gated; the first page's only leads on.
    findPostButton: (editor) => (isPanel(editor) ? step.findFinalButton(doc) : null),
    readAccount: (editor) => (isPanel(editor) ? adapter.readAccount(editor) ?? panel?.kept?.handle : adapter.readAccount(editor)),
  };
}
