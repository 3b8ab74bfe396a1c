/** Detection metrics over labeled posts (`expect` = categories a reviewer wants at warn or above). */
import { atLeast, CATEGORIES, type Category, type Finding } from '../engine/finding';

export interface Labeled {
  id: string | number;
  expect: Category[];
  findings: Finding[];
}

export interface Metrics {
  risky: number;
  benign: number;
  /** risky posts with at least one expected category at warn+ */
  riskyRecall: number;
  /** risky posts with every expected category at warn+ */
  riskyFullRecall: number;
  /** benign posts with any warn+ finding */
  falseAlarmRate: number;
  perCategory: Record<Category, { tp: number; fp: number; fn: number; precision: number; recall: number }>;
  missed: Labeled[];
  falseAlarms: Labeled[];
}

/** NaN when there is nothing to divide by (no predictions, no positives): shown as n/a. */
const ratio = (a: number, b: number) => (b === 0 ? Number.NaN : a / b);

export function computeMetrics(posts: Labeled[]): Metrics {
  const perCategory = Object.fromEntries(CATEGORIES.map((c) => [c, { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 }])) as Metrics['perCategory'];
  let risky = 0, recalled = 0, full = 0, benign = 0, alarms = 0;
  const missed: Labeled[] = [];
  const falseAlarms: Labeled[] = [];
  for (const p of posts) {
    const found = new Set(p.findings.filter((f) => atLeast(f.severity, 'warn')).map((f) => f.category));
    const expected = new Set(p.expect);
    for (const c of CATEGORIES) {
      const pc = perCategory[c];
      if (expected.has(c) && found.has(c)) pc.tp++;
      else if (found.has(c)) pc.fp++;
      else if (expected.has(c)) pc.fn++;
    }
    if (expected.size > 0) {
      risky++;
      if ([...expected].some((c) => found.has(c))) recalled++;
      else missed.push(p);
      if ([...expected].every((c) => found.has(c))) full++;
    } else {
      benign++;
      if (found.size > 0) {
        alarms++;
        falseAlarms.push(p);
      }
    }
  }
  for (const c of CATEGORIES) {
    const pc = perCategory[c];
    pc.precision = ratio(pc.tp, pc.tp + pc.fp);
    pc.recall = ratio(pc.tp, pc.tp + pc.fn);
  }
  return { risky, benign, riskyRecall: risky === 0 ? 1 : recalled / risky, riskyFullRecall: risky === 0 ? 1 : full / risky, falseAlarmRate: benign === 0 ? 0 : alarms / benign, perCategory, missed, falseAlarms };
}
