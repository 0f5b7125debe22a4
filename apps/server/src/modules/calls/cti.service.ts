// The PBX's side: Zammad's Generic CTI events (newCall, answer, hangup) posted to
// /api/v1/cti/{token}, turned into one row per call in one statement per event, and the
// configuration an administrator keeps (token, lines, blocked numbers).
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { getBody } from '../bodies/index.ts';
import { deriveToken, sameHash, tokenHash } from './cti-token.ts';
import { displayNumber, normalizeNumber } from './numbers.ts';
import { assertRole, CTI_ADMINS } from './calls.policy.ts';
import { upsertCallFromEvent } from './calls.repository.ts';

export const CTI_EVENTS = ['newCall', 'answer', 'hangup'] as const;
export const HANGUP_CAUSES = ['normalClearing', 'busy', 'cancel', 'noAnswer', 'congestion', 'notFound', 'forwarded'] as const;
export const LINE_CHANNELS = ['call_centre', 'contact_centre', 'trust_phone'] as const;
export type LineChannel = (typeof LINE_CHANNELS)[number];

export interface CtiEvent {
  event: (typeof CTI_EVENTS)[number];
  callId: string;
  from: string | null;
  to: string | null;
  direction: 'in' | 'out';
  user: string | null;
  queue: string | null;
  answeringNumber: string | null;
  cause: string | null;
}

const bad = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

function text(body: Record<string, unknown>, field: string, max: number): string | null {
  const v = body[field];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string' && typeof v !== 'number') throw bad(field, `${field} must be text`);
  const s = String(v).trim();
  if (s.length > max) throw bad(field, `${field} is longer than ${max} characters`);
  return s || null;
}

/**
 * Zammad's fields as a connector sends them, JSON or form-encoded: `user` is one name or
 * several (`user[]=A&user[]=B` in a form, an array in JSON).
 */
export function parseCtiEvent(body: unknown): CtiEvent {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw bad('', 'the event is an object of fields');
  const b = body as Record<string, unknown>;
  const event = text(b, 'event', 20);
  if (!event || !(CTI_EVENTS as readonly string[]).includes(event)) throw new AppError('VALIDATION_FAILED', 'event must be newCall, answer or hangup', { field: 'event', rule: 'enum', allowed: CTI_EVENTS });
  const callId = text(b, 'callId', 200);
  if (!callId) throw bad('callId', 'callId is required');
  const direction = text(b, 'direction', 3);
  if (direction !== 'in' && direction !== 'out') throw new AppError('VALIDATION_FAILED', 'direction must be in or out', { field: 'direction', rule: 'enum', allowed: ['in', 'out'] });
  const from = text(b, 'from', 64);
  const to = text(b, 'to', 64);
  if (!(direction === 'in' ? to : from)) throw bad(direction === 'in' ? 'to' : 'from', 'the body’s number (to of an inbound call, from of an outbound one) is required');
  const cause = text(b, 'cause', 40);
  if (cause && !(HANGUP_CAUSES as readonly string[]).includes(cause)) throw new AppError('VALIDATION_FAILED', 'unknown cause', { field: 'cause', rule: 'enum', allowed: HANGUP_CAUSES });
  const rawUser = b.user ?? b['user[]'];
  const users = (Array.isArray(rawUser) ? rawUser : rawUser === undefined || rawUser === null ? [] : [rawUser]).map((u) => {
    if (typeof u !== 'string') throw bad('user', 'user is a name or a list of names');
    return u.trim();
  });
  const user = users.filter(Boolean).join(', ').slice(0, 500) || null;
  return { event: event as CtiEvent['event'], callId, from, to, direction, user, queue: text(b, 'queue', 200), answeringNumber: text(b, 'answeringNumber', 64), cause };
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

async function bodyOfToken(ctx: AppContext, token: string): Promise<string> {
  const hash = tokenHash(token);
  const row = TOKEN_SHAPE.test(token) ? await ctx.db.selectFrom('ctiSetting').select(['bodyId', 'tokenHash']).where('tokenHash', '=', hash).executeTakeFirst() : undefined;
  if (!row || !sameHash(row.tokenHash, hash)) throw new AppError('NOT_FOUND');
  return row.bodyId;
}

export type CtiAnswer = Record<string, never> | { action: 'reject'; reason: 'busy' };

/** One event from the PBX. A wrong token is 404 before anything is read from the event or written. */
export async function handleCtiEvent(ctx: AppContext, token: string, body: unknown): Promise<CtiAnswer> {
  let e: CtiEvent;
  try {
    e = parseCtiEvent(body);
  } catch (err) {
    await bodyOfToken(ctx, token); // a wrong token answers 404 whatever the body
    throw err;
  }
  if (!TOKEN_SHAPE.test(token)) throw new AppError('NOT_FOUND');
  const hash = tokenHash(token);
  const lineNumber = normalizeNumber(e.direction === 'in' ? e.to : e.from) ?? '';
  const caller = normalizeNumber(e.direction === 'in' ? e.from : e.to);
  const now = ctx.clock.now();
  const isNew = e.event === 'newCall';
  const answeredAt = e.event === 'answer' ? now : null;
  const endedAt = e.event === 'hangup' ? now : null;
  const row = await upsertCallFromEvent(ctx.db, {
    tokenHash: hash,
    callId: e.callId,
    lineNumber,
    direction: e.direction,
    caller,
    now,
    answeredAt,
    endedAt,
    cause: e.cause,
    agent: e.user,
    queue: e.queue,
    answeringNumber: normalizeNumber(e.answeringNumber),
    isNew,
  });
  if (!row || !sameHash(row.tokenHash, hash)) throw new AppError('NOT_FOUND');
  return isNew && row.blocked ? { action: 'reject', reason: 'busy' } : {};
}

// ---- configuration ----

async function bodyIdOf(ctx: AppContext, staff: Staff | null, bodyCode?: string): Promise<string> {
  if (staff) {
    assertRole(staff, CTI_ADMINS);
    return staff.bodyId;
  }
  return (await getBody(ctx, bodyCode ?? '')).id;
}

const endpointOf = (ctx: AppContext, token: string) => `${ctx.config.publicUrl.replace(/\/+$/, '')}/api/v1/cti/${token}`;

/** The body's token (made on first use), with the address the PBX posts to. */
export async function getCtiToken(ctx: AppContext, staff: Staff | null, bodyCode?: string) {
  const bodyId = await bodyIdOf(ctx, staff, bodyCode);
  const first = deriveToken(ctx, bodyId, 1);
  await ctx.db.insertInto('ctiSetting').values({ bodyId, tokenHash: tokenHash(first), generation: 1, rotatedAt: ctx.clock.now() }).onConflict((oc) => oc.column('bodyId').doNothing()).execute();
  const s = await ctx.db.selectFrom('ctiSetting').selectAll().where('bodyId', '=', bodyId).executeTakeFirstOrThrow();
  const token = deriveToken(ctx, bodyId, s.generation);
  // A different server secret (a lost key file) derives a token the stored hash does not know.
  if (!sameHash(tokenHash(token), s.tokenHash)) throw new AppError('CTI_TOKEN_SECRET_CHANGED');
  return { token, url: endpointOf(ctx, token), generation: s.generation, rotatedAt: s.rotatedAt.toISOString() };
}

/** A new token; the old one stops working at once. */
export async function rotateCtiToken(ctx: AppContext, staff: Staff | null, bodyCode?: string) {
  const bodyId = await bodyIdOf(ctx, staff, bodyCode);
  const now = ctx.clock.now();
  const current = await ctx.db.selectFrom('ctiSetting').select('generation').where('bodyId', '=', bodyId).executeTakeFirst();
  const generation = (current?.generation ?? 0) + 1;
  const token = deriveToken(ctx, bodyId, generation);
  await ctx.db
    .insertInto('ctiSetting')
    .values({ bodyId, tokenHash: tokenHash(token), generation, rotatedAt: now })
    .onConflict((oc) => oc.column('bodyId').doUpdateSet({ tokenHash: tokenHash(token), generation, rotatedAt: now }))
    .execute();
  return { token, url: endpointOf(ctx, token), generation, rotatedAt: now.toISOString() };
}

const lineView = (l: { id: string; number: string; channel: string; language: string | null; createdAt: Date }) => ({
  id: l.id,
  number: displayNumber(l.number)!,
  channel: l.channel as LineChannel,
  language: l.language as Language | null,
  createdAt: l.createdAt.toISOString(),
});

export async function listLines(ctx: AppContext, staff: Staff | null, bodyCode?: string) {
  const bodyId = await bodyIdOf(ctx, staff, bodyCode);
  const rows = await ctx.db.selectFrom('ctiLine').selectAll().where('bodyId', '=', bodyId).orderBy('number').execute();
  return { items: rows.map(lineView) };
}

export async function addLine(ctx: AppContext, staff: Staff | null, input: { bodyCode?: string; number: string; channel: LineChannel; language?: Language }) {
  const bodyId = await bodyIdOf(ctx, staff, input.bodyCode);
  const number = normalizeNumber(input.number);
  if (!number || number.length < 5 || number.length > 15) throw bad('number', 'a phone number of 5–15 digits');
  if (!(LINE_CHANNELS as readonly string[]).includes(input.channel)) throw new AppError('VALIDATION_FAILED', 'unknown channel', { field: 'channel', rule: 'enum', allowed: LINE_CHANNELS });
  const row = await ctx.db
    .insertInto('ctiLine')
    .values({ bodyId, number, channel: input.channel, language: input.language ?? null, createdAt: ctx.clock.now() })
    .onConflict((oc) => oc.column('number').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw new AppError('CTI_LINE_EXISTS', undefined, { field: 'number' });
  return lineView(row);
}

export async function deleteLine(ctx: AppContext, staff: Staff, id: string) {
  assertRole(staff, CTI_ADMINS);
  await ctx.db.transaction().execute(async (tx) => {
    const line = await tx.selectFrom('ctiLine').select('id').where('id', '=', id).where('bodyId', '=', staff.bodyId).forUpdate().executeTakeFirst();
    if (!line) throw new AppError('CTI_LINE_NOT_FOUND');
    // Calls keep the number and channel they came in on.
    await tx.updateTable('call').set({ lineId: null }).where('lineId', '=', id).execute();
    await tx.deleteFrom('ctiLine').where('id', '=', id).execute();
  });
}

const blockView = (b: { id: string; number: string; createdAt: Date }) => ({ id: b.id, number: displayNumber(b.number)!, createdAt: b.createdAt.toISOString() });

export async function listBlocks(ctx: AppContext, staff: Staff) {
  assertRole(staff, CTI_ADMINS);
  const rows = await ctx.db.selectFrom('ctiBlock').selectAll().where('bodyId', '=', staff.bodyId).orderBy('number').execute();
  return { items: rows.map(blockView) };
}

/** Block a number for the body: its next newCall is answered with a reject. Blocking twice is one block. */
export async function addBlock(ctx: AppContext, staff: Staff | null, input: { bodyCode?: string; number: string }) {
  const bodyId = await bodyIdOf(ctx, staff, input.bodyCode);
  const number = normalizeNumber(input.number);
  if (!number || number.length < 3 || number.length > 15) throw bad('number', 'a phone number of 3–15 digits');
  await ctx.db
    .insertInto('ctiBlock')
    .values({ bodyId, number, createdAt: ctx.clock.now(), createdBy: staff?.id ?? null })
    .onConflict((oc) => oc.columns(['bodyId', 'number']).doNothing())
    .execute();
  return blockView(await ctx.db.selectFrom('ctiBlock').selectAll().where('bodyId', '=', bodyId).where('number', '=', number).executeTakeFirstOrThrow());
}

export async function deleteBlock(ctx: AppContext, staff: Staff, id: string) {
  assertRole(staff, CTI_ADMINS);
  const res = await ctx.db.deleteFrom('ctiBlock').where('id', '=', id).where('bodyId', '=', staff.bodyId).executeTakeFirst();
  if (Number(res.numDeletedRows) !== 1) throw new AppError('CTI_BLOCK_NOT_FOUND');
}
