// The exchange's queries (Kysely only). The module writes only its own tables; it reads the
// appeals it reports on.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';
import type { Difference } from './exchange.tables.ts';

export type System = 'eotinish' | 'egov';

// ---- systems ----
export const findSystem = (db: Tx, system: string) => db.selectFrom('exchangeSystem').selectAll().where('system', '=', system).executeTakeFirst();
export const listSystemRows = (db: Tx) => db.selectFrom('exchangeSystem').select(['system', 'url', 'createdAt', 'updatedAt']).orderBy('system').execute();

export async function upsertSystem(db: Tx, row: { system: string; url: string; secretSealed: string; at: Date }): Promise<void> {
  await db
    .insertInto('exchangeSystem')
    .values({ system: row.system, url: row.url, secretSealed: row.secretSealed, createdAt: row.at, updatedAt: row.at })
    .onConflict((oc) => oc.column('system').doUpdateSet({ url: row.url, secretSealed: row.secretSealed, updatedAt: row.at }))
    .execute();
}

export async function deleteSystem(db: Tx, system: string): Promise<boolean> {
  const res = await db.deleteFrom('exchangeSystem').where('system', '=', system).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

// ---- links ----
export async function findLinkByExternal(db: Tx, system: string, externalId: string) {
  return db
    .selectFrom('exchangeLink as l')
    .innerJoin('appeal as a', 'a.id', 'l.appealId')
    .select(['l.appealId as id', 'a.number'])
    .where('l.system', '=', system)
    .where('l.externalId', '=', externalId)
    .executeTakeFirst();
}

export const findLinkOfAppeal = (db: Tx, appealId: string) => db.selectFrom('exchangeLink').selectAll().where('appealId', '=', appealId).executeTakeFirst();

export async function insertLink(db: Tx, row: { appealId: string; system: string; externalId: string; externalNumber: string | null; direction: 'inbound' | 'outbound'; bodyId: string; at: Date }, opts: { orKeep?: boolean } = {}): Promise<void> {
  let q = db
    .insertInto('exchangeLink')
    .values({ appealId: row.appealId, system: row.system, externalId: row.externalId, externalNumber: row.externalNumber, direction: row.direction, bodyId: row.bodyId, createdAt: row.at });
  // A registration answered twice (sent again after a crash before it was recorded) keeps the first link.
  if (opts.orKeep) q = q.onConflict((oc) => oc.column('appealId').doNothing());
  await q.execute();
}

/** Unique violation of (system, external_id) or of the appeal's link: the same appeal already came. */
export const isDuplicateLink = (err: unknown) => (err as { code?: string; constraint?: string }).code === '23505' && /exchange_link/.test((err as { constraint?: string }).constraint ?? '');

// ---- body settings ----
export async function setRegisterOwn(db: Tx, bodyId: string, on: boolean, at: Date): Promise<void> {
  await db
    .insertInto('exchangeBodySetting')
    .values({ bodyId, registerOwnInEotinish: on, updatedAt: at })
    .onConflict((oc) => oc.column('bodyId').doUpdateSet({ registerOwnInEotinish: on, updatedAt: at }))
    .execute();
}

export async function registersOwn(db: Tx, bodyId: string): Promise<boolean> {
  const row = await db.selectFrom('exchangeBodySetting').select('registerOwnInEotinish').where('bodyId', '=', bodyId).executeTakeFirst();
  return row?.registerOwnInEotinish ?? false;
}

// ---- outbound ----
export interface OutboundRow {
  id: number;
  system: string;
  appealId: string;
  eventId: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  createdAt: Date;
}

export async function queueOutbound(db: Tx, row: { system: string; appealId: string; eventId: number; kind: 'register' | 'event'; payload: Record<string, unknown>; at: Date }): Promise<void> {
  await db
    .insertInto('exchangeOutbound')
    .values({ system: row.system, appealId: row.appealId, eventId: row.eventId, kind: row.kind, payload: row.payload, createdAt: row.at, nextAttemptAt: row.at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The systems an appeal is exchanged with: its link, or a registration still on its way. */
export async function systemsOfAppeal(db: Tx, appealId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('exchangeLink')
    .select('system')
    .where('appealId', '=', appealId)
    .union(db.selectFrom('exchangeOutbound').select('system').where('appealId', '=', appealId).where('kind', '=', 'register'))
    .execute();
  return rows.map((r) => r.system);
}

/**
 * Claim due rows: queued ones whose time has come and 'sending' ones whose lease ran out. An
 * appeal's messages go in order: a row waits while an earlier one of the same appeal and
 * system is unsent (the other side must see "answered" after "in work").
 */
export async function claimOutbound(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<OutboundRow[]> {
  const res = await sql<OutboundRow>`
    update exchange_outbound o set status = 'sending', attempts = o.attempts + 1, lease_until = ${leaseUntil}
      from (select x.id from exchange_outbound x
             where x.status in ('queued', 'sending') and x.next_attempt_at <= ${now}
               and (x.status = 'queued' or x.lease_until <= ${now})
               and not exists (select 1 from exchange_outbound p
                                where p.appeal_id = x.appeal_id and p.system = x.system and p.id < x.id and p.status in ('queued', 'sending'))
             order by x.next_attempt_at, x.id
             limit ${limit}
             for update skip locked) c
     where o.id = c.id
     returning o.id, o.system, o.appeal_id as "appealId", o.event_id as "eventId", o.kind, o.payload, o.attempts, o.created_at as "createdAt"`.execute(db);
  return res.rows.map((r) => ({ ...r, id: Number(r.id), eventId: Number(r.eventId) }));
}

export async function markSent(db: Tx, claim: { id: number; attempts: number }, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('exchangeOutbound')
    .set({ status: 'sent', sentAt: at, leaseUntil: null, lastError: null })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function markRetry(db: Tx, claim: { id: number; attempts: number }, next: Date, error: string): Promise<void> {
  await db
    .updateTable('exchangeOutbound')
    .set({ status: 'queued', nextAttemptAt: next, leaseUntil: null, lastError: error.slice(0, 500) })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .execute();
}

export async function markRejected(db: Tx, claim: { id: number; attempts: number }, error: string): Promise<void> {
  await db
    .updateTable('exchangeOutbound')
    .set({ status: 'rejected', leaseUntil: null, lastError: error.slice(0, 500) })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .execute();
}

export async function releaseClaims(db: Tx, claims: Array<{ id: number; attempts: number }>, now: Date): Promise<void> {
  for (const c of claims) {
    await db.updateTable('exchangeOutbound').set({ status: 'queued', nextAttemptAt: now, leaseUntil: null }).where('id', '=', c.id).where('status', '=', 'sending').where('attempts', '=', c.attempts).execute();
  }
}

export async function listOutbound(db: Tx, bodyId: string, q: { status?: string; limit: number }) {
  let query = db
    .selectFrom('exchangeOutbound as o')
    .innerJoin('appeal as a', 'a.id', 'o.appealId')
    .select(['o.id', 'o.system', 'o.kind', 'o.eventId', 'o.status', 'o.attempts', 'o.nextAttemptAt', 'o.lastError', 'o.createdAt', 'o.sentAt', 'a.number', 'o.payload'])
    .where('a.bodyId', '=', bodyId);
  if (q.status) query = query.where('o.status', '=', q.status);
  return query.orderBy('o.id', 'desc').limit(q.limit).execute();
}

/** What the register holds of an appeal, for a registration message. */
export async function appealForExport(db: Tx, appealId: string) {
  return db
    .selectFrom('appeal as a')
    .innerJoin('body as b', 'b.id', 'a.bodyId')
    .select([
      'a.id', 'a.number', 'a.kind', 'a.text', 'a.channel', 'a.status', 'a.receivedAt', 'a.language', 'a.applicantType', 'a.applicantName', 'a.applicantIin',
      'a.applicantBin', 'a.applicantEmail', 'a.applicantPhone', 'a.preferredAnswer', 'a.address', 'a.confidential', 'b.code as bodyCode', 'a.bodyId',
    ])
    .where('a.id', '=', appealId)
    .executeTakeFirst();
}

export const statusOfAppeal = async (db: Tx, appealId: string) =>
  (await db.selectFrom('appeal').select(['status', 'number']).where('id', '=', appealId).executeTakeFirstOrThrow());

// ---- reconciliation ----
/** Our side of a day: every appeal exchanged with the system received that Almaty day. */
export async function exchangedOnDay(db: Tx, system: string, day: string) {
  return db
    .selectFrom('exchangeLink as l')
    .innerJoin('appeal as a', 'a.id', 'l.appealId')
    .innerJoin('body as b', 'b.id', 'a.bodyId')
    .select(['l.externalId', 'a.number', 'a.status', 'a.bodyId', 'b.code as bodyCode'])
    .where('l.system', '=', system)
    .where(sql<boolean>`(a.received_at at time zone 'Asia/Almaty')::date = ${day}::date`)
    .execute();
}

export async function bodyIdsByCode(db: Tx, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await db.selectFrom('body').select(['id', 'code']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function saveReconciliation(
  db: Tx,
  r: { system: string; day: string; at: Date; ok: boolean; error: string | null; bodies: Array<{ bodyId: string; ours: Record<string, number>; theirs: Record<string, number>; differences: Difference[] }> },
): Promise<number> {
  const row = await db
    .insertInto('exchangeReconciliation')
    .values({ system: r.system, day: r.day, ranAt: r.at, ok: r.ok, error: r.error })
    .onConflict((oc) => oc.columns(['system', 'day']).doUpdateSet({ ranAt: r.at, ok: r.ok, error: r.error }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.deleteFrom('exchangeReconciliationBody').where('reconciliationId', '=', row.id).execute();
  if (r.bodies.length) {
    await db
      .insertInto('exchangeReconciliationBody')
      .values(r.bodies.map((b) => ({ reconciliationId: row.id, bodyId: b.bodyId, ours: b.ours, theirs: b.theirs, differences: JSON.stringify(b.differences) })))
      .execute();
  }
  return row.id;
}

export const reconciledDays = (db: Tx, day: string) => db.selectFrom('exchangeReconciliation').select(['system', 'ok']).where('day', '=', day).execute();

export async function listReconciliations(db: Tx, bodyId: string, q: { from: string; to: string }) {
  return db
    .selectFrom('exchangeReconciliation as r')
    .leftJoin('exchangeReconciliationBody as rb', (j) => j.onRef('rb.reconciliationId', '=', 'r.id').on('rb.bodyId', '=', bodyId))
    .select(['r.id', 'r.system', sql<string>`r.day::text`.as('day'), 'r.ranAt', 'r.ok', 'r.error', 'rb.ours', 'rb.theirs', 'rb.differences'])
    .where('r.day', '>=', q.from)
    .where('r.day', '<=', q.to)
    .orderBy('r.day', 'desc')
    .orderBy('r.system')
    .limit(200)
    .execute();
}

// ---- duplicates ----
/**
 * Candidates: an appeal exchanged in the last `sinceDays` and another appeal of the same
 * body and applicant (IIN, e-mail or phone) through another channel, received within
 * `windowDays` calendar days either side, whose texts are alike by trigram similarity
 * (pg_trgm). The caller keeps those within 3 working days.
 */
export async function duplicateCandidates(db: Tx, since: Date, windowDays: number, threshold: number) {
  const res = await sql<{ exchangedId: string; otherId: string; bodyId: string; similarity: number; exchangedAt: Date; otherAt: Date }>`
    select e.id as "exchangedId", o.id as "otherId", e.body_id as "bodyId", similarity(e.text, o.text)::real as similarity,
           e.received_at as "exchangedAt", o.received_at as "otherAt"
      from exchange_link l
      join appeal e on e.id = l.appeal_id
      join appeal o on o.body_id = e.body_id and o.id <> e.id
                   and o.channel not in ('eotinish', 'egov')
                   and o.received_at between e.received_at - make_interval(days => ${windowDays}) and e.received_at + make_interval(days => ${windowDays})
                   and ((e.applicant_iin is not null and o.applicant_iin = e.applicant_iin)
                     or (e.applicant_email is not null and o.applicant_email = e.applicant_email)
                     or (e.applicant_phone is not null and o.applicant_phone = e.applicant_phone))
     where l.direction = 'inbound' and l.created_at >= ${since}
       and not e.confidential and not o.confidential
       and similarity(e.text, o.text) >= ${threshold}
       and not exists (select 1 from exchange_duplicate d where d.exchanged_appeal_id = e.id and d.other_appeal_id = o.id)`.execute(db);
  return res.rows;
}

export async function insertDuplicates(db: Tx, rows: Array<{ bodyId: string; exchangedAppealId: string; otherAppealId: string; similarity: number; at: Date }>): Promise<number> {
  if (!rows.length) return 0;
  const res = await db
    .insertInto('exchangeDuplicate')
    .values(rows.map((r) => ({ bodyId: r.bodyId, exchangedAppealId: r.exchangedAppealId, otherAppealId: r.otherAppealId, similarity: r.similarity, foundAt: r.at })))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}

export async function listDuplicateRows(db: Tx, bodyId: string, q: { status: string; limit: number }) {
  return db
    .selectFrom('exchangeDuplicate as d')
    .innerJoin('appeal as e', 'e.id', 'd.exchangedAppealId')
    .innerJoin('appeal as o', 'o.id', 'd.otherAppealId')
    .leftJoin('exchangeLink as l', 'l.appealId', 'd.exchangedAppealId')
    .select([
      'd.id', 'd.similarity', 'd.status', 'd.foundAt', 'd.dismissedAt',
      'e.id as exchangedId', 'e.number as exchangedNumber', 'e.channel as exchangedChannel', 'e.receivedAt as exchangedReceivedAt', 'e.text as exchangedText', 'e.status as exchangedStatus',
      'o.id as otherId', 'o.number as otherNumber', 'o.channel as otherChannel', 'o.receivedAt as otherReceivedAt', 'o.text as otherText', 'o.status as otherStatus',
      'l.externalNumber',
    ])
    .where('d.bodyId', '=', bodyId)
    .where('d.status', '=', q.status)
    .orderBy('d.id', 'desc')
    .limit(q.limit)
    .execute();
}

export async function dismissDuplicate(db: Tx, bodyId: string, id: number, staffId: string, at: Date): Promise<boolean> {
  const res = await db
    .updateTable('exchangeDuplicate')
    .set({ status: 'dismissed', dismissedBy: staffId, dismissedAt: at })
    .where('id', '=', id)
    .where('bodyId', '=', bodyId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
