// Dates in the page's language and in Almaty's calendar day, including the Kazakh patterns
// written by hand for browsers without Kazakh data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { almatyDay, formatDate, formatDateTime, formatNumber, kazakh } from './format.ts';

test('a legal date is the Almaty day, written in each language', () => {
  // 19:30 UTC on 26 March is already 27 March in Almaty (UTC+5).
  const iso = '2026-03-26T19:30:00Z';
  assert.equal(almatyDay(iso), '2026-03-27');
  assert.equal(formatDate(iso, 'ru'), '27 марта 2026 г.');
  assert.equal(formatDate(iso, 'en'), '27 March 2026');
  assert.equal(formatDate(iso, 'kk'), '2026 ж. 27 наурыз');
  assert.equal(formatDate(null, 'kk'), '—');
});

test('the hand-written Kazakh patterns equal CLDR’s (as Node’s full ICU writes them)', () => {
  for (const iso of ['2026-01-05T04:00:00Z', '2026-03-27T06:05:00Z', '2026-09-30T12:59:00Z', '2026-12-31T18:30:00Z']) {
    const d = new Date(iso);
    assert.equal(kazakh(d, 'date'), new Intl.DateTimeFormat('kk', { dateStyle: 'long', timeZone: 'Asia/Almaty' }).format(d), iso);
    assert.equal(kazakh(d, 'dateTime'), new Intl.DateTimeFormat('kk', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Almaty' }).format(d), iso);
    assert.equal(kazakh(d, 'day'), new Intl.DateTimeFormat('kk', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Almaty' }).format(d), iso);
  }
  assert.equal(kazakh(new Date('2026-12-31T20:00:00Z'), 'day'), '2027 ж. 1 қаңтар, жұма', 'the Almaty day, past midnight UTC+5');
  assert.equal(formatDateTime('2026-03-27T06:05:00Z', 'kk'), '2026 ж. 27 нау., 11:05');
});

test('numbers follow the language (Kazakh and Russian group with a space)', () => {
  assert.equal(formatNumber(1234567.5, 'kk').replace(/\s/g, ' '), '1 234 567,5');
  assert.equal(formatNumber(1234567.5, 'en'), '1,234,567.5');
});
