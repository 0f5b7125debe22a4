// The KPIs over a period (Almaty dates, both ends included; a cohort: the appeals received
// in it, with what has become of them by now), filtered by body (and the bodies under it),
// district, unit, channel and topic, grouped by one of them or by day. Sums come from the
// pre-aggregated kpi_daily; overdue (made by the passing of time, not by events), calls and
// reception slots are counted at request time over their own indexes.
import { CHANNELS, computeKpis, EMPTY_KPI_SUMS, KPIS, type KpiSums } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { parseRealDate } from '../../platform/validation.ts';
import type { Staff } from '../../platform/staff.ts';
import { almatyDate } from '../deadlines/index.ts';
import { kpiScope } from './kpi.policy.ts';
import * as repo from './kpi.repository.ts';

export const KPI_GROUPS = ['body', 'unit', 'channel', 'topic', 'district', 'day'] as const;
export type KpiGroup = (typeof KPI_GROUPS)[number];
const MAX_DAYS = 5 * 366 + 1;
const DAY_MS = 86_400_000;

export interface KpiQuery {
  from?: string;
  to?: string;
  bodyId?: string;
  subordinates?: boolean;
  districtId?: string;
  unitId?: string;
  channel?: string;
  topic?: string;
  groupBy?: KpiGroup;
}

type Label = { kk: string; ru: string; en: string };

export function kpiPeriod(now: Date, from?: string, to?: string): { from: string; to: string } {
  const end = to ?? almatyDate(now);
  const start = from ?? `${end.slice(0, 4)}-01-01`;
  for (const [field, v] of [['from', start], ['to', end]] as const) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || parseRealDate(v) === undefined) throw new AppError('VALIDATION_FAILED', `${field} must be a date YYYY-MM-DD`, { field });
  }
  if (start > end) throw new AppError('VALIDATION_FAILED', 'from must not be after to', { field: 'from' });
  if ((Date.parse(end) - Date.parse(start)) / DAY_MS > MAX_DAYS) throw new AppError('VALIDATION_FAILED', 'the period is at most five years', { field: 'from' });
  return { from: start, to: end };
}

/** The filter of a query in a reader's scope; bad input is a 400 before any query runs. */
export async function kpiFilter(ctx: AppContext, staff: Staff | null, q: KpiQuery): Promise<{ filter: repo.KpiFilter; bodies: Awaited<ReturnType<typeof repo.bodiesList>> }> {
  for (const field of ['bodyId', 'districtId', 'unitId'] as const) {
    const v = q[field];
    if (v !== undefined && !isUuid(v)) throw new AppError('VALIDATION_FAILED', `${field} must be an id`, { field });
  }
  if (q.channel !== undefined && !(CHANNELS as readonly string[]).includes(q.channel)) throw new AppError('VALIDATION_FAILED', 'unknown channel', { field: 'channel' });
  if (q.topic !== undefined && !/^[a-z0-9_.-]{1,60}$/.test(q.topic)) throw new AppError('VALIDATION_FAILED', 'unknown topic', { field: 'topic' });
  const bodies = await repo.bodiesList(ctx.db);
  const { from, to } = kpiPeriod(ctx.clock.now(), q.from, q.to);
  let bodyIds: string[] | undefined;
  if (staff) bodyIds = kpiScope(staff, bodies, q.bodyId, q.subordinates ?? false);
  else if (q.bodyId) {
    if (!bodies.some((b) => b.id === q.bodyId)) throw new AppError('BODY_NOT_FOUND', 'no such body');
    bodyIds = [q.bodyId];
  }
  return {
    bodies,
    filter: {
      from,
      to,
      bodyIds,
      districtIds: q.districtId ? [q.districtId] : undefined,
      unitIds: q.unitId ? [q.unitId] : undefined,
      channels: q.channel ? [q.channel] : undefined,
      topicCodes: q.topic ? [q.topic] : undefined,
    },
  };
}

function sumsOf(r: repo.SumsRow | undefined): KpiSums {
  if (!r) return { ...EMPTY_KPI_SUMS };
  return {
    ...EMPTY_KPI_SUMS,
    received: Number(r.received), open: Number(r.open), answered: Number(r.answered), answeredOnTime: Number(r.answeredOnTime),
    answerWorkdays: Number(r.answerWorkdays), redirected: Number(r.redirected), lateRedirects: Number(r.lateRedirects), extensions: Number(r.extensions),
    resolved: Number(r.resolved), explained: Number(r.explained), refused: Number(r.refused), leftWithoutConsideration: Number(r.leftWithoutConsideration),
    rated: Number(r.rated), satisfactionSum: Number(r.satisfactionSum), disagreements: Number(r.disagreements), repeats: Number(r.repeats),
    overlap: Number(r.overlap), receptionRequests: Number(r.receptionRequests),
  };
}

/** The KPI figures of a filter, grouped. `staff` null: the public view (no scope, no units). */
export async function computeKpiTable(ctx: AppContext, staff: Staff | null, q: KpiQuery) {
  const { filter, bodies } = await kpiFilter(ctx, staff, q);
  const now = ctx.clock.now();
  const groupBy = q.groupBy;
  const districtOf = await repo.districtMap(ctx.db);
  const [rows, overdue, calls, slots] = await Promise.all([
    repo.sums(ctx.db, filter, groupBy),
    repo.overdueNow(ctx.db, filter, now, groupBy, districtOf),
    repo.callOutcomes(ctx.db, filter, groupBy),
    repo.receptionSlots(ctx.db, filter, now, groupBy),
  ]);
  // Calls and slots are counted per body; a district's figure is its bodies' sum.
  const regroup = (k: string | null) => (groupBy === 'district' && k ? (districtOf.get(k) ?? null) : k);
  const callsBy = new Map<string | null, { withOutcome: number; onCall: number }>();
  for (const c of calls ?? []) {
    const k = regroup(c.key);
    const prev = callsBy.get(k) ?? { withOutcome: 0, onCall: 0 };
    callsBy.set(k, { withOutcome: prev.withOutcome + c.withOutcome, onCall: prev.onCall + c.onCall });
  }
  const slotsBy = new Map<string | null, number>();
  for (const s of slots ?? []) slotsBy.set(regroup(s.key), (slotsBy.get(regroup(s.key)) ?? 0) + s.n);
  const totalOf = <T>(m: Map<string | null, T>, add: (a: T, b: T) => T, zero: T) => [...m.values()].reduce(add, zero);

  const complete = (r: repo.SumsRow | undefined, key: string | null, isTotal: boolean): KpiSums => {
    const s = sumsOf(r);
    s.overdue = isTotal ? totalOf(overdue, (a, b) => a + b, 0) : (overdue.get(key) ?? 0);
    const c = isTotal ? totalOf(callsBy, (a, b) => ({ withOutcome: a.withOutcome + b.withOutcome, onCall: a.onCall + b.onCall }), { withOutcome: 0, onCall: 0 }) : callsBy.get(key);
    if (calls && c) {
      s.callsWithOutcome = c.withOutcome;
      s.callsResolvedOnCall = c.onCall;
    }
    if (slots) s.receptionSlots = isTotal ? totalOf(slotsBy, (a, b) => a + b, 0) : (slotsBy.get(key) ?? 0);
    return s;
  };
  const total = complete(rows.find((r) => r.isTotal), null, true);
  const groups = groupBy ? rows.filter((r) => !r.isTotal) : [];
  const labels = await labelsFor(ctx, groupBy, groups.map((g) => g.key).filter((k): k is string => k !== null), bodies);
  const out = groups.map((g) => {
    const s = complete(g, g.key, false);
    return { key: g.key, label: g.key ? (labels.get(g.key) ?? null) : null, sums: s, kpis: computeKpis(s) };
  });
  out.sort((a, b) => (groupBy === 'day' ? String(a.key).localeCompare(String(b.key)) : b.sums.received - a.sums.received || String(a.key).localeCompare(String(b.key))));
  return {
    from: filter.from,
    to: filter.to,
    groupBy: groupBy ?? null,
    bodyIds: filter.bodyIds ?? null,
    totals: { sums: total, kpis: computeKpis(total) },
    groups: out,
  };
}

async function labelsFor(ctx: AppContext, groupBy: KpiGroup | undefined, keys: string[], bodies: Awaited<ReturnType<typeof repo.bodiesList>>) {
  const out = new Map<string, Label>();
  const put = (k: string, r: { nameKk: string; nameRu: string; nameEn: string }) => out.set(k, { kk: r.nameKk, ru: r.nameRu, en: r.nameEn });
  if (groupBy === 'unit') for (const r of await repo.unitNames(ctx.db, keys)) put(r.id, r);
  if (groupBy === 'topic') for (const r of await repo.topicNames(ctx.db, keys)) put(r.code, r);
  if (groupBy === 'body' || groupBy === 'district') for (const b of bodies) if (keys.includes(b.id)) put(b.id, b);
  return out;
}

/** The league table: every body in scope on the same KPIs, best on time first. */
export async function kpiLeague(ctx: AppContext, staff: Staff, q: KpiQuery) {
  const table = await computeKpiTable(ctx, staff, { ...q, groupBy: 'body' });
  const rank = (v: number | null) => (v === null ? -1 : v);
  const rows = [...table.groups].sort((a, b) => rank(b.kpis.on_time_share) - rank(a.kpis.on_time_share) || rank(b.kpis.resolved_share) - rank(a.kpis.resolved_share) || b.sums.received - a.sums.received);
  return { ...table, groups: rows.map((r, i) => ({ rank: i + 1, ...r })) };
}

/** Which channel pairs overlap most (the same applicant on the same topic through two channels within 30 days). */
export async function kpiOverlap(ctx: AppContext, staff: Staff | null, q: KpiQuery & { limit?: number }) {
  const { filter } = await kpiFilter(ctx, staff, q);
  const table = await computeKpiTable(ctx, staff, { ...q, groupBy: undefined });
  const pairs = await repo.overlapPairs(ctx.db, filter, Math.min(q.limit ?? 20, 100));
  return {
    from: filter.from,
    to: filter.to,
    windowDays: repo.OVERLAP_DAYS,
    received: table.totals.sums.received,
    overlapping: table.totals.sums.overlap,
    share: table.totals.kpis.channel_overlap,
    pairs: pairs.map((p) => ({ channels: [p.firstChannel, p.secondChannel], appeals: p.n })),
  };
}

/** The definitions (names, formulas) for every reader. */
export function kpiDefinitions() {
  return KPIS.map((k) => ({ code: k.code, kind: k.kind, higherIsBetter: k.higherIsBetter, name: k.name, formula: k.formula }));
}
