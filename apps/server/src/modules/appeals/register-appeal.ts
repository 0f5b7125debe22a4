// Intake: one appeal into the unified register, from any channel. Idempotent by key;
// once this returns, the appeal is committed.
import { createHash, randomUUID } from 'node:crypto';
import { isValidIinOrBin, type AnswerMethod, type AppealKind, type ApplicantType, type Channel, type Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { newAccessCode, sha256 } from '../../platform/ids.ts';
import { secretsOf } from '../../platform/secrets.ts';
import { inTransaction, type Tx } from '../../platform/events.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { cachedBody, cachedTopic, getBody, routeByPlace, type PlaceRouting } from '../bodies/index.ts';
import type { Staff } from '../../platform/staff.ts';
import { termsOnReceipt } from '../deadlines/index.ts';
import { REGISTRAR_ROLES } from './appeals.policy.ts';
import { claimAttachments } from './attachments.ts';
import { detectLanguage } from './language.ts';
import { findAppeal, insertRegisteredAppeals, isIdempotencyKeyTaken, type IntakeRow, type WrittenAppeal } from './appeals.repository.ts';
import { intakeQueue } from './intake-queue.ts';

export interface ApplicantInput {
  type: ApplicantType;
  name?: string;
  iin?: string;
  bin?: string;
  email?: string;
  phone?: string;
}

export interface AppealInput {
  /** Absent: the location routes the appeal to the most local competent body (routing by place). */
  bodyId?: string;
  kind: AppealKind;
  text: string;
  topicCode?: string;
  language?: Language;
  applicant: ApplicantInput;
  preferredAnswer: AnswerMethod;
  address?: string;
  location?: { lat: number; lon: number };
  channel?: Channel;
  receivedAt?: string;
  /** ids returned by POST /attachments */
  attachments?: string[];
}

export interface RegisteredAppeal {
  id: string;
  number: string;
  accessCode: string;
  status: string;
  receivedAt: string;
}

/** What a newly received appeal has not got yet: triage, work and outcome set these later. */
const NOT_YET_WORKED = {
  unitId: null,
  executorId: null,
  difficulty: null,
  targetDueAt: null,
  resolution: null,
  satisfaction: null,
  answeredAt: null,
  closedAt: null,
} as const;

/** Channels whose appeals are confidential from intake: the trust phone's one promise is anonymity. */
export const CONFIDENTIAL_CHANNELS: readonly string[] = ['trust_phone'];

/** Channels whose standard allows anonymous appeals unless a body says otherwise. */
const DEFAULT_ANONYMOUS_CHANNELS: readonly string[] = ['trust_phone'];

function validateApplicant(a: ApplicantInput, channel: string, anonymousChannels: readonly string[], preferred: AnswerMethod, address?: string) {
  if (a.type === 'anonymous') {
    if (!anonymousChannels.includes(channel)) throw new AppError('ANONYMOUS_NOT_ALLOWED');
  } else if (!a.name?.trim()) {
    throw new AppError('VALIDATION_FAILED', 'applicant.name is required', { field: 'applicant.name' });
  }
  if (a.type === 'individual' && a.iin !== undefined && !isValidIinOrBin(a.iin)) throw new AppError('INVALID_IIN', undefined, { field: 'applicant.iin' });
  if (a.type === 'legal' && (a.bin === undefined || !isValidIinOrBin(a.bin))) throw new AppError('INVALID_BIN', undefined, { field: 'applicant.bin' });
  const contactFor: Record<AnswerMethod, string | undefined> = { email: a.email, sms: a.phone, paper: address, portal: 'portal' };
  if (!contactFor[preferred]?.trim()) throw new AppError('CONTACT_REQUIRED', undefined, { field: preferred === 'paper' ? 'address' : preferred === 'sms' ? 'applicant.phone' : 'applicant.email' });
}

function fingerprintOf(input: AppealInput, staff?: Staff): string {
  return createHash('sha256').update(JSON.stringify([input, staff?.id ?? null])).digest('hex');
}

const almatyYear = (at: Date) => new Date(at.getTime() + 5 * 3_600_000).getUTCFullYear();

/** АКМ-2026-000123: the body's prefix, the year in Almaty, a counter per body and year. */
async function nextNumber(tx: Tx, bodyId: string, prefix: string, at: Date): Promise<string> {
  const year = almatyYear(at);
  const row = await tx
    .insertInto('appealNumber')
    .values({ bodyId, year, last: 1 })
    .onConflict((oc) => oc.columns(['bodyId', 'year']).doUpdateSet((eb) => ({ last: eb('appealNumber.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last).padStart(6, '0')}`;
}

export interface RegisterOptions {
  staff?: Staff;
  idempotencyKey?: string;
  /**
   * Runs in the appeal's own transaction once it is written, so a channel module's rows (a
   * reception booking's seat) commit with the appeal, or roll it back by throwing. The
   * caller holds no connection meanwhile. Not run when an Idempotency-Key replays.
   */
  within?: (tx: Transaction<Database>, appeal: RegisteredAppeal) => Promise<void>;
  /** The channel was set by a channel module (e.g. a reception booking), not by the HTTP caller: a citizen may use it. */
  channelSetByModule?: boolean;
  /** The receipt instant was set by a channel module (an appeal received first by a national system), not by the HTTP caller. */
  receivedAtSetByModule?: boolean;
  /** The channel module sends its own receipt with the number and access code, so no generic one is queued. */
  ownReceipt?: boolean;
}

export async function registerAppeal(ctx: AppContext, given: AppealInput, opts: RegisterOptions = {}): Promise<RegisteredAppeal> {
  const { staff } = opts;
  const { input, routing } = await withBody(ctx, given, staff);
  const now = ctx.clock.now();
  if ((input.channel && input.channel !== 'website' && !staff && !opts.channelSetByModule) || (input.receivedAt && !opts.receivedAtSetByModule)) {
    if (!staff) throw new AppError('FORBIDDEN', 'channel and receivedAt are for staff registering on a citizen’s behalf');
  }
  if (staff && !REGISTRAR_ROLES.includes(staff.role)) throw new AppError('FORBIDDEN');
  if (staff && staff.bodyId !== input.bodyId) throw new AppError('FORBIDDEN', 'staff register appeals into their own body');
  const channel: Channel = input.channel ?? (staff ? 'hand_delivered' : 'website');
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : now;
  if (Number.isNaN(receivedAt.getTime()) || receivedAt.getTime() > now.getTime() + 60_000) {
    throw new AppError('VALIDATION_FAILED', 'receivedAt must be a past instant', { field: 'receivedAt' });
  }
  const text = input.text.trim();
  if (text.length < 3) throw new AppError('VALIDATION_FAILED', 'text is too short', { field: 'text' });

  const body = await cachedBody(ctx, input.bodyId);
  const settings = body.settings as { anonymousChannels?: string[]; numberPrefix?: string };
  validateApplicant(input.applicant, channel, settings.anonymousChannels ?? DEFAULT_ANONYMOUS_CHANNELS, input.preferredAnswer, input.address);
  if (input.topicCode) await cachedTopic(ctx, input.topicCode);

  const language = input.language ?? detectLanguage(text);

  const a = input.applicant;
  const email = a.email?.trim().toLowerCase() || null;
  const phone = a.phone?.trim() || null;
  const address = input.address?.trim() || null;
  const accessCode = newAccessCode();
  const fingerprint = opts.idempotencyKey ? fingerprintOf(input, staff) : '';
  const event = {
    type: 'appeal.registered',
    at: now,
    actor: staff ? { id: staff.id, role: staff.role } : null,
    public: true,
    // The statement adds the number and repeatOfId it finds.
    data: { channel, kind: input.kind, receivedAt: receivedAt.toISOString(), ...(routing ? { routedByPlace: { bodyCode: routing.bodyCode, reason: routing.reason, candidates: routing.candidates } } : {}) },
    transient: {
      // Sealed: the receipt's stored payload never holds the code in clear (platform/secrets.ts).
      accessCodeSealed: secretsOf(ctx).seal(accessCode),
      // What the receipt needs, so it can be written in the same statement.
      contact: { preferredAnswer: input.preferredAnswer, applicantEmail: email, applicantPhone: phone, address, language },
      ...(opts.ownReceipt ? { ownReceipt: true } : {}),
    },
  };
  const row = (terms: { legalDueAt: Date; redirectDueAt: Date; revision: number }): IntakeRow => ({
    id: randomUUID(),
    bodyId: body.id,
    prefix: settings.numberPrefix ?? body.code.toUpperCase(),
    year: almatyYear(receivedAt),
    calendarRevision: terms.revision,
    event,
    // The key is kept with the answer by the same statement; a key already taken fails it (replayed below).
    idempotency: opts.idempotencyKey ? { key: opts.idempotencyKey, fingerprint, accessCodeSealed: secretsOf(ctx).seal(accessCode), receivedAt: receivedAt.toISOString() } : undefined,
    appeal: {
      accessCodeHash: sha256(accessCode),
      channel,
      kind: input.kind,
      applicantType: a.type,
      applicantName: a.name?.trim() || null,
      applicantIin: a.type === 'individual' ? (a.iin ?? null) : null,
      applicantBin: a.type === 'legal' ? (a.bin ?? null) : null,
      applicantEmail: email,
      applicantPhone: phone,
      preferredAnswer: input.preferredAnswer,
      confidential: CONFIDENTIAL_CHANNELS.includes(channel),
      language,
      text,
      topicCode: input.topicCode ?? null,
      address,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      receivedAt,
      registeredAt: now,
      registeredBy: staff?.id ?? null,
      legalDueAt: terms.legalDueAt,
      redirectDueAt: terms.redirectDueAt,
    },
  });
  const registered = (w: WrittenAppeal): RegisteredAppeal => ({ id: w.id, number: w.number, accessCode, status: w.status, receivedAt: receivedAt.toISOString() });

  // With nothing else to write (no attachments, channel module's rows or subscriber of its
  // own), the statement is the transaction, shared with the appeals arriving meanwhile
  // (intake-queue.ts). Otherwise the rest follows in the appeal's own transaction.
  const alone = !opts.within && !input.attachments?.length && ctx.events.allInline('appeal.registered');
  const write = async (r: IntakeRow): Promise<RegisteredAppeal | undefined> => {
    if (alone) {
      const w = await intakeQueue(ctx).submit(r);
      return w && registered(w);
    }
    return ctx.db.transaction().execute(async (tx) => {
      const w = (await insertRegisteredAppeals(tx, [r], ctx.events.inlineSubscribers(event.type))).get(r.id);
      if (!w) return undefined;
      await claimAttachments(tx, w.id, input.attachments ?? []);
      await ctx.events.publish(tx, { ...event, id: w.eventId, appealId: w.id, data: { number: w.number, ...event.data, ...(w.repeatOfId ? { repeatOfId: w.repeatOfId } : {}) } }, { inlined: true });
      const result = registered(w);
      await opts.within?.(tx, result);
      return result;
    });
  };
  // The terms are counted on this process's copy of the calendar; the statement checks that
  // copy is current and writes nothing when an administrator has changed the calendar since.
  const result = await termsOnReceipt(ctx, receivedAt, { cached: true })
    .then((terms) => write(row(terms)))
    .then(async (done) => done ?? write(row(await termsOnReceipt(ctx, receivedAt))))
    .catch((err): { replay: string } => {
      if (opts.idempotencyKey && isIdempotencyKeyTaken(err)) return { replay: opts.idempotencyKey };
      throw err;
    });
  if (!result) throw new Error('the calendar changed twice while an appeal was registered');
  if (!('replay' in result)) return result;
  const stored = await ctx.db.selectFrom('idempotencyKey').selectAll().where('key', '=', result.replay).executeTakeFirstOrThrow();
  // A key older than its 24 hours answers no more: the sweep deletes such keys; one it has not
  // reached yet is deleted here, and the request is a new one.
  if (stored.createdAt.getTime() + IDEMPOTENCY_TTL_MS <= now.getTime()) {
    await purgeExpiredIdempotencyKeys(ctx, result.replay);
    return registerAppeal(ctx, given, opts);
  }
  if (stored.fingerprint !== fingerprint) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return replayedAnswer(ctx, stored.response);
}

/**
 * The appeal's body: the one given, or (no body, a point) the most local body whose boundary
 * holds the point and whose competence holds the topic. The choice and its reason go on the
 * registration event. Staff register into their own body, so routing is for citizens' channels.
 */
async function withBody(ctx: AppContext, input: AppealInput, staff: Staff | undefined): Promise<{ input: AppealInput & { bodyId: string }; routing?: PlaceRouting }> {
  if (input.bodyId) return { input: input as AppealInput & { bodyId: string } };
  if (staff) return { input: { ...input, bodyId: staff.bodyId } };
  if (!input.location) throw new AppError('VALIDATION_FAILED', 'bodyId is required unless a location is given', { field: 'bodyId' });
  const routing = await routeByPlace(ctx, input.location, input.topicCode);
  if (!routing) throw new AppError('NO_BODY_FOR_PLACE', undefined, { field: 'location' });
  return { input: { ...input, bodyId: routing.bodyId }, routing };
}

/** How long an Idempotency-Key keeps its answer (the contract: 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;

/** Deletes the keys past their 24 hours (all, or the one named); the count deleted. */
export async function purgeExpiredIdempotencyKeys(ctx: AppContext, key?: string): Promise<number> {
  let q = ctx.db.deleteFrom('idempotencyKey').where('createdAt', '<=', new Date(ctx.clock.now().getTime() - IDEMPOTENCY_TTL_MS));
  if (key !== undefined) q = q.where('key', '=', key);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** The first answer again, its access code unsealed (stored sealed, like the receipt's). */
function replayedAnswer(ctx: AppContext, response: unknown): RegisteredAppeal {
  const { accessCodeSealed, accessCode: legacy, ...rest } = response as Record<string, unknown>;
  const accessCode = typeof accessCodeSealed === 'string' ? secretsOf(ctx).open(accessCodeSealed) : typeof legacy === 'string' ? legacy : undefined;
  if (accessCode === undefined) throw new Error('the stored answer of an Idempotency-Key cannot be opened with this secret key');
  return { ...rest, accessCode } as unknown as RegisteredAppeal;
}

export interface LinkedAppealInput {
  bodyId: string;
  kind?: AppealKind;
  text?: string;
  channel?: Channel;
  redirectedFromId?: string;
  repeatOfId?: string;
  /** The topic, when the caller decided it anew (undefined keeps the source's). */
  topicCode?: string | null;
  /** Copy the source's attachment rows (they point at the same stored files, which never change). */
  copyAttachments?: boolean;
  staff?: Staff | null;
  /** Extra event data on the new appeal's `appeal.registered`. */
  data?: Record<string, unknown>;
  /** The caller tells the applicant the new number and code itself (a redirect notice). */
  ownReceipt?: boolean;
}

/**
 * A new appeal made from an existing one, received now: a redirect into another body's
 * register, or a complaint about an answer. Same applicant, language and answer method;
 * a new number and access code; its own terms from its receipt.
 */
export async function registerLinkedAppeal(ctx: AppContext, tx: Tx, sourceId: string, link: LinkedAppealInput): Promise<RegisteredAppeal> {
  const source = await findAppeal(tx, sourceId);
  if (!source) throw new AppError('APPEAL_NOT_FOUND');
  // Every read through the caller's transaction (see inTransaction).
  const body = await getBody(inTransaction(ctx, tx), link.bodyId);
  const settings = body.settings as { numberPrefix?: string };
  const now = ctx.clock.now();
  const { legalDueAt, redirectDueAt } = await termsOnReceipt(inTransaction(ctx, tx), now);
  const accessCode = newAccessCode();
  const number = await nextNumber(tx, body.id, settings.numberPrefix ?? body.code.toUpperCase(), now);
  const channel = link.channel ?? (source.channel as Channel);
  const kind = link.kind ?? (source.kind as AppealKind);
  // Everything made from a confidential appeal is confidential: `confidential` is copied with the applicant.
  const { id: _id, number: _n, accessCodeHash: _h, search: _s, status: _st, extended: _e, duplicateOfId: _d, ...copied } = source;
  const appeal = await tx
    .insertInto('appeal')
    .values({
      ...copied,
      number,
      accessCodeHash: sha256(accessCode),
      bodyId: body.id,
      channel,
      kind,
      text: link.text ?? source.text,
      topicCode: link.topicCode === undefined ? source.topicCode : link.topicCode,
      receivedAt: now,
      registeredAt: now,
      registeredBy: link.staff?.id ?? null,
      ...NOT_YET_WORKED,
      legalDueAt,
      redirectDueAt,
      redirectedFromId: link.redirectedFromId ?? null,
      repeatOfId: link.repeatOfId ?? null,
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
  if (link.copyAttachments) {
    await tx
      .insertInto('attachment')
      .columns(['appealId', 'fileName', 'contentType', 'sizeBytes', 'storageKey', 'createdAt'])
      .expression((eb) =>
        eb
          .selectFrom('attachment')
          .select([eb.val(appeal.id).as('appealId'), 'fileName', 'contentType', 'sizeBytes', 'storageKey', 'createdAt'])
          .where('appealId', '=', source.id),
      )
      .execute();
  }
  await ctx.events.record(tx, {
    appealId: appeal.id,
    type: 'appeal.registered',
    at: now,
    actor: link.staff ? { id: link.staff.id, role: link.staff.role } : null,
    public: true,
    data: {
      number,
      channel,
      kind,
      receivedAt: now.toISOString(),
      ...(link.redirectedFromId ? { redirectedFromId: link.redirectedFromId } : {}),
      ...(link.repeatOfId ? { repeatOfId: link.repeatOfId } : {}),
      ...link.data,
    },
    transient: { accessCodeSealed: secretsOf(ctx).seal(accessCode), ...(link.ownReceipt ? { ownReceipt: true } : {}) },
  });
  return { id: appeal.id, number, accessCode, status: appeal.status, receivedAt: now.toISOString() };
}
