import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poissonUpperTail } from './surge.ts';

test('the Poisson upper tail against hand-computed values', () => {
  // P(X ≥ 1 | λ = 1) = 1 − e^−1
  assert.ok(Math.abs(poissonUpperTail(1, 1) - (1 - Math.exp(-1))) < 1e-12);
  // P(X ≥ 3 | λ = 2) = 1 − e^−2 (1 + 2 + 2) = 1 − 5e^−2
  assert.ok(Math.abs(poissonUpperTail(3, 2) - (1 - 5 * Math.exp(-2))) < 1e-12);
  assert.equal(poissonUpperTail(0, 5), 1);
  // A day of 30 against a usual 10: far beyond chance; 12 against 10 is not.
  assert.ok(poissonUpperTail(30, 10) < 1e-6);
  assert.ok(poissonUpperTail(12, 10) > 0.2);
  // Large counts neither overflow nor lose the tail.
  const p = poissonUpperTail(1300, 1000);
  assert.ok(p > 0 && p < 1e-15, String(p));
});
