// Which appeal events tell the applicant something, and through which channel.
import type { AppContext } from '../../app-context.ts';
import { sql } from 'kysely';
import type { InlineSubscriber, Tx } from '../../platform/events.ts';
import { queueNotification } from './notify.service.ts';
import { notifyAssignment } from './staff-alerts.ts';

interface ApplicantContact {
  preferredAnswer: string;
  applicantEmail: string | null;
  applicantPhone: string | null;
  address: string | null;
  language: string;
}

/** The channel and address an applicant is reached on, preferring what they chose. */
export function applicantRoute(a: ApplicantContact): { channel: string; address: string | null } {
  if (a.preferredAnswer === 'email' && a.applicantEmail) return { channel: 'email', address: a.applicantEmail };
  if (a.preferredAnswer === 'sms' && a.applicantPhone) return { channel: 'sms', address: a.applicantPhone };
  if (a.preferredAnswer === 'paper' && a.address) return { channel: 'paper', address: a.address };
  return { channel: 'portal', address: null };
}

async function notifyApplicant(tx: Tx, appealId: string, template: string, at: Date, payload: Record<string, unknown>, opts: { instantChannel?: boolean; method?: unknown } = {}) {
  const a = await tx
    .selectFrom('appeal')
    .select(['preferredAnswer', 'applicantEmail', 'applicantPhone', 'address', 'language', 'number'])
    .where('id', '=', appealId)
    .executeTakeFirstOrThrow();
  // An answer goes by the method chosen for it, which may differ from the one asked for at intake.
  let route = applicantRoute(typeof opts.method === 'string' ? { ...a, preferredAnswer: opts.method } : a);
  // A registration receipt is not worth a paper letter: e-mail or SMS if we have them, else the portal.
  if (opts.instantChannel && route.channel === 'paper') route = a.applicantEmail ? { channel: 'email', address: a.applicantEmail } : a.applicantPhone ? { channel: 'sms', address: a.applicantPhone } : { channel: 'portal', address: null };
  await queueNotification(tx, { appealId, recipientKind: 'applicant', template, channel: route.channel, language: a.language, address: route.address, payload: { number: a.number, ...payload }, at });
}

/**
 * The registration receipt written inside intake's own statement (no round trips while the
 * body's number counter is locked). Intake hands over the contact it has just stored. Writes
 * the row queueNotification would write for a new appeal (which has no Telegram chats yet);
 * keep the two in step (appeals/intake-statement.int.test.ts checks they agree).
 */
const receiptInline: InlineSubscriber = {
  row(e) {
    const contact = e.transient?.contact as ApplicantContact | undefined;
    if (e.transient?.ownReceipt || !contact) return null;
    let route = applicantRoute(contact);
    if (route.channel === 'paper') route = contact.applicantEmail ? { channel: 'email', address: contact.applicantEmail } : contact.applicantPhone ? { channel: 'sms', address: contact.applicantPhone } : { channel: 'portal', address: null };
    return { channel: route.channel, language: contact.language, address: route.address, payload: { accessCodeSealed: e.transient?.accessCodeSealed }, at: e.at };
  },
  insert: (rows) => sql`
    insert into notification (appeal_id, recipient_kind, template, channel, language, address, payload, created_at, next_attempt_at, body_id)
    select a.id, 'applicant', 'appeal.registered', x.channel, x.language, x.address, jsonb_build_object('number', a.number) || x.payload, x.at, x.at, a.body_id
      from jsonb_to_recordset(${rows}) as x(appeal_id uuid, channel text, language text, address text, payload jsonb, at timestamptz)
      join a on a.id = x.appeal_id`,
};

export function subscribeNotifications(ctx: AppContext): void {
  // Staff: a new appeal in my queue. Deadline alerts and the digest come from the delivery worker's sweep.
  ctx.events.on('appeal.assigned', notifyAssignment);
  ctx.events.on('appeal.reassigned', notifyAssignment);
  ctx.events.on('appeal.registered', async (tx, e) => {
    // A channel module that sends its own receipt (a reception booking's confirmation carries the number and code).
    if (e.transient?.ownReceipt) return;
    await notifyApplicant(tx, e.appealId, 'appeal.registered', e.at, { accessCodeSealed: e.transient?.accessCodeSealed }, { instantChannel: true });
  }, receiptInline);
  // The common process (modules/process): the applicant hears of every decision on the appeal.
  ctx.events.on('appeal.redirected', (tx, e) => notifyApplicant(tx, e.appealId, 'appeal.redirected', e.at, { targetBodyName: e.data?.targetBodyName, newNumber: e.data?.number, reason: e.reason }));
  ctx.events.on('appeal.extended', (tx, e) => notifyApplicant(tx, e.appealId, 'appeal.extended', e.at, { until: e.data?.until, legalDueAt: e.data?.legalDueAt, reason: e.reason }));
  ctx.events.on('appeal.info_requested', (tx, e) => notifyApplicant(tx, e.appealId, 'appeal.info_requested', e.at, { text: e.reason }));
  ctx.events.on('appeal.answered', (tx, e) => notifyApplicant(tx, e.appealId, 'appeal.answered', e.at, { text: e.transient?.text, resolution: e.data?.resolution }, { method: e.data?.deliveryMethod }));
  ctx.events.on('appeal.left_without_consideration', (tx, e) => notifyApplicant(tx, e.appealId, 'appeal.left_without_consideration', e.at, { reason: e.reason }));
}
