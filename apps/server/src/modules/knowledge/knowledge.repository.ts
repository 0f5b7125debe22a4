// The knowledge base's queries (Kysely only).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';

const COLUMNS = ['id', 'bodyId', 'language', 'title', 'body', 'topicCode', 'status', 'createdAt', 'updatedAt', 'publishedAt'] as const;

export interface ArticleRow {
  id: string;
  bodyId: string | null;
  language: string;
  title: string;
  body: string;
  topicCode: string | null;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

export interface ArticleFilter {
  bodyId: string;
  /** the shared drafts are visible too (the central body's administrator) */
  sharedDrafts: boolean;
  /** the body's drafts are visible too (its editors) */
  bodyDrafts: boolean;
  q?: string;
  language?: string;
  status?: 'draft' | 'published';
  limit: number;
  after?: { updatedAt: Date; id: string };
}

export async function listArticles(db: Db, f: ArticleFilter): Promise<ArticleRow[]> {
  let q = db
    .selectFrom('knowledgeArticle')
    .select(COLUMNS)
    .where((eb) =>
      eb.or([
        eb.and([eb('bodyId', '=', f.bodyId), f.bodyDrafts ? sql<boolean>`true` : eb('status', '=', 'published')]),
        eb.and([eb('bodyId', 'is', null), f.sharedDrafts ? sql<boolean>`true` : eb('status', '=', 'published')]),
      ]),
    );
  if (f.language) q = q.where('language', '=', f.language);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    const text = f.q;
    const like = '%' + text.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
    // Like the register: Russian by stemmed full text; Kazakh (no stemmer) by substring and
    // typos by word similarity, both served by the trigram index on title and body.
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`search @@ websearch_to_tsquery('russian', ${text})`,
        sql<boolean>`(title || ' ' || body) ilike ${like}`,
        sql<boolean>`${text} <% (title || ' ' || body)`,
      ]),
    );
  }
  if (f.after) q = q.where(sql<boolean>`(updated_at, id) < (${f.after.updatedAt}, ${f.after.id}::uuid)`);
  return q.orderBy('updatedAt', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute();
}

export function findArticle(db: Tx, id: string, forUpdate = false): Promise<ArticleRow | undefined> {
  const q = db.selectFrom('knowledgeArticle').select(COLUMNS).where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export function insertArticle(db: Tx, row: { bodyId: string | null; language: string; title: string; body: string; topicCode: string | null; by: string; at: Date }): Promise<ArticleRow> {
  return db
    .insertInto('knowledgeArticle')
    .values({ bodyId: row.bodyId, language: row.language, title: row.title, body: row.body, topicCode: row.topicCode, createdBy: row.by, createdAt: row.at, updatedBy: row.by, updatedAt: row.at })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
}

export function updateArticle(
  db: Tx,
  id: string,
  change: Partial<{ language: string; title: string; body: string; topicCode: string | null; status: string; publishedAt: Date | null }> & { updatedBy: string; updatedAt: Date },
): Promise<ArticleRow> {
  return db.updateTable('knowledgeArticle').set(change).where('id', '=', id).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function bodyIdByCode(db: Db, code: string): Promise<string | null> {
  const row = await db.selectFrom('body').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id ?? null;
}

export async function topicExists(db: Tx, code: string): Promise<boolean> {
  return !!(await db.selectFrom('topic').select('code').where('code', '=', code).executeTakeFirst());
}

/** Published articles only, for the public "How can I help you?" search (a body's and shared ones alike). */
export function searchPublished(db: Db, q: string, limit: number) {
  const like = '%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  return db
    .selectFrom('knowledgeArticle as k')
    .leftJoin('body as b', 'b.id', 'k.bodyId')
    .select(['k.id', 'k.title', 'k.body', 'k.language', 'k.topicCode', 'b.code as bodyCode'])
    .where('k.status', '=', 'published')
    .where((eb) => eb.or([sql<boolean>`k.search @@ websearch_to_tsquery('russian', ${q})`, sql<boolean>`(k.title || ' ' || k.body) ilike ${like}`, sql<boolean>`${q} <% (k.title || ' ' || k.body)`]))
    .orderBy(sql`ts_rank(k.search, websearch_to_tsquery('russian', ${q}))`, 'desc')
    .orderBy('k.updatedAt', 'desc')
    .limit(limit)
    .execute();
}
