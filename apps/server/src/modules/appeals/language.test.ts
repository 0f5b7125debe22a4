import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './language.ts';

test('Kazakh by its own letters, even in a short text', () => {
  assert.equal(detectLanguage('Біздің аулада жарық жоқ, көшеде шұңқыр бар.'), 'kk');
  assert.equal(detectLanguage('Сәлеметсіз бе'), 'kk');
});

test('Russian, also with a Kazakh street name in it', () => {
  assert.equal(detectLanguage('Прошу отремонтировать дорогу во дворе дома 5.'), 'ru');
  assert.equal(detectLanguage('Прошу отремонтировать дорогу на улице Бөкейханова у дома 5, яма уже месяц, машины ломаются, дети ходят по проезжей части.'), 'ru');
});

test('English, and links do not make a Russian text English', () => {
  assert.equal(detectLanguage('The street light in our yard has been broken for a month.'), 'en');
  assert.equal(detectLanguage('По аналогии с отработанными сообщениями: http://gorod.gov.spb.ru/problems/2921723/ и https://example.com/a/b/c'), 'ru');
  assert.equal(detectLanguage('Пишите на ivanov.petr.sergeevich@mail.example.kz'), 'ru');
});

test('no letters at all reads as Russian, the platform default', () => {
  assert.equal(detectLanguage('12345 !!!'), 'ru');
});
