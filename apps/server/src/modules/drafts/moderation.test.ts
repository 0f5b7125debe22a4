import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isProposal, moderate } from './moderation.ts';
import { checkAnswer } from './answer-rules.ts';
import { splitDocument } from './document.ts';
import { AppError } from '../../platform/errors.ts';

test('moderation: each reason, and ordinary text passes in every language', () => {
  assert.equal(moderate('Предлагаю продлить срок.'), null);
  assert.equal(moderate('Мерзімді ұзартуды ұсынамын.'), null);
  assert.equal(moderate('I suggest a longer term.'), null);
  assert.equal(moderate('Это писал дебил'), 'impolite');
  assert.equal(moderate('What a stupid rule'), 'impolite');
  assert.equal(moderate('Идиотизм полный'), 'impolite', 'a stem at a word’s start');
  assert.equal(moderate('Пишите на ivan@mail.kz'), 'personal_data');
  assert.equal(moderate('ИИН 900101300123'), 'personal_data');
  assert.equal(moderate('8 (701) 123-45-67'), 'personal_data');
  assert.equal(moderate('ааааааааааааа'), 'spam');
  assert.equal(moderate('ЭТОТ ПРОЕКТ НИКУДА НЕ ГОДИТСЯ СОВСЕМ НИКАК'), 'spam');
  assert.equal(moderate('купи купи купи купи купи купи купи купи'), 'spam');
  assert.equal(moderate('Тот же текст', ['тот  же текст']), 'spam');
  assert.equal(moderate('Статья 12 и пункт 2026 года'), null, 'numbers that are not an ИИН or phone');
});

test('a proposal is due in 3 working days; plain support the same day', () => {
  assert.equal(isProposal('Поддерживаю', 'for'), false);
  assert.equal(isProposal('Поддерживаю, но предлагаю дополнить', 'for'), true);
  assert.equal(isProposal('Против', 'against'), true);
});

const code = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).code;
  }
  return null;
};

test('the answer form in three languages', () => {
  const ok = { decision: 'accepted', reason: 'Предложение улучшает текст.' };
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Уважаемый Ерлан! Благодарим за предложение. Учтено в п. 3.' })), null);
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Уважаемые жители! Благодарим Вас за участие.' })), null);
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Құрметті Ерлан! Ұсынысыңыз үшін рахмет. Ескерілді.' })), null);
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Dear Erlan! Thank you for the proposal.' })), null);
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Благодарим за предложение.' })), 'ANSWER_FORM');
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Уважаемый Ерлан! Спасибо.' })), 'ANSWER_FORM');
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Уважаемый Ерлан! Благодарим за предложение. Принято во внимание.' })), 'ANSWER_DISMISSAL');
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Dear Erlan! Thank you for writing. Noted.' })), 'ANSWER_DISMISSAL');
  assert.equal(code(() => checkAnswer({ ...ok, text: 'Dear Erlan! Thank you for writing.', reason: 'short' })), 'ANSWER_REASON');
});

test('a document splits into articles and paragraphs', () => {
  const ps = splitDocument('Преамбула.\n\n## Статья 1. Термины\n- термин один;\n- термин два.\n1-бап. Жалпы\nМәтін.\r\nArticle 3\nText.');
  assert.deepEqual(
    ps.map((p) => [p.position, p.article, p.text]),
    [
      [1, null, 'Преамбула.'],
      [2, 'Статья 1. Термины', 'термин один;'],
      [3, 'Статья 1. Термины', 'термин два.'],
      [4, '1-бап. Жалпы', 'Мәтін.'],
      [5, 'Article 3', 'Text.'],
    ],
  );
});
