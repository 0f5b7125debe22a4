// What makes an answer acceptable, in any of the three languages (study, section 3.12;
// SPEC "Answer"). The rule, so that staff can predict it:
//   1. The answer begins with a respectful address: «Уважаемый…», «Уважаемая…»,
//      «Уважаемые…», «Уважаемый(ая)…», «Құрметті…» or "Dear…".
//   2. The address ends at the first "!", ",", ":", ";", "." or line break.
//   3. From what follows, bare formulas («Принято к сведению», «Принято во внимание»,
//      «Назар аударылды», "Noted", …) and courtesy phrases («Благодарим за обращение»,
//      «С уважением», "Thank you", …) are struck out; at least MIN_CONTENT_WORDS words
//      of substance must remain. A bare formula dressed in courtesy is still a bare formula.

export const MIN_CONTENT_WORDS = 3;

const ADDRESS = /^(?:уважаем(?:ый|ая|ые)(?:\s*\((?:ая|ый|ые)\))?|құрметті|dear)(?![\p{L}\p{N}])/iu;
const ADDRESS_END = /[!,:;.\n]/u;

/** Formulas that say nothing about the applicant's question. */
const BARE_FORMULAS = [
  // ru
  'принято к сведению', 'принята к сведению', 'принят к сведению', 'приняты к сведению', 'принято во внимание',
  'принята во внимание', 'приняты во внимание', 'будет принято во внимание', 'будут приняты во внимание',
  'будет учтено', 'будут учтены', 'учтено', 'рассмотрено', 'рассмотрена', 'информация принята', 'к сведению',
  'во внимание', 'принято', 'рассмотрено по существу', 'в дальнейшей работе', 'при дальнейшей работе', 'в работе',
  // kk
  'назар аударылды', 'назарға алынды', 'назарға алынады', 'мәліметке алынды', 'ескерілді', 'ескерілетін болады',
  'ескеріледі', 'қаралды', 'қабылданды', 'алдағы жұмыста', 'жұмыста',
  // en
  'noted', 'duly noted', 'has been noted', 'was noted', 'taken into account', 'taken into consideration',
  'will be taken into account', 'will be considered', 'has been considered', 'was considered', 'considered',
  'acknowledged', 'received', 'in our further work', 'in our work', 'in further work',
];

/** Polite wrapping that carries no content either. */
const COURTESY = [
  // ru
  'благодарим вас за обращение', 'благодарим за ваше обращение', 'благодарим за обращение', 'спасибо за обращение',
  'благодарим', 'спасибо', 'с уважением', 'ваше обращение', 'ваш запрос', 'ваше предложение', 'ваш комментарий',
  'ваш вопрос', 'ваша жалоба', 'сообщаем что', 'настоящим сообщаем', 'сообщаем', 'было', 'был', 'была', 'и',
  // kk
  'өтінішіңізге рахмет', 'рахмет', 'рақмет', 'құрметпен', 'сіздің өтінішіңіз', 'өтінішіңіз', 'ұсынысыңыз',
  'пікіріңіз', 'хабарлаймыз', 'және',
  // en
  'thank you for your appeal', 'thank you for your message', 'thank you for your comment', 'thank you', 'thanks',
  'sincerely', 'yours sincerely', 'kind regards', 'regards', 'your appeal', 'your message', 'your comment',
  'your proposal', 'your request', 'we inform you that', 'has been', 'have been', 'was', 'and', 'is',
];

// Longest first, so «принято во внимание» goes before «принято».
const STRIKE = [...BARE_FORMULAS, ...COURTESY].sort((a, b) => b.length - a.length);

function words(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

export type AnswerProblem = 'NO_ADDRESS' | 'BARE_FORMULA';

/** Why an answer is not acceptable, or null when it is. */
export function answerProblem(text: string): AnswerProblem | null {
  const trimmed = text.trim().normalize('NFC');
  if (!ADDRESS.test(trimmed)) return 'NO_ADDRESS';
  const end = trimmed.search(ADDRESS_END);
  const afterAddress = end < 0 ? '' : trimmed.slice(end + 1);
  let rest = ` ${words(afterAddress).join(' ')} `;
  for (const phrase of STRIKE) {
    const needle = ` ${phrase} `;
    while (rest.includes(needle)) rest = rest.replace(needle, ' ');
  }
  return words(rest).length >= MIN_CONTENT_WORDS ? null : 'BARE_FORMULA';
}
