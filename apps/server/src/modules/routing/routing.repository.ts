// Routing's queries. Like analytics, it reads the register (appeal, body, body_topic)
// read-only and writes only its own tables (routing_model, routing_suggestion).
import { sql } from 'kysely';
import type { Tx } from '../../platform/events.ts';
import type { ModelCounts } from './naive-bayes.ts';

export const latestModelId = async (db: Tx) => (await db.selectFrom('routingModel').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst())?.id ?? null;

export const findModel = (db: Tx, id: string) => db.selectFrom('routingModel').selectAll().where('id', '=', id).executeTakeFirst();

export function saveModel(db: Tx, m: { trainedAt: Date; appeals: number; topicCounts: ModelCounts; bodyTopicCounts: Record<string, Record<string, number>> }) {
  return db
    .insertInto('routingModel')
    .values({ trainedAt: m.trainedAt, appeals: m.appeals, topicCounts: JSON.stringify(m.topicCounts) as never, bodyTopicCounts: JSON.stringify(m.bodyTopicCounts) as never })
    .returning(['id', 'trainedAt', 'appeals'])
    .executeTakeFirstOrThrow();
}

/** Older models than the newest `keep` go: each is a full recount. */
export async function pruneModels(db: Tx, keep: number) {
  await sql`delete from routing_model where id not in (select id from routing_model order by id desc limit ${keep})
    and id not in (select model_id from routing_suggestion where model_id is not null)`.execute(db);
}

/**
 * The register's decided appeals, for training: a topic set by staff at triage (or kept
 * by them), never confidential ones. Read in pages by id so a large register is not one
 * result set in memory.
 */
export function decidedAppealsPage(db: Tx, afterId: string | null, limit: number) {
  return db
    .selectFrom('appeal')
    .select(['id', 'bodyId', 'topicCode', 'text'])
    .where('topicCode', 'is not', null)
    .where('confidential', '=', false)
    .where('status', '!=', 'registered')
    .$if(afterId !== null, (q) => q.where('id', '>', afterId!))
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Competence: which body (and unit) takes which topic (a parent code covers its children). */
export function competence(db: Tx) {
  return db
    .selectFrom('bodyTopic')
    .innerJoin('body', 'body.id', 'bodyTopic.bodyId')
    .select(['bodyTopic.bodyId', 'body.code as bodyCode', 'bodyTopic.topicCode', 'bodyTopic.unitId'])
    .execute();
}

export const topicCodes = (db: Tx) => db.selectFrom('topic').select(['code', 'parentCode']).execute();

export const findAppeal = (db: Tx, id: string) =>
  db.selectFrom('appeal').select(['id', 'bodyId', 'text', 'topicCode', 'status', 'lat', 'lon']).where('id', '=', id).executeTakeFirst();

export function upsertSuggestion(
  db: Tx,
  row: { appealId: string; bodyId: string; suggestedAt: Date; suggestedTopic: string | null; topicConfidence: number | null; suggestedBodyId: string | null; bodyConfidence: number | null; modelId: string | null },
) {
  // The first suggestion shown is the one the decision is measured against.
  return db.insertInto('routingSuggestion').values(row).onConflict((oc) => oc.column('appealId').doNothing()).execute();
}

export const findSuggestion = (db: Tx, appealId: string) => db.selectFrom('routingSuggestion').selectAll().where('appealId', '=', appealId).executeTakeFirst();

export function recordDecision(db: Tx, appealId: string, d: { decidedAt: Date; decidedBy: string | null; decidedTopic: string | null; decidedBodyId: string | null }) {
  return db
    .updateTable('routingSuggestion')
    .set({
      ...d,
      accepted: sql<boolean>`case when ${d.decidedBodyId}::uuid is distinct from body_id then suggested_body_id is not distinct from ${d.decidedBodyId}::uuid
        else suggested_topic is not distinct from ${d.decidedTopic}::text end`,
    })
    .where('appealId', '=', appealId)
    .where('decidedAt', 'is', null)
    .execute();
}

export async function acceptance(db: Tx, bodyId: string, from: Date, to: Date) {
  const r = await db
    .selectFrom('routingSuggestion')
    .select([
      sql<string>`count(*)`.as('shown'),
      sql<string>`count(decided_at)`.as('decided'),
      sql<string>`count(*) filter (where accepted)`.as('accepted'),
      sql<string>`count(*) filter (where decided_body_id <> body_id)`.as('redirected'),
    ])
    .where('bodyId', '=', bodyId)
    .where('suggestedAt', '>=', from)
    .where('suggestedAt', '<', to)
    .executeTakeFirstOrThrow();
  return { shown: Number(r.shown), decided: Number(r.decided), accepted: Number(r.accepted), redirected: Number(r.redirected) };
}

/**
 * Pairs of near-identical open appeals of a body by trigram similarity (pg_trgm): `%`
 * finds candidates through the (body_id, text) trigram index at pg_trgm's default 0.3, the
 * stricter threshold then decides. Confidential appeals are never paired.
 */
export async function similarOpenPairs(db: Tx, bodyId: string, statuses: readonly string[], threshold: number, limit: number) {
  const r = await sql<{ a: string; b: string; similarity: number }>`
    with open as (
      select id, text from appeal
      where body_id = ${bodyId} and status = any(${statuses as string[]}::text[]) and not confidential
      order by received_at desc limit ${limit}
    )
    select o.id as a, b.id as b, similarity(o.text, b.text) as similarity
    from open o
    join appeal b on b.body_id = ${bodyId} and b.id > o.id and b.text % o.text
      and b.status = any(${statuses as string[]}::text[]) and not b.confidential
    where similarity(o.text, b.text) >= ${threshold}`.execute(db);
  return r.rows;
}

export function appealsByIds(db: Tx, ids: string[]) {
  return ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('appeal').select(['id', 'number', 'status', 'text', 'topicCode', 'receivedAt', 'legalDueAt', 'executorId']).where('id', 'in', ids).execute();
}
