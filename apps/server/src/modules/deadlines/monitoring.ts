// The daily monitoring view of a body (and its units and channels): open appeals due soon,
// overdue, past their channel target, redirects still pending past the 3-day term, and
// redirects done late. A past date shows the register as it stood at the end of that day
// (statuses replayed from the event log).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';
import { getBodyPage } from '../bodies/index.ts';
import { almatyDate, assertIsoDate, endOfAlmatyDay, startOfAlmatyDay } from './dates.ts';
import { canReadBody } from './deadlines.policy.ts';
import * as repo from './deadlines.repository.ts';
import { dueSoonBefore } from './terms.ts';

export interface MonitoringQuery {
  bodyId?: string;
  date?: string;
  limit?: number;
}

interface Counts {
  open: number;
  dueSoon: number;
  overdue: number;
  targetMissed: number;
  redirectOverdue: number;
}

const zero = (): Counts => ({ open: 0, dueSoon: 0, overdue: 0, targetMissed: 0, redirectOverdue: 0 });

export async function dailyMonitoring(ctx: AppContext, staff: Staff, q: MonitoringQuery) {
  const page = await getBodyPage(ctx, q.bodyId ?? staff.bodyId);
  if (!canReadBody(staff, page.id)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  const today = almatyDate(now);
  const date = q.date ? assertIsoDate(q.date) : today;
  if (date > today) throw new AppError('VALIDATION_FAILED', 'date cannot be in the future', { field: 'date' });
  const at = date === today ? now : endOfAlmatyDay(date);
  const limit = q.limit ?? 50;

  const soon = await dueSoonBefore(ctx, at);
  const appeals = await repo.appealsOpenAt(ctx.db, page.id, at, OPEN_STATUSES);
  const flagged = appeals.map((a) => {
    const legal = a.legalDueAt?.getTime();
    return {
      ...a,
      overdue: legal !== undefined && legal < at.getTime(),
      dueSoon: legal !== undefined && legal >= at.getTime() && legal <= soon.getTime(),
      targetMissed: !!a.targetDueAt && a.targetDueAt.getTime() < at.getTime(),
      // Competence not yet decided (still registered) past the art. 65 term.
      redirectOverdue: a.statusAt === 'registered' && !!a.redirectDueAt && a.redirectDueAt.getTime() < at.getTime(),
    };
  });

  const totals = zero();
  const byUnit = new Map<string | null, Counts>();
  const byChannel = new Map<string, Counts>();
  for (const a of flagged) {
    for (const c of [totals, getOr(byUnit, a.unitId), getOr(byChannel, a.channel)]) {
      c.open++;
      if (a.dueSoon) c.dueSoon++;
      if (a.overdue) c.overdue++;
      if (a.targetMissed) c.targetMissed++;
      if (a.redirectOverdue) c.redirectOverdue++;
    }
  }

  const redirects = await repo.redirectsBetween(ctx.db, page.id, startOfAlmatyDay(date), at);
  const lateRedirects = redirects.filter((r) => r.late);
  const unitName = new Map(page.units.map((u) => [u.id, u]));
  const item = (a: (typeof flagged)[number]) => ({
    id: a.id,
    number: a.number,
    channel: a.channel,
    unitId: a.unitId,
    executorId: a.executorId,
    status: a.statusAt,
    difficulty: a.difficulty,
    extended: a.extended,
    receivedAt: a.receivedAt.toISOString(),
    legalDueAt: a.legalDueAt?.toISOString() ?? null,
    targetDueAt: a.targetDueAt?.toISOString() ?? null,
    redirectDueAt: a.redirectDueAt?.toISOString() ?? null,
  });
  const list = (pred: (a: (typeof flagged)[number]) => boolean, key: (a: (typeof flagged)[number]) => number) =>
    flagged.filter(pred).sort((x, y) => key(x) - key(y)).slice(0, limit).map(item);
  const due = (a: (typeof flagged)[number]) => a.legalDueAt?.getTime() ?? 0;

  return {
    bodyId: page.id,
    date,
    at: at.toISOString(),
    dueSoonBefore: soon.toISOString(),
    totals: { ...totals, redirectsToday: redirects.length, lateRedirectsToday: lateRedirects.length },
    byUnit: [...byUnit].map(([unitId, c]) => ({ unitId, unitCode: unitId ? (unitName.get(unitId)?.code ?? null) : null, name: unitId ? (unitName.get(unitId)?.name ?? null) : null, ...c })),
    byChannel: [...byChannel].map(([channel, c]) => ({ channel, ...c })).sort((x, y) => x.channel.localeCompare(y.channel)),
    dueSoon: list((a) => a.dueSoon, due),
    overdue: list((a) => a.overdue, due),
    targetMissed: list((a) => a.targetMissed, (a) => a.targetDueAt?.getTime() ?? 0),
    redirectOverdue: list((a) => a.redirectOverdue, (a) => a.redirectDueAt?.getTime() ?? 0),
    lateRedirects: lateRedirects.slice(0, limit).map((r) => ({ id: r.id, number: r.number, channel: r.channel, unitId: r.unitId, redirectDueAt: r.redirectDueAt?.toISOString() ?? null, redirectedAt: r.at.toISOString() })),
  };
}

function getOr<K>(m: Map<K, Counts>, k: K): Counts {
  let c = m.get(k);
  if (!c) m.set(k, (c = zero()));
  return c;
}
