// The outbox as the workers and the administrator see it (Kysely only).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';
import { SEALED_ACCESS_CODE } from '../../platform/secrets.ts';
import type { NotificationTable } from './notify.tables.ts';
import type { Selectable } from 'kysely';

export type NotificationRow = Selectable<NotificationTable>;

/**
 * Claim up to `limit` messages that are due: queued ones whose time has come and 'sending'
 * ones whose worker's lease ran out (it stopped or crashed mid-send). SKIP LOCKED lets any
 * number of workers on any number of nodes claim side by side without taking the same row.
 * The claim is the attempt: attempts goes up and the row is leased until `leaseUntil`.
 */
export async function claimDue(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<Array<NotificationRow & { wasStale: boolean }>> {
  const { rows } = await sql<NotificationRow & { wasStale: boolean }>`
    update notification n
       set status = 'sending', attempts = n.attempts + 1, next_attempt_at = ${leaseUntil}
      from (select id, status = 'sending' as was_stale
              from notification
             where status in ('queued', 'sending') and next_attempt_at <= ${now}
             order by next_attempt_at
             limit ${limit}
               for update skip locked) c
     where n.id = c.id
    returning n.*, c.was_stale`.execute(db);
  return rows;
}

/** Finish a claimed message; only if it is still this worker's claim (same attempt). */
export async function finishClaim(
  tx: Tx,
  claim: { id: string; attempts: number },
  set: Partial<Pick<NotificationRow, 'status' | 'sentAt' | 'deliveredAt' | 'providerRef' | 'parts' | 'lastError' | 'nextAttemptAt' | 'attempts'>>,
): Promise<boolean> {
  // Once the message has gone out, the sealed access code it carried is dropped from the stored payload.
  const gone = set.status === 'sent' || set.status === 'delivered';
  const res = await tx
    .updateTable('notification')
    .set(gone ? { ...set, payload: sql`payload - ${SEALED_ACCESS_CODE}::text` } : set)
    .where('id', '=', claim.id).where('status', '=', 'sending').where('attempts', '=', claim.attempts).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Just before a send: the claim is still this worker's (same attempt) and its lease runs
 * `leaseUntil` from now. A batch is claimed at once and sent one by one, so without this a
 * slow channel could let a later message's lease run out while it waits its turn, another
 * worker take it over, and both send it. False: taken over, do not send.
 */
export async function renewClaim(db: Db, claim: { id: string; attempts: number }, leaseUntil: Date): Promise<boolean> {
  const res = await db
    .updateTable('notification')
    .set({ nextAttemptAt: leaseUntil })
    .where('id', '=', claim.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claim.attempts)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Give back claimed messages this worker did not start (a clean stop). */
export async function releaseClaims(db: Db, claims: Array<{ id: string; attempts: number }>, now: Date): Promise<void> {
  for (const c of claims) {
    await db
      .updateTable('notification')
      .set({ status: 'queued', attempts: c.attempts - 1, nextAttemptAt: now })
      .where('id', '=', c.id)
      .where('status', '=', 'sending')
      .where('attempts', '=', c.attempts)
      .execute();
  }
}

export interface AppealForMessage {
  id: string;
  number: string;
  channel?: string;
  /** A confidential applicant's messages are not shown to the administrator. */
  confidential?: boolean;
  applicantName: string | null;
  legalDueAt: Date | null;
  bodyName: { kk: string; ru: string; en: string };
}

/** What rendering needs about the appeals and staff of a batch, in two queries. */
export async function loadRenderContext(db: Tx, rows: Array<{ appealId: string | null; recipientUserId: string | null }>) {
  const appealIds = [...new Set(rows.map((r) => r.appealId).filter((x): x is string => !!x))];
  const userIds = [...new Set(rows.map((r) => r.recipientUserId).filter((x): x is string => !!x))];
  const [appeals, users] = await Promise.all([
    appealIds.length
      ? db
          .selectFrom('appeal as a')
          .innerJoin('body as b', 'b.id', 'a.bodyId')
          .select(['a.id', 'a.number', 'a.channel', 'a.confidential', 'a.applicantName', 'a.legalDueAt', 'b.nameKk', 'b.nameRu', 'b.nameEn'])
          .where('a.id', 'in', appealIds)
          .execute()
      : [],
    userIds.length ? db.selectFrom('staffUser').select(['id', 'name']).where('id', 'in', userIds).execute() : [],
  ]);
  return {
    appeals: new Map<string, AppealForMessage>(
      appeals.map((a) => [a.id, { id: a.id, number: a.number, channel: a.channel, confidential: a.confidential, applicantName: a.applicantName, legalDueAt: a.legalDueAt, bodyName: { kk: a.nameKk, ru: a.nameRu, en: a.nameEn } }]),
    ),
    staffNames: new Map(users.map((u) => [u.id, u.name])),
  };
}

const FAILED_SMS_STATES = ['UNDELIV', 'EXPIRED', 'REJECTD', 'DELETED'];

/** Record the SMSC's message ids of a sent SMS (a receipt may already be waiting for one). */
export async function recordSmsParts(tx: Tx, notificationId: string, parts: Array<{ messageId: string; part: number }>): Promise<void> {
  for (const p of parts) {
    await tx
      .insertInto('smsPart')
      .values({ messageId: p.messageId, notificationId, part: p.part, state: null, error: null, doneAt: null })
      .onConflict((oc) => oc.column('messageId').doUpdateSet({ notificationId, part: p.part }))
      .execute();
  }
}

/** A delivery receipt; returns the notification it belongs to if that is known yet. */
export async function recordSmsReceipt(tx: Tx, r: { messageId: string; state: string; error: string | null; at: Date }): Promise<string | null> {
  const row = await tx
    .insertInto('smsPart')
    .values({ messageId: r.messageId, notificationId: null, part: null, state: r.state, error: r.error, doneAt: r.at })
    .onConflict((oc) => oc.column('messageId').doUpdateSet({ state: r.state, error: r.error, doneAt: r.at }))
    .returning('notificationId')
    .executeTakeFirstOrThrow();
  return row.notificationId;
}

/** Delivered when every part has a DELIVRD receipt; failed when any part's receipt is final and bad. */
export async function settleSms(tx: Tx, notificationId: string): Promise<void> {
  const n = await tx.selectFrom('notification').select(['status', 'parts']).where('id', '=', notificationId).forUpdate().executeTakeFirst();
  if (!n || n.status !== 'sent') return;
  const parts = await tx.selectFrom('smsPart').select(['state', 'error', 'doneAt']).where('notificationId', '=', notificationId).execute();
  const bad = parts.find((p) => p.state && FAILED_SMS_STATES.includes(p.state));
  if (bad) {
    await tx
      .updateTable('notification')
      .set({ status: 'failed', lastError: `SMS not delivered: ${bad.state}${bad.error ? ` (err ${bad.error})` : ''}` })
      .where('id', '=', notificationId)
      .execute();
    return;
  }
  const delivered = parts.filter((p) => p.state === 'DELIVRD');
  if (delivered.length >= (n.parts ?? 1)) {
    const at = delivered.reduce((m, p) => (p.doneAt && p.doneAt > m ? p.doneAt : m), delivered[0].doneAt ?? new Date(0));
    await tx.updateTable('notification').set({ status: 'delivered', deliveredAt: at }).where('id', '=', notificationId).execute();
  }
}

export interface OutboxFilter {
  bodyId: string;
  status?: string[];
  channel?: string[];
  appealId?: string;
  /** Paper only (the print queue). */
  paper?: boolean;
  /** Only messages about confidential appeals (true) or only the others (false). */
  confidential?: boolean;
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** A body's messages, newest first, keyset-paginated (limit + 1 rows). */
export function listOutbox(db: Tx, f: OutboxFilter) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('bodyId', '=', f.bodyId)
    .$if(!!f.paper, (q) => q.where('channel', '=', 'paper'))
    .$if(!!f.status?.length, (q) => q.where('status', 'in', f.status!))
    .$if(!!f.channel?.length, (q) => q.where('channel', 'in', f.channel!))
    .$if(!!f.appealId, (q) => q.where('appealId', '=', f.appealId!))
    // Letters to a confidential applicant are the ethics commissioner's to print, and only theirs.
    .$if(f.confidential !== undefined, (q) =>
      q.where((eb) => {
        const isConfidential = eb.exists(eb.selectFrom('appeal').select('appeal.id').whereRef('appeal.id', '=', 'notification.appealId').where('appeal.confidential', '=', true));
        return f.confidential ? isConfidential : eb.not(isConfidential);
      }),
    )
    .$if(!!f.after, (q) => q.where((eb) => eb.or([eb('createdAt', '<', f.after!.createdAt), eb.and([eb('createdAt', '=', f.after!.createdAt), eb('id', '<', f.after!.id)])])))
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/**
 * What the applicant was told about an appeal, oldest first: one row per message (Telegram
 * copies left out), not before its time (a reminder waiting for its day), not withdrawn.
 */
export function listAppealMessages(db: Tx, appealId: string, now: Date, after: { createdAt: Date; id: string } | undefined, limit: number) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('appealId', '=', appealId)
    .where('recipientKind', '=', 'applicant')
    .where('channel', '!=', 'telegram')
    .where('status', '!=', 'cancelled')
    .where((eb) => eb.or([eb('sendAfter', 'is', null), eb('sendAfter', '<=', now)]))
    .$if(!!after, (q) => q.where((eb) => eb.or([eb('createdAt', '>', after!.createdAt), eb.and([eb('createdAt', '=', after!.createdAt), eb('id', '>', after!.id)])])))
    .orderBy('createdAt', 'asc')
    .orderBy('id', 'asc')
    .limit(limit + 1)
    .execute();
}

export function findNotification(db: Tx, id: string, opts: { forUpdate?: boolean } = {}) {
  return db
    .selectFrom('notification')
    .selectAll()
    .where('id', '=', id)
    .$if(!!opts.forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();
}
