import type { Language } from '../../../lib/languages.ts';
import type { Localized } from '../api.ts';

/** A localized name in the page's language, falling back to Russian then Kazakh (never an empty string). */
export const nameIn = (name: Localized | undefined | null, lang: Language) => (name ? name[lang] || name.ru || name.kk : '');

/** Bodies in the alphabetical order of the page's language. */
export const sortByName = <T extends { name: Localized }>(items: readonly T[], lang: Language): T[] =>
  [...items].sort((a, b) => nameIn(a.name, lang).localeCompare(nameIn(b.name, lang), lang));
