// The knowledge base: articles a contact line reads out, in kk/ru/en, of one body or
// shared by all. Drafts are seen only by those who may edit them (knowledge.policy.ts).
import { isUuid } from '../../platform/ids.ts';
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import { mayEdit, mayRead, seesDrafts } from './knowledge.policy.ts';
import * as repo from './knowledge.repository.ts';

export interface Article {
  id: string;
  shared: boolean;
  bodyId: string | null;
  language: string;
  title: string;
  body: string;
  topicCode: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** whether the reader may edit it (the web shows the buttons by it; the server decides) */
  editable: boolean;
}

export interface ArticleInput {
  title: string;
  body: string;
  language: Language;
  shared?: boolean;
  topicCode?: string | null;
}

export interface ListQuery {
  q?: string;
  language?: Language;
  status?: 'draft' | 'published';
  limit: number;
  cursor?: string;
}

async function centralBodyId(ctx: AppContext): Promise<string | null> {
  return repo.bodyIdByCode(ctx.db, ctx.config.knowledgeCentralBody);
}

function view(row: repo.ArticleRow, editable: boolean): Article {
  return {
    id: row.id,
    shared: row.bodyId === null,
    bodyId: row.bodyId,
    language: row.language,
    title: row.title,
    body: row.body,
    topicCode: row.topicCode,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    editable,
  };
}

export async function listArticles(ctx: AppContext, staff: Staff, query: ListQuery) {
  const central = await centralBodyId(ctx);
  const cursor = decodeCursor(query.cursor, 2);
  const q = query.q?.trim();
  const rows = await repo.listArticles(ctx.db, {
    bodyId: staff.bodyId,
    bodyDrafts: seesDrafts(staff),
    sharedDrafts: mayEdit(staff, central, null),
    q: q || undefined,
    language: query.language,
    status: query.status,
    limit: query.limit,
    after: cursor ? { updatedAt: new Date(cursor[0] as string), id: cursor[1] as string } : undefined,
  });
  const page = pageOf(rows, query.limit, (r) => [r.updatedAt.toISOString(), r.id]);
  return { items: page.items.map((r) => view(r, mayEdit(staff, central, r.bodyId))), nextCursor: page.nextCursor };
}


async function readable(ctx: AppContext, staff: Staff, id: string, central: string | null, forUpdate = false, tx = ctx.db) {
  const row = isUuid(id) ? await repo.findArticle(tx, id, forUpdate) : undefined;
  if (!row || !mayRead(staff, central, row)) throw new AppError('ARTICLE_NOT_FOUND');
  return row;
}

export async function getArticle(ctx: AppContext, staff: Staff, id: string): Promise<Article> {
  const central = await centralBodyId(ctx);
  const row = await readable(ctx, staff, id, central);
  return view(row, mayEdit(staff, central, row.bodyId));
}

/** Blank-padded text counts by what remains (the database refuses under 3 characters too). */
function checkText(input: { title: string; body: string }) {
  if (input.title.trim().length < 3) throw new AppError('VALIDATION_FAILED', 'title is too short', { field: 'title' });
  if (input.body.trim().length < 3) throw new AppError('VALIDATION_FAILED', 'body is too short', { field: 'body' });
}

async function checkTopic(ctx: AppContext, code: string | null | undefined) {
  if (code && !(await repo.topicExists(ctx.db, code))) throw new AppError('TOPIC_NOT_FOUND', undefined, { field: 'topicCode' });
}

export async function createArticle(ctx: AppContext, staff: Staff, input: ArticleInput): Promise<Article> {
  const central = await centralBodyId(ctx);
  const bodyId = input.shared ? null : staff.bodyId;
  if (!mayEdit(staff, central, bodyId)) throw new AppError('FORBIDDEN', input.shared ? 'shared articles are written by the central body’s administrator' : undefined);
  checkText(input);
  await checkTopic(ctx, input.topicCode);
  const row = await repo.insertArticle(ctx.db, {
    bodyId,
    language: input.language,
    title: input.title.trim(),
    body: input.body.trim(),
    topicCode: input.topicCode ?? null,
    by: staff.id,
    at: ctx.clock.now(),
  });
  return view(row, true);
}

/** Edits under the row's lock, so two editors' changes never interleave. */
async function change(ctx: AppContext, staff: Staff, id: string, fn: (row: repo.ArticleRow) => Parameters<typeof repo.updateArticle>[2] | null): Promise<Article> {
  const central = await centralBodyId(ctx);
  return ctx.db.transaction().execute(async (tx) => {
    const row = await readable(ctx, staff, id, central, true, tx);
    if (!mayEdit(staff, central, row.bodyId)) throw new AppError('FORBIDDEN');
    const set = fn(row);
    return view(set ? await repo.updateArticle(tx, id, set) : row, true);
  });
}

export async function updateArticle(ctx: AppContext, staff: Staff, id: string, input: Omit<ArticleInput, 'shared'>): Promise<Article> {
  checkText(input);
  await checkTopic(ctx, input.topicCode);
  return change(ctx, staff, id, () => ({
    title: input.title.trim(),
    body: input.body.trim(),
    language: input.language,
    topicCode: input.topicCode ?? null,
    updatedBy: staff.id,
    updatedAt: ctx.clock.now(),
  }));
}

export async function setPublished(ctx: AppContext, staff: Staff, id: string, published: boolean): Promise<Article> {
  return change(ctx, staff, id, (row) => {
    if ((row.status === 'published') === published) return null; // already so: nothing changes
    const now = ctx.clock.now();
    return { status: published ? 'published' : 'draft', publishedAt: published ? now : null, updatedBy: staff.id, updatedAt: now };
  });
}

/** The public face of the knowledge base: published articles matching q (the help search). */
export async function searchPublishedArticles(ctx: AppContext, q: string, limit: number) {
  const rows = await repo.searchPublished(ctx.db, q, limit);
  return rows.map((r) => ({ id: r.id, title: r.title, excerpt: r.body.length > 300 ? r.body.slice(0, 300) + '…' : r.body, language: r.language, topicCode: r.topicCode, bodyCode: r.bodyCode }));
}
