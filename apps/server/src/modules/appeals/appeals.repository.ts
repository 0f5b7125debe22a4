// Kysely queries over the register.
import { sql, type InsertObject, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { eventRow, type AppealEventInput, type InlineSubscriber, type Tx } from '../../platform/events.ts';
import type { Database } from '../../db/schema.ts';
import { PREPARED } from '../../db/database.ts';

export function findAppeal(db: Tx, id: string) {
  return db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst();
}

/** For an update: the row locked until the transaction ends. */
export function lockAppeal(tx: Tx, id: string) {
  return tx.selectFrom('appeal').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export interface RepeatProbe {
  iin: string | null;
  email: string | null;
  phone: string | null;
  topicCode: string | null;
  receivedAt: Date;
  excludeId?: string;
}

/**
 * The applicant's latest earlier appeal on the same topic within 12 months: the same ИИН,
 * else the same e-mail or phone. Redirected appeals live on as their copies, so they are
 * skipped. Null when there is nothing to match on. Served by appeal_applicant_iin_idx and
 * the appeal_repeat_email/phone indexes.
 */
export function repeatOfQuery(db: Tx, p: RepeatProbe) {
  if (!p.topicCode || !(p.iin || p.email || p.phone)) return null;
  const { iin, email, phone } = p;
  return db
    .selectFrom('appeal')
    .select('id')
    .where('topicCode', '=', p.topicCode)
    .where((eb) => {
      if (iin) return eb('applicantIin', '=', iin);
      const contacts = [];
      if (email) contacts.push(eb('applicantEmail', '=', email));
      if (phone) contacts.push(eb('applicantPhone', '=', phone));
      return eb.or(contacts);
    })
    .where('receivedAt', '<=', p.receivedAt)
    .where('receivedAt', '>=', sql<Date>`${p.receivedAt}::timestamptz - interval '12 months'`)
    .where('status', '!=', 'redirected')
    .$if(!!p.excludeId, (q) => q.where('id', '!=', p.excludeId!))
    .orderBy('receivedAt', 'desc')
    .limit(1);
}

export async function findRepeatOf(db: Tx, p: RepeatProbe): Promise<string | null> {
  const q = repeatOfQuery(db, p);
  return q ? ((await q.executeTakeFirst())?.id ?? null) : null;
}

export function findAppealByNumber(db: Db, number: string) {
  return db.selectFrom('appeal').selectAll().where('number', '=', number).executeTakeFirst();
}

export function listEvents(db: Db, appealId: string, onlyPublic = false) {
  return db
    .selectFrom('appealEvent')
    .select(['id', 'type', 'at', 'actorId', 'actorRole', 'reason', 'public', 'data'])
    .where('appealId', '=', appealId)
    .$if(onlyPublic, (q) => q.where('public', '=', true))
    .orderBy('id')
    .execute();
}

export interface AppealFilter {
  bodyIds?: string[];
  status?: string[];
  channel?: string[];
  kind?: string[];
  /** A topic and its sub-topics. */
  topicCodes?: string[];
  unitId?: string;
  executorId?: string;
  overdue?: boolean;
  dueSoonBefore?: Date;
  from?: Date;
  to?: Date;
  q?: string;
  now: Date;
  limit: number;
  after?: { receivedAt: Date; id: string };
}

export const LIST_COLUMNS = [
  'id', 'number', 'bodyId', 'channel', 'kind', 'status', 'applicantType', 'applicantName', 'applicantIin', 'applicantBin',
  'applicantEmail', 'applicantPhone', 'language', 'topicCode', 'unitId', 'executorId', 'difficulty', 'receivedAt',
  'legalDueAt', 'targetDueAt', 'redirectDueAt', 'resolution',
] as const;

export function listAppeals(db: Db, f: AppealFilter) {
  const open = ['registered', 'in_work', 'awaiting_applicant'];
  let q = db
    .selectFrom('appeal')
    .select([...LIST_COLUMNS, sql<string>`left(text, 200)`.as('excerpt')])
    .orderBy('receivedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1);
  if (f.bodyIds) q = q.where('bodyId', 'in', f.bodyIds);
  if (f.status?.length) q = q.where('status', 'in', f.status);
  if (f.channel?.length) q = q.where('channel', 'in', f.channel);
  if (f.kind?.length) q = q.where('kind', 'in', f.kind);
  // Plain lists of values, so the composite indexes test them inside the index (no heap visits for rows that fail).
  if (f.topicCodes?.length) q = q.where('topicCode', 'in', f.topicCodes);
  if (f.unitId) q = q.where('unitId', '=', f.unitId);
  if (f.executorId) q = q.where('executorId', '=', f.executorId);
  if (f.overdue) q = q.where('status', 'in', open).where('legalDueAt', '<', f.now);
  if (f.dueSoonBefore) q = q.where('status', 'in', open).where('legalDueAt', '>=', f.now).where('legalDueAt', '<=', f.dueSoonBefore);
  if (f.from) q = q.where('receivedAt', '>=', f.from);
  if (f.to) q = q.where('receivedAt', '<', f.to);
  if (f.q && /^[A-Za-z]{1,10}-\d{4}-\d{6}$/.test(f.q)) {
    // A registration number (AST-2026-000123) is looked up as such, not as words.
    q = q.where('number', '=', f.q.toUpperCase());
  } else if (f.q) {
    const text = f.q;
    // Russian by stemmed full text; Kazakh (no stemmer) and typos by trigram similarity.
    q = q.where((eb) => eb.or([sql<boolean>`search @@ websearch_to_tsquery('russian', ${text})`, sql<boolean>`text ilike ${'%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`]));
  }
  if (f.after) {
    const { receivedAt, id } = f.after;
    // A row comparison, so the index scan starts at the cursor instead of filtering up to it.
    q = q.where((eb) => eb(eb.refTuple('receivedAt', 'id'), '<', eb.tuple(receivedAt, id)));
  }
  return q.execute();
}

const snakeNames = new Map<string, string>();
const snakeCase = (key: string) => {
  let name = snakeNames.get(key);
  if (!name) snakeNames.set(key, (name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return name;
};

/**
 * Intake in one statement: the next registration number of the body and year, the appeal,
 * its `appeal.registered` event (whose data gets the number and repeatOfId) and what the
 * event's inline subscribers add (the receipt to the applicant). The counter row queues
 * the body's intake until COMMIT, so every round trip saved after taking it raises how
 * many appeals one body can register per second. Written as SQL rather than built with
 * Kysely's builder, which cost a third of the platform's CPU per intake; prepared, since
 * its text varies only with the inline subscribers and the repeat probe.
 */
export async function insertRegisteredAppeal(
  tx: Tx,
  p: {
    bodyId: string;
    prefix: string;
    year: number;
    appeal: Omit<InsertObject<Database, 'appeal'>, 'number' | 'bodyId'>;
    event: Omit<AppealEventInput, 'appealId'>;
    inline: InlineSubscriber[];
    /**
     * The request's Idempotency-Key, kept with the answer in the same statement. A key taken
     * meanwhile fails the statement with a unique violation on idempotency_key_pkey (see
     * isIdempotencyKeyTaken), which undoes the number and the appeal: the caller replays.
     */
    idempotency?: { key: string; fingerprint: string; accessCode: string; receivedAt: string; at: Date };
    /**
     * What must still hold when the statement runs (the calendar the terms were counted on):
     * when it does not, nothing is written and undefined is returned, for the caller to count again.
     */
    holds: RawBuilder<boolean>;
  },
): Promise<{ id: string; status: string; number: string; repeatOfId: string | null; eventId: number } | undefined> {
  const e = eventRow({ ...p.event, appealId: '' }); // appeal_id: the new appeal's, from the statement
  const columns = Object.keys(p.appeal) as (keyof typeof p.appeal)[];
  // Column names from our own keys, and plain values: a tenth of the compile cost of sql.ref/sql``.
  const names = sql.raw(columns.map(snakeCase).join(', '));
  const inline = p.inline.flatMap((fn) => fn(p.event) ?? []);
  const k = p.idempotency;
  const { rows } = await sql<{ id: string; status: string; number: string; repeatOfId: string | null; eventId: number }>`${sql.raw(PREPARED)}
    with n as (
      insert into appeal_number as c (body_id, year, last) select ${p.bodyId}, ${p.year}, 1 where ${p.holds}
      on conflict (body_id, year) do update set last = c.last + 1
      returning last),
    a as (
      insert into appeal (number, body_id, ${names})
      select ${`${p.prefix}-${p.year}-`} || lpad(n.last::text, 6, '0'), ${p.bodyId}, ${sql.join(columns.map((k) => p.appeal[k]))} from n
      returning id, status, number, repeat_of_id, body_id),
    e as (
      insert into appeal_event (appeal_id, type, at, actor_id, actor_role, reason, public, data)
      select a.id, ${e.type}, ${e.at}, ${e.actorId}, ${e.actorRole}, ${e.reason}, ${e.public},
             ${JSON.stringify(e.data)}::jsonb || jsonb_strip_nulls(jsonb_build_object('number', a.number, 'repeatOfId', a.repeat_of_id))
        from a
      returning id)
    ${sql.join(inline.map((q, i) => sql`, ${sql.raw(`s${i}`)} as (${q})`), sql``)}
    ${k ? sql`, k as (
      insert into idempotency_key (key, fingerprint, appeal_id, response, created_at)
      select ${k.key}, ${k.fingerprint}, a.id,
             jsonb_build_object('id', a.id, 'number', a.number, 'accessCode', ${k.accessCode}::text, 'status', a.status, 'receivedAt', ${k.receivedAt}::text), ${k.at}
        from a)` : sql``}
    select a.id, a.status, a.number, a.repeat_of_id, e.id as event_id from a, e`.execute(tx);
  return rows[0];
}

/** The error of insertRegisteredAppeal when its Idempotency-Key was taken by another request. */
export function isIdempotencyKeyTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'idempotency_key_pkey';
}
