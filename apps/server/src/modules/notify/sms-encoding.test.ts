import { test } from 'node:test';
import assert from 'node:assert/strict';
import { concatUdh, decodeSms, encodeSms, smsEncodingOf, splitSms } from './sms-encoding.ts';

test('Latin text is GSM 7-bit; any Kazakh or Russian letter makes it UCS-2', () => {
  assert.equal(smsEncodingOf('Appeal AST-2026-000001 registered. Code: ABCDE23456'), 'gsm7');
  assert.equal(smsEncodingOf('Price 10€ [ok]'), 'gsm7');
  assert.equal(smsEncodingOf('Обращение зарегистрировано'), 'ucs2');
  for (const c of 'әғқңөұүһіӘҒҚҢӨҰҮҺІ') assert.equal(smsEncodingOf(`Code ${c}`), 'ucs2', c);
});

test('UCS-2: 70 characters in one message, 67 per part beyond that', () => {
  assert.deepEqual(splitSms('ә'.repeat(70)).parts.length, 1);
  const two = splitSms('ә'.repeat(71));
  assert.equal(two.parts.length, 2);
  assert.deepEqual(two.parts.map((p) => p.length), [67, 4]);
  assert.equal(splitSms('ә'.repeat(134)).parts.length, 2);
  assert.equal(splitSms('ә'.repeat(135)).parts.length, 3);
});

test('GSM 7-bit: 160 in one, 153 per part; extension characters count twice and are never split', () => {
  assert.equal(splitSms('a'.repeat(160)).parts.length, 1);
  assert.equal(splitSms('a'.repeat(161)).parts.length, 2);
  assert.equal(splitSms('€'.repeat(80)).units, 160);
  assert.equal(splitSms('€'.repeat(81)).parts.length, 2);
  const s = splitSms('a'.repeat(152) + '€' + 'b'.repeat(10));
  assert.equal(s.parts[0], 'a'.repeat(152), 'the escape pair moves whole to the next part');
});

test('bytes round-trip: UTF-16BE for UCS-2, one septet per octet for GSM', () => {
  const kk = 'Өтініш ұзартылды: әғқңөұүһі';
  const bytes = encodeSms(kk, 'ucs2');
  assert.equal(bytes.length, kk.length * 2);
  assert.equal(bytes[0], 0x04, 'big-endian: Ө is U+04E8');
  assert.equal(decodeSms(bytes, 8), kk);
  const en = 'Hello @ {world} €5';
  const g = encodeSms(en, 'gsm7');
  assert.equal(g[6], 0x00, '@ is septet 0');
  assert.equal(decodeSms(g, 0), en);
});

test('the concatenation header names the reference, total and sequence', () => {
  assert.deepEqual([...concatUdh(0x1a2, 2, 1)], [0x05, 0x00, 0x03, 0xa2, 2, 1]);
});
