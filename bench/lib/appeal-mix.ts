// What a realistic stream of appeals looks like: which bodies get them (big cities most,
// rural okrugs least), topics, applicants, answer methods and languages.
import { address, englishText, iinOrBin, kazakhText, personName, type Rng } from './corpus.ts';

/** Relative share of appeals per kind of body. */
export const KIND_WEIGHT: Record<string, number> = {
  city_republican_akimat: 12,
  ministry: 4,
  oblast_akimat: 4,
  city_oblast_akimat: 4,
  committee: 2,
  district_akimat: 1.5,
  rural_okrug_akimat: 0.4,
};

export function cityOf(bodyCode: string): string {
  if (bodyCode.includes('astana') || bodyCode.startsWith('min-')) return 'Астана';
  if (bodyCode.includes('almaty')) return 'Алматы';
  if (bodyCode.includes('shymkent')) return 'Шымкент';
  if (bodyCode.startsWith('nko')) return 'Петропавловск';
  return 'Уральск';
}

export interface BodyRef {
  id: string;
  code: string;
  kind: string;
}

/** Languages of the texts: Russian from the real corpus, Kazakh and English generated. */
export const LANGUAGE_MIX = [['ru', 70], ['kk', 26], ['en', 4]] as const;

/**
 * One public intake request (a citizen on the website). `languageGiven`: the share of
 * requests that state `language`; the platform's own web form never does, so it detects.
 */
export function publicAppeal(r: Rng, bodies: BodyRef[], topics: string[], russian: string[], languageGiven = 0) {
  const body = r.weighted(bodies.map((b) => [b, KIND_WEIGHT[b.kind] ?? 1] as const));
  const lang = r.weighted(LANGUAGE_MIX);
  const text = lang === 'ru' ? r.pick(russian) : lang === 'kk' ? kazakhText(r) : englishText(r);
  const kind = r.weighted([['complaint', 40], ['application', 30], ['inquiry', 12], ['proposal', 10], ['feedback', 5], ['message', 3]] as const);
  const legal = r.next() < 0.1;
  const email = `citizen${r.int(1_000_000)}@example.kz`;
  const phone = `+7701${String(r.int(10_000_000)).padStart(7, '0')}`;
  const preferredAnswer = r.weighted([['email', 50], ['sms', 20], ['portal', 25], ['paper', 5]] as const);
  const withPhone = legal || preferredAnswer === 'sms' || r.next() < 0.6;
  return {
    bodyId: body.id,
    kind,
    text,
    ...(r.next() < 0.85 ? { topicCode: r.pick(topics) } : {}),
    ...(r.next() < languageGiven ? { language: lang } : {}),
    applicant: legal
      ? { type: 'legal', name: `ТОО «${r.pick(['Береке', 'Нұр', 'Алтын', 'Самал'])} ${1 + r.int(99)}»`, bin: iinOrBin(r, 'bin'), email, phone }
      : { type: 'individual', name: personName(r), ...(r.next() < 0.8 ? { iin: iinOrBin(r, 'iin') } : {}), email, ...(withPhone ? { phone } : {}) },
    preferredAnswer,
    ...(r.next() < 0.7 || preferredAnswer === 'paper' ? { address: address(r, cityOf(body.code)) } : {}),
    ...(r.next() < 0.3 ? { location: { lat: 43 + r.next() * 10, lon: 51 + r.next() * 20 } } : {}),
  };
}
