/**
 * Trains the second stage (linear-model.ts) from labeled posts: per category a logistic
 * regression by stochastic gradient descent, in a fixed order (seeded shuffle), so the same
 * corpus gives the same model on every machine running the same code. Weights are then stored as
 * 8-bit integers with one scale per category (the shipped 8,192-bucket model is 82 KB).
 *
 * The settings were chosen on labeled posts held out from training (the rule authors' check
 * files, never the evaluation posts): see README "Learned second stage".
 */
import { normalize } from '../normalize';
import type { AccountKind } from '../finding';
import { featuresOf, type FeatureShape, type Features } from './features';
import type { LinearModel } from './linear-model';

export interface LabeledPost {
  text: string;
  account?: AccountKind;
  /** categories a reviewer wants flagged; empty for a benign post */
  expect: readonly string[];
}

export interface TrainOptions extends Partial<FeatureShape> {
  epochs?: number;
  /** learning rate of the first epoch; epoch e uses rate / (1 + e / 2) */
  rate?: number;
  l2?: number;
  threshold?: number;
  seed?: number;
}

export const DEFAULT_TRAINING = { bits: 13, ngramMax: 3, epochs: 24, rate: 0.5, l2: 1e-6, threshold: 0.6, seed: 1 } as const;

/**
 * Posts with the same text and account are one post with the union of their labels (several
 * authors wrote the same short post).
 */
export function mergeDuplicates(posts: readonly LabeledPost[]): LabeledPost[] {
  const byKey = new Map<string, { text: string; account: AccountKind; expect: string[] }>();
  for (const p of posts) {
    const account = p.account ?? 'company';
    const key = `${account}\u0000${p.text}`;
    const known = byKey.get(key);
    if (known) {
      for (const e of p.expect) if (!known.expect.includes(e)) known.expect.push(e);
    } else byKey.set(key, { text: p.text, account, expect: [...p.expect] });
  }
  return [...byKey.values()];
}

export function trainModel(posts: readonly LabeledPost[], categories: readonly string[], options: TrainOptions = {}): LinearModel {
  const o = { ...DEFAULT_TRAINING, ...options };
  const shape: FeatureShape = { bits: o.bits, ngramMax: o.ngramMax };
  const rows = mergeDuplicates(posts);
  const C = categories.length;
  const X: Features[] = rows.map((r) => featuresOf(normalize(r.text).folded, r.account ?? 'company', shape));
  const Y = rows.map((r) => categories.map((c) => (r.expect.includes(c) ? 1 : 0)));
  const size = 1 << o.bits;
  const W = new Float64Array(size * C);
  const B = new Float64Array(C);
  const order = rows.map((_, i) => i);
  let seed = o.seed;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = o.rate / (1 + epoch * 0.5);
    for (const r of order) {
      const { buckets, values } = X[r]!;
      const y = Y[r]!;
      for (let c = 0; c < C; c++) {
        let s = B[c]!;
        for (let k = 0; k < buckets.length; k++) s += W[buckets[k]! * C + c]! * values[k]!;
        const g = (1 / (1 + Math.exp(-s)) - y[c]!) * rate;
        B[c]! -= g;
        for (let k = 0; k < buckets.length; k++) {
          const at = buckets[k]! * C + c;
          W[at]! -= g * values[k]! + rate * o.l2 * W[at]!;
        }
      }
    }
  }
  // 8-bit weights, one scale per category
  const scale = new Float32Array(C);
  for (let c = 0; c < C; c++) {
    let max = 0;
    for (let b = 0; b < size; b++) max = Math.max(max, Math.abs(W[b * C + c]!));
    scale[c] = max > 0 ? max / 127 : 1;
  }
  const weights = new Int8Array(size * C);
  for (let b = 0; b < size; b++) for (let c = 0; c < C; c++) weights[b * C + c] = Math.round(W[b * C + c]! / scale[c]!);
  return { ...shape, categories: [...categories], trainedOn: rows.length, threshold: Math.fround(o.threshold), bias: Float32Array.from(B), scale, weights };
}
