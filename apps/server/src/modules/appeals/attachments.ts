// Attachments: a citizen uploads files first (each gets an unguessable id), then the
// intake names them; staff download them from the appeal card.
import type { AppContext } from '../../app-context.ts';
import { auditRead } from '../audit/index.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../auth/index.ts';
import { getReadableAppeal } from './appeals.service.ts';

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

export async function uploadAttachment(ctx: AppContext, file: { name: string; contentType: string; data: Buffer }) {
  const ext = ATTACHMENT_TYPES[file.contentType];
  if (!ext) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (file.data.length === 0) throw new AppError('VALIDATION_FAILED', 'empty file', { field: 'file' });
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
  const att = await ctx.db.selectFrom('attachment').selectAll().where('id', '=', attachmentId).where('appealId', '=', appeal.id).executeTakeFirst();
  if (!att) throw new AppError('NOT_FOUND');
  const data = await ctx.storage.get(att.storageKey);
  auditRead(ctx, staff, appeal.id, 'attachment', att.id);
  return { ...att, data };
}
