// Statistics of the common process, comparable across bodies because every body uses the
// same register, terms and resolution criteria. A period is a cohort: the appeals
// received in it (Almaty dates, both ends included), with what has become of them by now.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseRealDate } from '../../platform/validation.ts';
import type { Staff } from '../../platform/staff.ts';
import { almatyDate, endOfAlmatyDay } from '../deadlines/index.ts';
import { statsScope } from './analytics.policy.ts';
import * as repo from './analytics.repository.ts';

export interface StatsQuery {
  bodyId?: string;
  from?: string;
  to?: string;
  groupBy?: repo.GroupBy;
}

const DAY_MS = 86_400_000;
// A real calendar day: '0000-00-00' made toISOString() throw (a 500).
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseRealDate(s) !== undefined;

function metrics(r: repo.StatsRow) {
  return {
    received: r.received,
    open: r.open,
    overdueOpen: r.overdueOpen,
    answered: r.answered,
    // Legal clock (art. 76, as extended).
    answeredOnTime: r.answeredOnTime,
    answeredLate: r.answeredLate,
    onTimeShare: r.answered ? Math.round((r.answeredOnTime / r.answered) * 1000) / 1000 : null,
    // The body's channel standard.
    targetMet: r.targetMet,
    targetMissed: r.targetMissed,
    closed: r.closed,
    byResolution: {
      resolved: r.resolved,
      explained: r.explained,
      refused: r.refused,
      redirected: r.redirected,
      left_without_consideration: r.leftWithoutConsideration,
    },
    redirected: r.redirected,
    lateRedirects: r.lateRedirects,
    redirectedIn: r.redirectedIn,
    extensions: r.extensions,
    satisfaction: { count: r.rated, average: r.satisfactionAvg === null ? null : Number(r.satisfactionAvg) },
    disagreements: r.disagreements,
    repeats: r.repeats,
  };
}

export async function getStats(ctx: AppContext, staff: Staff, query: StatsQuery) {
  const bodyIds = statsScope(staff, query.bodyId);
  const now = ctx.clock.now();
  const to = query.to ?? almatyDate(now);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  for (const [field, v] of [['from', from], ['to', to]] as const) {
    if (!isIsoDate(v)) throw new AppError('VALIDATION_FAILED', `${field} must be a date YYYY-MM-DD`, { field });
  }
  if (from > to) throw new AppError('VALIDATION_FAILED', 'from must not be after to', { field: 'from' });
  const rows = await repo.appealStats(ctx.db, {
    bodyIds,
    from: new Date(endOfAlmatyDay(from).getTime() + 1000 - DAY_MS),
    to: new Date(endOfAlmatyDay(to).getTime() + 1000),
    now,
    groupBy: query.groupBy,
  });
  const total = rows.find((r) => r.isTotal);
  const groups = query.groupBy ? rows.filter((r) => !r.isTotal) : [];
  const labels = await labelsFor(ctx, query.groupBy, groups.map((g) => g.key).filter((k): k is string => k !== null));
  return {
    bodyId: bodyIds?.length === 1 ? bodyIds[0] : null,
    from,
    to,
    groupBy: query.groupBy ?? null,
    totals: total ? metrics(total) : metrics(emptyRow()),
    groups: groups.map((g) => ({ key: g.key, label: g.key ? (labels.get(g.key) ?? null) : null, ...metrics(g) })),
  };
}

async function labelsFor(ctx: AppContext, groupBy: repo.GroupBy | undefined, keys: string[]) {
  const out = new Map<string, { kk: string; ru: string; en: string }>();
  const put = (k: string, r: { nameKk: string; nameRu: string; nameEn: string }) => out.set(k, { kk: r.nameKk, ru: r.nameRu, en: r.nameEn });
  if (groupBy === 'unit') for (const r of await repo.unitNames(ctx.db, keys)) put(r.id, r);
  if (groupBy === 'topic') for (const r of await repo.topicNames(ctx.db, keys)) put(r.code, r);
  if (groupBy === 'body') for (const r of await repo.bodyNames(ctx.db, keys)) put(r.id, r);
  return out;
}

function emptyRow(): repo.StatsRow {
  return {
    isTotal: true, key: null, received: 0, open: 0, overdueOpen: 0, answered: 0, answeredOnTime: 0, answeredLate: 0, targetMet: 0, targetMissed: 0, closed: 0,
    resolved: 0, explained: 0, refused: 0, redirected: 0, leftWithoutConsideration: 0, lateRedirects: 0, redirectedIn: 0, extensions: 0, rated: 0,
    satisfactionAvg: null, disagreements: 0, repeats: 0,
  };
}
