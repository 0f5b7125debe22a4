import { useParams } from '@tanstack/react-router';
import { isLanguage, type Language } from './languages.ts';

/** The language of the page being shown (the first segment of its address). */
export function useLang(): Language {
  const { lang } = useParams({ strict: false }) as { lang?: string };
  return isLanguage(lang) ? lang : 'kk';
}
