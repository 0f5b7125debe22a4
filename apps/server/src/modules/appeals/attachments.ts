// Attachments: a citizen uploads files first (each gets an unguessable id), then the
// intake names them; staff download them from the appeal card.
import { fileTypeFromBuffer } from 'file-type';
import type { AppContext } from '../../app-context.ts';
import { auditRead } from '../audit/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { getReadableAppeal } from './appeals.service.ts';
import { canSeeApplicant } from './appeals.policy.ts';

export const ATTACHMENT_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'txt',
};
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_APPEAL = 10;

/** Unclaimed uploads older than this are purged (the appeal form names them within minutes). */
export const UNCLAIMED_ATTACHMENT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The type the file's bytes are, read by `file-type` from its signature (a DOCX is told
 * from other ZIP files by its parts); a file without a signature is text only if it is
 * valid UTF-8 without control characters other than tab, line breaks and form feed.
 */
export async function sniffedType(data: Buffer): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(data);
  if (found) return found.mime;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
  return /[\x00-\x08\x0b\x0e-\x1f\x7f]/.test(text) ? undefined : 'text/plain';
}

export async function uploadAttachment(ctx: AppContext, file: { name: string; contentType: string; data: Buffer }) {
  const ext = ATTACHMENT_TYPES[file.contentType];
  if (!ext) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (file.data.length === 0) throw new AppError('VALIDATION_FAILED', 'empty file', { field: 'file' });
  // The declared type is the client's word; the stored type is what the bytes are, and the
  // two must agree (an HTML page or a program sent as "image/png" is refused).
  if ((await sniffedType(file.data)) !== file.contentType) throw new AppError('FILE_TYPE_MISMATCH', undefined, { field: 'file' });
  const fileName = file.name.replace(/[\\/\x00-\x1f]/g, '_').slice(0, 200) || `file.${ext}`;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction().execute(async (tx) => {
    const r = await tx
      .insertInto('attachment')
      .values({ appealId: null, fileName, contentType: file.contentType, sizeBytes: file.data.length, storageKey: 'pending', createdAt: now })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    const storageKey = `attachments/${now.toISOString().slice(0, 7)}/${r.id}.${ext}`;
    // The file is written before the row points at it, so a row never names a missing file.
    await ctx.storage.put(storageKey, file.data);
    await tx.updateTable('attachment').set({ storageKey }).where('id', '=', r.id).execute();
    return r;
  });
  return { id: row.id, fileName, contentType: file.contentType, sizeBytes: file.data.length };
}

/** Claim uploaded, unclaimed attachments for a new appeal, in its transaction. */
export async function claimAttachments(tx: Tx, appealId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  if (ids.length > MAX_ATTACHMENTS_PER_APPEAL) throw new AppError('VALIDATION_FAILED', 'too many attachments', { field: 'attachments' });
  const res = await tx.updateTable('attachment').set({ appealId }).where('id', 'in', ids).where('appealId', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', 'unknown or already used attachment', { field: 'attachments' });
}

export async function readAttachment(ctx: AppContext, staff: Staff, appealId: string, attachmentId: string) {
  const appeal = await getReadableAppeal(ctx, staff, appealId);
  // A confidential applicant's files are for the ethics commissioner alone: to anyone else they do not exist.
  if (appeal.confidential && !canSeeApplicant(staff, appeal)) throw new AppError('NOT_FOUND');
  const att = await ctx.db.selectFrom('attachment').selectAll().where('id', '=', attachmentId).where('appealId', '=', appeal.id).executeTakeFirst();
  if (!att) throw new AppError('NOT_FOUND');
  const data = await ctx.storage.get(att.storageKey);
  auditRead(ctx, staff, appeal.id, 'attachment', att.id);
  return { ...att, data };
}

/**
 * Purges uploads no appeal claimed within 24 hours (the server's upkeep): the row goes
 * first, in a statement that takes only still-unclaimed rows, so an appeal claiming a file
 * at the same moment either gets it or is refused; then the stored file.
 */
export async function purgeUnclaimedAttachments(ctx: AppContext, limit = 500): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - UNCLAIMED_ATTACHMENT_TTL_MS);
  const gone = await ctx.db
    .deleteFrom('attachment')
    .where('id', 'in', (eb) => eb.selectFrom('attachment').select('id').where('appealId', 'is', null).where('createdAt', '<', cutoff).limit(limit))
    .where('appealId', 'is', null)
    .returning(['storageKey'])
    .execute();
  for (const row of gone) if (row.storageKey !== 'pending') await ctx.storage.remove(row.storageKey);
  return gone.length;
}

/**
 * A photo for the public (Open311's media_url): only an image, only of an appeal that is not
 * confidential; anything else is NOT_FOUND, as if it did not exist.
 */
export async function readPublicPhoto(ctx: AppContext, appealId: string, attachmentId: string) {
  const att = await ctx.db
    .selectFrom('attachment as t')
    .innerJoin('appeal as a', 'a.id', 't.appealId')
    .select(['t.id', 't.contentType', 't.storageKey', 't.fileName'])
    .where('t.id', '=', attachmentId)
    .where('t.appealId', '=', appealId)
    .where('a.confidential', '=', false)
    .where('t.contentType', 'like', 'image/%')
    .executeTakeFirst();
  if (!att) throw new AppError('NOT_FOUND');
  return { contentType: att.contentType, data: await ctx.storage.get(att.storageKey) };
}
