// Dates and numbers in the page's locale. Terms are legal dates in Asia/Almaty, whatever
// the reader's own time zone.
import type { Language } from './languages.ts';

const ZONE = 'Asia/Almaty';
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, kind: 'date' | 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { dateStyle: 'long', timeZone: ZONE }
        : kind === 'time'
          ? { timeStyle: 'short', timeZone: ZONE }
          : { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE };
    f = new Intl.DateTimeFormat(lang, opts);
    cache.set(key, f);
  }
  return f;
}

export const formatDate = (iso: string | null | undefined, lang: Language) => (iso ? formatter(lang, 'date').format(new Date(iso)) : '—');
export const formatDateTime = (iso: string | null | undefined, lang: Language) => (iso ? formatter(lang, 'dateTime').format(new Date(iso)) : '—');
export const formatNumber = (n: number, lang: Language) => new Intl.NumberFormat(lang).format(n);

/** 'YYYY-MM-DD' of an instant in Almaty: the calendar day the law counts in. */
export function almatyDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
