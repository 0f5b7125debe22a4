// Kysely only: body pages, their change log, subscribers, page votes and completeness.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';

export function findPage(db: Tx, bodyId: string, forUpdate = false) {
  const q = db.selectFrom('sitePage').selectAll().where('bodyId', '=', bodyId);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export function upsertPage(tx: Tx, row: { bodyId: string; about: Record<string, string>; documents: unknown[]; news: unknown[]; social: unknown[]; updatedAt: Date }) {
  const json = (v: unknown) => sql<never>`${JSON.stringify(v)}::jsonb`;
  return tx
    .insertInto('sitePage')
    .values({ bodyId: row.bodyId, about: json(row.about), documents: json(row.documents), news: json(row.news), social: json(row.social), updatedAt: row.updatedAt })
    .onConflict((oc) =>
      oc.column('bodyId').doUpdateSet((eb) => ({ about: eb.ref('excluded.about'), documents: eb.ref('excluded.documents'), news: eb.ref('excluded.news'), social: eb.ref('excluded.social'), updatedAt: eb.ref('excluded.updatedAt') })),
    )
    .execute();
}

export function insertChange(tx: Tx, row: { bodyId: string; at: Date; sections: string[]; summary: Record<string, unknown>; changedBy: string | null }) {
  return tx.insertInto('siteChange').values({ ...row, summary: sql<never>`${JSON.stringify(row.summary)}::jsonb` }).returning(['id', 'at']).executeTakeFirstOrThrow();
}

export function listChanges(db: Db, bodyId: string, limit: number, before?: string) {
  let q = db.selectFrom('siteChange').select(['id', 'at', 'sections', 'summary']).where('bodyId', '=', bodyId);
  if (before) q = q.where('id', '<', before);
  return q.orderBy('id', 'desc').limit(limit + 1).execute();
}

export function activeSubscribers(tx: Tx, bodyId: string) {
  return tx.selectFrom('siteSubscriber').select(['id', 'email', 'language']).where('bodyId', '=', bodyId).where('confirmedAt', 'is not', null).where('unsubscribedAt', 'is', null).execute();
}

/** A new subscription, or nothing when the address already has one open (the caller answers the same). */
export function insertSubscriber(tx: Tx, row: { bodyId: string; email: string; language: string; tokenHash: string; createdAt: Date }) {
  return tx
    .insertInto('siteSubscriber')
    .values(row)
    .onConflict((oc) => oc.expression(sql`body_id, lower(email)`).where('unsubscribedAt', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export function confirmSubscriber(db: Db, tokenHash: string, at: Date) {
  return db
    .updateTable('siteSubscriber')
    .set((eb) => ({ confirmedAt: eb.fn.coalesce('confirmedAt', sql<Date>`${at}::timestamptz`) }))
    .where('tokenHash', '=', tokenHash)
    .where('unsubscribedAt', 'is', null)
    .returning('bodyId')
    .executeTakeFirst();
}

export function insertRating(db: Db, row: { page: string; bodyId: string | null; useful: boolean; at: Date }) {
  return db.insertInto('pageRating').values(row).execute();
}

export function ratingsOfBody(db: Db, bodyId: string) {
  return db
    .selectFrom('pageRating')
    .select(['page', sql<number>`count(*) filter (where useful)::int`.as('useful'), sql<number>`count(*) filter (where not useful)::int`.as('notUseful')])
    .where('bodyId', '=', bodyId)
    .groupBy('page')
    .orderBy('page')
    .limit(1000)
    .execute();
}

/** The applicants' ratings of the answers (1–5, given on the tracking page), per body. */
export function answerRatingsOfBody(db: Db, bodyId: string) {
  return db
    .selectFrom('appeal')
    .select([sql<number>`count(satisfaction)::int`.as('rated'), sql<number | null>`round(avg(satisfaction)::numeric, 2)::float8`.as('average')])
    .where('bodyId', '=', bodyId)
    .where('satisfaction', 'is not', null)
    .executeTakeFirstOrThrow();
}

export function allPages(db: Db) {
  return db.selectFrom('sitePage').selectAll().execute();
}

export function upsertCompleteness(db: Db, rows: { bodyId: string; day: string; score: number; missing: string[] }[]) {
  if (rows.length === 0) return Promise.resolve();
  return db
    .insertInto('siteCompleteness')
    .values(rows)
    .onConflict((oc) => oc.columns(['bodyId', 'day']).doUpdateSet((eb) => ({ score: eb.ref('excluded.score'), missing: eb.ref('excluded.missing') })))
    .execute();
}

export function listCompleteness(db: Db, from: string, to: string, bodyId?: string) {
  let q = db
    .selectFrom('siteCompleteness as c')
    .innerJoin('body as b', 'b.id', 'c.bodyId')
    .select(['b.code as bodyCode', sql<string>`to_char(c.day, 'YYYY-MM-DD')`.as('day'), 'c.score', 'c.missing'])
    .where('c.day', '>=', from)
    .where('c.day', '<=', to);
  if (bodyId) q = q.where('c.bodyId', '=', bodyId);
  return q.orderBy('c.day', 'desc').orderBy('b.code').limit(5000).execute();
}

/** Topics whose names match in any language, with the bodies competent for them. */
export function matchingTopics(db: Db, q: string, limit: number) {
  const like = '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return db
    .selectFrom('topic as t')
    .select(['t.code', 't.nameKk', 't.nameRu', 't.nameEn', sql<string[]>`coalesce((select array_agg(b.code order by b.code) from body_topic bt join body b on b.id = bt.body_id where bt.topic_code = t.code or bt.topic_code = t.parent_code), '{}')`.as('bodyCodes')])
    .where((eb) => eb.or([eb('t.nameKk', 'ilike', like), eb('t.nameRu', 'ilike', like), eb('t.nameEn', 'ilike', like), sql<boolean>`to_tsvector('russian', t.name_ru) @@ websearch_to_tsquery('russian', ${q})`]))
    .orderBy('t.sort')
    .limit(limit)
    .execute();
}

export function matchingBodies(db: Db, q: string, limit: number) {
  const like = '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return db
    .selectFrom('body')
    .select(['id', 'code'])
    .where((eb) => eb.or([eb('nameKk', 'ilike', like), eb('nameRu', 'ilike', like), eb('nameEn', 'ilike', like), eb('code', 'ilike', like)]))
    .orderBy('code')
    .limit(limit)
    .execute();
}

export function bodiesByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('body').select(['id', 'code']).where('code', 'in', codes).execute();
}

export function allBodyIds(db: Db) {
  return db.selectFrom('body').select(['id', 'code']).orderBy('code').execute();
}
