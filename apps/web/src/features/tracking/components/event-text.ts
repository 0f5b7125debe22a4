// A public history event in plain words. Known event types have their own sentence;
// anything else is told by the status it moved the appeal to.
import { ALMATY_UTC_OFFSET } from '@tyndau/contracts';
import { enumLabel, i18n } from '../../../i18n/index.ts';
import { formatDate } from '../../../lib/format.ts';
import type { Language } from '../../../lib/languages.ts';
import type { TrackEvent } from '../api.ts';

export function eventText(e: { type: string; data: TrackEvent['data'] }, lang: Language): string {
  const d = e.data ?? {};
  const target = typeof d.targetBodyName === 'string' ? d.targetBodyName : d.targetBodyName ? (d.targetBodyName[lang] ?? d.targetBodyName.ru) : '';
  const params = {
    status: enumLabel('status', d.to),
    body: target,
    date: typeof d.until === 'string' ? formatDate(d.until.length === 10 ? `${d.until}T12:00:00${ALMATY_UTC_OFFSET}` : d.until, lang) : '',
    resolution: enumLabel('resolution', d.resolution),
    number: d.number ?? '',
  };
  const key = `event.${e.type.replace(/\./g, '_')}`;
  if (i18n.exists(key)) return i18n.t(key as never, params) as unknown as string;
  // The city app's events (a fix confirmed or refuted) have their sentences in its own messages.
  const cityKey = `citymap.event.${e.type.replace(/\./g, '_')}`;
  if (i18n.exists(cityKey)) return i18n.t(cityKey as never, params) as unknown as string;
  if (d.to) return i18n.t('event.statusChanged', params);
  return i18n.t('event.other');
}
