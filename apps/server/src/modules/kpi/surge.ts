// Early warning: a topic's appeals in one body (or one district, all its bodies together)
// on one day, against the series' own baseline — the mean of the 28 days before. A day
// whose count is improbably high for a Poisson variable with that mean (p < 0.001, and at
// least 5 appeals) is a surge: recorded once per series and day, its body's heads told
// through the outbox in the same transaction.
import type { AppContext } from '../../app-context.ts';
import { almatyDate } from '../deadlines/index.ts';
import { queueStaffNotification } from '../notify/index.ts';
import * as repo from './kpi.repository.ts';

export const SURGE_BASELINE_DAYS = 28;
export const SURGE_MIN_COUNT = 5;
export const SURGE_P_VALUE = 0.001;
/** A series with no history still has some expected traffic; without a floor any first appeals would be a surge. */
const BASELINE_FLOOR = 0.2;
const DAY_MS = 86_400_000;

/**
 * P(X ≥ k) for X ~ Poisson(λ). Terms are taken from the log of the probability of k
 * (e^−λ alone underflows for λ above ~700) and summed away from k: upwards for the tail
 * when k is above the mean, downwards for the complement otherwise.
 */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  const logP = (i: number) => -lambda + i * Math.log(lambda) - logFactorial(i);
  if (k > lambda) {
    let t = Math.exp(logP(k));
    let tail = 0;
    for (let i = k; t > tail * 1e-17 && t > 0; i++) {
      tail += t;
      t *= lambda / (i + 1);
    }
    return Math.min(1, tail);
  }
  let t = Math.exp(logP(k - 1));
  let below = 0;
  for (let i = k - 1; i >= 0 && (t > below * 1e-17 || i > k - 3); i--) {
    below += t;
    t *= i / lambda;
  }
  return Math.max(0, 1 - below);
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}

const shift = (day: string, days: number) => almatyDate(new Date(Date.parse(`${day}T12:00:00+05:00`) + days * DAY_MS));

export interface Surge {
  bodyId: string;
  districtId: string | null;
  topicCode: string;
  day: string;
  count: number;
  baseline: number;
  pValue: number;
}

/** The surges of one day, per body and per district, from the pre-aggregated counts. */
export async function findSurges(ctx: AppContext, day: string): Promise<Surge[]> {
  const rows = await repo.dailySeries(ctx.db, shift(day, -SURGE_BASELINE_DAYS), day);
  const series = new Map<string, { bodyId: string; districtId: string | null; topicCode: string; today: number; before: number }>();
  const add = (key: string, bodyId: string, districtId: string | null, topicCode: string, r: { day: string; n: number }) => {
    const s = series.get(key) ?? { bodyId, districtId, topicCode, today: 0, before: 0 };
    if (r.day === day) s.today += r.n;
    else s.before += r.n;
    series.set(key, s);
  };
  for (const r of rows) {
    add(`b:${r.bodyId}:${r.topicCode}`, r.bodyId, r.districtId, r.topicCode, r);
    // The district's series adds up all its bodies; its alert goes to the district's own body.
    if (r.districtId && r.districtId !== r.bodyId) add(`d:${r.districtId}:${r.topicCode}`, r.districtId, r.districtId, r.topicCode, r);
  }
  const out: Surge[] = [];
  for (const s of series.values()) {
    if (s.today < SURGE_MIN_COUNT) continue;
    const baseline = Math.max(BASELINE_FLOOR, s.before / SURGE_BASELINE_DAYS);
    const p = poissonUpperTail(s.today, baseline);
    if (p < SURGE_P_VALUE) out.push({ bodyId: s.bodyId, districtId: s.districtId, topicCode: s.topicCode, day, count: s.today, baseline: Math.round(baseline * 100) / 100, pValue: p });
  }
  return out;
}

/** Record today's surges (and yesterday's, completed) and tell each body's heads of a new one. */
export async function detectSurges(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = almatyDate(now);
  let fresh = 0;
  for (const day of [shift(today, -1), today]) {
    for (const s of await findSurges(ctx, day)) {
      await ctx.db.transaction().execute(async (tx) => {
        const id = await repo.insertSurge(tx, { ...s, at: now });
        if (!id) return;
        fresh++;
        const topic = (await repo.topicNames(tx, [s.topicCode]))[0];
        for (const head of await repo.headsOf(tx, s.bodyId)) {
          await queueStaffNotification(tx, {
            userId: head.id,
            template: 'staff.kpi_surge',
            payload: { surgeId: id, day: s.day, count: s.count, baseline: s.baseline, topicCode: s.topicCode, topic: topic ? { kk: topic.nameKk, ru: topic.nameRu, en: topic.nameEn } : null },
            at: now,
            dedupeKey: `kpi-surge:${id}:${head.id}`,
          });
        }
      });
    }
  }
  return fresh;
}

/** The surges in a period, with the filter of the appeals behind each (for the staff list). */
export async function listSurges(ctx: AppContext, q: { bodyIds?: string[]; from: string; to: string; limit: number }) {
  const rows = await repo.listSurges(ctx.db, q);
  const topics = new Map((await repo.topicNames(ctx.db, [...new Set(rows.map((r) => r.topicCode))])).map((t) => [t.code, { kk: t.nameKk, ru: t.nameRu, en: t.nameEn }]));
  return rows.map((r) => ({
    id: r.id,
    bodyId: r.bodyId,
    districtId: r.districtId,
    topicCode: r.topicCode,
    topic: topics.get(r.topicCode) ?? null,
    day: r.day,
    count: r.count,
    baseline: r.baseline,
    pValue: r.pValue,
    detectedAt: r.detectedAt.toISOString(),
    // The appeals behind it: the staff list's filters (GET /api/v1/appeals?topic=&from=&to=[&bodyId=]).
    appeals: { bodyId: r.districtId === r.bodyId ? null : r.bodyId, topic: r.topicCode, from: r.day, to: r.day },
  }));
}
