// The discussion engine's queries (Kysely only).
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';
import type { Paragraph } from './document.ts';

const DISCUSSION = [
  'd.id',
  'd.bodyId',
  'd.kind',
  'd.subjectKey',
  'd.title',
  'd.language',
  'd.opensAt',
  'd.closesAt',
  'd.currentVersion',
  'd.publishedAt',
  'd.reannouncedAt',
  'd.extendedAt',
  'd.outreachAlertedAt',
  'd.closedAt',
  'b.code as bodyCode',
  'b.nameKk',
  'b.nameRu',
  'b.nameEn',
] as const;

export type DiscussionRow = Awaited<ReturnType<typeof findDiscussion>> & {};

export function findDiscussion(db: Tx, id: string, forUpdate = false) {
  const q = db.selectFrom('discussion as d').innerJoin('body as b', 'b.id', 'd.bodyId').select(DISCUSSION).where('d.id', '=', id);
  return (forUpdate ? q.forUpdate('d') : q).executeTakeFirst();
}

export function findBySubject(db: Tx, key: string) {
  return db.selectFrom('discussion as d').innerJoin('body as b', 'b.id', 'd.bodyId').select(DISCUSSION).where('d.subjectKey', '=', key).executeTakeFirst();
}

export function listDiscussions(db: Db, f: { bodyId?: string; kind?: string; openAt?: Date; limit: number }) {
  let q = db.selectFrom('discussion as d').innerJoin('body as b', 'b.id', 'd.bodyId').select(DISCUSSION);
  if (f.bodyId) q = q.where('d.bodyId', '=', f.bodyId);
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  if (f.openAt) q = q.where('d.opensAt', '<=', f.openAt).where('d.closesAt', '>', f.openAt);
  return q.orderBy('d.closesAt', 'desc').orderBy('d.id', 'desc').limit(f.limit).execute();
}

export async function insertDiscussion(
  tx: Tx,
  row: { bodyId: string; kind: string; subjectKey: string | null; title: string; language: string; opensAt: Date; closesAt: Date; by: string | null; at: Date },
): Promise<string> {
  const r = await tx
    .insertInto('discussion')
    .values({ bodyId: row.bodyId, kind: row.kind, subjectKey: row.subjectKey, title: row.title, language: row.language, opensAt: row.opensAt, closesAt: row.closesAt, publishedBy: row.by, publishedAt: row.at, reannouncedAt: null, extendedAt: null, outreachAlertedAt: null, closedAt: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertVersion(tx: Tx, discussionId: string, version: number, source: string, at: Date, paragraphs: Paragraph[]): Promise<void> {
  await tx.insertInto('discussionVersion').values({ discussionId, version, source, publishedAt: at }).execute();
  // In chunks: a parameter list stays far below PostgreSQL's 65,535.
  for (let i = 0; i < paragraphs.length; i += 1000) {
    await tx
      .insertInto('discussionParagraph')
      .values(paragraphs.slice(i, i + 1000).map((p) => ({ discussionId, version, position: p.position, article: p.article, text: p.text })))
      .execute();
  }
  await tx.updateTable('discussion').set({ currentVersion: version }).where('id', '=', discussionId).execute();
}

export function versions(db: Tx, discussionId: string) {
  return db.selectFrom('discussionVersion').select(['version', 'source', 'publishedAt']).where('discussionId', '=', discussionId).orderBy('version').execute();
}

export function paragraphs(db: Tx, discussionId: string, version: number) {
  return db.selectFrom('discussionParagraph').select(['id', 'position', 'article', 'text']).where('discussionId', '=', discussionId).where('version', '=', version).orderBy('position').execute();
}

export function allParagraphs(db: Tx, discussionId: string) {
  return db.selectFrom('discussionParagraph').select(['id', 'position', 'article', 'version']).where('discussionId', '=', discussionId).execute();
}

export function paragraphOf(db: Tx, discussionId: string, paragraphId: string) {
  return db.selectFrom('discussionParagraph').select(['id', 'version']).where('discussionId', '=', discussionId).where('id', '=', paragraphId).executeTakeFirst();
}

const COMMENT = [
  'c.id',
  'c.discussionId',
  'c.paragraphId',
  'c.authorName',
  'c.contact',
  'c.contactKind',
  'c.stance',
  'c.text',
  'c.proposal',
  'c.createdAt',
  'c.answerDueAt',
  'c.hiddenReason',
  'c.reports',
  'c.moderatedAt',
  'c.answerText',
  'c.decision',
  'c.decisionReason',
  'c.answeredAt',
] as const;

export type CommentRow = Awaited<ReturnType<typeof comments>>[number];

/** A discussion's comments in order; `visibleOnly`: without the hidden ones (the public page). */
export function comments(db: Tx, discussionId: string, visibleOnly: boolean) {
  let q = db.selectFrom('discussionComment as c').select(COMMENT).where('c.discussionId', '=', discussionId);
  if (visibleOnly) q = q.where('c.hiddenReason', 'is', null);
  return q.orderBy('c.createdAt').orderBy('c.id').execute();
}

export function findComment(db: Tx, id: string, forUpdate = false) {
  const q = db.selectFrom('discussionComment as c').innerJoin('discussion as d', 'd.id', 'c.discussionId').select([...COMMENT, 'd.bodyId', 'd.closesAt', 'd.opensAt']).where('c.id', '=', id);
  return (forUpdate ? q.forUpdate('c') : q).executeTakeFirst();
}

export function textsOf(db: Tx, discussionId: string, contact: string) {
  return db.selectFrom('discussionComment').select('text').where('discussionId', '=', discussionId).where('contact', '=', contact).execute();
}

export async function insertComment(
  tx: Tx,
  row: { discussionId: string; paragraphId: string | null; authorName: string; contact: string; contactKind: string; stance: string; text: string; proposal: boolean; at: Date; answerDueAt: Date; hiddenReason: string | null },
): Promise<string> {
  const r = await tx
    .insertInto('discussionComment')
    .values({
      discussionId: row.discussionId,
      paragraphId: row.paragraphId,
      authorName: row.authorName,
      contact: row.contact,
      contactKind: row.contactKind,
      stance: row.stance,
      text: row.text,
      proposal: row.proposal,
      createdAt: row.at,
      answerDueAt: row.answerDueAt,
      hiddenReason: row.hiddenReason,
      moderatedAt: null,
      moderatedBy: null,
      answerText: null,
      decision: null,
      decisionReason: null,
      answeredAt: null,
      answeredBy: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** One report per reporter; returns the comment's report count after it (null: reported before). */
export async function addReport(tx: Tx, commentId: string, reporter: string, at: Date): Promise<number | null> {
  const r = await tx.insertInto('discussionReport').values({ commentId, reporter, at }).onConflict((oc) => oc.doNothing()).returning('commentId').executeTakeFirst();
  if (!r) return null;
  const c = await tx.updateTable('discussionComment').set({ reports: sql`reports + 1` }).where('id', '=', commentId).returning('reports').executeTakeFirstOrThrow();
  return c.reports;
}

export async function updateComment(
  tx: Tx,
  id: string,
  set: Partial<{ hiddenReason: string | null; moderatedAt: Date; moderatedBy: string; answerText: string; decision: string; decisionReason: string; answeredAt: Date; answeredBy: string }>,
) {
  await tx.updateTable('discussionComment').set(set).where('id', '=', id).execute();
}

/** Hidden comments no moderator has looked at yet (automatic or by three reports), of one body's discussions. */
export function moderationQueue(db: Db, bodyId: string | null, limit: number) {
  let q = db
    .selectFrom('discussionComment as c')
    .innerJoin('discussion as d', 'd.id', 'c.discussionId')
    .select([...COMMENT, 'd.title as discussionTitle'])
    .where('c.hiddenReason', 'is not', null)
    .where('c.moderatedAt', 'is', null);
  if (bodyId) q = q.where('d.bodyId', '=', bodyId);
  return q.orderBy('c.createdAt').limit(limit).execute();
}

export async function insertCode(tx: Tx, row: { id: string; contact: string; contactKind: string; codeHash: string; at: Date; expiresAt: Date }): Promise<void> {
  await tx.insertInto('discussionCode').values({ id: row.id, contact: row.contact, contactKind: row.contactKind, codeHash: row.codeHash, createdAt: row.at, expiresAt: row.expiresAt, usedAt: null }).execute();
}

export function recentCodes(db: Tx, contact: string, since: Date) {
  return db.selectFrom('discussionCode').select(sql<number>`count(*)::int`.as('n')).where('contact', '=', contact).where('createdAt', '>', since).executeTakeFirstOrThrow();
}

export function findCode(tx: Tx, id: string) {
  return tx.selectFrom('discussionCode').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateCode(tx: Tx, id: string, set: { attempts?: number; usedAt?: Date }) {
  await tx.updateTable('discussionCode').set(set).where('id', '=', id).execute();
}

export async function addSubscriber(tx: Tx, row: { email: string; bodyId: string | null; language: string; at: Date }) {
  await tx
    .insertInto('discussionSubscriber')
    .values({ email: row.email, bodyId: row.bodyId, language: row.language, createdAt: row.at })
    .onConflict((oc) => oc.columns(['email', 'bodyId']).doUpdateSet({ language: row.language }))
    .execute();
}

/** Subscribers of the body and of every body (body_id null). */
export function subscribersOf(tx: Tx, bodyId: string) {
  return tx.selectFrom('discussionSubscriber').select(['email', 'language']).where((eb) => eb.or([eb('bodyId', '=', bodyId), eb('bodyId', 'is', null)])).execute();
}

/** Open discussions with their visible comment counts, for the platform's rules. */
export function openDiscussionStats(db: Db, now: Date) {
  return db
    .selectFrom('discussion as d')
    .leftJoin('discussionComment as c', (j) => j.onRef('c.discussionId', '=', 'd.id').on('c.hiddenReason', 'is', null))
    .select([
      'd.id',
      'd.bodyId',
      'd.title',
      'd.opensAt',
      'd.closesAt',
      'd.reannouncedAt',
      'd.extendedAt',
      'd.outreachAlertedAt',
      sql<number>`count(c.id)::int`.as('total'),
      sql<number>`(count(c.id) filter (where c.stance = 'against'))::int`.as('against'),
    ])
    .where('d.closedAt', 'is', null)
    .where('d.opensAt', '<=', now)
    .groupBy('d.id')
    .execute();
}

export async function updateDiscussion(tx: Tx, id: string, set: Partial<{ closesAt: Date; reannouncedAt: Date; extendedAt: Date; outreachAlertedAt: Date; closedAt: Date }>) {
  await tx.updateTable('discussion').set(set).where('id', '=', id).execute();
}

export function staffOfBody(tx: Tx, bodyId: string, roles: readonly string[]) {
  return tx.selectFrom('staffUser').select('id').where('bodyId', '=', bodyId).where('role', 'in', roles).where('active', '=', true).execute();
}

export async function bodyByCode(db: Tx, code: string) {
  return db.selectFrom('body').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
}
