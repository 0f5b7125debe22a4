// What the citizen hears about a booking, queued in the transaction of its event: the
// confirmation at booking (it carries the number and access code, so the register's own
// receipt is skipped), the reminder 3 days before (held until then by send_after), and
// why no meeting is needed. A reminder for a meeting that will not happen is withdrawn.
import type { AppContext } from '../../app-context.ts';
import type { AppealEventInput, Tx } from '../../platform/events.ts';
import { applicantRoute, cancelQueuedNotifications, queueNotification } from '../notify/index.ts';
import * as repo from './reception.repository.ts';

const REMINDER = 'reception.reminder';

async function applicantOf(tx: Tx, appealId: string) {
  return tx
    .selectFrom('appeal')
    .select(['preferredAnswer', 'applicantEmail', 'applicantPhone', 'address', 'language', 'number'])
    .where('id', '=', appealId)
    .executeTakeFirstOrThrow();
}

/** A confirmation is not worth a paper letter: e-mail or SMS when we have them, else the portal. */
function instantRoute(a: Awaited<ReturnType<typeof applicantOf>>) {
  const route = applicantRoute(a);
  if (route.channel !== 'paper') return route;
  return a.applicantEmail ? { channel: 'email', address: a.applicantEmail } : a.applicantPhone ? { channel: 'sms', address: a.applicantPhone } : { channel: 'portal', address: null };
}

function meetingPayload(data: Record<string, unknown>) {
  const { startsAt, endsAt, place, videoUrl, officialName, officialRole } = data;
  return { startsAt, endsAt, place, videoUrl, officialName, officialRole };
}

async function confirmAndRemind(tx: Tx, e: AppealEventInput, template: string, extra: Record<string, unknown>) {
  const a = await applicantOf(tx, e.appealId);
  const route = instantRoute(a);
  const payload = { number: a.number, ...meetingPayload(e.data ?? {}) };
  await queueNotification(tx, { appealId: e.appealId, recipientKind: 'applicant', template, channel: route.channel, language: a.language, address: route.address, payload: { ...payload, ...extra }, at: e.at });
  const remindAt = e.data?.remindAt ? new Date(String(e.data.remindAt)) : null;
  const by = e.data?.remindBy;
  // 'call' reminders are the operators' call list, not a message.
  if (remindAt && (by === 'sms' || by === 'email')) {
    await queueNotification(tx, {
      appealId: e.appealId,
      recipientKind: 'applicant',
      template: REMINDER,
      channel: by,
      language: a.language,
      address: by === 'sms' ? a.applicantPhone : a.applicantEmail,
      payload,
      at: e.at,
      sendAfter: remindAt,
    });
  }
}

async function notifyApplicant(tx: Tx, e: AppealEventInput, template: string, payload: Record<string, unknown>) {
  const a = await applicantOf(tx, e.appealId);
  const route = applicantRoute(a);
  await queueNotification(tx, { appealId: e.appealId, recipientKind: 'applicant', template, channel: route.channel, language: a.language, address: route.address, payload: { number: a.number, ...payload }, at: e.at });
}

async function withdrawReminder(tx: Tx, e: AppealEventInput): Promise<void> {
  await cancelQueuedNotifications(tx, { appealId: e.appealId, template: REMINDER });
}

export function subscribeReception(ctx: AppContext): void {
  ctx.events.on('reception.booked', (tx, e) => confirmAndRemind(tx, e, 'reception.booked', { accessCodeSealed: e.transient?.accessCodeSealed }));
  ctx.events.on('reception.rescheduled', async (tx, e) => {
    await withdrawReminder(tx, e);
    await confirmAndRemind(tx, e, 'reception.rescheduled', {});
  });
  ctx.events.on('reception.solved_without_meeting', async (tx, e) => {
    await withdrawReminder(tx, e);
    await notifyApplicant(tx, e, 'reception.solved_without_meeting', { reason: e.reason, text: e.reason });
  });
  for (const type of ['reception.cancelled', 'reception.no_show', 'reception.held']) ctx.events.on(type, (tx, e) => withdrawReminder(tx, e));
  // However an appeal with a booking is redirected (the review, or triage in the process
  // module), its seat is freed and the booking ends.
  ctx.events.on('appeal.redirected', async (tx, e) => {
    const b = await repo.findActiveBookingOfAppeal(tx, e.appealId);
    if (!b) return;
    await repo.freeSeat(tx, b.slotId);
    await repo.updateBooking(tx, b.id, { status: 'redirected', closedAt: e.at });
    await withdrawReminder(tx, e);
  });
}
