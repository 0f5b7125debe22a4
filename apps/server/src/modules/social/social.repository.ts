// Kysely for the social-media tables. The webhook's hot path is two statements: the account
// (to check the secret in Node, where the sealed secret is opened) and one insert per comment
// that finds the comment's incident and skips a repeat by the unique key.
import { sql, type Kysely } from 'kysely';
import { PREPARED } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Tx } from '../../platform/events.ts';
import type { IncomingComment } from './networks.ts';

type Db = Kysely<Database>;

/** Comments under one post at least this similar (pg_trgm) are one incident. */
export const INCIDENT_SIMILARITY = 0.5;
/** How many of a post's latest comments a new one is compared with (a bound on the webhook's cost). */
const INCIDENT_WINDOW = 50;

export async function findAccountByBodyCode(db: Db, bodyCode: string, network: string) {
  return db
    .selectFrom('socialAccount as a')
    .innerJoin('body as b', 'b.id', 'a.bodyId')
    .select(['a.id', 'a.bodyId', 'a.network', 'a.accountRef', 'a.secretSealed', 'a.confirmationSealed', 'a.tokenSealed'])
    .where('b.code', '=', bodyCode)
    .where('a.network', '=', network)
    .executeTakeFirst();
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccountByBodyCode>>>;

export async function upsertAccount(db: Db, row: { bodyId: string; network: string; accountRef: string | null; secretSealed: string; confirmationSealed: string | null; tokenSealed: string | null; at: Date; by: string | null }) {
  return db
    .insertInto('socialAccount')
    .values({ bodyId: row.bodyId, network: row.network, accountRef: row.accountRef, secretSealed: row.secretSealed, confirmationSealed: row.confirmationSealed, tokenSealed: row.tokenSealed, createdAt: row.at, createdBy: row.by, updatedAt: row.at })
    .onConflict((oc) =>
      oc.columns(['bodyId', 'network']).doUpdateSet({ accountRef: row.accountRef, secretSealed: row.secretSealed, confirmationSealed: row.confirmationSealed, tokenSealed: row.tokenSealed, updatedAt: row.at }),
    )
    .returning(['id', 'network', 'accountRef', 'updatedAt'])
    .executeTakeFirstOrThrow();
}

export async function listAccounts(db: Db, bodyId: string) {
  return db
    .selectFrom('socialAccount')
    .select(['id', 'network', 'accountRef', 'createdAt', 'updatedAt', sql<boolean>`confirmation_sealed is not null`.as('hasConfirmation'), sql<boolean>`token_sealed is not null`.as('hasToken')])
    .where('bodyId', '=', bodyId)
    .orderBy('network')
    .execute();
}

/** One comment in, or nothing when the network sent it before; its incident is the first similar comment's under the same post. */
export async function insertComment(db: Db | Tx, m: IncomingComment & { bodyId: string; accountId: string | null; network: string; receivedAt: Date; source: 'webhook' | 'import' }) {
  const { rows } = await sql<{ id: string; incidentId: string }>`${sql.raw(PREPARED)}
    insert into social_message (body_id, account_id, network, account_ref, external_id, post_id, comment_id, parent_id, author_id, author_name, text, link, posted_at, received_at, source, incident_id)
    values (${m.bodyId}::uuid, ${m.accountId}::uuid, ${m.network}::text, ${m.accountRef}::text, ${m.externalId}::text, ${m.postId}::text, ${m.commentId}::text, ${m.parentId}::text,
      ${m.authorId}::text, ${m.authorName}::text, ${m.text}::text, ${m.link}::text, ${m.postedAt}::timestamptz, ${m.receivedAt}::timestamptz, ${m.source}::text,
      coalesce(
        (select s.incident_id from (
           select incident_id, text from social_message
           where body_id = ${m.bodyId}::uuid and network = ${m.network}::text and post_id = ${m.postId}::text
           order by received_at desc limit ${INCIDENT_WINDOW}::int
         ) s where similarity(s.text, ${m.text}::text) >= ${INCIDENT_SIMILARITY}::real limit 1),
        gen_random_uuid()))
    on conflict (body_id, network, external_id) do nothing
    returning id, incident_id as "incidentId"`.execute(db);
  return rows[0];
}

export interface MessageFilter {
  bodyId: string;
  network?: string;
  status?: string;
  incidentId?: string;
  limit: number;
  after?: [string, string];
}

export async function listMessages(db: Db, f: MessageFilter) {
  let q = db
    .selectFrom('socialMessage as m')
    .leftJoin('appeal as a', 'a.id', 'm.appealId')
    .leftJoin('body as rb', 'rb.id', 'm.redirectBodyId')
    .select([
      'm.id', 'm.network', 'm.accountRef', 'm.postId', 'm.commentId', 'm.authorId', 'm.authorName', 'm.text', 'm.link', 'm.postedAt', 'm.receivedAt',
      'm.incidentId', 'm.source', 'm.status', 'm.ignoreReason', 'm.difficulty', 'm.appealId', 'a.number as appealNumber', 'm.redirectBodyId',
      'rb.nameKk as redirectNameKk', 'rb.nameRu as redirectNameRu', 'rb.nameEn as redirectNameEn', 'm.triagedAt', 'm.firstReplyAt',
      sql<number>`(select count(*)::int from social_message i where i.incident_id = m.incident_id)`.as('incidentSize'),
    ])
    .where('m.bodyId', '=', f.bodyId);
  if (f.network) q = q.where('m.network', '=', f.network);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.incidentId) q = q.where('m.incidentId', '=', f.incidentId);
  if (f.after) q = q.where(sql<boolean>`(m.received_at, m.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return q.orderBy('m.receivedAt', 'desc').orderBy('m.id', 'desc').limit(f.limit + 1).execute();
}

export type MessageListRow = Awaited<ReturnType<typeof listMessages>>[number];

export async function findMessage(db: Db | Tx, bodyId: string, id: string) {
  return db.selectFrom('socialMessage').selectAll().where('id', '=', id).where('bodyId', '=', bodyId).executeTakeFirst();
}

/** The still untriaged comments of an incident (the one chosen first), locked for the decision. */
export async function lockNewOfIncident(tx: Tx, bodyId: string, incidentId: string) {
  return tx.selectFrom('socialMessage').selectAll().where('bodyId', '=', bodyId).where('incidentId', '=', incidentId).where('status', '=', 'new').orderBy('receivedAt').forUpdate().execute();
}

export async function markTriaged(
  tx: Tx,
  ids: string[],
  set: { status: string; ignoreReason?: string | null; difficulty?: string | null; appealId?: string | null; redirectBodyId?: string | null; at: Date; by: string },
) {
  await tx
    .updateTable('socialMessage')
    .set({ status: set.status, ignoreReason: set.ignoreReason ?? null, difficulty: set.difficulty ?? null, appealId: set.appealId ?? null, redirectBodyId: set.redirectBodyId ?? null, triagedAt: set.at, triagedBy: set.by })
    .where('id', 'in', ids)
    .where('status', '=', 'new')
    .execute();
}

export async function insertReply(tx: Tx, r: { messageId: string; text: string; kind: string; at: Date; by: string | null }) {
  return tx.insertInto('socialReply').values({ messageId: r.messageId, text: r.text, kind: r.kind, createdAt: r.at, createdBy: r.by, sentAt: null, externalId: null }).returning('id').executeTakeFirstOrThrow();
}

/** What the reply sender needs: the reply, the comment it answers and the account's sealed token. */
export async function loadReplyToSend(db: Db, replyId: string) {
  return db
    .selectFrom('socialReply as r')
    .innerJoin('socialMessage as m', 'm.id', 'r.messageId')
    .leftJoin('socialAccount as a', (j) => j.onRef('a.bodyId', '=', 'm.bodyId').onRef('a.network', '=', 'm.network'))
    .select(['r.id', 'r.text', 'r.sentAt', 'r.externalId', 'm.id as messageId', 'm.network', 'm.accountRef', 'm.postId', 'm.commentId', 'm.externalId as messageExternalId', 'a.tokenSealed', 'a.accountRef as accountAccountRef'])
    .where('r.id', '=', replyId)
    .executeTakeFirst();
}

export async function recordReplySent(db: Db, replyId: string, messageId: string, externalId: string | null, at: Date) {
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('socialReply').set({ sentAt: at, externalId }).where('id', '=', replyId).execute();
    await tx.updateTable('socialMessage').set({ firstReplyAt: sql<Date>`coalesce(first_reply_at, ${at}::timestamptz)` }).where('id', '=', messageId).execute();
  });
}
