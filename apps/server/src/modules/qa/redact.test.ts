import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redact, REDACTED } from './redact.ts';

test('the applicant’s name, ИИН, e-mail and phone are taken out, as given and as shaped', () => {
  const who = { name: 'Айгерим Садыкова', iin: '880516300374', email: 'aigerim@example.kz', phone: '+77011234567' };
  const text = 'Меня зовут Айгерим Садыкова, ИИН 880516300374, пишите на Aigerim@Example.kz или звоните 8 (701) 123-45-67. Айгерим.';
  const out = redact(text, who);
  for (const bit of ['Айгерим', 'Садыкова', '880516300374', 'example.kz', '123-45-67']) assert.ok(!out.includes(bit), `${bit} is gone: ${out}`);
  assert.ok(out.startsWith(`Меня зовут ${REDACTED} ${REDACTED}, ИИН ${REDACTED}`), out);
});

test('anything shaped like personal data goes even when not the applicant’s; ordinary text stays', () => {
  assert.equal(redact('Сосед (тел. +7 777 000 11 22, ivan@mail.kz) тоже жалуется'), `Сосед (тел. ${REDACTED}, ${REDACTED}) тоже жалуется`);
  const plain = 'Когда отремонтируют дорогу на улице Абая, 10? Уже 2026 год.';
  assert.equal(redact(plain, { name: 'Абай' }).includes('2026'), true);
  // A short or partial match is not a name: "Ан" inside "Анкета" stays.
  assert.equal(redact('Анкета заполнена', { name: 'Ан Ли' }), 'Анкета заполнена');
});
