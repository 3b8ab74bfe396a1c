/**
 * The learned second stage as a detector (model/linear-model.ts): when the model finds a category
 * likely and nothing before it (the lists, the privacy detectors) flagged that category, it
 * reports the sentence that weighs most towards it, at `warn`, with the words that weighed most as
 * its explanation. Rule ids `model/<category>`: settings and policy switch them off like any rule.
 */
import { toOriginalSpan } from '../normalize';
import { CATEGORIES, atLeast, type Category } from '../finding';
import { forEachNgram, featuresOf, type Occurrence } from '../model/features';
import { scoreText, sigmoid, type LinearModel } from '../model/linear-model';
import { sentencesOf } from '../sentences';
import type { Detector, RawFinding } from './types';

export const MODEL_RULES: readonly string[] = CATEGORIES.map((c) => `model/${c}`);

const LABELS: Record<Category, { ja: string; en: string }> = {
  religion: { ja: '宗教', en: 'religion' },
  politics: { ja: '政治', en: 'politics' },
  'human-rights': { ja: '人権', en: 'human rights' },
  race: { ja: '人種・民族', en: 'race and ethnicity' },
  'account-mixup': { ja: 'アカウントの取り違え', en: 'account mix-up' },
  compliance: { ja: '法令・広告表示', en: 'advertising and legal compliance' },
  privacy: { ja: '個人情報', en: 'privacy' },
  confidential: { ja: '社外秘・未発表情報', en: 'confidential information' },
  disaster: { ja: '災害・事件への配慮', en: 'disasters and tragedies' },
  abuse: { ja: '誹謗中傷・攻撃的な表現', en: 'abuse and harassment' },
};

/** the n-grams that weigh most, merged where they overlap, at most this many shown */
const CUES = 3;
const CUE_NGRAMS = 8;

export function modelDetector(model: LinearModel): Detector {
  const C = model.categories.length;
  const index = model.categories.map((c) => CATEGORIES.indexOf(c as Category));
  // per bucket of this draft: its value / count (the weight of one occurrence); kept clear between calls
  const perOccurrence = new Float32Array(1 << model.bits);
  return {
    id: 'model',
    rules: MODEL_RULES,
    detect({ analysis, context, earlier }) {
      const folded = analysis.norm.folded;
      if (folded.trim().length === 0) return [];
      const scores = scoreText(model, folded, context.account);
      const wanted: number[] = [];
      for (let c = 0; c < C; c++) {
        if (index[c]! < 0 || sigmoid(scores[c]!) < model.threshold) continue;
        const category = model.categories[c]!;
        if (earlier.some((f) => f.category === category && atLeast(f.severity, 'warn'))) continue;
        wanted.push(c);
      }
      if (wanted.length === 0) return [];
      // a finding to explain (rare): the draft's features again, as arrays
      const features = featuresOf(folded, context.account, model);
      for (let i = 0; i < features.buckets.length; i++) perOccurrence[features.buckets[i]!] = features.values[i]! / features.counts[i]!;
      const occurrences: Occurrence[] = [];
      forEachNgram(folded, model, (start, end, bucket) => occurrences.push({ start, end, bucket }));
      const sentenceOf = sentencesOf(analysis.norm.text);
      const out: RawFinding[] = [];
      for (const c of wanted) {
        const category = model.categories[c] as Category;
        const scale = model.scale[c]!;
        const weightOf = (bucket: number) => model.weights[bucket * C + c]! * scale * perOccurrence[bucket]!;
        // the sentence whose n-grams weigh most towards the category
        const bySentence = new Map<number, number>();
        for (const o of occurrences) {
          const s = sentenceOf[o.start]!;
          bySentence.set(s, (bySentence.get(s) ?? 0) + weightOf(o.bucket));
        }
        let best = -1;
        let bestWeight = -Infinity;
        for (const [s, w] of bySentence) if (w > bestWeight) [best, bestWeight] = [s, w];
        let start = sentenceOf.indexOf(best);
        let end = start;
        while (end < folded.length && sentenceOf[end] === best) end++;
        while (start < end && /\s/.test(folded[start]!)) start++;
        while (end > start && /\s/.test(folded[end - 1]!)) end--;
        if (end <= start) continue;
        const cues = cueTexts(occurrences.filter((o) => o.start >= start && o.end <= end), weightOf, analysis.norm);
        const label = LABELS[category];
        const percent = Math.round(sigmoid(scores[c]!) * 100);
        const cueJa = cues.length ? `、手がかり: ${cues.map((t) => `「${t}」`).join('')}` : '';
        const cueEn = cues.length ? `; cues: ${cues.map((t) => `"${t}"`).join(', ')}` : '';
        out.push({
          category,
          severity: 'warn',
          span: { start, end },
          rule: `model/${category}`,
          message: {
            ja: `学習モデルの推定: この文は「${label.ja}」で炎上しかねない投稿に似ています（確からしさ ${percent}%${cueJa}）。辞書にない言い回しの推定です。文脈を確かめてください。`,
            en: `Learned-model estimate: this sentence resembles posts at risk for ${label.en} (likelihood ${percent}%${cueEn}). No listed wording matched; check it in context.`,
          },
          suggestion: {
            ja: '意図と違う受け取られ方をしないか、第三者の目で読み直してください。問題がなければ理由を記録して解除できます。',
            en: 'Reread it as a stranger would. If it is fine, dismiss it with a reason.',
          },
          basis: `Kakunin 学習モデル（${model.trainedOn}件のラベル付き投稿から学習）/ Kakunin learned model (trained on ${model.trainedOn} labeled posts)`,
        });
      }
      for (let i = 0; i < features.buckets.length; i++) perOccurrence[features.buckets[i]!] = 0;
      return out;
    },
  };
}

/** The original text of the strongest n-grams, merged where they touch, strongest first. */
function cueTexts(
  occurrences: readonly Occurrence[],
  weightOf: (bucket: number) => number,
  norm: Parameters<typeof toOriginalSpan>[0],
): string[] {
  const strongest = occurrences
    .map((o) => ({ ...o, weight: weightOf(o.bucket) }))
    .filter((o) => o.weight > 0 && norm.folded.slice(o.start, o.end).trim().length === o.end - o.start)
    .sort((a, b) => b.weight - a.weight || a.start - b.start)
    .slice(0, CUE_NGRAMS)
    .sort((a, b) => a.start - b.start);
  const runs: Array<{ start: number; end: number; weight: number }> = [];
  for (const o of strongest) {
    const last = runs[runs.length - 1];
    if (last && o.start <= last.end) {
      last.end = Math.max(last.end, o.end);
      last.weight += o.weight;
    } else runs.push({ start: o.start, end: o.end, weight: o.weight });
  }
  return runs
    .sort((a, b) => b.weight - a.weight)
    .slice(0, CUES)
    .map((r) => {
      const { start, end } = toOriginalSpan(norm, r.start, r.end);
      return norm.original.slice(start, end);
    });
}
