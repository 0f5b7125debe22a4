import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answerProblem } from './answer-check.ts';

test('accepts real answers in Russian, Kazakh and English', () => {
  for (const text of [
    'Уважаемая Айгерим Садыковна! Вывоз мусора во дворе дома по ул. Абая, 10 возобновлён 12 ноября; подрядчику выставлена претензия.',
    'Уважаемый(ая) заявитель! Вывоз мусора возобновлён.',
    'Уважаемые жители, ремонт кровли включён в план на 2027 год.',
    'Құрметті Айгерим Садыққызы! Абай көшесі, 10 үйдің ауласындағы қоқыс 12 қарашадан бастап шығарылады.',
    'Dear Ms Sadykova, waste collection at 10 Abai Street resumed on 12 November.',
    '  dear applicant:\nthe road will be repaired by June.',
  ]) assert.equal(answerProblem(text), null, text);
});

test('refuses an answer without a respectful address', () => {
  for (const text of ['Вывоз мусора возобновлён 12 ноября.', 'Здравствуйте! Вывоз мусора возобновлён.', 'Hello, the road will be repaired by June.', 'Сәлеметсіз бе! Қоқыс шығарылды.', 'Уважаемость важна: мусор вывезен.']) {
    assert.equal(answerProblem(text), 'NO_ADDRESS', text);
  }
});

test('refuses bare formulas, however politely wrapped', () => {
  for (const text of [
    'Уважаемый Иван Иванович! Принято к сведению.',
    'Уважаемая Айгерим! Ваше обращение принято во внимание.',
    'Уважаемый заявитель! Благодарим за обращение. Ваше обращение принято к сведению и будет учтено в дальнейшей работе. С уважением,',
    'Құрметті Айгерим! Назар аударылды.',
    'Құрметті азамат! Өтінішіңізге рахмет, ескерілді. Құрметпен',
    'Dear Sir, noted.',
    'Dear applicant, thank you for your appeal. It has been taken into account in our work. Kind regards',
    'Уважаемый Иван Иванович',
  ]) assert.equal(answerProblem(text), 'BARE_FORMULA', text);
});
