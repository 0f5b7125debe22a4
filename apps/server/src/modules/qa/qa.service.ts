// Public questions (online Q&A, channel 8; questions to the head, channel 7). Asking goes
// through the register's intake, so every question is an appeal with its legal term; this
// module keeps what the public sees: the moderator's decision, the edited question and the
// signed answer (redacted). The original stays in the register, untouched.
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { parseRealDate } from '../../platform/validation.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Tx } from '../../platform/events.ts';
import { detectLanguage, registerAppeal, type RegisteredAppeal } from '../appeals/index.ts';
import type { Staff } from '../../platform/staff.ts';
import { cachedBody, cachedTopicFamily, getBody } from '../bodies/index.ts';
import { applicantRoute, queueNotification } from '../notify/index.ts';
import { mayModerate } from './qa.policy.ts';
import { redact } from './redact.ts';
import * as repo from './qa.repository.ts';

export type QuestionChannel = 'online_qa' | 'head_blog';
export const REJECT_REASONS = ['spam', 'offensive', 'does_not_belong', 'personal_data'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export interface AskInput {
  bodyId: string;
  text: string;
  topicCode?: string;
  language?: Language;
  name: string;
  email?: string;
  phone?: string;
  /** How the answer comes: e-mail (the Q&A's only way), SMS or the portal (questions to the head). */
  preferredAnswer?: 'email' | 'sms' | 'portal';
  consentToPublish: boolean;
}

export interface AskOptions {
  channel: QuestionChannel;
  headId?: string;
  postId?: string;
  idempotencyKey?: string;
}

/** A question enters the register as an inquiry of its channel; the public row commits with it. */
export async function askQuestion(ctx: AppContext, input: AskInput, opts: AskOptions): Promise<RegisteredAppeal & { moderation: string }> {
  const preferredAnswer = opts.channel === 'online_qa' ? 'email' : (input.preferredAnswer ?? 'email');
  const language = input.language ?? detectLanguage(input.text);
  const appeal = await registerAppeal(
    ctx,
    {
      bodyId: input.bodyId,
      kind: 'inquiry',
      text: input.text,
      topicCode: input.topicCode,
      language,
      applicant: { type: 'individual', name: input.name, email: input.email, phone: input.phone },
      preferredAnswer,
      channel: opts.channel,
    },
    {
      channelSetByModule: true,
      idempotencyKey: opts.idempotencyKey,
      within: async (tx, a) => {
        await repo.insertQuestion(tx, {
          appealId: a.id,
          bodyId: input.bodyId,
          channel: opts.channel,
          headId: opts.headId ?? null,
          postId: opts.postId ?? null,
          topicCode: input.topicCode ?? null,
          language,
          consent: input.consentToPublish,
          receivedAt: new Date(a.receivedAt),
        });
      },
    },
  );
  return { ...appeal, moderation: input.consentToPublish ? 'pending' : 'private' };
}

type PublishedRow = Awaited<ReturnType<typeof repo.listPublished>>[number];

function publicView(r: PublishedRow) {
  return {
    id: r.appealId,
    channel: r.channel,
    body: { id: r.bodyId, code: r.bodyCode, name: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn } },
    headId: r.headId,
    postId: r.postId,
    topicCode: r.topicCode,
    language: r.language,
    question: r.publishedQuestion ?? '',
    answer: r.answerText,
    receivedAt: r.receivedAt.toISOString(),
    publishedAt: r.publishedAt!.toISOString(),
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}
export type PublicQuestion = ReturnType<typeof publicView>;

export interface PublicQuery {
  body?: string;
  topic?: string;
  channel?: QuestionChannel;
  headId?: string;
  postId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

export async function listPublishedQuestions(ctx: AppContext, query: PublicQuery) {
  const cursor = decodeCursor(query.cursor, 2);
  const bodyId = query.body ? (await getBody(ctx, query.body)).id : undefined;
  // A topic means it and its sub-topics, as in the register.
  const topics = query.topic ? (await cachedTopicFamily(ctx, query.topic)) : undefined;
  if (query.headId && !isUuid(query.headId)) return { items: [], nextCursor: null };
  if (query.postId && !isUuid(query.postId)) return { items: [], nextCursor: null };
  const after = cursor ? { publishedAt: new Date(String(cursor[0])), id: String(cursor[1]) } : undefined;
  if (after && (Number.isNaN(after.publishedAt.getTime()) || !isUuid(after.id))) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  const rows = await repo.listPublished(ctx.db, { bodyId, topics, channel: query.channel, headId: query.headId, postId: query.postId, q: query.q?.trim() || undefined, limit: query.limit, after });
  const page = pageOf(rows, query.limit, (r) => [r.publishedAt!.toISOString(), r.appealId]);
  return { items: page.items.map(publicView), nextCursor: page.nextCursor };
}

export async function getPublishedQuestion(ctx: AppContext, id: string) {
  const row = isUuid(id) ? await repo.findPublished(ctx.db, id) : undefined;
  if (!row) throw new AppError('QUESTION_NOT_FOUND');
  return publicView(row);
}

// --- moderation -------------------------------------------------------------------------

export interface ModerationQuery {
  status?: 'pending' | 'published' | 'rejected' | 'private';
  channel?: QuestionChannel;
  limit: number;
  cursor?: string;
}

/**
 * The moderator's queue: the original question (they edit from it) and a suggestion with
 * the applicant's data taken out. The applicant's name and contacts are not sent: the
 * moderator decides publication, not the appeal.
 */
export async function listModeration(ctx: AppContext, staff: Staff, query: ModerationQuery) {
  if (!mayModerate(staff, query.channel ?? 'head_blog')) throw new AppError('FORBIDDEN');
  const cursor = decodeCursor(query.cursor, 2);
  const after = cursor ? { receivedAt: new Date(String(cursor[0])), id: String(cursor[1]) } : undefined;
  if (after && (Number.isNaN(after.receivedAt.getTime()) || !isUuid(after.id))) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  const rows = await repo.listForModeration(ctx.db, { bodyId: staff.bodyId, moderation: query.status, channel: query.channel, limit: query.limit, after });
  // A moderator outside the head's blog sees only the Q&A's questions.
  const visible = rows.filter((r) => mayModerate(staff, r.channel));
  const page = pageOf(visible, query.limit, (r) => [r.receivedAt.toISOString(), r.appealId]);
  return {
    items: page.items.map((r) => {
      const who = { name: r.applicantName, iin: r.applicantIin, bin: r.applicantBin, email: r.applicantEmail, phone: r.applicantPhone };
      return {
        id: r.appealId,
        number: r.number,
        channel: r.channel,
        headId: r.headId,
        postId: r.postId,
        topicCode: r.topicCode,
        language: r.language,
        consent: r.consent,
        receivedAt: r.receivedAt.toISOString(),
        status: r.moderation,
        appealStatus: r.status,
        rejectReason: r.rejectReason,
        original: r.text,
        suggestedQuestion: r.publishedQuestion ?? redact(r.text, who),
        publishedQuestion: r.publishedQuestion,
        answer: r.answerText,
        answeredAt: r.answeredAt?.toISOString() ?? null,
        publishedAt: r.publishedAt?.toISOString() ?? null,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

type Locked = NonNullable<Awaited<ReturnType<typeof repo.lockQuestion>>>;

/** Under the row's lock, so two moderators' decisions never interleave; another body's question is 404. */
async function decide<T>(ctx: AppContext, staff: Staff, id: string, fn: (tx: Tx, q: Locked, now: Date) => Promise<T>): Promise<T> {
  if (!isUuid(id)) throw new AppError('QUESTION_NOT_FOUND');
  return ctx.db.transaction().execute(async (tx) => {
    const q = await repo.lockQuestion(tx, id);
    if (!q || q.bodyId !== staff.bodyId || q.confidential) throw new AppError('QUESTION_NOT_FOUND');
    if (!mayModerate(staff, q.channel)) throw new AppError('FORBIDDEN');
    return fn(tx, q, ctx.clock.now());
  });
}

/** Published text must be free of personal data: the same check the suggestion is made with. */
function assertFreeOfPersonalData(text: string, q: Locked, field: string) {
  const who = { name: q.applicantName, iin: q.applicantIin, bin: q.applicantBin, email: q.applicantEmail, phone: q.applicantPhone };
  if (redact(text, who) !== text) throw new AppError('PERSONAL_DATA_IN_TEXT', undefined, { field });
}

/** The asker hears of each decision by e-mail (their address from the register), through the outbox. */
async function tellAsker(ctx: AppContext, tx: Tx, q: Locked, template: string, at: Date, payload: Record<string, unknown>) {
  const route = q.applicantEmail ? { channel: 'email', address: q.applicantEmail } : applicantRoute(q);
  const lang = (['kk', 'ru', 'en'].includes(q.language) ? q.language : 'ru') as Language;
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  await queueNotification(tx, {
    appealId: q.appealId,
    recipientKind: 'applicant',
    template,
    channel: route.channel,
    language: lang,
    address: route.address,
    payload: { number: q.number, questionUrl: `${base}/${lang}/qa/${q.appealId}`, ...payload },
    at,
  });
}

export async function approveQuestion(ctx: AppContext, staff: Staff, id: string, input: { question: string; answer?: string }) {
  return decide(ctx, staff, id, async (tx, q, now) => {
    if (!q.consent) throw new AppError('NO_CONSENT_TO_PUBLISH');
    if (q.moderation !== 'pending' && q.moderation !== 'published') throw new AppError('QUESTION_ALREADY_DECIDED', undefined, { status: q.moderation });
    const question = input.question.trim();
    if (question.length < 3) throw new AppError('VALIDATION_FAILED', 'question is too short', { field: 'question' });
    assertFreeOfPersonalData(question, q, 'question');
    const answer = input.answer?.trim();
    if (answer !== undefined) {
      if (q.answerText === null) throw new AppError('NOT_ANSWERED_YET', undefined, { field: 'answer' });
      if (answer.length < 3) throw new AppError('VALIDATION_FAILED', 'answer is too short', { field: 'answer' });
      assertFreeOfPersonalData(answer, q, 'answer');
    }
    const first = q.moderation === 'pending';
    await repo.setModeration(tx, q.appealId, {
      moderation: 'published',
      rejectReason: null,
      publishedQuestion: question,
      publishedAt: q.publishedAt ?? now,
      moderatedBy: staff.id,
      moderatedAt: now,
      ...(answer !== undefined ? { answerText: answer } : {}),
    });
    if (first) await tellAsker(ctx, tx, q, 'qa.published', now, {});
    return { id: q.appealId, status: 'published' };
  });
}

export async function rejectQuestion(ctx: AppContext, staff: Staff, id: string, reason: RejectReason) {
  return decide(ctx, staff, id, async (tx, q, now) => {
    if (q.moderation !== 'pending' && q.moderation !== 'published') throw new AppError('QUESTION_ALREADY_DECIDED', undefined, { status: q.moderation });
    await repo.setModeration(tx, q.appealId, { moderation: 'rejected', rejectReason: reason, publishedQuestion: null, publishedAt: null, moderatedBy: staff.id, moderatedAt: now });
    await tellAsker(ctx, tx, q, 'qa.rejected', now, { reason });
    return { id: q.appealId, status: 'rejected', reason };
  });
}

export async function keepPrivate(ctx: AppContext, staff: Staff, id: string) {
  return decide(ctx, staff, id, async (tx, q, now) => {
    if (q.moderation !== 'pending' && q.moderation !== 'published') throw new AppError('QUESTION_ALREADY_DECIDED', undefined, { status: q.moderation });
    await repo.setModeration(tx, q.appealId, { moderation: 'private', rejectReason: null, publishedQuestion: null, publishedAt: null, moderatedBy: staff.id, moderatedAt: now });
    await tellAsker(ctx, tx, q, 'qa.private', now, {});
    return { id: q.appealId, status: 'private' };
  });
}

/** A signed answer reaches its public question with the applicant's data taken out (the original stays in the register). */
export async function onAnswered(tx: Tx, appealId: string, text: string | undefined, at: Date, onTime: boolean | null) {
  if (!text) return;
  const who = await repo.applicantOf(tx, appealId);
  if (!who) return;
  await repo.recordAnswer(tx, appealId, { text: redact(text, who), at, onTime });
}

// --- monitoring -------------------------------------------------------------------------

const DAY = 86_400_000;
/** Midnight in Almaty (UTC+5) of a YYYY-MM-DD day. */
const almatyMidnight = (d: Date) => new Date(d.getTime() - 5 * 3_600_000);

export async function dailyMonitoring(ctx: AppContext, staff: Staff, query: { channel: QuestionChannel; from?: string; to?: string }) {
  const today = new Date(ctx.clock.now().getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
  const from = parseRealDate(query.from ?? new Date(Date.parse(today) - 29 * DAY).toISOString().slice(0, 10));
  const to = parseRealDate(query.to ?? today);
  if (!from) throw new AppError('VALIDATION_FAILED', 'from is not a date', { field: 'from' });
  if (!to) throw new AppError('VALIDATION_FAILED', 'to is not a date', { field: 'to' });
  if (to < from || to.getTime() - from.getTime() > 366 * DAY) throw new AppError('VALIDATION_FAILED', 'from..to must be at most a year, in order', { field: 'to' });
  await cachedBody(ctx, staff.bodyId);
  const rows = await repo.dailyFigures(ctx.db, { bodyId: staff.bodyId, channel: query.channel, from: almatyMidnight(from), to: almatyMidnight(new Date(to.getTime() + DAY)) });
  const total = rows.reduce((t, r) => ({ received: t.received + r.received, published: t.published + r.published, answered: t.answered + r.answered, onTime: t.onTime + r.onTime }), { received: 0, published: 0, answered: 0, onTime: 0 });
  return { channel: query.channel, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10), days: rows, total };
}
