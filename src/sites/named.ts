/**
 * Finding elements by role and accessible name, for sites whose buttons carry no test id (Meta's
 * div[role=button]s, LinkedIn, note). A label is what the site promises its screen-reader users;
 * class names are build artefacts that change with every deploy. Labels follow the UI language, so
 * every named target lists its Japanese and English names.
 *
 * A selector an adapter uses is a `Target`: plain CSS, or CSS plus the accessible names one of
 * the matches must have. Adapters and their selector tests query targets through `queryAll`, so a
 * test counts exactly what the adapter would find.
 */

export interface Named {
  /** Candidates (role and tag): kept broad, e.g. ':is(button, [role="button"])'. */
  css: string;
  /** Accessible names, exact after whitespace is collapsed (ja and en). */
  names: readonly string[];
}

export type Target = string | Named;

/** Buttons as the sites build them: real <button>s or div[role=button]. */
export const BUTTON = ':is(button, [role="button"])';

/**
 * The accessible name as these sites set it: aria-label when present (Facebook puts the label on
 * the div[role=button] itself), else the visible text (Threads' and LinkedIn's buttons).
 * aria-labelledby is not used by the sites' post buttons and is not followed.
 */
export function accessibleName(el: Element): string {
  const label = el.getAttribute('aria-label');
  return (label ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function queryAll(root: ParentNode, target: Target): HTMLElement[] {
  const css = typeof target === 'string' ? target : target.css;
  const all = [...root.querySelectorAll<HTMLElement>(css)];
  if (typeof target === 'string') return all;
  return all.filter((el) => target.names.includes(accessibleName(el)));
}

export function queryFirst(root: ParentNode, target: Target): HTMLElement | null {
  if (typeof target === 'string') return root.querySelector<HTMLElement>(target);
  return queryAll(root, target)[0] ?? null;
}

/**
 * The composer's own button: searched in the composer's `scope` (its dialog or form) when it has
 * one, else in the nearest ancestor that has a match (site-adapter.ts nearestInComposer, by name).
 */
export function findInComposer(editor: HTMLElement, target: Target, scope: string): HTMLElement | null {
  const container = editor.closest(scope);
  if (container) return queryFirst(container, target);
  for (let node: HTMLElement | null = editor.parentElement; node; node = node.parentElement) {
    const hit = queryFirst(node, target);
    if (hit) return hit;
  }
  return null;
}

/**
 * Selector proof, refined-github style: for each selector of an adapter, how many elements it
 * matches on each page of that site's fixture (tests/e2e/fixtures/<site>), in both UI languages.
 * The site's test in tests/sites/ loads those pages and checks every count.
 */
export type SelectorCounts<S extends Record<string, Target>, Page extends string> = { [K in keyof S]: Record<Page, number> };

/**
 * The last element in `container` before `editor` (document order) whose own text is a token
 * matching `pattern`, skipping buttons and headings: the author line a composer row shows above
 * its editor (Threads, Instagram). In a reply dialog the replied-to post's author comes earlier,
 * so the last one before the editor is the poster's.
 */
export function lastTokenBefore(editor: HTMLElement, container: ParentNode, css: string, pattern: RegExp): string | undefined {
  let token: string | undefined;
  for (const el of container.querySelectorAll(css)) {
    if (!(editor.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING) || el.contains(editor)) continue;
    if (el.closest(`${BUTTON}, h1, h2, h3, [contenteditable="true"]`)) continue;
    const text = (el.textContent ?? '').trim();
    if (pattern.test(text)) token = text;
  }
  return token;
}
