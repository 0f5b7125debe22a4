// Kysely only: public questions, their moderation, the public list and the daily figures.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';

export interface PublishedFilter {
  bodyId?: string;
  topics?: string[];
  channel?: string;
  headId?: string;
  postId?: string;
  q?: string;
  limit: number;
  after?: { publishedAt: Date; id: string };
}

const PUBLIC_COLUMNS = [
  'pq.appealId',
  'pq.bodyId',
  'pq.channel',
  'pq.headId',
  'pq.postId',
  'pq.topicCode',
  'pq.language',
  'pq.publishedQuestion',
  'pq.answerText',
  'pq.answeredAt',
  'pq.publishedAt',
  'pq.receivedAt',
  'b.code as bodyCode',
  'b.nameKk',
  'b.nameRu',
  'b.nameEn',
] as const;

/** Published questions, newest first; q like the register: Russian stemmed, Kazakh and typos by trigram. */
export function listPublished(db: Db, f: PublishedFilter) {
  let q = db
    .selectFrom('publicQuestion as pq')
    .innerJoin('body as b', 'b.id', 'pq.bodyId')
    .select(PUBLIC_COLUMNS)
    .where('pq.moderation', '=', 'published');
  if (f.bodyId) q = q.where('pq.bodyId', '=', f.bodyId);
  if (f.topics) q = q.where('pq.topicCode', 'in', f.topics);
  if (f.channel) q = q.where('pq.channel', '=', f.channel);
  if (f.headId) q = q.where('pq.headId', '=', f.headId);
  if (f.postId) q = q.where('pq.postId', '=', f.postId);
  if (f.q) {
    const text = f.q;
    const like = '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    // The expression is the trigram index's, so the planner uses it.
    const doc = sql`(coalesce(pq.published_question, '') || ' ' || coalesce(pq.answer_text, ''))`;
    q = q.where((eb) =>
      eb.or([sql<boolean>`pq.search @@ websearch_to_tsquery('russian', ${text})`, sql<boolean>`${doc} ilike ${like}`, sql<boolean>`${text} <% ${doc}`]),
    );
  }
  if (f.after) q = q.where(sql<boolean>`(pq.published_at, pq.appeal_id) < (${f.after.publishedAt}, ${f.after.id}::uuid)`);
  return q.orderBy('pq.publishedAt', 'desc').orderBy('pq.appealId', 'desc').limit(f.limit + 1).execute();
}

export function findPublished(db: Db, id: string) {
  return db
    .selectFrom('publicQuestion as pq')
    .innerJoin('body as b', 'b.id', 'pq.bodyId')
    .select(PUBLIC_COLUMNS)
    .where('pq.appealId', '=', id)
    .where('pq.moderation', '=', 'published')
    .executeTakeFirst();
}

export function insertQuestion(tx: Tx, row: { appealId: string; bodyId: string; channel: string; headId: string | null; postId: string | null; topicCode: string | null; language: string; consent: boolean; receivedAt: Date }) {
  // Without consent there is nothing to moderate: an ordinary appeal, kept private from the start.
  return tx
    .insertInto('publicQuestion')
    .values({ ...row, moderation: row.consent ? 'pending' : 'private' })
    .execute();
}

/** The moderation queue of a body, with the original text and the applicant's data a redaction needs (never sent out as is). */
export function listForModeration(db: Db, f: { bodyId: string; moderation?: string; channel?: string; limit: number; after?: { receivedAt: Date; id: string } }) {
  let q = db
    .selectFrom('publicQuestion as pq')
    .innerJoin('appeal as a', 'a.id', 'pq.appealId')
    .select([
      'pq.appealId',
      'pq.channel',
      'pq.headId',
      'pq.postId',
      'pq.topicCode',
      'pq.language',
      'pq.consent',
      'pq.receivedAt',
      'pq.moderation',
      'pq.rejectReason',
      'pq.moderatedAt',
      'pq.publishedQuestion',
      'pq.answerText',
      'pq.answeredAt',
      'pq.publishedAt',
      'a.number',
      'a.text',
      'a.status',
      'a.confidential',
      'a.applicantName',
      'a.applicantIin',
      'a.applicantBin',
      'a.applicantEmail',
      'a.applicantPhone',
    ])
    .where('pq.bodyId', '=', f.bodyId);
  if (f.moderation) q = q.where('pq.moderation', '=', f.moderation);
  if (f.channel) q = q.where('pq.channel', '=', f.channel);
  if (f.after) q = q.where(sql<boolean>`(pq.received_at, pq.appeal_id) < (${f.after.receivedAt}, ${f.after.id}::uuid)`);
  return q.orderBy('pq.receivedAt', 'desc').orderBy('pq.appealId', 'desc').limit(f.limit + 1).execute();
}

export function lockQuestion(tx: Tx, id: string) {
  return tx
    .selectFrom('publicQuestion as pq')
    .innerJoin('appeal as a', 'a.id', 'pq.appealId')
    .select(['pq.appealId', 'pq.bodyId', 'pq.channel', 'pq.consent', 'pq.moderation', 'pq.answerText', 'pq.publishedAt', 'a.confidential', 'a.language', 'a.number', 'a.applicantEmail', 'a.applicantName', 'a.applicantIin', 'a.applicantBin', 'a.applicantPhone', 'a.preferredAnswer', 'a.address'])
    .where('pq.appealId', '=', id)
    .forUpdate('pq')
    .executeTakeFirst();
}

export function setModeration(
  tx: Tx,
  id: string,
  set: { moderation: string; rejectReason: string | null; publishedQuestion: string | null; publishedAt: Date | null; moderatedBy: string; moderatedAt: Date; answerText?: string | null },
) {
  return tx.updateTable('publicQuestion').set(set).where('appealId', '=', id).execute();
}

export function setAnswerText(tx: Tx, id: string, answerText: string) {
  return tx.updateTable('publicQuestion').set({ answerText }).where('appealId', '=', id).execute();
}

/** The signed answer reaches the public question (redacted by the caller); a later answer replaces it. */
export async function recordAnswer(tx: Tx, appealId: string, answer: { text: string; at: Date; onTime: boolean | null }) {
  return tx
    .updateTable('publicQuestion')
    .set({ answerText: answer.text, answeredAt: answer.at, answeredOnTime: answer.onTime })
    .where('appealId', '=', appealId)
    .executeTakeFirst();
}

export function applicantOf(tx: Tx, appealId: string) {
  return tx
    .selectFrom('appeal')
    .select(['applicantName as name', 'applicantIin as iin', 'applicantBin as bin', 'applicantEmail as email', 'applicantPhone as phone'])
    .where('id', '=', appealId)
    .executeTakeFirst();
}

export interface DayRow {
  day: string;
  topicCode: string | null;
  received: number;
  published: number;
  answered: number;
  onTime: number;
}

/** Per Almaty day and topic: questions received, published, answered and answered on time. */
export async function dailyFigures(db: Db, f: { bodyId: string; channel: string; from: Date; to: Date }): Promise<DayRow[]> {
  const day = (col: string) => sql.raw(`(${col} at time zone 'Asia/Almaty')::date`);
  const { rows } = await sql<DayRow>`
    select to_char(day, 'YYYY-MM-DD') as day, topic_code as "topicCode",
           sum(received)::int as received, sum(published)::int as published, sum(answered)::int as answered, sum(on_time)::int as "onTime"
    from (
      select ${day('received_at')} as day, topic_code, 1 as received, 0 as published, 0 as answered, 0 as on_time
        from public_question where body_id = ${f.bodyId} and channel = ${f.channel} and received_at >= ${f.from} and received_at < ${f.to}
      union all
      select ${day('published_at')}, topic_code, 0, 1, 0, 0
        from public_question where body_id = ${f.bodyId} and channel = ${f.channel} and published_at >= ${f.from} and published_at < ${f.to}
      union all
      select ${day('answered_at')}, topic_code, 0, 0, 1, case when answered_on_time then 1 else 0 end
        from public_question where body_id = ${f.bodyId} and channel = ${f.channel} and answered_at >= ${f.from} and answered_at < ${f.to}
    ) x
    group by day, topic_code
    order by day, topic_code nulls last`.execute(db);
  return rows;
}
