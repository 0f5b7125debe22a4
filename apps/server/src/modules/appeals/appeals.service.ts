// Reading the register (staff lists, the appeal card, public tracking) and the one way
// every module changes an appeal's status: `moveAppeal`.
import type { AppealStatus } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { auditRead } from '../audit/index.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid, sha256 } from '../../platform/ids.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import { parseRealDate } from '../../platform/validation.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { cachedTopicFamily } from '../bodies/index.ts';
import * as repo from './appeals.repository.ts';
import { assertMove } from './lifecycle.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import { canReadAppeal, canSeeApplicant, CROSS_BODY_READERS, maskApplicant } from './appeals.policy.ts';

type AppealRow = NonNullable<Awaited<ReturnType<typeof repo.findAppeal>>>;

/** An appeal the staff member may read, else APPEAL_NOT_FOUND (another body's appeal does not exist for them). */
export async function getReadableAppeal(ctx: AppContext, staff: Staff, id: string, tx: Tx = ctx.db): Promise<AppealRow> {
  const appeal = isUuid(id) ? await repo.findAppeal(tx, id) : undefined;
  if (!appeal || !canReadAppeal(staff, appeal)) throw new AppError('APPEAL_NOT_FOUND');
  return appeal;
}

/** Lock an appeal of the staff member's own body for a change. */
export async function lockOwnAppeal(tx: Tx, staff: Staff, id: string): Promise<AppealRow> {
  const appeal = isUuid(id) ? await repo.lockAppeal(tx, id) : undefined;
  if (!appeal || !canReadAppeal(staff, appeal)) throw new AppError('APPEAL_NOT_FOUND');
  if (appeal.bodyId !== staff.bodyId) throw new AppError('FORBIDDEN');
  return appeal;
}

/**
 * Move an appeal to another status and record why, in the caller's transaction.
 * `fields` are set together with the status (answeredAt, resolution, …).
 */
export async function moveAppeal(
  ctx: AppContext,
  tx: Tx,
  appeal: { id: string; status: string },
  to: AppealStatus,
  event: { type: string; actor?: Staff | null; reason?: string | null; public?: boolean; data?: Record<string, unknown>; transient?: Record<string, unknown> },
  fields: Partial<Omit<AppealRow, 'id' | 'status' | 'search'>> = {},
): Promise<void> {
  assertMove(appeal.status, to);
  const res = await tx.updateTable('appeal').set({ ...fields, status: to }).where('id', '=', appeal.id).where('status', '=', appeal.status).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new AppError('INVALID_TRANSITION', 'the appeal changed meanwhile');
  await ctx.events.record(tx, {
    appealId: appeal.id,
    type: event.type,
    at: ctx.clock.now(),
    actor: event.actor ? { id: event.actor.id, role: event.actor.role } : null,
    reason: event.reason ?? null,
    public: event.public ?? true,
    data: { from: appeal.status, to, ...event.data },
    transient: event.transient,
  });
}

/** Derived flags for both clocks: overdue and due soon are never stored. */
export function termFlags(a: { status: string; legalDueAt: Date | null; targetDueAt: Date | null }, now: Date, dueSoonBefore?: Date) {
  const open = OPEN_STATUSES.includes(a.status as AppealStatus);
  return {
    overdue: open && !!a.legalDueAt && a.legalDueAt < now,
    targetMissed: open && !!a.targetDueAt && a.targetDueAt < now,
    dueSoon: open && !!a.legalDueAt && a.legalDueAt >= now && !!dueSoonBefore && a.legalDueAt <= dueSoonBefore,
  };
}

export const CARD_READ_EVENT = 'appeal.card_read';

/** One opening of a confidential card, by whom and when (never public, never in the card's history). */
async function recordCardRead(ctx: AppContext, staff: Staff, appealId: string): Promise<void> {
  await ctx.events.record(ctx.db, { appealId, type: CARD_READ_EVENT, at: ctx.clock.now(), actor: { id: staff.id, role: staff.role }, public: false, data: {} });
}

export async function getAppealCard(ctx: AppContext, staff: Staff, id: string) {
  const appeal = await getReadableAppeal(ctx, staff, id);
  // Every opening of a confidential card is on the appeal's own log, before anything is shown.
  if (appeal.confidential) await recordCardRead(ctx, staff, appeal.id);
  const showPersonal = canSeeApplicant(staff, appeal);
  const [events, attachments] = await Promise.all([
    repo.listEvents(ctx.db, appeal.id),
    ctx.db.selectFrom('attachment').select(['id', 'fileName', 'contentType', 'sizeBytes', 'createdAt']).where('appealId', '=', appeal.id).execute(),
  ]);
  const { accessCodeHash: _, search: __, ...rest } = appeal;
  const view = maskApplicant(staff, rest);
  const hideLinks = appeal.confidential && !showPersonal;
  auditRead(ctx, staff, appeal.id, 'card');
  return {
    ...view,
    ...termFlags(appeal, ctx.clock.now()),
    // Links of a confidential appeal are for the ethics commissioner alone.
    repeatOfId: hideLinks ? null : appeal.repeatOfId,
    redirectedFromId: hideLinks ? null : appeal.redirectedFromId,
    // A confidential applicant's files name them as surely as their name does.
    attachments: appeal.confidential && !showPersonal ? null : attachments,
    // Event data never holds identity, but reasons written by staff may: mask for readers without the right.
    events: events.map((e) => {
      const data = eventData(e.data, appeal, hideLinks);
      return showPersonal ? { ...e, data } : { ...e, data, reason: e.reason ? '…' : null };
    }),
  };
}

/** Keys of event data that point at another appeal. */
const LINK_KEYS = ['repeatOfId', 'redirectedFromId', 'redirectedFromNumber', 'redirectedFromBodyId', 'newAppealId', 'complaintId', 'complaintAbout', 'followUpOf', 'followUps'];

/**
 * An event's data as the card shows it. A repeat link recorded before it was cut (one that
 * joined a confidential appeal to an ordinary one) is not shown: only the appeal's current
 * link is. Readers who may not see a confidential applicant see none of its links.
 */
function eventData(data: Record<string, unknown>, appeal: { repeatOfId: string | null }, hideLinks: boolean): Record<string, unknown> {
  if (hideLinks) return Object.fromEntries(Object.entries(data).filter(([k]) => !LINK_KEYS.includes(k)));
  if (data.repeatOfId !== undefined && data.repeatOfId !== appeal.repeatOfId) {
    const { repeatOfId: _, ...rest } = data;
    return rest;
  }
  return data;
}

export interface ListQuery {
  status?: string;
  channel?: string;
  kind?: string;
  topic?: string;
  unitId?: string;
  executorId?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  from?: string;
  to?: string;
  q?: string;
  bodyId?: string;
  limit: number;
  cursor?: string;
}

export async function listAppeals(ctx: AppContext, staff: Staff, query: ListQuery, dueSoonBefore?: Date) {
  const crossBody = CROSS_BODY_READERS.includes(staff.role);
  const bodyIds = crossBody ? (query.bodyId ? [query.bodyId] : undefined) : [staff.bodyId];
  if (!crossBody && query.bodyId && query.bodyId !== staff.bodyId) throw new AppError('FORBIDDEN');
  const cursor = decodeCursor(query.cursor, 2);
  const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
  const date = (s: string | undefined, field: string) => {
    if (!s) return undefined;
    const d = parseRealDate(s);
    if (!d) throw new AppError('VALIDATION_FAILED', `${field} must be a date`, { field });
    return d;
  };
  const now = ctx.clock.now();
  const rows = await repo.listAppeals(ctx.db, {
    bodyIds,
    status: list(query.status),
    channel: list(query.channel),
    kind: list(query.kind),
    topicCodes: query.topic ? await cachedTopicFamily(ctx, query.topic) : undefined,
    unitId: query.unitId,
    executorId: query.executorId,
    overdue: query.overdue,
    dueSoonBefore: query.dueSoon ? dueSoonBefore : undefined,
    from: date(query.from, 'from'),
    to: date(query.to, 'to'),
    q: query.q?.trim() || undefined,
    now,
    limit: query.limit,
    after: cursor ? { receivedAt: new Date(cursor[0] as string), id: cursor[1] as string } : undefined,
  });
  const page = pageOf(rows, query.limit, (r) => [r.receivedAt.toISOString(), r.id]);
  return { items: page.items.map((r) => ({ ...maskApplicant(staff, r), ...termFlags(r, now, dueSoonBefore) })), nextCursor: page.nextCursor };
}

/** Public tracking by number and access code. A wrong code looks exactly like a missing number. */
export async function trackAppeal(ctx: AppContext, number: string, code: string) {
  const appeal = await repo.findAppealByNumber(ctx.db, number.trim().toUpperCase());
  if (!appeal || appeal.accessCodeHash !== sha256(code.trim().toUpperCase())) throw new AppError('APPEAL_NOT_FOUND');
  const events = await repo.listEvents(ctx.db, appeal.id, true);
  const body = await ctx.db.selectFrom('body').select(['code', 'nameKk', 'nameRu', 'nameEn']).where('id', '=', appeal.bodyId).executeTakeFirstOrThrow();
  return {
    appeal,
    view: {
      number: appeal.number,
      status: appeal.status,
      kind: appeal.kind,
      channel: appeal.channel,
      body: { code: body.code, name: { kk: body.nameKk, ru: body.nameRu, en: body.nameEn } },
      receivedAt: appeal.receivedAt.toISOString(),
      legalDueAt: appeal.legalDueAt?.toISOString() ?? null,
      answeredAt: appeal.answeredAt?.toISOString() ?? null,
      closedAt: appeal.closedAt?.toISOString() ?? null,
      resolution: appeal.resolution,
      satisfaction: appeal.satisfaction,
      history: events.map((e) => ({ type: e.type, at: e.at.toISOString(), data: publicData(e.data) })),
    },
  };
}

/** Only the parts of an event the applicant should see. */
function publicData(data: Record<string, unknown>): Record<string, unknown> {
  const { from, to, number, targetBodyName, until, text, resolution } = data as Record<string, unknown>;
  return Object.fromEntries(Object.entries({ from, to, number, targetBodyName, until, text, resolution }).filter(([, v]) => v !== undefined));
}
