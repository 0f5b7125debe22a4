import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidIinOrBin } from './iin.ts';

test('accepts ИИН/БИН with a correct checksum', () => {
  for (const v of ['880516300374', '000740001307']) assert.equal(isValidIinOrBin(v), true, v);
});

test('refuses wrong checksum, length or characters', () => {
  for (const v of ['880516300378', '88051630037', '8805163003781', '88051630037a', '']) assert.equal(isValidIinOrBin(v), false, v);
});
