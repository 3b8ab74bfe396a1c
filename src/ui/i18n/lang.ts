/**
 * Kakunin speaks Japanese first, English second: Japanese unless the browser's language is
 * something other than Japanese. Each UI area keeps its own message table next to it
 * (`messages.ts`) as `{ ja, en }` pairs; this is the only place that picks the language.
 */
export type Lang = 'ja' | 'en';

export function pickLang(languages: readonly string[] = globalThis.navigator?.languages ?? []): Lang {
  const first = languages[0]?.toLowerCase();
  if (!first) return 'ja';
  return first.startsWith('ja') ? 'ja' : 'en';
}

/** t(messages.save) → the string in the current language. */
export function translator(lang: Lang) {
  return (m: { ja: string; en: string }) => m[lang];
}
