// The head's blog (channel 7): a page per head with biography and contacts, news and
// events, and questions to the head. A question enters the register (channel head_blog)
// through the qa module, so it is triaged light/medium/heavy with its terms like any
// appeal, answered by e-mail, SMS or the portal, and published under the post only with
// the asker's consent and a moderator's edit.
import type { Role } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import { getBody } from '../bodies/index.ts';
import { askQuestion, type AskInput } from '../qa/index.ts';
import * as repo from './blog.repository.ts';

/** Who writes a head's blog: the head, the communications department, the administrator. */
export const BLOG_EDITORS: readonly Role[] = ['head', 'comms_officer', 'admin'];

type HeadRow = NonNullable<Awaited<ReturnType<typeof repo.findHead>>>;
const headView = (h: HeadRow) => ({
  id: h.id,
  slug: h.slug,
  body: { id: h.bodyId, code: h.bodyCode, name: { kk: h.nameKk, ru: h.nameRu, en: h.nameEn } },
  name: h.name,
  position: h.position,
  biography: h.biography,
  contacts: h.contacts,
  updatedAt: h.updatedAt.toISOString(),
});

export async function listHeads(ctx: AppContext, body?: string) {
  const bodyId = body ? (await getBody(ctx, body)).id : undefined;
  return { items: (await repo.listHeads(ctx.db, bodyId)).map(headView) };
}

async function headOf(ctx: AppContext, slug: string): Promise<HeadRow> {
  const h = /^[a-z0-9-]{2,60}$/.test(slug) ? await repo.findHead(ctx.db, slug) : undefined;
  if (!h) throw new AppError('HEAD_NOT_FOUND');
  return h;
}

export async function getHead(ctx: AppContext, slug: string) {
  return headView(await headOf(ctx, slug));
}

export async function saveHead(ctx: AppContext, staff: Staff, slug: string, input: { name: string; position?: string; biography?: string; contacts?: string }) {
  if (!BLOG_EDITORS.includes(staff.role)) throw new AppError('FORBIDDEN');
  if (!/^[a-z0-9-]{2,60}$/.test(slug)) throw new AppError('VALIDATION_FAILED', 'slug: 2–60 of a–z, 0–9 and -', { field: 'slug' });
  const existing = await repo.findHead(ctx.db, slug);
  if (existing && existing.bodyId !== staff.bodyId) throw new AppError('HEAD_NOT_FOUND');
  const saved = await repo.upsertHead(ctx.db, {
    bodyId: staff.bodyId,
    slug,
    staffUserId: staff.role === 'head' ? staff.id : null,
    name: input.name.trim(),
    position: input.position?.trim() ?? '',
    biography: input.biography?.trim() ?? '',
    contacts: input.contacts?.trim() ?? '',
    updatedAt: ctx.clock.now(),
  });
  if (!saved) throw new AppError('HEAD_NOT_FOUND');
  return getHead(ctx, slug);
}

export async function listPosts(ctx: AppContext, slug: string, query: { limit: number; cursor?: string }) {
  const h = await headOf(ctx, slug);
  const cursor = decodeCursor(query.cursor, 2);
  const after = cursor ? { publishedAt: new Date(String(cursor[0])), id: String(cursor[1]) } : undefined;
  if (after && (Number.isNaN(after.publishedAt.getTime()) || !isUuid(after.id))) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  const rows = await repo.listPosts(ctx.db, h.id, query.limit, after);
  const page = pageOf(rows, query.limit, (r) => [r.publishedAt.toISOString(), r.id]);
  return { items: page.items.map((p) => ({ ...p, eventAt: p.eventAt?.toISOString() ?? null, publishedAt: p.publishedAt.toISOString() })), nextCursor: page.nextCursor };
}

export async function createPost(ctx: AppContext, staff: Staff, slug: string, input: { kind: 'news' | 'event'; language: 'kk' | 'ru' | 'en'; title: string; text: string; eventAt?: string }) {
  if (!BLOG_EDITORS.includes(staff.role)) throw new AppError('FORBIDDEN');
  const h = await headOf(ctx, slug);
  if (h.bodyId !== staff.bodyId) throw new AppError('HEAD_NOT_FOUND');
  if (input.title.trim().length < 3) throw new AppError('VALIDATION_FAILED', 'title is too short', { field: 'title' });
  if (input.text.trim().length < 3) throw new AppError('VALIDATION_FAILED', 'text is too short', { field: 'text' });
  const eventAt = input.eventAt ? new Date(input.eventAt) : null;
  if (input.kind === 'event' && (!eventAt || Number.isNaN(eventAt.getTime()))) throw new AppError('VALIDATION_FAILED', 'an event needs eventAt', { field: 'eventAt' });
  const p = await repo.insertPost(ctx.db, { headId: h.id, kind: input.kind, language: input.language, title: input.title.trim(), text: input.text.trim(), eventAt: input.kind === 'event' ? eventAt : null, publishedAt: ctx.clock.now(), createdBy: staff.id });
  return { ...p, eventAt: p.eventAt?.toISOString() ?? null, publishedAt: p.publishedAt.toISOString() };
}

/** A question to the head, under a post or not: an appeal of channel head_blog in the head's body. */
export async function askHead(ctx: AppContext, slug: string, input: Omit<AskInput, 'bodyId'> & { postId?: string }, idempotencyKey?: string) {
  const h = await headOf(ctx, slug);
  if (input.postId && !(isUuid(input.postId) && (await repo.findPost(ctx.db, h.id, input.postId)))) throw new AppError('POST_NOT_FOUND', undefined, { field: 'postId' });
  const { postId, ...ask } = input;
  return askQuestion(ctx, { ...ask, bodyId: h.bodyId }, { channel: 'head_blog', headId: h.id, postId, idempotencyKey });
}
