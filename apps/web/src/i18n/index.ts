// i18next with ICU messages (plurals by each language's CLDR rules). Each language is its
// own chunk, fetched when a page in it is first shown.
import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../lib/languages.ts';
import type en from './en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export const i18n = i18next.createInstance();
void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    lng: 'kk',
    fallbackLng: false,
    resources: {},
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });

const loaders: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  kk: () => import('./kk.json'),
  ru: () => import('./ru.json'),
  en: () => import('./en.json'),
};

/** Fetch a language's messages (also when a link to a page in it is only preloaded). */
export async function ensureMessages(lang: Language): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  const messages = await loaders[lang]();
  i18n.addResourceBundle(lang, 'translation', messages.default, true, true);
}

/** Make `lang` the page's language: its messages loaded, `<html lang>` set. */
export async function loadLanguage(lang: Language): Promise<void> {
  await ensureMessages(lang);
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Groups of labels for the platform's enums (channel, status, kind…): `enum.<group>.<value>`. */
export type EnumGroup = 'language' | 'bodyKind' | 'channel' | 'kind' | 'status' | 'role' | 'resolution' | 'answerMethod' | 'applicantType' | 'difficulty' | 'competence';

/** The label of an enum value in the current language (the test checks every value has one). */
export function enumLabel(group: EnumGroup, value: string | null | undefined): string {
  if (!value) return '—';
  return i18n.t(`enum.${group}.${value}` as never, { defaultValue: value }) as unknown as string;
}
