/**
 * The learned second stage: one logistic regression per category over hashed character n-grams
 * (features.ts), trained at build time from the labeled posts in dictionaries/corpus (train.ts).
 * It catches risky posts in words no list has; the lists stay the first stage and explain
 * themselves with a span and a law, the model only where they found nothing of that category.
 *
 * Binary form (what the build ships as dict/model.kkm; little-endian):
 *   "KKM1" | u32 version | u32 bits | u32 ngramMax | u32 categories | u32 trainedOn | f32 threshold
 *   | u32 length + UTF-8 JSON of the category ids | f32 bias[C] | f32 scale[C]
 *   | i8 weights[(1 << bits) * C] (bucket-major: weights[bucket * C + c] * scale[c])
 *   | u32 FNV-1a checksum of everything before it
 */
import { accountBucket, finish, FNV_OFFSET, FNV_PRIME, logWeight, scratchFor, type FeatureShape } from './features';
import type { AccountKind } from '../finding';

export const MODEL_VERSION = 1;
const MAGIC = 0x314d4b4b; // "KKM1" read as little-endian u32

export interface LinearModel extends FeatureShape {
  /** the category of each output, in order */
  categories: readonly string[];
  /** how many labeled posts it was trained on (shown in findings' basis) */
  trainedOn: number;
  /** probability at or above which a category is reported */
  threshold: number;
  bias: Float32Array;
  scale: Float32Array;
  /** bucket-major: weights[bucket * categories.length + c] */
  weights: Int8Array;
}

export class ModelFormatError extends Error {}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * The raw score of every category of a folded, normalized text (normalize(text).folded), counted
 * and scored in one pass over scratch space: what a check runs on every draft. Equal to
 * the dot product of featuresOf(…)'s values with the weights, up to rounding (those are 32-bit).
 */
export function scoreText(model: LinearModel, folded: string, account: AccountKind): Float64Array {
  const C = model.categories.length;
  const size = 1 << model.bits;
  const mask = size - 1;
  const len = folded.length;
  // forEachBucket's counting, inlined: no call per n-gram or bucket on the path every check takes
  const { counts, touched } = scratchFor(size, len * model.ngramMax + 1);
  let n = 0;
  for (let i = 0; i < len; i++) {
    let h = FNV_OFFSET;
    for (let k = 1; k <= model.ngramMax && i + k <= len; k++) {
      h = Math.imul(h ^ folded.charCodeAt(i + k - 1), FNV_PRIME);
      const b = finish(h ^ Math.imul(k, 0x9e3779b1), mask);
      if (counts[b]!++ === 0) touched[n++] = b;
    }
  }
  const a = accountBucket(account, model);
  if (counts[a]!++ === 0) touched[n++] = a;
  const acc = new Float64Array(C);
  const { weights } = model;
  let sumsq = 0;
  for (let i = 0; i < n; i++) {
    const b = touched[i]!;
    const w = logWeight(counts[b]!);
    counts[b] = 0;
    sumsq += w * w;
    const base = b * C;
    for (let c = 0; c < C; c++) acc[c]! += weights[base + c]! * w;
  }
  const norm = Math.sqrt(sumsq) || 1;
  for (let c = 0; c < C; c++) acc[c] = model.bias[c]! + (acc[c]! * model.scale[c]!) / norm;
  return acc;
}

/** Probability per category of a folded, normalized text (normalize(text).folded). */
export function probabilities(model: LinearModel, folded: string, account: AccountKind): Float64Array {
  const s = scoreText(model, folded, account);
  for (let c = 0; c < s.length; c++) s[c] = sigmoid(s[c]!);
  return s;
}

function fnv(bytes: Uint8Array, end: number): number {
  let h = 2166136261;
  for (let i = 0; i < end; i++) h = Math.imul(h ^ bytes[i]!, 16777619);
  return h >>> 0;
}

export function encodeModel(m: LinearModel): Uint8Array {
  const names = new TextEncoder().encode(JSON.stringify(m.categories));
  const C = m.categories.length;
  const size = 28 + 4 + names.length + 8 * C + m.weights.length + 4;
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  let o = 0;
  const u32 = (v: number) => (view.setUint32(o, v, true), (o += 4));
  const f32 = (v: number) => (view.setFloat32(o, v, true), (o += 4));
  u32(MAGIC);
  u32(MODEL_VERSION);
  u32(m.bits);
  u32(m.ngramMax);
  u32(C);
  u32(m.trainedOn);
  f32(m.threshold);
  u32(names.length);
  bytes.set(names, o);
  o += names.length;
  for (const b of m.bias) f32(b);
  for (const s of m.scale) f32(s);
  bytes.set(new Uint8Array(m.weights.buffer, m.weights.byteOffset, m.weights.length), o);
  o += m.weights.length;
  u32(fnv(bytes, o));
  return bytes;
}

/** Reads dict/model.kkm; a file of another version, truncated or altered is refused (ModelFormatError). */
export function decodeModel(data: ArrayBuffer | Uint8Array): LinearModel {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (why: string): never => {
    throw new ModelFormatError(`model file: ${why}`);
  };
  if (bytes.length < 36) fail('too short');
  let o = 0;
  const u32 = () => ((o += 4), view.getUint32(o - 4, true));
  const f32 = () => ((o += 4), view.getFloat32(o - 4, true));
  if (u32() !== MAGIC) fail('not a Kakunin model');
  const version = u32();
  if (version !== MODEL_VERSION) fail(`version ${version}, expected ${MODEL_VERSION}`);
  const bits = u32();
  const ngramMax = u32();
  const C = u32();
  const trainedOn = u32();
  const threshold = f32();
  if (bits < 8 || bits > 24 || ngramMax < 1 || ngramMax > 8 || C < 1 || C > 64) fail('bad header');
  const nameLength = u32();
  const expected = 32 + nameLength + 8 * C + (1 << bits) * C + 4;
  if (bytes.length !== expected) fail(`length ${bytes.length}, expected ${expected}`);
  if (view.getUint32(bytes.length - 4, true) !== fnv(bytes, bytes.length - 4)) fail('checksum mismatch');
  const categories = JSON.parse(new TextDecoder().decode(bytes.subarray(o, o + nameLength))) as string[];
  o += nameLength;
  if (!Array.isArray(categories) || categories.length !== C) fail('bad category list');
  const bias = new Float32Array(C);
  const scale = new Float32Array(C);
  for (let c = 0; c < C; c++) bias[c] = f32();
  for (let c = 0; c < C; c++) scale[c] = f32();
  const weights = new Int8Array((1 << bits) * C);
  weights.set(new Int8Array(bytes.buffer, bytes.byteOffset + o, weights.length));
  return { bits, ngramMax, categories, trainedOn, threshold, bias, scale, weights };
}
