// Checks an adapter's selector proof (src/sites/named.ts SelectorCounts): every selector matches
// exactly the expected number of elements on the page the document now shows.
import { expect } from 'vitest';
import { queryAll, type Target } from '../../../src/sites/named';

export function expectSelectorCounts<S extends Record<string, Target>, P extends string>(
  selectors: S,
  counts: { [K in keyof S]: Record<P, number> },
  page: P,
  label: string,
  root: ParentNode = document,
): void {
  const actual = Object.fromEntries(Object.keys(selectors).map((key) => [key, queryAll(root, selectors[key]!).length]));
  const expected = Object.fromEntries(Object.keys(selectors).map((key) => [key, counts[key]![page]]));
  expect(actual, `selector counts on ${label}`).toEqual(expected);
}

/** Clicks the first element matching `css` (the fixture's own trigger). */
export function click(css: string): void {
  const el = document.querySelector<HTMLElement>(css);
  if (!el) throw new Error(`nothing matches ${css}`);
  el.click();
}
