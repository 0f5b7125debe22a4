import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chiSquare, chiSquarePValue, gammaQ, rake } from './stats.ts';

const close = (a: number, b: number, eps: number, what: string) => assert.ok(Math.abs(a - b) < eps, `${what}: ${a} vs ${b}`);

test('chi-square p-values match the published critical values', () => {
  // Critical values of the chi-square distribution (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
  const table: Array<[number, number, number]> = [
    [3.841, 1, 0.05],
    [6.635, 1, 0.01],
    [10.828, 1, 0.001],
    [5.991, 2, 0.05],
    [11.345, 3, 0.01],
    [9.488, 4, 0.05],
    [18.307, 10, 0.05],
    [43.773, 30, 0.05],
    [124.342, 100, 0.05],
    [0.004, 1, 0.95],
    [0.103, 2, 0.95],
  ];
  for (const [x, df, p] of table) close(chiSquarePValue(x, df), p, p * 0.002 + 1e-5, `χ²=${x}, df=${df}`);
  // Exact forms: df = 2 gives e^(−x/2); Q(1, x) = e^(−x).
  for (const x of [0.5, 2, 7, 30]) close(chiSquarePValue(x, 2), Math.exp(-x / 2), 1e-12, `df=2, x=${x}`);
  close(gammaQ(1, 3), Math.exp(-3), 1e-12, 'Q(1,3)');
  assert.equal(chiSquarePValue(0, 3), 1);
});

test('Pearson chi-square on a contingency table (hand-computed)', () => {
  // 2×2: [[10, 20], [30, 40]]; n = 100, expected [[12, 18], [28, 42]]:
  // χ² = 4/12 + 4/18 + 4/28 + 4/42 = 0.79365…, df = 1, p = 0.373
  const r = chiSquare([
    [10, 20],
    [30, 40],
  ]);
  close(r.statistic, 4 / 12 + 4 / 18 + 4 / 28 + 4 / 42, 1e-12, 'statistic');
  assert.equal(r.df, 1);
  close(r.pValue!, 0.37304, 1e-4, 'p');
  // An empty row and column are left out; one row only has no test.
  assert.equal(chiSquare([[10, 20, 0], [30, 40, 0], [0, 0, 0]]).df, 1);
  assert.equal(chiSquare([[10, 20]]).pValue, null);
});

test('raking weights the sample to the quota targets on every dimension', () => {
  // 3 women, 1 man; the target is half and half: women weigh 2/3, the man 2 (mean 1).
  const profiles = [{ sex: 'female' }, { sex: 'female' }, { sex: 'female' }, { sex: 'male' }];
  const w = rake(profiles, { sex: { female: 500, male: 500 } });
  close(w[0], 2 / 3, 1e-9, 'woman');
  close(w[3], 2, 1e-9, 'man');
  // Two dimensions: the weighted margins meet both targets.
  const p2 = [
    { sex: 'female', age: '18-29' },
    { sex: 'female', age: '61+' },
    { sex: 'female', age: '61+' },
    { sex: 'male', age: '18-29' },
    { sex: 'male', age: '18-29' },
  ];
  const w2 = rake(p2, { sex: { female: 50, male: 50 }, age: { '18-29': 60, '61+': 40 } });
  const share = (dim: 'sex' | 'age', g: string) => p2.reduce((s, p, i) => s + (p[dim] === g ? w2[i] : 0), 0) / w2.reduce((s, x) => s + x, 0);
  close(share('sex', 'female'), 0.5, 1e-6, 'female share');
  close(share('age', '61+'), 0.4, 1e-6, '61+ share');
  assert.deepEqual(rake(profiles, {}), [1, 1, 1, 1]);
});
