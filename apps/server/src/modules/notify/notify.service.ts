// Queueing messages in the transaction of their cause. The outbox row is the job: a worker
// (delivery-worker.ts) claims and sends it after commit. Applicant messages also go to every
// Telegram chat linked to the appeal; staff messages go by the person's preference.
import { sql } from 'kysely';
import type { Tx } from '../../platform/events.ts';

export interface NotificationInput {
  appealId?: string | null;
  recipientKind: 'applicant' | 'staff' | 'subscriber';
  recipientUserId?: string | null;
  template: string;
  channel: string;
  language: string;
  address?: string | null;
  payload?: Record<string, unknown>;
  at: Date;
  /** Hold the message until then (reminders). */
  sendAfter?: Date | null;
  /** Queue at most once per key (scheduled alerts that several nodes may compute). */
  dedupeKey?: string | null;
}

export async function queueNotification(tx: Tx, n: NotificationInput): Promise<string> {
  const values = {
    appealId: n.appealId ?? null,
    recipientKind: n.recipientKind,
    recipientUserId: n.recipientUserId ?? null,
    template: n.template,
    language: n.language,
    payload: n.payload ?? {},
    createdAt: n.at,
    sendAfter: n.sendAfter ?? null,
    nextAttemptAt: n.sendAfter ?? n.at,
    sentAt: null,
    lastError: null,
    // The body whose administrator sees it: the appeal's, else the staff member's.
    bodyId: sql<string | null>`coalesce((select body_id from appeal where id = ${n.appealId ?? null}::uuid), (select body_id from staff_user where id = ${n.recipientUserId ?? null}::uuid))`,
  };
  const row = await tx
    .insertInto('notification')
    .values({ ...values, channel: n.channel, address: n.address ?? null, dedupeKey: n.dedupeKey ?? null })
    .onConflict((oc) => oc.column('dedupeKey').where('dedupeKey', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) {
    const existing = await tx.selectFrom('notification').select('id').where('dedupeKey', '=', n.dedupeKey!).executeTakeFirstOrThrow();
    return existing.id;
  }
  if (n.recipientKind === 'applicant' && n.appealId && n.channel !== 'telegram') {
    // One statement: a copy for each chat the applicant linked to this appeal (usually none).
    await tx
      .insertInto('notification')
      .columns(['appealId', 'recipientKind', 'recipientUserId', 'template', 'language', 'payload', 'createdAt', 'sendAfter', 'nextAttemptAt', 'sentAt', 'lastError', 'bodyId', 'channel', 'address', 'dedupeKey'])
      .expression((eb) =>
        eb
          .selectFrom('telegramChat as c')
          .select([
            sql<string>`${values.appealId}::uuid`.as('appealId'),
            sql<string>`${values.recipientKind}`.as('recipientKind'),
            sql<null>`null::uuid`.as('recipientUserId'),
            sql<string>`${values.template}`.as('template'),
            sql<string>`${values.language}`.as('language'),
            sql<string>`${JSON.stringify(values.payload)}::jsonb`.as('payload'),
            sql<Date>`${values.createdAt}::timestamptz`.as('createdAt'),
            sql<Date | null>`${values.sendAfter}::timestamptz`.as('sendAfter'),
            sql<Date>`${values.nextAttemptAt}::timestamptz`.as('nextAttemptAt'),
            sql<null>`null::timestamptz`.as('sentAt'),
            sql<null>`null::text`.as('lastError'),
            sql<string | null>`(select body_id from appeal where id = ${values.appealId}::uuid)`.as('bodyId'),
            sql<string>`'telegram'`.as('channel'),
            sql<string>`c.chat_id::text`.as('address'),
            sql<string | null>`case when ${n.dedupeKey ?? null}::text is null then null else ${n.dedupeKey ?? null}::text || ':tg:' || c.chat_id end`.as('dedupeKey'),
          ])
          .where('c.appealId', '=', n.appealId!),
      )
      .execute();
  }
  return row.id;
}

/** A message to a staff member on the channel they chose: Telegram when chosen and linked, else e-mail. */
export async function queueStaffNotification(
  tx: Tx,
  n: { userId: string; template: string; appealId?: string | null; payload?: Record<string, unknown>; at: Date; dedupeKey?: string | null },
): Promise<string | null> {
  const user = await tx
    .selectFrom('staffUser as u')
    .leftJoin('staffPreference as p', 'p.userId', 'u.id')
    .leftJoin('telegramChat as c', 'c.userId', 'u.id')
    .select(['u.email', 'u.language', 'u.active', 'p.channel', 'c.chatId'])
    .where('u.id', '=', n.userId)
    .executeTakeFirst();
  if (!user || !user.active) return null;
  const telegram = user.channel === 'telegram' && user.chatId !== null;
  return queueNotification(tx, {
    appealId: n.appealId ?? null,
    recipientKind: 'staff',
    recipientUserId: n.userId,
    template: n.template,
    channel: telegram ? 'telegram' : 'email',
    language: user.language,
    address: telegram ? String(user.chatId) : user.email,
    payload: n.payload,
    at: n.at,
    dedupeKey: n.dedupeKey,
  });
}

/** Withdraw messages not yet sent (a reminder for a meeting that was cancelled or moved). */
export async function cancelQueuedNotifications(tx: Tx, where: { appealId: string; template: string }): Promise<number> {
  const res = await tx
    .updateTable('notification')
    .set({ status: 'cancelled' })
    .where('appealId', '=', where.appealId)
    .where('template', '=', where.template)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
