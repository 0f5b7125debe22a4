// Dates and numbers in the page's locale. Terms are legal dates in Asia/Almaty, whatever
// the reader's own time zone. English pages write dates the British way (27 March 2026),
// as Kazakhstan does. Some browsers (Chromium's own ICU) ship no Kazakh date or number
// data and would print "2026 M03 27"; then Kazakh is written by CLDR's kk patterns here.
import { ALMATY_TIME_ZONE } from '@tyndau/contracts';
import type { Language } from './languages.ts';

const ZONE = ALMATY_TIME_ZONE;
const LOCALE: Record<Language, string> = { kk: 'kk', ru: 'ru', en: 'en-GB' };

const KK_MONTHS = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
const KK_MONTHS_SHORT = ['қаң.', 'ақп.', 'нау.', 'сәу.', 'мам.', 'мау.', 'шіл.', 'там.', 'қыр.', 'қаз.', 'қар.', 'жел.'];
/** Sunday first, as Date.getUTCDay counts. */
const KK_WEEKDAYS = ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'];

type Kind = 'date' | 'dateTime' | 'day';
const OPTIONS: Record<Kind, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: 'long', timeZone: ZONE },
  dateTime: { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE },
  day: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE },
};

/** Whether this browser's Intl knows Kazakh month names (checked once). */
const kazakhDates = (() => {
  try {
    return new Intl.DateTimeFormat('kk', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 2, 15))) === 'наурыз';
  } catch {
    return false;
  }
})();

/** Kazakh numbers are grouped like Russian ones (1 234 567,5); a browser without kk data would write 1,234,567.5. */
const kazakhNumbers = (() => {
  try {
    return new Intl.NumberFormat('kk').format(1234.5) !== '1,234.5';
  } catch {
    return false;
  }
})();

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, kind: Kind): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(LOCALE[lang], OPTIONS[kind])));
  return f;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Year, month (1–12), day, hour and minute of an instant in Almaty. */
function almatyParts(d: Date) {
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: p.year, m: Number(p.month), d: Number(p.day), hh: p.hour, mm: p.minute };
}

/** CLDR kk: "y 'ж'. d MMMM", "y 'ж'. dd MMM, HH:mm" and "y 'ж'. d MMMM, EEEE". */
export function kazakh(d: Date, kind: Kind): string {
  const p = almatyParts(d);
  const date = `${p.y} ж. ${p.d} ${KK_MONTHS[p.m - 1]}`;
  if (kind === 'date') return date;
  if (kind === 'day') return `${date}, ${KK_WEEKDAYS[new Date(Date.UTC(Number(p.y), p.m - 1, p.d)).getUTCDay()]}`;
  return `${p.y} ж. ${String(p.d).padStart(2, '0')} ${KK_MONTHS_SHORT[p.m - 1]}, ${p.hh}:${p.mm}`;
}

function format(iso: string | null | undefined, lang: Language, kind: Kind): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  if (lang === 'kk' && !kazakhDates) return kazakh(d, kind);
  return formatter(lang, kind).format(d);
}

export const formatDate = (iso: string | null | undefined, lang: Language) => format(iso, lang, 'date');
export const formatDateTime = (iso: string | null | undefined, lang: Language) => format(iso, lang, 'dateTime');
/** The day with its weekday: "Tuesday 3 March 2026", "3 марта 2026 г., вторник" (a reception's day). */
export const formatDay = (iso: string, lang: Language) => format(iso, lang, 'day');
export const formatNumber = (n: number, lang: Language) => new Intl.NumberFormat(lang === 'kk' && !kazakhNumbers ? 'ru' : LOCALE[lang]).format(n);

/** 'YYYY-MM-DD' of an instant in Almaty: the calendar day the law counts in. */
export function almatyDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
