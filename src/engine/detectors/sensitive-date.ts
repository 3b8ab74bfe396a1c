/**
 * On a sensitive date every post gets an `info` reminder of the day; promotional wording that day
 * is a `warn` from the disaster dictionary's entries marked `when.sensitiveDate`. A company's own
 * day gives its reminder whatever the `disaster` category setting (that caps built-in rules only).
 */
import type { Detector } from './types';

export const sensitiveDateDetector: Detector = {
  id: 'disaster/sensitive-date',
  rules: ['disaster/sensitive-date'],
  detect({ context }) {
    return (context.sensitiveDays ?? []).map((d) => ({
      category: 'disaster' as const,
      severity: 'info' as const,
      span: { start: 0, end: 0 },
      rule: 'disaster/sensitive-date',
      message: {
        ja: `投稿日は「${d.reason.ja}」にあたります。内容とトーンが配慮に欠けていないか確認してください。`,
        en: `The post goes out on a sensitive date (${d.reason.en}). Check that its content and tone are appropriate.`,
      },
      suggestion: {
        ja: '販促・娯楽的な投稿は日をずらすことを検討してください。',
        en: 'Consider moving promotional or playful posts to another day.',
      },
      basis: d.source,
      ...(d.company ? { company: true } : {}),
    }));
  },
};
