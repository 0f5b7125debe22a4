// Reading the outbox: the administrator's view of a body's messages (rendered as the
// recipient sees them), sending one again, the applicant's messages on the tracking page,
// and each staff member's channel preference.
import { isUuid } from '../../platform/ids.ts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { trackAppeal } from '../appeals/index.ts';
import * as repo from './notify.repository.ts';
import { OUTBOX_ROLES, RETRYABLE_STATUSES } from './notify.policy.ts';
import { render } from './templates.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Render a page of rows with the secrets (access codes) masked. */
async function renderRows(ctx: AppContext, rows: repo.NotificationRow[], db: Tx = ctx.db) {
  const context = await repo.loadRenderContext(db, rows);
  return rows.map((r) => ({
    row: r,
    appeal: r.appealId ? (context.appeals.get(r.appealId) ?? null) : null,
    message: render({
      template: r.template,
      language: r.language,
      payload: r.payload,
      appeal: r.appealId ? context.appeals.get(r.appealId) : null,
      recipientName: r.recipientUserId ? context.staffNames.get(r.recipientUserId) : null,
      publicUrl: ctx.config.publicUrl,
      maskSecrets: true,
    }),
  }));
}

export interface OutboxQuery {
  status?: string;
  channel?: string;
  appealId?: string;
  limit: number;
  cursor?: string;
}

const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

/** The keyset position (createdAt, id) of an opaque cursor; a malformed one is a 400, never a database error. */
export function afterOf(cursor: string | undefined) {
  const c = decodeCursor(cursor, 2);
  if (!c) return undefined;
  const createdAt = new Date(c[0] as string);
  if (Number.isNaN(createdAt.getTime()) || !isUuid(String(c[1]))) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  return { createdAt, id: String(c[1]) };
}

export async function listOutbox(ctx: AppContext, staff: Staff, q: OutboxQuery) {
  if (!OUTBOX_ROLES.includes(staff.role)) throw new AppError('FORBIDDEN');
  if (q.appealId && !isUuid(q.appealId)) throw new AppError('VALIDATION_FAILED', 'appealId must be a uuid', { field: 'appealId' });
  const rows = await repo.listOutbox(ctx.db, { bodyId: staff.bodyId, status: list(q.status), channel: list(q.channel), appealId: q.appealId, after: afterOf(q.cursor), limit: q.limit });
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const rendered = await renderRows(ctx, page.items);
  return {
    items: rendered.map(({ row: r, appeal, message: m }) => confidential(r, appeal) ?? ({
      id: r.id,
      appealId: r.appealId,
      appealNumber: appeal?.number ?? (typeof r.payload.number === 'string' ? r.payload.number : null),
      recipientKind: r.recipientKind,
      recipientUserId: r.recipientUserId,
      template: r.template,
      channel: r.channel,
      // Administrators see full addresses: they are the ones who fix a wrong one.
      address: r.address,
      language: r.language,
      status: r.status,
      attempts: r.attempts,
      error: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sendAfter: iso(r.sendAfter),
      nextAttemptAt: r.status === 'queued' ? iso(r.nextAttemptAt) : null,
      sentAt: iso(r.sentAt),
      deliveredAt: iso(r.deliveredAt),
      providerRef: r.providerRef,
      subject: m.subject,
      text: m.text,
      html: m.html,
      sms: r.channel === 'sms' ? m.sms : null,
    })),
    nextCursor: page.nextCursor,
  };
}

const TRUST_PHONE_NOTE = 'Trust phone: the caller’s messages are seen by the ethics commissioner only.';
const CONFIDENTIAL_NOTE = 'Confidential appeal: the applicant’s messages are seen by the ethics commissioner only.';

/**
 * A message to a confidential applicant (a trust-phone caller, …) as the administrator sees
 * it: status and delivery, but neither the address nor the text (both name the applicant;
 * the ethics commissioner alone may).
 */
function confidential(r: repo.NotificationRow, appeal: repo.AppealForMessage | null) {
  if (!appeal?.confidential || r.recipientKind !== 'applicant') return undefined;
  const note = appeal.channel === 'trust_phone' ? TRUST_PHONE_NOTE : CONFIDENTIAL_NOTE;
  return {
    id: r.id,
    appealId: r.appealId,
    appealNumber: appeal.number,
    recipientKind: r.recipientKind,
    recipientUserId: r.recipientUserId,
    template: r.template,
    channel: r.channel,
    address: r.address ? '***' : null,
    language: r.language,
    status: r.status,
    attempts: r.attempts,
    // The reason stays (a missing SMTP_URL is the administrator's to fix), without addresses in it.
    error: r.lastError?.replace(/[^\s<>"']+@[^\s<>"']+/g, '***').replace(/\+?\d[\d ()-]{5,}\d/g, '***') ?? null,
    createdAt: r.createdAt.toISOString(),
    sendAfter: iso(r.sendAfter),
    nextAttemptAt: r.status === 'queued' ? iso(r.nextAttemptAt) : null,
    sentAt: iso(r.sentAt),
    deliveredAt: iso(r.deliveredAt),
    providerRef: r.providerRef,
    subject: `№ ${appeal.number}`,
    text: note,
    html: `<p>${note}</p>`,
    sms: null,
  };
}

/** Put a failed or held message back in the queue (the address was fixed, the channel configured). */
export async function retryNotification(ctx: AppContext, staff: Staff, id: string) {
  if (!OUTBOX_ROLES.includes(staff.role)) throw new AppError('FORBIDDEN');
  if (!isUuid(id)) throw new AppError('NOTIFICATION_NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    const n = await repo.findNotification(tx, id, { forUpdate: true });
    if (!n || n.bodyId !== staff.bodyId) throw new AppError('NOTIFICATION_NOT_FOUND');
    if (!RETRYABLE_STATUSES.includes(n.status)) throw new AppError('INVALID_TRANSITION', `a ${n.status} message is not sent again`, { from: n.status, to: 'queued' });
    const now = ctx.clock.now();
    // A fresh run of attempts: the administrator decided the cause is gone.
    await tx.updateTable('notification').set({ status: 'queued', attempts: 0, nextAttemptAt: now }).where('id', '=', id).execute();
    return { id, status: 'queued' as const };
  });
}

/** The tracking page's messages: everything the applicant was told about the appeal. */
export async function listTrackedMessages(ctx: AppContext, number: string, code: string, q: { limit: number; cursor?: string }) {
  const { appeal } = await trackAppeal(ctx, number, code);
  const rows = await repo.listAppealMessages(ctx.db, appeal.id, ctx.clock.now(), afterOf(q.cursor), q.limit);
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  const rendered = await renderRows(ctx, page.items);
  return {
    items: rendered.map(({ row: r, message: m }) => ({
      id: r.id,
      at: (r.sendAfter ?? r.createdAt).toISOString(),
      channel: r.channel,
      status: r.status,
      language: r.language,
      subject: m.subject,
      text: m.paragraphs.join('\n\n'),
      html: m.html,
    })),
    nextCursor: page.nextCursor,
  };
}

export async function getPreferences(ctx: AppContext, staff: Staff) {
  const [pref, chat] = await Promise.all([
    ctx.db.selectFrom('staffPreference').select(['channel', 'digest']).where('userId', '=', staff.id).executeTakeFirst(),
    ctx.db.selectFrom('telegramChat').select('linkedAt').where('userId', '=', staff.id).executeTakeFirst(),
  ]);
  return { channel: (pref?.channel ?? 'email') as 'email' | 'telegram', digest: pref?.digest ?? true, telegramLinked: !!chat, telegramLinkedAt: iso(chat?.linkedAt ?? null) };
}

export async function setPreferences(ctx: AppContext, staff: Staff, input: { channel?: 'email' | 'telegram'; digest?: boolean }) {
  const current = await getPreferences(ctx, staff);
  const channel = input.channel ?? current.channel;
  if (channel === 'telegram' && !current.telegramLinked) throw new AppError('TELEGRAM_NOT_LINKED');
  const digest = input.digest ?? current.digest;
  await ctx.db
    .insertInto('staffPreference')
    .values({ userId: staff.id, channel, digest, updatedAt: ctx.clock.now() })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ channel, digest, updatedAt: ctx.clock.now() }))
    .execute();
  return { ...current, channel, digest };
}
