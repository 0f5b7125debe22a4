// How a reception slot reads: the day, the time, how many places are left.
import { ALMATY_TIME_ZONE } from '@tyndau/contracts';
import type { Language } from '../../../lib/languages.ts';
import { almatyDay, formatDay } from '../../../lib/format.ts';

const ZONE = ALMATY_TIME_ZONE;

export function slotDay(iso: string, lang: Language): string {
  return formatDay(iso, lang);
}

export function slotTime(startsAt: string, endsAt: string, lang: Language): string {
  const f = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: ZONE });
  return `${f.format(new Date(startsAt))}–${f.format(new Date(endsAt))}`;
}

/** Group items by their Almaty calendar day, in order. */
export function byDay<T extends { startsAt: string }>(items: T[]): Array<{ day: string; items: T[] }> {
  const out: Array<{ day: string; items: T[] }> = [];
  for (const it of items) {
    const k = almatyDay(it.startsAt);
    const last = out[out.length - 1];
    if (last && last.day === k) last.items.push(it);
    else out.push({ day: k, items: [it] });
  }
  return out;
}
