/** Dates and accounts as the approval page and popup show them. */
import type { Lang } from '../i18n/lang';

export function formatTime(ms: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

export const showHandle = (handle: string) => (handle.startsWith('(') ? handle : `@${handle.replace(/^@/, '')}`);
