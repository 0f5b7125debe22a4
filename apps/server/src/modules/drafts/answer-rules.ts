// The form of the developer body's answer to a comment, checked before it is stored:
//   - it begins with the address and the thanks: «Уважаемый …! Благодарим за …»
//     (Kazakh «Құрметті …! … үшін рахмет/алғыс …», English «Dear …! Thank you for …»);
//   - it never dismisses the comment with «Принято к сведению» / «Принято во внимание»
//     (nor their Kazakh and English equivalents);
//   - it says whether the proposal is accepted, partly accepted or rejected, with the reason.
import { AppError } from '../../platform/errors.ts';

export const DECISIONS = ['accepted', 'partly_accepted', 'rejected'] as const;
export type Decision = (typeof DECISIONS)[number];

const OPENINGS = [
  /^Уважаем(ый|ая|ые)\s+[^!]{1,120}!\s+Благодарим\s+(Вас\s+|вас\s+)?за\s+\S/u,
  /^Құрметті\s+[^!]{1,120}!\s+[^.!?]{0,120}(үшін\s+(рахмет|алғыс))/u,
  /^Dear\s+[^!]{1,120}!\s+Thank\s+you\s+for\s+\S/u,
];

const DISMISSALS = [/принято\s+к\s+сведению/iu, /принято\s+во\s+внимание/iu, /назарға\s+алынды/iu, /мәлімет\s+үшін\s+қабылданды/iu, /taken\s+into\s+(account|consideration)/iu, /\bnoted\b/iu];

export function checkAnswer(input: { text: string; decision: string; reason: string }): void {
  const text = input.text.trim();
  if (!OPENINGS.some((r) => r.test(text))) {
    throw new AppError('ANSWER_FORM', 'the answer must begin «Уважаемый …! Благодарим за …» (kk: «Құрметті …! … үшін рахмет», en: «Dear …! Thank you for …»)', { field: 'text' });
  }
  if (DISMISSALS.some((r) => r.test(text))) throw new AppError('ANSWER_DISMISSAL', 'an answer may not be «Принято к сведению» or «Принято во внимание»', { field: 'text' });
  if (!(DECISIONS as readonly string[]).includes(input.decision)) throw new AppError('VALIDATION_FAILED', 'decision: accepted, partly_accepted or rejected', { field: 'decision' });
  if (input.reason.trim().length < 10) throw new AppError('ANSWER_REASON', 'the decision needs its reason', { field: 'reason' });
  if (DISMISSALS.some((r) => r.test(input.reason))) throw new AppError('ANSWER_DISMISSAL', undefined, { field: 'reason' });
}
