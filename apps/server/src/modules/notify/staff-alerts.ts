// What staff are told: a new appeal in my queue (on assignment), an appeal due within two
// working days, an overdue one — to the executor, a working day later to the unit's head
// (else the body's deputies), two working days later to the body's head — and a digest at
// 09:00 Asia/Almaty on working days of what is due and overdue. Alerts are computed by a
// periodic sweep; a dedupe key per alert makes every node's sweep safe to repeat.
import type { AppContext } from '../../app-context.ts';
import type { AppealEventInput } from '../../platform/events.ts';
import type { Tx } from '../../platform/events.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import { addWorkingDays, almatyDate, dueSoonBefore, endOfAlmatyDay, isWorkingDay } from '../deadlines/index.ts';
import { queueStaffNotification } from './notify.service.ts';

/** Working days after the due date at which an overdue appeal goes one level up. */
export const ESCALATION_WORKING_DAYS = [0, 1, 2] as const;
export const DIGEST_HOUR_ALMATY = 9;
const DIGEST_ITEMS = 20;
/** Appeals overdue longer than this are the digest's and the monitoring's business, not a fresh alert's. */
const ALERT_LOOKBACK_MS = 90 * 86_400_000;

/** A new appeal in my queue: the executor it was assigned to hears of it, unless they did it themselves. */
export async function notifyAssignment(tx: Tx, e: AppealEventInput & { id: number }): Promise<void> {
  const executorId = e.data?.executorId;
  if (typeof executorId !== 'string' || executorId === e.actor?.id) return;
  const appeal = await tx.selectFrom('appeal').select(['number', 'legalDueAt']).where('id', '=', e.appealId).executeTakeFirst();
  if (!appeal) return;
  await queueStaffNotification(tx, {
    userId: executorId,
    template: 'staff.assigned',
    appealId: e.appealId,
    payload: { number: appeal.number, legalDueAt: appeal.legalDueAt?.toISOString() ?? null },
    at: e.at,
    dedupeKey: `assigned:${e.id}:${executorId}`,
  });
}

interface DueAppeal {
  id: string;
  number: string;
  bodyId: string;
  unitId: string | null;
  executorId: string | null;
  executorName: string | null;
  legalDueAt: Date;
}

async function dueAppeals(ctx: AppContext, now: Date, before: Date): Promise<DueAppeal[]> {
  const rows = await ctx.db
    .selectFrom('appeal as a')
    .leftJoin('staffUser as e', 'e.id', 'a.executorId')
    .select(['a.id', 'a.number', 'a.bodyId', 'a.unitId', 'a.executorId', 'e.name as executorName', 'a.legalDueAt'])
    .where('a.status', 'in', [...OPEN_STATUSES])
    .where('a.legalDueAt', '<=', before)
    .where('a.legalDueAt', '>', new Date(now.getTime() - ALERT_LOOKBACK_MS))
    .orderBy('a.legalDueAt')
    .execute();
  return rows as DueAppeal[];
}

interface Supervisor {
  id: string;
  bodyId: string;
  unitId: string | null;
  role: string;
}

async function supervisorsOf(ctx: AppContext, bodyIds: string[]): Promise<Supervisor[]> {
  if (bodyIds.length === 0) return [];
  return ctx.db
    .selectFrom('staffUser')
    .select(['id', 'bodyId', 'unitId', 'role'])
    .where('active', '=', true)
    .where('role', 'in', ['head', 'deputy', 'comms_officer'])
    .where('bodyId', 'in', bodyIds)
    .execute();
}

/** Who hears of an overdue appeal at each level of escalation. */
function overdueRecipients(a: DueAppeal, level: number, sup: Supervisor[]): string[] {
  const ofBody = sup.filter((s) => s.bodyId === a.bodyId);
  if (level === 0) return a.executorId ? [a.executorId] : ofBody.filter((s) => s.role === 'comms_officer').map((s) => s.id);
  if (level === 1) {
    const unitHeads = ofBody.filter((s) => a.unitId && s.unitId === a.unitId && (s.role === 'head' || s.role === 'deputy'));
    return (unitHeads.length ? unitHeads : ofBody.filter((s) => s.role === 'deputy' && !s.unitId)).map((s) => s.id);
  }
  return ofBody.filter((s) => s.role === 'head' && !s.unitId).map((s) => s.id);
}

/** Queue the due-soon and overdue alerts that are due now and were not queued before. */
export async function queueDeadlineAlerts(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const appeals = await dueAppeals(ctx, now, await dueSoonBefore(ctx, now));
  if (appeals.length === 0) return 0;
  const sup = await supervisorsOf(ctx, [...new Set(appeals.map((a) => a.bodyId))]);
  const wanted: Array<{ key: string; userId: string; template: string; a: DueAppeal; level?: number }> = [];
  for (const a of appeals) {
    const due = a.legalDueAt.toISOString();
    if (a.legalDueAt >= now) {
      if (a.executorId) wanted.push({ key: `due_soon:${a.id}:${a.executorId}:${due}`, userId: a.executorId, template: 'staff.due_soon', a });
      continue;
    }
    for (const [level, days] of ESCALATION_WORKING_DAYS.entries()) {
      const from = days === 0 ? a.legalDueAt : endOfAlmatyDay(await addWorkingDays(ctx, almatyDate(a.legalDueAt), days));
      if (now <= from && days > 0) break;
      for (const userId of overdueRecipients(a, level, sup)) wanted.push({ key: `overdue:${a.id}:${level}:${userId}:${due}`, userId, template: 'staff.overdue', a, level });
    }
  }
  // One look at which keys exist, so a sweep over thousands of overdue appeals is a few queries.
  const existing = new Set<string>();
  for (let i = 0; i < wanted.length; i += 1000) {
    const keys = wanted.slice(i, i + 1000).map((w) => w.key);
    const rows = await ctx.db.selectFrom('notification').select('dedupeKey').where('dedupeKey', 'in', keys).execute();
    for (const r of rows) existing.add(r.dedupeKey!);
  }
  let queued = 0;
  for (const w of wanted) {
    if (existing.has(w.key)) continue;
    const id = await queueStaffNotification(ctx.db, {
      userId: w.userId,
      template: w.template,
      appealId: w.a.id,
      payload: { number: w.a.number, legalDueAt: w.a.legalDueAt.toISOString(), ...(w.level !== undefined ? { level: w.level, executorName: w.a.executorName } : {}) },
      at: now,
      dedupeKey: w.key,
    });
    if (id) queued++;
  }
  return queued;
}

/**
 * The 09:00 digest, once per working day across all nodes: the node that records the day's
 * run queues every digest in the same transaction (a crash rolls both back; another node retries).
 */
export async function queueDailyDigests(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const today = almatyDate(now);
  const almatyHour = new Date(now.getTime() + 5 * 3_600_000).getUTCHours();
  if (almatyHour < DIGEST_HOUR_ALMATY || !(await isWorkingDay(ctx, today))) return 0;
  const soonBefore = await dueSoonBefore(ctx, now);
  return ctx.db.transaction().execute(async (tx) => {
    const claimed = await tx.insertInto('notifyJobRun').values({ job: 'digest', runKey: today, at: now }).onConflict((oc) => oc.columns(['job', 'runKey']).doNothing()).returning('job').executeTakeFirst();
    if (!claimed) return 0;
    const appeals = await dueAppeals(ctx, now, soonBefore);
    const sup = await supervisorsOf(ctx, [...new Set(appeals.map((a) => a.bodyId))]);
    const perPerson = new Map<string, DueAppeal[]>();
    const add = (userId: string, a: DueAppeal) => perPerson.set(userId, [...(perPerson.get(userId) ?? []), a]);
    for (const a of appeals) {
      if (a.executorId) add(a.executorId, a);
      // Heads, deputies and the communications office watch the whole body.
      for (const s of sup) if (s.bodyId === a.bodyId && s.id !== a.executorId && (!s.unitId || s.unitId === a.unitId)) add(s.id, a);
    }
    const optedOut = perPerson.size
      ? new Set((await tx.selectFrom('staffPreference').select('userId').where('digest', '=', false).where('userId', 'in', [...perPerson.keys()]).execute()).map((r) => r.userId))
      : new Set<string>();
    let queued = 0;
    for (const [userId, items] of perPerson) {
      if (optedOut.has(userId)) continue;
      const overdue = items.filter((a) => a.legalDueAt < now);
      const id = await queueStaffNotification(tx, {
        userId,
        template: 'staff.digest',
        payload: {
          date: now.toISOString(),
          dueSoon: items.length - overdue.length,
          overdue: overdue.length,
          items: items.slice(0, DIGEST_ITEMS).map((a) => ({ number: a.number, legalDueAt: a.legalDueAt.toISOString(), overdue: a.legalDueAt < now })),
          more: Math.max(0, items.length - DIGEST_ITEMS),
        },
        at: now,
        dedupeKey: `digest:${userId}:${today}`,
      });
      if (id) queued++;
    }
    return queued;
  });
}
