// The three languages of the platform and how the first page picks one.
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (v: unknown): v is Language => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

/** Names of each language in itself: a switch must be readable by someone who cannot read the current page. */
export const LANGUAGE_NAMES: Record<Language, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The browser's first preferred language we speak, else Kazakh (the state language). */
export function preferredLanguage(list: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]): Language {
  for (const tag of list) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'kk';
}

/** The same address in another language: only the first path segment changes. */
export function pathInLanguage(pathname: string, lang: Language): string {
  const rest = pathname.replace(/^\/(kk|ru|en)(?=\/|$)/, '');
  return `/${lang}${rest || '/'}`;
}
