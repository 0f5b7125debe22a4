// Every KPI formula on sums worked out by hand, and the empty cases (no denominator: null, never 0 or NaN).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addKpiSums, computeKpis, EMPTY_KPI_SUMS, KPI_CODES, KPIS } from './kpi.ts';

test('each KPI from hand-made sums', () => {
  const k = computeKpis({
    ...EMPTY_KPI_SUMS,
    received: 40, open: 7, overdue: 3, answered: 30, answeredOnTime: 27, answerWorkdays: 195, redirected: 4, lateRedirects: 1, extensions: 2,
    resolved: 12, explained: 9, refused: 3, leftWithoutConsideration: 1, rated: 8, satisfactionSum: 31, disagreements: 2, repeats: 5, overlap: 6,
    callsWithOutcome: 50, callsResolvedOnCall: 35, receptionRequests: 9, receptionSlots: 4,
  });
  assert.deepEqual(k, {
    received: 40, open: 7, overdue: 3,
    on_time_share: 0.9, // 27 / 30
    avg_answer_days: 6.5, // 195 / 30
    redirected_share: 0.1, // 4 / 40
    late_redirects: 1, extensions: 2,
    resolved_share: 0.5, // 12 / (12 + 9 + 3)
    satisfaction: 3.88, // 31 / 8 = 3.875
    disagreements: 2,
    repeat_rate: 0.125, // 5 / 40
    first_call_resolution: 0.7, // 35 / 50
    reception_demand: 2.25, // 9 / 4
    channel_overlap: 0.15, // 6 / 40
  });
});

test('no denominator is no figure', () => {
  const k = computeKpis(EMPTY_KPI_SUMS);
  for (const code of ['on_time_share', 'avg_answer_days', 'redirected_share', 'resolved_share', 'satisfaction', 'repeat_rate', 'first_call_resolution', 'reception_demand', 'channel_overlap'] as const) assert.equal(k[code], null, code);
  assert.equal(k.received, 0);
});

test('sums add up, and every code has one definition with three names and formulas', () => {
  const s = addKpiSums({ ...EMPTY_KPI_SUMS, received: 2, overlap: 1 }, { ...EMPTY_KPI_SUMS, received: 3, overlap: 1 });
  assert.equal(computeKpis(s).channel_overlap, 0.4);
  assert.deepEqual(KPIS.map((x) => x.code), [...KPI_CODES]);
  for (const d of KPIS) for (const l of ['kk', 'ru', 'en'] as const) assert.ok(d.name[l] && d.formula[l], `${d.code} ${l}`);
});
