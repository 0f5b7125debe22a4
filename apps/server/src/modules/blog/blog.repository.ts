// Kysely only: the heads' blogs and their posts.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const HEAD = ['h.id', 'h.bodyId', 'h.slug', 'h.name', 'h.position', 'h.biography', 'h.contacts', 'h.updatedAt', 'b.code as bodyCode', 'b.nameKk', 'b.nameRu', 'b.nameEn'] as const;

export function listHeads(db: Db, bodyId?: string) {
  let q = db.selectFrom('blogHead as h').innerJoin('body as b', 'b.id', 'h.bodyId').select(HEAD);
  if (bodyId) q = q.where('h.bodyId', '=', bodyId);
  return q.orderBy('b.code').orderBy('h.slug').limit(500).execute();
}

export function findHead(db: Db, slug: string) {
  return db.selectFrom('blogHead as h').innerJoin('body as b', 'b.id', 'h.bodyId').select(HEAD).where('h.slug', '=', slug).executeTakeFirst();
}

export function upsertHead(db: Db, row: { bodyId: string; slug: string; staffUserId: string | null; name: string; position: string; biography: string; contacts: string; updatedAt: Date }) {
  return db
    .insertInto('blogHead')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('slug')
        .doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), position: eb.ref('excluded.position'), biography: eb.ref('excluded.biography'), contacts: eb.ref('excluded.contacts'), updatedAt: eb.ref('excluded.updatedAt') }))
        // A slug of another body is not taken over.
        .where('blogHead.bodyId', '=', row.bodyId),
    )
    .returning('id')
    .executeTakeFirst();
}

export function listPosts(db: Db, headId: string, limit: number, after?: { publishedAt: Date; id: string }) {
  let q = db.selectFrom('blogPost').select(['id', 'kind', 'language', 'title', 'text', 'eventAt', 'publishedAt']).where('headId', '=', headId);
  if (after) q = q.where(sql<boolean>`(published_at, id) < (${after.publishedAt}, ${after.id}::uuid)`);
  return q.orderBy('publishedAt', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

export function findPost(db: Db, headId: string, id: string) {
  return db.selectFrom('blogPost').select(['id']).where('headId', '=', headId).where('id', '=', id).executeTakeFirst();
}

export function insertPost(db: Db, row: { headId: string; kind: string; language: string; title: string; text: string; eventAt: Date | null; publishedAt: Date; createdBy: string }) {
  return db.insertInto('blogPost').values(row).returning(['id', 'kind', 'language', 'title', 'text', 'eventAt', 'publishedAt']).executeTakeFirstOrThrow();
}
