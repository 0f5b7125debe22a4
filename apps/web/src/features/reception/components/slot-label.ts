// How a reception slot reads: the day, the time, how many places are left.
import type { Language } from '../../../lib/languages.ts';

const ZONE = 'Asia/Almaty';

export function slotDay(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE }).format(new Date(iso));
}

export function slotTime(startsAt: string, endsAt: string, lang: Language): string {
  const f = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE });
  return `${f.format(new Date(startsAt))}–${f.format(new Date(endsAt))}`;
}

/** Group items by their Almaty calendar day, in order. */
export function byDay<T extends { startsAt: string }>(items: T[]): Array<{ day: string; items: T[] }> {
  const key = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
  const out: Array<{ day: string; items: T[] }> = [];
  for (const it of items) {
    const k = key(it.startsAt);
    const last = out[out.length - 1];
    if (last && last.day === k) last.items.push(it);
    else out.push({ day: k, items: [it] });
  }
  return out;
}
