/** The project's own conventions, checked (refined-github's build/features.test.ts does the same). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandEntry } from '../src/engine/dictionary/schema';
import { CATEGORIES } from '../src/engine/finding';
import { builtinCalendar, builtinDictionaries } from '../src/rules/builtin';
import { SITE_IDS } from '../src/storage/settings-schema';

const root = resolve(__dirname, '..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

describe('house rules', () => {
  it('src/engine imports nothing outside itself but zod and kuromoji', () => {
    const offenders: string[] = [];
    for (const file of walk(join(root, 'src/engine')).filter((f) => /\.tsx?$/.test(f))) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) {
          const target = resolve(file, '..', spec);
          if (!target.startsWith(join(root, 'src/engine'))) offenders.push(`${relative(root, file)} -> ${spec}`);
        } else if (!/^(zod|kuromoji\/)/.test(spec)) offenders.push(`${relative(root, file)} -> ${spec}`);
      }
      if (/\b(chrome|browser|document|XMLHttpRequest|localStorage|indexedDB)\./.test(source.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''))) {
        offenders.push(`${relative(root, file)} uses a browser global`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('README reports how many entries each category has, truthfully', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- counts'), readme.indexOf('<!-- /counts -->'));
    const counts = new Map<string, number>();
    for (const { file } of builtinDictionaries()) for (const e of file.entries.flatMap(expandEntry)) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
    for (const c of CATEGORIES) expect(block, `README count for ${c}`).toContain(`| ${c} | ${counts.get(c) ?? 0} |`);
    expect(block).toContain(`| sensitive dates (calendar) | ${builtinCalendar().length} |`);
  });

  it('every site has its adapter (with test URLs), content script, fixture, selector test and browser spec', () => {
    const missing: string[] = [];
    for (const site of SITE_IDS) {
      const paths = [`src/sites/${site}.ts`, `entrypoints/${site}.content.ts`, `tests/e2e/fixtures/${site}/main.ts`, `tests/sites/${site}.test.ts`, `tests/e2e/${site}.spec.ts`];
      for (const path of paths) if (!existsSync(join(root, path))) missing.push(path);
      const adapter = join(root, `src/sites/${site}.ts`);
      if (existsSync(adapter) && !readFileSync(adapter, 'utf8').includes('Test URLs')) missing.push(`"Test URLs" in src/sites/${site}.ts`);
      const entry = join(root, `entrypoints/${site}.content.ts`);
      if (existsSync(entry) && !readFileSync(entry, 'utf8').includes(`hookSite(ctx, ${site})`)) missing.push(`hookSite(ctx, ${site}) in entrypoints/${site}.content.ts`);
    }
    expect(missing).toEqual([]);
  });

  it('package-lock.json lists every platform package of its locked packages (or `npm ci` refuses on a clean clone)', () => {
    // npm leaves out optional platform packages the registry does not have yet (a release only
    // hours old), and then `npm ci` reports the lock out of sync: pin such a package in `overrides`.
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [path, pkg] of Object.entries(lock.packages)) {
      for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
        const nested = `${path ? `${path}/` : ''}node_modules/${dep}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${dep}`]) missing.push(`${path || '(root)'} → ${dep}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
