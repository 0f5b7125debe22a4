// Storage of the calendar and the channel standards (Kysely only).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';
import type { CalendarEntry } from './calendar-rules.ts';

export async function calendarRevision(db: Tx): Promise<number> {
  const row = await db.selectFrom('calendarRevision').select('revision').executeTakeFirstOrThrow();
  return Number(row.revision);
}

/**
 * True while the stored calendar is still at `revision` (a number, or a column of the
 * statement's rows): the condition of a statement whose terms were counted on a cached view.
 */
export function calendarRevisionIs(revision: number | RawBuilder<unknown>) {
  return sql<boolean>`exists (select from calendar_revision where revision = ${revision})`;
}

export async function bumpRevision(tx: Tx): Promise<void> {
  await tx.updateTable('calendarRevision').set((eb) => ({ revision: eb('revision', '+', 1) })).execute();
}

export async function isYearGenerated(db: Tx, year: number): Promise<boolean> {
  return !!(await db.selectFrom('calendarYear').select('year').where('year', '=', year).executeTakeFirst());
}

/** Write a generated year once; entries already stored (an administrator's) win. */
export async function storeGeneratedYear(db: Db, year: number, entries: CalendarEntry[], at: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const claimed = await tx.insertInto('calendarYear').values({ year, generatedAt: at }).onConflict((oc) => oc.column('year').doNothing()).returning('year').executeTakeFirst();
    if (!claimed || entries.length === 0) return;
    await tx
      .insertInto('calendarDay')
      .values(entries.map((e) => ({ ...e, origin: 'generated', createdAt: at, createdBy: null })))
      .onConflict((oc) => oc.column('date').doNothing())
      .execute();
  });
}

export async function daysBetween(db: Tx, first: string, last: string) {
  return db.selectFrom('calendarDay').selectAll().where('date', '>=', first).where('date', '<=', last).orderBy('date').execute();
}

export async function upsertDay(tx: Tx, e: CalendarEntry & { origin: 'admin'; createdAt: Date; createdBy: string | null }) {
  return tx
    .insertInto('calendarDay')
    .values(e)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: e.kind, reason: e.reason, source: e.source, origin: e.origin, createdAt: e.createdAt, createdBy: e.createdBy }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDay(tx: Tx, date: string): Promise<boolean> {
  const res = await tx.deleteFrom('calendarDay').where('date', '=', date).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function findChannelStandards(db: Tx, bodyId: string) {
  return db.selectFrom('channelStandard').selectAll().where('bodyId', '=', bodyId).execute();
}

export async function findChannelStandard(db: Tx, bodyId: string, channel: string) {
  return db.selectFrom('channelStandard').selectAll().where('bodyId', '=', bodyId).where('channel', '=', channel).executeTakeFirst();
}

export async function upsertChannelStandard(db: Tx, row: { bodyId: string; channel: string; light: number; medium: number; heavy: number; updatedAt: Date; updatedBy: string | null }) {
  return db
    .insertInto('channelStandard')
    .values(row)
    .onConflict((oc) => oc.columns(['bodyId', 'channel']).doUpdateSet({ light: row.light, medium: row.medium, heavy: row.heavy, updatedAt: row.updatedAt, updatedBy: row.updatedBy }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The body's appeals that were received by `at` and may have been open then, each with
 * its status at `at` (the last status change recorded up to then, else `registered`).
 * Read-only use of the register's tables for the monitoring view.
 */
export async function appealsOpenAt(db: Tx, bodyId: string, at: Date, openStatuses: readonly string[]) {
  const rows = await db
    .selectFrom('appeal as a')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('appealEvent as e')
          .select(sql<string>`e.data->>'to'`.as('toStatus'))
          .whereRef('e.appealId', '=', 'a.id')
          .where('e.at', '<=', at)
          .where(sql<boolean>`e.data ? 'to'`)
          .orderBy('e.id', 'desc')
          .limit(1)
          .as('s'),
      (join) => join.onTrue(),
    )
    .select(['a.id', 'a.number', 'a.channel', 'a.unitId', 'a.executorId', 'a.difficulty', 'a.receivedAt', 'a.legalDueAt', 'a.targetDueAt', 'a.redirectDueAt', 'a.extended', 's.toStatus'])
    .where('a.bodyId', '=', bodyId)
    .where('a.receivedAt', '<=', at)
    // Open now, or changed after `at` (so possibly open then): closed long ago is skipped.
    .where((eb) => eb.or([eb('a.status', 'in', openStatuses), eb.exists(eb.selectFrom('appealEvent as e2').select('e2.id').whereRef('e2.appealId', '=', 'a.id').where('e2.at', '>', at))]))
    .execute();
  return rows.map(({ toStatus, ...r }) => ({ ...r, statusAt: toStatus ?? 'registered' })).filter((r) => openStatuses.includes(r.statusAt));
}

/** Redirects of the body's appeals recorded in [from, to]; `late` as the process recorded it. */
export async function redirectsBetween(db: Tx, bodyId: string, from: Date, to: Date) {
  return db
    .selectFrom('appealEvent as e')
    .innerJoin('appeal as a', 'a.id', 'e.appealId')
    .select(['a.id', 'a.number', 'a.channel', 'a.unitId', 'a.redirectDueAt', 'e.at', sql<boolean>`coalesce((e.data->>'late')::boolean, false)`.as('late')])
    .where('a.bodyId', '=', bodyId)
    .where('e.type', '=', 'appeal.redirected')
    .where('e.at', '>=', from)
    .where('e.at', '<=', to)
    .orderBy('e.at')
    .execute();
}

/** Open appeals whose terms may run over `date`: received by its end, legal term not over before it. */

export async function updateTerms(tx: Tx, id: string, terms: { legalDueAt?: Date; redirectDueAt?: Date; targetDueAt?: Date }) {
  await tx.updateTable('appeal').set(terms).where('id', '=', id).execute();
}

/** The stored entry of a date, locked until the change commits (two changes of one date queue). */
export async function lockDay(tx: Tx, date: string) {
  return tx.selectFrom('calendarDay').select(['kind', 'reason', 'source', 'origin']).where('date', '=', date).forUpdate().executeTakeFirst();
}

export async function listChanges(db: Tx, q: { afterId?: string; limit: number }) {
  let query = db
    .selectFrom('calendarChange as c')
    .innerJoin('calendarRecountJob as j', 'j.id', 'c.recountJobId')
    .select(['c.id', 'c.date', 'c.before', 'c.after', 'c.reason', 'c.changedBy', 'c.changedByLabel', 'c.at', 'c.recountJobId', 'j.status', 'j.processed', 'j.changed', 'j.finishedAt'])
    .orderBy('c.id', 'desc')
    .limit(q.limit + 1);
  if (q.afterId) query = query.where('c.id', '<', q.afterId);
  return query.execute();
}
