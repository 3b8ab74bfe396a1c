/**
 * What the learned model sees of a draft: the character 1- to 3-grams of its normalized, folded
 * text (normalize.ts: NFKC, hiragana = katakana, case, small kana…), hashed into a fixed number of
 * buckets, plus one feature for the account kind. Weights are 1 + log(count), scaled to unit
 * length. Training (train.ts) and explanations read them through featuresOf; the per-check score
 * (linear-model.ts scoreText) counts the same buckets inline, and a test holds the two equal.
 */
import type { AccountKind } from '../finding';

export interface FeatureShape {
  /** log2 of the number of buckets */
  bits: number;
  /** longest n-gram */
  ngramMax: number;
}

export interface Features {
  /** distinct buckets of this draft */
  buckets: Int32Array;
  /** the value of each bucket (unit length over all buckets) */
  values: Float32Array;
  /** how many times each bucket was counted */
  counts: Float32Array;
}

/** One n-gram occurrence: where it is in the folded text, and which bucket it counts in. */
export interface Occurrence {
  start: number;
  end: number;
  bucket: number;
}

export const FNV_OFFSET = 2166136261;
export const FNV_PRIME = 16777619;

export function finish(h: number, mask: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) & mask;
}

/** The bucket of the account feature (not an n-gram, so it cannot collide with one by shape). */
export function accountBucket(account: AccountKind, shape: FeatureShape): number {
  let h = FNV_OFFSET ^ 0x5bd1e995;
  for (let i = 0; i < account.length; i++) h = Math.imul(h ^ account.charCodeAt(i), FNV_PRIME);
  return finish(h, (1 << shape.bits) - 1);
}

/**
 * Calls `visit(start, end, bucket)` for every n-gram of `folded` (UTF-16 code units; a space is a
 * character like any other).
 */
export function forEachNgram(folded: string, shape: FeatureShape, visit: (start: number, end: number, bucket: number) => void): void {
  const mask = (1 << shape.bits) - 1;
  const len = folded.length;
  for (let i = 0; i < len; i++) {
    let h = FNV_OFFSET;
    for (let n = 1; n <= shape.ngramMax && i + n <= len; n++) {
      h = Math.imul(h ^ folded.charCodeAt(i + n - 1), FNV_PRIME);
      // the length is mixed in, so "ab" and the 1-gram of a character whose code is ab's hash differ
      visit(i, i + n, finish(h ^ Math.imul(n, 0x9e3779b1), mask));
    }
  }
}

/** 1 + log(count) for the small counts nearly every bucket has */
const LOG_TABLE = Float64Array.from({ length: 64 }, (_, c) => 1 + Math.log(c));

/** Scratch space for counting, one per bucket count (checks are synchronous). */
const scratch = new Map<number, { counts: Uint32Array; touched: Int32Array }>();

/** The scratch space for this many buckets, with room for `n` distinct ones (counts all zero). */
export function scratchFor(size: number, n: number): { counts: Uint32Array; touched: Int32Array } {
  let s = scratch.get(size);
  if (!s) scratch.set(size, (s = { counts: new Uint32Array(size), touched: new Int32Array(1024) }));
  if (s.touched.length < n) s.touched = new Int32Array(Math.max(n, s.touched.length * 2));
  return s;
}

/** 1 + log(count): a bucket's weight before scaling to unit length */
export const logWeight = (count: number) => (count < LOG_TABLE.length ? LOG_TABLE[count]! : 1 + Math.log(count));

/**
 * Counts the draft's n-grams and account into buckets, then calls `visit(bucket, count)` once per
 * distinct bucket, in order of first occurrence (deterministic, no sort). Scratch space only: a
 * check allocates nothing here.
 */
export function forEachBucket(folded: string, account: AccountKind, shape: FeatureShape, visit: (bucket: number, count: number) => void): void {
  // off the per-check path (training, explanations): scoreText inlines this for speed
  const { counts, touched } = scratchFor(1 << shape.bits, folded.length * shape.ngramMax + 1);
  let n = 0;
  const count = (bucket: number) => {
    if (counts[bucket]!++ === 0) touched[n++] = bucket;
  };
  forEachNgram(folded, shape, (_start, _end, bucket) => count(bucket));
  count(accountBucket(account, shape));
  for (let i = 0; i < n; i++) {
    const b = touched[i]!;
    const c = counts[b]!;
    counts[b] = 0;
    visit(b, c);
  }
}

/** The draft's features as arrays (training, and the detector's explanation). */
export function featuresOf(folded: string, account: AccountKind, shape: FeatureShape): Features {
  const buckets: number[] = [];
  const times: number[] = [];
  forEachBucket(folded, account, shape, (b, c) => {
    buckets.push(b);
    times.push(c);
  });
  const n = buckets.length;
  const values = new Float32Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = logWeight(times[i]!);
    values[i] = w;
    sum += w * w;
  }
  const norm = Math.sqrt(sum);
  for (let i = 0; i < n; i++) values[i]! /= norm;
  return { buckets: Int32Array.from(buckets), values, counts: Float32Array.from(times) };
}
