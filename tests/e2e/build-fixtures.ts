// Bundles every fixture (tests/e2e/fixtures/<site>/main.ts) into
// tests/e2e/.build/<site>/{index.html,main.js,main.css}. routes.ts serves them.
// Usage: npx tsx tests/e2e/build-fixtures.ts
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_IDS, type SiteId } from './support/site-ids.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE_SOURCE_DIR = join(here, 'fixtures');
const FIXTURE_BUILD_DIR = join(here, '.build');

async function buildFixture(site: SiteId): Promise<void> {
  const source = join(FIXTURE_SOURCE_DIR, site);
  const entry = ['main.ts', 'main.tsx'].map((name) => join(source, name)).find((path) => existsSync(path));
  if (!entry) throw new Error(`fixture ${site}: no main.ts(x) in ${source}`);
  const out = join(FIXTURE_BUILD_DIR, site);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: { main: entry },
    outdir: out,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    // Draft.js reads `global`; React and Lexical pick their build from NODE_ENV.
    define: { global: 'globalThis', 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    jsxImportSource: 'react',
    minify: true,
    logLevel: 'warning',
  });
  copyFileSync(join(source, 'index.html'), join(out, 'index.html'));
  // index.html always links main.css; a fixture without CSS still gets one.
  if (!existsSync(join(out, 'main.css'))) writeFileSync(join(out, 'main.css'), '');
}

const started = performance.now();
await Promise.all(SITE_IDS.map(buildFixture));
console.log(`fixtures built into ${FIXTURE_BUILD_DIR} in ${Math.round(performance.now() - started)} ms`);
