// Comments of networks without a webhook here (TikTok, YouTube and the exports of SMM tools),
// imported by the SMM manager as CSV (a header row) or JSON (an array). Columns / fields:
//   id (required, the network's comment id), text (required), post, author_id, author,
//   link, time (ISO 8601; else now), account.
// Deduplicated by id like the webhooks: importing a file twice adds nothing.
import { parse } from 'csv-parse/sync';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { IMPORT_NETWORKS } from './networks.ts';
import { assertRole, SOCIAL_ACTORS } from './social.policy.ts';
import * as repo from './social.repository.ts';

export const IMPORT_MAX_ROWS = 5_000;

type Row = Record<string, unknown>;

function rowsOf(format: 'csv' | 'json', content: string): Row[] {
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(content);
    } catch {
      throw new AppError('SOCIAL_IMPORT_INVALID', 'not JSON', { field: 'content' });
    }
    if (!Array.isArray(data)) throw new AppError('SOCIAL_IMPORT_INVALID', 'a JSON array of comments', { field: 'content' });
    return data as Row[];
  }
  try {
    return parse(content, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, bom: true, relax_column_count: true, trim: true }) as Row[];
  } catch (err) {
    throw new AppError('SOCIAL_IMPORT_INVALID', `not CSV: ${(err as Error).message}`, { field: 'content' });
  }
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

export async function importComments(ctx: AppContext, staff: Staff, input: { network: string; format: 'csv' | 'json'; content: string }) {
  assertRole(staff, SOCIAL_ACTORS);
  if (!(IMPORT_NETWORKS as readonly string[]).includes(input.network)) throw new AppError('VALIDATION_FAILED', `network is one of ${IMPORT_NETWORKS.join(', ')}`, { field: 'network' });
  const rows = rowsOf(input.format, input.content);
  if (rows.length > IMPORT_MAX_ROWS) throw new AppError('SOCIAL_IMPORT_INVALID', `at most ${IMPORT_MAX_ROWS} comments a file`, { field: 'content' });
  const now = ctx.clock.now();
  // Every row is checked before any is stored: a bad file changes nothing.
  const comments = rows.map((r, i) => {
    const id = text(r.id);
    const body = text(r.text);
    if (!id || !body) throw new AppError('SOCIAL_IMPORT_INVALID', `row ${i + 1}: id and text are required`, { field: 'content', row: i + 1 });
    const time = text(r.time);
    const postedAt = time ? new Date(time) : now;
    if (Number.isNaN(postedAt.getTime())) throw new AppError('SOCIAL_IMPORT_INVALID', `row ${i + 1}: time is not a date`, { field: 'content', row: i + 1 });
    const link = text(r.link);
    return {
      externalId: id.slice(0, 200),
      accountRef: text(r.account) || null,
      postId: text(r.post) || null,
      commentId: id.slice(0, 200),
      parentId: null,
      authorId: text(r.author_id) || null,
      authorName: text(r.author) || null,
      text: body.slice(0, 10_000),
      link: /^https?:\/\//.test(link) ? link : null,
      postedAt,
    };
  });
  let stored = 0;
  await ctx.db.transaction().execute(async (tx) => {
    for (const c of comments) if (await repo.insertComment(tx, { ...c, bodyId: staff.bodyId, accountId: null, network: input.network, receivedAt: now, source: 'import' })) stored++;
  });
  return { received: comments.length, stored };
}
