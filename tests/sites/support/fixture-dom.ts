// Loads a site fixture (tests/e2e/fixtures/<site>: the page the browser specs post on, built on
// that site's real editor library) into happy-dom, so selector tests count matches on the same DOM
// the e2e specs use, in either UI language (the fixtures localize from ?locale=).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { FixtureHandle } from '../../e2e/fixtures/shared/fixture-runtime';
import type { SiteId } from '../../e2e/support/site-ids';

const FIXTURES = join(__dirname, '..', '..', 'e2e', 'fixtures');

export type Locale = 'ja' | 'en';

export interface LoadOptions {
  locale?: Locale;
  /** Path the page is served at (note's fixture checks it: /notes/{id}/edit/ or /publish/). */
  path?: string;
}

/** Replaces the document with the fixture's page and runs its script; resolves with its handle. */
export async function loadFixture(site: SiteId, options: LoadOptions = {}): Promise<FixtureHandle> {
  const { locale = 'ja', path = '/' } = options;
  // The fixture script runs at import: a fresh module registry runs it again for this page.
  vi.resetModules();
  history.replaceState(null, '', `${path}?locale=${locale}`);
  const html = readFileSync(join(FIXTURES, site, 'index.html'), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  document.head.innerHTML = '';
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  await import(`../../e2e/fixtures/${site}/main.ts`);
  return window.__fixture;
}
