/**
 * Kakunin speaks Japanese first, English second: Japanese unless the browser's language is
 * something other than Japanese. Each UI area keeps its own message table next to it
 * (`messages.ts`) as `{ ja, en }` pairs; this is the only place that picks the language.
 */
export type Lang = 'ja' | 'en';

/** One message in both languages; `m(ja, en)` writes one in a message table. */
export type M = { ja: string; en: string };
export const m = (ja: string, en: string): M => ({ ja, en });

export function pickLang(languages: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  const first = languages[0]?.toLowerCase();
  if (!first) return 'ja';
  return first.startsWith('ja') ? 'ja' : 'en';
}

/** t(messages.save) → the string in the current language. */
export function translator(lang: Lang) {
  return (message: M) => message[lang];
}
