import type { Tx } from '../../platform/events.ts';

export interface NotificationInput {
  appealId?: string | null;
  recipientKind: 'applicant' | 'staff';
  recipientUserId?: string | null;
  template: string;
  channel: string;
  language: string;
  address?: string | null;
  payload?: Record<string, unknown>;
  at: Date;
  /** Hold the message until then (reminders). */
  sendAfter?: Date | null;
}

export async function queueNotification(tx: Tx, n: NotificationInput): Promise<string> {
  const row = await tx
    .insertInto('notification')
    .values({
      appealId: n.appealId ?? null,
      recipientKind: n.recipientKind,
      recipientUserId: n.recipientUserId ?? null,
      template: n.template,
      channel: n.channel,
      language: n.language,
      address: n.address ?? null,
      payload: n.payload ?? {},
      createdAt: n.at,
      sendAfter: n.sendAfter ?? null,
      sentAt: null,
      lastError: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
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
