/** Rewrites the entry-count table in README.md from the built-in dictionaries (tests/house.test.ts checks it). */
import { readFileSync, writeFileSync } from 'node:fs';
import { CATEGORIES } from '../src/engine/finding';
import { builtinCalendar, builtinDictionaries } from '../src/rules/builtin';
import { expandEntry } from '../src/engine/dictionary/schema';

const counts = new Map<string, number>();
for (const { file } of builtinDictionaries()) for (const e of file.entries.flatMap(expandEntry)) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
const table = [
  '<!-- counts: kept true by tests/house.test.ts; regenerate with `npx tsx scripts/readme-counts.ts` -->',
  '| category | entries |',
  '|---|---|',
  ...CATEGORIES.map((c) => `| ${c} | ${counts.get(c) ?? 0} |`),
  `| sensitive dates (calendar) | ${builtinCalendar().length} |`,
  '<!-- /counts -->',
].join('\n');
const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('<!-- counts');
const end = readme.indexOf('<!-- /counts -->') + '<!-- /counts -->'.length;
writeFileSync('README.md', readme.slice(0, start) + table + readme.slice(end));
console.log(table);
