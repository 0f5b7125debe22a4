// Kysely queries over the register.
import { OPEN_STATUSES } from '@tyndau/contracts';
import { sql, type RawBuilder, type Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AppealTable } from './appeals.tables.ts';
import { eventRow, type AppealEventInput, type InlineSubscriber, type Tx } from '../../platform/events.ts';
import { PREPARED } from '../../db/database.ts';
import { calendarRevisionIs } from '../deadlines/index.ts';

export function findAppeal(db: Tx, id: string) {
  return db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * What other modules' use cases set on an appeal besides its status (which moves only through
 * moveAppeal): the assignment, an extended legal term, the applicant's rating.
 */
export type AppealFacts = Pick<Updateable<AppealTable>, 'executorId' | 'unitId' | 'legalDueAt' | 'extended' | 'satisfaction'>;

export async function updateAppeal(tx: Tx, id: string, facts: AppealFacts): Promise<void> {
  await tx.updateTable('appeal').set(facts).where('id', '=', id).execute();
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
  confidential: boolean;
  bodyId: string;
}

type Expr = RawBuilder<unknown>;

/**
 * The applicant's latest earlier appeal on the same topic within 12 months: the same ИИН,
 * else the same e-mail or phone. Redirected appeals live on as their copies, so they are
 * skipped. Null when there is nothing to match on. An SQL expression over the probe's
 * expressions, so intake can ask it for each row of its statement. Served by
 * appeal_applicant_iin_received_idx and the appeal_repeat_email/phone indexes.
 */
function latestRepeat(p: { iin: Expr; email: Expr; phone: Expr; topicCode: Expr; receivedAt: Expr; excludeId: Expr; confidential: Expr; bodyId: Expr }) {
  // One probe per way of knowing the applicant, each an equality on the leading columns of
  // its index, which also gives the order. Intake's statement is prepared, so its plan is
  // made once, maybe on a register without statistics yet, and must be right for any
  // register: the 12-month bound is written so no index can take it, or the planner may
  // walk appeal_received_idx through every appeal of the year, looking for this applicant's.
  const latest = (applicant: RawBuilder<unknown>) => sql`(select p.id, p.received_at from appeal p
      where ${applicant} and p.topic_code = ${p.topicCode} and p.received_at <= ${p.receivedAt} and p.received_at + interval '12 months' >= ${p.receivedAt}
        and p.status <> 'redirected' and p.id is distinct from ${p.excludeId}
        -- Never a link between a confidential appeal and an ordinary one (it would lead from a
        -- trust-phone report to the caller's name); confidential ones link within their body only.
        and p.confidential = ${p.confidential} and (not p.confidential or p.body_id = ${p.bodyId})
      order by p.received_at desc limit 1)`;
  return sql<string | null>`case when ${p.iin} is not null
    then (select x.id from ${latest(sql`p.applicant_iin = ${p.iin}`)} x)
    else (select x.id from (${latest(sql`p.applicant_email = ${p.email}`)} union all ${latest(sql`p.applicant_phone = ${p.phone}`)}) x
           order by x.received_at desc limit 1) end`;
}

export async function findRepeatOf(db: Tx, p: RepeatProbe): Promise<string | null> {
  const found = latestRepeat({
    iin: sql`${p.iin}::text`,
    email: sql`${p.email}::text`,
    phone: sql`${p.phone}::text`,
    topicCode: sql`${p.topicCode}::text`,
    receivedAt: sql`${p.receivedAt}::timestamptz`,
    excludeId: sql`${p.excludeId ?? null}::uuid`,
    confidential: sql`${p.confidential}::boolean`,
    bodyId: sql`${p.bodyId}::uuid`,
  });
  return (await sql<{ id: string | null }>`select ${found} as id`.execute(db)).rows[0]?.id ?? null;
}

export function findAppealByNumber(db: Db, number: string) {
  return db.selectFrom('appeal').selectAll().where('number', '=', number).executeTakeFirst();
}

/** Events that are a log of reads, listed apart (GET /appeals/{id}/reads), never in the history. */
export const READ_EVENT_TYPES = ['appeal.card_read'];

export function listEvents(db: Db, appealId: string, onlyPublic = false) {
  return db
    .selectFrom('appealEvent')
    .select(['id', 'type', 'at', 'actorId', 'actorRole', 'reason', 'public', 'data'])
    .where('appealId', '=', appealId)
    .where('type', 'not in', READ_EVENT_TYPES)
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
  'legalDueAt', 'targetDueAt', 'redirectDueAt', 'resolution', 'confidential',
] as const;

export function listAppeals(db: Db, f: AppealFilter) {
  const open = OPEN_STATUSES;
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

type IntakeColumn =
  | 'accessCodeHash' | 'channel' | 'kind' | 'applicantType' | 'applicantName' | 'applicantIin' | 'applicantBin' | 'applicantEmail' | 'applicantPhone'
  | 'preferredAnswer' | 'language' | 'text' | 'topicCode' | 'address' | 'lat' | 'lon' | 'receivedAt' | 'registeredAt' | 'registeredBy';
/** Set at intake: a trust-phone appeal is confidential from its first moment. */
type IntakeFlags = { confidential: boolean };

/** A new appeal as intake writes it: everything but its number, which the statement takes. */
export interface IntakeRow {
  id: string;
  bodyId: string;
  /** The number is `${prefix}-${year}-NNNNNN`. */
  prefix: string;
  year: number;
  /** The calendar revision its terms were counted on (see calendarRevisionIs). */
  calendarRevision: number;
  /** The appeal's columns as received; the rest are set by the statement or later. */
  appeal: Pick<AppealTable, IntakeColumn> & IntakeFlags & { legalDueAt: Date; redirectDueAt: Date };
  event: Omit<AppealEventInput, 'appealId'>;
  /**
   * The request's Idempotency-Key, kept with the answer by the same statement. A key taken
   * meanwhile fails the statement with a unique violation on idempotency_key_pkey (see
   * isIdempotencyKeyTaken), which undoes the numbers and the appeals: the caller replays.
   */
  idempotency?: { key: string; fingerprint: string; accessCodeSealed: string; receivedAt: string };
}

export interface WrittenAppeal {
  id: string;
  status: string;
  number: string;
  repeatOfId: string | null;
  eventId: number;
}

/** The statement's input: one JSON record per appeal (jsonb_to_recordset below). */
function intakeRecord(r: IntakeRow, seq: number) {
  const a = r.appeal;
  const e = eventRow({ ...r.event, appealId: r.id });
  return {
    id: r.id, seq, body_id: r.bodyId, year: r.year, prefix: r.prefix, calendar_revision: r.calendarRevision,
    access_code_hash: a.accessCodeHash, channel: a.channel, kind: a.kind, applicant_type: a.applicantType, applicant_name: a.applicantName,
    applicant_iin: a.applicantIin, applicant_bin: a.applicantBin, applicant_email: a.applicantEmail, applicant_phone: a.applicantPhone,
    preferred_answer: a.preferredAnswer, confidential: a.confidential, language: a.language, text: a.text, topic_code: a.topicCode, address: a.address, lat: a.lat, lon: a.lon,
    received_at: a.receivedAt, registered_at: a.registeredAt, registered_by: a.registeredBy, legal_due_at: a.legalDueAt, redirect_due_at: a.redirectDueAt,
    event_type: e.type, event_at: e.at, actor_id: e.actorId, actor_role: e.actorRole, event_reason: e.reason, event_public: e.public, event_data: e.data,
    idempotency_key: r.idempotency?.key ?? null, idempotency_fingerprint: r.idempotency?.fingerprint ?? null,
    idempotency_response: r.idempotency ? { accessCodeSealed: r.idempotency.accessCodeSealed, receivedAt: r.idempotency.receivedAt } : null,
  };
}

/**
 * Intake of one or many appeals in one statement: each body's next registration numbers,
 * the appeals, their `appeal.registered` events (whose data gets the number and
 * repeatOfId), what the event's inline subscribers add (the receipt), and the
 * Idempotency-Keys. The body's counter row queues that body's intake until COMMIT, so a
 * statement (and a commit) for many appeals at once is what lets intake keep up under
 * load (see intake-queue.ts). The text never varies, so it is prepared once per
 * connection; the rows travel as one JSON parameter. A row whose calendar revision is no
 * longer current is not written (and absent from the result): its terms must be counted again.
 */
export async function insertRegisteredAppeals(tx: Tx, rows: IntakeRow[], inline: InlineSubscriber[]): Promise<Map<string, WrittenAppeal>> {
  const records = JSON.stringify(rows.map(intakeRecord));
  const subscribed = inline.map((s, i) => {
    const added = rows.flatMap((r) => {
      const row = s.row(r.event);
      return row ? [{ ...row, appeal_id: r.id }] : [];
    });
    return sql`, ${sql.raw(`s${i}`)} as (${s.insert(sql`${JSON.stringify(added)}::jsonb`)})`;
  });
  const { rows: written } = await sql<WrittenAppeal>`${sql.raw(PREPARED)}
    with r as (
      select * from jsonb_to_recordset(${records}::jsonb) as r(
        id uuid, seq int, body_id uuid, year int, prefix text, calendar_revision bigint,
        access_code_hash text, channel text, kind text, applicant_type text, applicant_name text,
        applicant_iin text, applicant_bin text, applicant_email text, applicant_phone text,
        preferred_answer text, confidential boolean, language text, text text, topic_code text, address text, lat float8, lon float8,
        received_at timestamptz, registered_at timestamptz, registered_by uuid, legal_due_at timestamptz, redirect_due_at timestamptz,
        event_type text, event_at timestamptz, actor_id uuid, actor_role text, event_reason text, event_public boolean, event_data jsonb,
        idempotency_key text, idempotency_fingerprint text, idempotency_response jsonb)
       where ${calendarRevisionIs(sql.ref('r.calendar_revision'))}),
    -- Counter rows are locked in body order, so two statements never wait on each other in a circle.
    n as (
      insert into appeal_number as c (body_id, year, last)
      select body_id, year, count(*) from r group by body_id, year order by body_id, year
      on conflict (body_id, year) do update set last = c.last + excluded.last
      returning body_id, year, last),
    a as (
      insert into appeal (id, number, body_id, access_code_hash, channel, kind, applicant_type, applicant_name, applicant_iin,
                          applicant_bin, applicant_email, applicant_phone, preferred_answer, confidential, language, text, topic_code, address, lat, lon,
                          received_at, registered_at, registered_by, legal_due_at, redirect_due_at, repeat_of_id)
      select r.id, r.prefix || '-' || r.year || '-' || lpad((n.last - count(*) over body_year + row_number() over (body_year order by r.seq))::text, 6, '0'),
             r.body_id, r.access_code_hash, r.channel, r.kind, r.applicant_type, r.applicant_name, r.applicant_iin,
             r.applicant_bin, r.applicant_email, r.applicant_phone, r.preferred_answer, r.confidential, r.language, r.text, r.topic_code, r.address, r.lat, r.lon,
             r.received_at, r.registered_at, r.registered_by, r.legal_due_at, r.redirect_due_at,
             ${latestRepeat({ iin: sql.ref('r.applicant_iin'), email: sql.ref('r.applicant_email'), phone: sql.ref('r.applicant_phone'), topicCode: sql.ref('r.topic_code'), receivedAt: sql.ref('r.received_at'), excludeId: sql.ref('r.id'), confidential: sql.ref('r.confidential'), bodyId: sql.ref('r.body_id') })}
        from r join n using (body_id, year)
      window body_year as (partition by r.body_id, r.year)
      returning id, status, number, repeat_of_id, body_id),
    e as (
      insert into appeal_event (appeal_id, type, at, actor_id, actor_role, reason, public, data)
      select a.id, r.event_type, r.event_at, r.actor_id, r.actor_role, r.event_reason, r.event_public,
             r.event_data || jsonb_strip_nulls(jsonb_build_object('number', a.number, 'repeatOfId', a.repeat_of_id))
        from a join r on r.id = a.id
      returning id, appeal_id),
    k as (
      insert into idempotency_key (key, fingerprint, appeal_id, response, created_at)
      select r.idempotency_key, r.idempotency_fingerprint, a.id,
             jsonb_build_object('id', a.id, 'number', a.number, 'status', a.status) || r.idempotency_response, r.registered_at
        from a join r on r.id = a.id
       where r.idempotency_key is not null)
    ${sql.join(subscribed, sql``)}
    select a.id, a.status, a.number, a.repeat_of_id, e.id as event_id from a join e on e.appeal_id = a.id`.execute(tx);
  return new Map(written.map((w) => [w.id, w]));
}

/** The error of insertRegisteredAppeals when its Idempotency-Key was taken by another request. */
export function isIdempotencyKeyTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string };
  return e?.code === '23505' && e.constraint === 'idempotency_key_pkey';
}
