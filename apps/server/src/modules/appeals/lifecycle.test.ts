import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPEAL_STATUSES } from '@tyndau/contracts';
import { TRANSITIONS, canMove, assertMove } from './lifecycle.ts';

test('every status has a row and moves only to known statuses', () => {
  for (const s of APPEAL_STATUSES) {
    assert.ok(TRANSITIONS[s], s);
    for (const to of TRANSITIONS[s]) assert.ok(APPEAL_STATUSES.includes(to));
  }
});

test('the main path registered → in work → answered → closed', () => {
  assert.ok(canMove('registered', 'in_work'));
  assert.ok(canMove('in_work', 'answered'));
  assert.ok(canMove('answered', 'closed'));
});

test('terminal and impossible moves are refused with INVALID_TRANSITION', () => {
  assert.equal(canMove('closed', 'in_work'), false);
  assert.equal(canMove('redirected', 'in_work'), false);
  assert.equal(canMove('registered', 'closed'), false);
  assert.throws(() => assertMove('answered', 'in_work'), { code: 'INVALID_TRANSITION' });
});
