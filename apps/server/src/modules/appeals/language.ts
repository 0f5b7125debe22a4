// The language of an appeal's text when the applicant did not say: by script, not by a
// statistical model. Kazakh Cyrillic has nine letters Russian lacks, and one in every few
// Kazakh words has one of them; Russian text meets them only in a Kazakh name or street.
// This reads Kazakh more reliably than the n-gram models we tried (which confuse short
// Russian texts with Kazakh) and costs about 2 µs instead of 0.2 ms, on every intake.
import type { Language } from '@tyndau/contracts';

const KAZAKH_ONLY = /[әғқңөұүһі]/giu;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
// Links and addresses are Latin in any language's text.
const LINKS = /\S*(?:https?:|www\.|@)\S*/giu;

/** Share of Kazakh-only letters among Cyrillic ones above which a text is Kazakh. */
const KAZAKH_SHARE = 0.02;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

export function detectLanguage(text: string): Language {
  const words = text.replace(LINKS, ' ');
  const cyrillic = count(words, CYRILLIC);
  if (count(words, LATIN) > cyrillic) return 'en';
  const kazakh = count(words, KAZAKH_ONLY);
  return kazakh > 0 && kazakh >= cyrillic * KAZAKH_SHARE ? 'kk' : 'ru';
}
