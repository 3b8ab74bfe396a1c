/**
 * Times a 10,000-entry company list import (issue 5: "imports in under a few seconds"), through
 * the same path as the options page: parse + validate (importList), then the settings write's
 * own validation (SettingsSchema), for CSV and JSON. Run: npx tsx scripts/bench-import.ts [n]
 */
import { exportList, importList } from '../src/storage/list-import';
import { SettingsSchema, DEFAULT_SETTINGS } from '../src/storage/settings-schema';
import { manyEntries } from '../tests/storage/list-fixtures';

const n = Number(process.argv[2] ?? 10_000);
const entries = manyEntries(n);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const format of ['csv', 'json'] as const) {
  const text = exportList({ name: 'bench', entries }, format);
  const runs: Array<{ parse: number; save: number }> = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const r = importList(text, format);
    const t1 = performance.now();
    if (!r.ok) throw new Error(`import failed: ${r.issues[0]?.message}`);
    SettingsSchema.parse({ ...DEFAULT_SETTINGS, lists: [{ id: 'bench', name: 'bench', enabled: true, entries: r.entries }] });
    runs.push({ parse: t1 - t0, save: performance.now() - t1 });
  }
  const parse = median(runs.map((r) => r.parse));
  const save = median(runs.map((r) => r.save));
  console.log(`${format.toUpperCase()} ${n} entries, ${(text.length / 1e6).toFixed(2)} MB: import ${parse.toFixed(0)} ms + settings validation ${save.toFixed(0)} ms (median of 5)`);
}
