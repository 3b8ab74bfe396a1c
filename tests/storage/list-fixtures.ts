/** Company list entries for tests and the import benchmark. */
import type { Entry } from '../../src/engine/dictionary/schema';
import { CATEGORIES } from '../../src/engine/finding';

export const entry = (over: Partial<Entry> & Record<string, unknown> = {}): Entry =>
  ({
    id: 'compliance/our-claim',
    category: 'compliance',
    severity: 'warn',
    patterns: ['業界最安'],
    message: { ja: '根拠のない最上級表現です。', en: 'A superlative without evidence.' },
    ...over,
  }) as Entry;

/** n distinct, valid entries spread over every category, some with the optional fields. */
export function manyEntries(n: number): Entry[] {
  return Array.from({ length: n }, (_, i) => {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const e: Entry = {
      id: `${category}/company-${i}`,
      category,
      severity: (['info', 'warn', 'block'] as const)[i % 3]!,
      patterns: [`社内用語${i}`, `(禁止|NG)ワード${i}`],
      message: { ja: `社内ルール${i}に触れる表現です。`, en: `Touches company rule ${i}.` },
    };
    if (i % 4 === 0) e.suggestion = { ja: `言い換え${i}`, en: `Rephrase ${i}` };
    if (i % 5 === 0) e.basis = `社内規程 ${i}条`;
    if (i % 7 === 0) e.note = `note, with "quotes" and a comma ${i}`;
    if (i % 11 === 0) e.patterns.push({ re: `NG-?${i}`, flags: 'i' });
    return e;
  });
}
