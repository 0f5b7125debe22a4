// The comment engine: discussions of draft acts, budgets and datasets; confirmed
// commenters; moderation; answers on the platform's working-day calendar.
import { createHash, randomInt } from 'node:crypto';
import { diffWords } from 'diff';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid, newId } from '../../platform/ids.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { addWorkingDays, almatyDate, endOfAlmatyDay } from '../deadlines/index.ts';
import { queueNotification } from '../notify/index.ts';
import { checkAnswer } from './answer-rules.ts';
import { readDocument, type Paragraph } from './document.ts';
import { isProposal, moderate } from './moderation.ts';
import { ANSWERERS, MODERATORS, PUBLISHERS, ownsDiscussion } from './drafts.policy.ts';
import * as repo from './drafts.repository.ts';

export const ANSWER_WORKING_DAYS = 3;
const CODE_TTL_MS = 2 * 3600_000;
const CODE_ATTEMPTS = 5;
const CODES_PER_HOUR = 5;
const DAY_MS = 86_400_000;

export type Kind = 'draft_act' | 'budget' | 'dataset';

export interface DiscussionInput {
  kind?: 'draft_act' | 'budget';
  title: string;
  language: 'kk' | 'ru' | 'en';
  opensAt?: string;
  closesAt: string;
  markdown?: string;
  docxBase64?: string;
}

function discussionView(d: NonNullable<repo.DiscussionRow>, now: Date) {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    language: d.language,
    body: { code: d.bodyCode, name: { kk: d.nameKk, ru: d.nameRu, en: d.nameEn } },
    opensAt: d.opensAt.toISOString(),
    closesAt: d.closesAt.toISOString(),
    publishedAt: d.publishedAt.toISOString(),
    version: d.currentVersion,
    state: d.opensAt > now ? 'announced' : d.closesAt > now ? 'open' : 'ended',
    extended: d.extendedAt !== null,
  };
}

async function discussionOf(ctx: AppContext, id: string, tx: Tx = ctx.db, forUpdate = false) {
  const d = isUuid(id) ? await repo.findDiscussion(tx, id, forUpdate) : undefined;
  if (!d) throw new AppError('DISCUSSION_NOT_FOUND');
  return d;
}

/** A staff member's discussion: their own body's, else 404. */
async function ownDiscussion(ctx: AppContext, staff: Staff, id: string, tx: Tx = ctx.db, forUpdate = false) {
  const d = await discussionOf(ctx, id, tx, forUpdate);
  if (!ownsDiscussion(staff, d.bodyId)) throw new AppError('DISCUSSION_NOT_FOUND');
  return d;
}

const instant = (s: string | undefined, field: string, fallback: Date): Date => {
  if (s === undefined) return fallback;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+05:00` : s);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', `${field} is not a date`, { field });
  return d;
};

/** Publishes a draft (or a budget) and announces it to subscribers the same day (the outbox). */
export async function publishDiscussion(ctx: AppContext, staff: Staff, input: DiscussionInput) {
  if (!PUBLISHERS.includes(staff.role)) throw new AppError('FORBIDDEN');
  if ((input.markdown === undefined) === (input.docxBase64 === undefined)) throw new AppError('VALIDATION_FAILED', 'give markdown or docxBase64', { field: 'markdown' });
  const now = ctx.clock.now();
  const opensAt = instant(input.opensAt, 'opensAt', now);
  // A date alone closes at the end of that day in Almaty.
  const closesAt = /^\d{4}-\d{2}-\d{2}$/.test(input.closesAt) ? endOfAlmatyDay(input.closesAt) : instant(input.closesAt, 'closesAt', now);
  if (Number.isNaN(closesAt.getTime())) throw new AppError('VALIDATION_FAILED', 'closesAt is not a date', { field: 'closesAt' });
  if (closesAt.getTime() - opensAt.getTime() < DAY_MS) throw new AppError('VALIDATION_FAILED', 'the discussion lasts at least a day', { field: 'closesAt' });
  if (closesAt <= now) throw new AppError('VALIDATION_FAILED', 'closesAt is in the past', { field: 'closesAt' });
  const doc = await readDocument(input);
  const id = await ctx.db.transaction().execute(async (tx) => {
    const id = await repo.insertDiscussion(tx, { bodyId: staff.bodyId, kind: input.kind ?? 'draft_act', subjectKey: null, title: input.title.trim(), language: input.language, opensAt, closesAt, by: staff.id, at: now });
    await repo.insertVersion(tx, id, 1, doc.source, now, doc.paragraphs);
    await announce(ctx, tx, { id, bodyId: staff.bodyId, title: input.title.trim(), closesAt, sendAfter: opensAt > now ? opensAt : null }, 'drafts.announced');
    return id;
  });
  return getDiscussion(ctx, id);
}

/** Queues the announcement to every subscriber of the body (and of all bodies). */
async function announce(ctx: AppContext, tx: Tx, d: { id: string; bodyId: string; title: string; closesAt: Date; sendAfter: Date | null }, template: string): Promise<number> {
  const subs = await repo.subscribersOf(tx, d.bodyId);
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  const at = ctx.clock.now();
  for (const s of subs) {
    await queueNotification(tx, {
      recipientKind: 'applicant',
      template,
      channel: 'email',
      language: s.language,
      address: s.email,
      payload: { title: d.title, closesAt: d.closesAt.toISOString(), url: `${base}/${s.language}/drafts/${d.id}` },
      at,
      sendAfter: d.sendAfter,
      dedupeKey: `${template}:${d.id}:${s.email}`,
    });
  }
  return subs.length;
}

/** A dataset's discussion, made once (the open-data module calls it). */
export async function datasetDiscussion(ctx: AppContext, input: { key: string; bodyId: string; title: string; description: string }): Promise<string> {
  const found = await repo.findBySubject(ctx.db, input.key);
  if (found) return found.id;
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (tx) => {
    const id = await repo.insertDiscussion(tx, { bodyId: input.bodyId, kind: 'dataset', subjectKey: input.key, title: input.title, language: 'ru', opensAt: now, closesAt: new Date(now.getTime() + 365 * DAY_MS), by: null, at: now });
    await repo.insertVersion(tx, id, 1, input.description, now, [{ position: 1, article: null, text: input.description }]);
    return id;
  });
}

export async function listDiscussions(ctx: AppContext, q: { bodyCode?: string; kind?: Kind; open?: boolean; limit: number }) {
  const now = ctx.clock.now();
  let bodyId: string | undefined;
  if (q.bodyCode) {
    const b = await repo.bodyByCode(ctx.db, q.bodyCode);
    if (!b) return { items: [] };
    bodyId = b.id;
  }
  const rows = await repo.listDiscussions(ctx.db, { bodyId, kind: q.kind, openAt: q.open ? now : undefined, limit: q.limit });
  return { items: rows.filter((d) => d.opensAt <= now).map((d) => discussionView(d, now)) };
}

/** The staff member's body's discussions, announced ones too (the editor's list). */
export async function ownDiscussions(ctx: AppContext, staff: Staff) {
  const rows = await repo.listDiscussions(ctx.db, { bodyId: staff.bodyId, limit: 100 });
  return { items: rows.map((d) => discussionView(d, ctx.clock.now())) };
}

export async function getDiscussion(ctx: AppContext, id: string) {
  const d = await discussionOf(ctx, id);
  return discussionView(d, ctx.clock.now());
}

interface PublicComment {
  id: string;
  paragraphId: string | null;
  authorName: string;
  stance: string;
  text: string;
  createdAt: string;
  answerDueAt: string;
  answer: { text: string; decision: string; reason: string; answeredAt: string } | null;
}

const commentView = (c: repo.CommentRow): PublicComment => ({
  id: c.id,
  paragraphId: c.paragraphId,
  authorName: c.authorName,
  stance: c.stance,
  text: c.text,
  createdAt: c.createdAt.toISOString(),
  answerDueAt: c.answerDueAt.toISOString(),
  answer: c.answerText && c.answeredAt ? { text: c.answerText, decision: c.decision!, reason: c.decisionReason!, answeredAt: c.answeredAt.toISOString() } : null,
});

/** The public page: the current text, paragraph by paragraph, with its visible comments and answers. */
export async function discussionPage(ctx: AppContext, id: string) {
  const now = ctx.clock.now();
  const d = await discussionOf(ctx, id);
  if (d.opensAt > now) throw new AppError('DISCUSSION_NOT_FOUND');
  const [paras, comments] = await Promise.all([repo.paragraphs(ctx.db, d.id, d.currentVersion), repo.comments(ctx.db, d.id, true)]);
  const byParagraph = new Map<string | null, PublicComment[]>();
  const stances = { for: 0, against: 0, neutral: 0 };
  for (const c of comments) {
    const list = byParagraph.get(c.paragraphId) ?? [];
    list.push(commentView(c));
    byParagraph.set(c.paragraphId, list);
    stances[c.stance as keyof typeof stances]++;
  }
  return {
    ...discussionView(d, now),
    stats: { comments: comments.length, ...stances, answered: comments.filter((c) => c.answeredAt).length },
    paragraphs: paras.map((p) => ({ id: p.id, position: p.position, article: p.article, text: p.text, comments: byParagraph.get(p.id) ?? [] })),
    general: byParagraph.get(null) ?? [],
  };
}

// --- Confirming a commenter -------------------------------------------------------------

export function normalizeContact(raw: string): { contact: string; kind: 'email' | 'phone' } {
  const s = raw.trim();
  if (/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s)) return { contact: s.toLowerCase(), kind: 'email' };
  const digits = s.replace(/[\s()-]/g, '');
  const m = /^(\+7|8|7)(\d{10})$/.exec(digits);
  if (m) return { contact: `+7${m[2]}`, kind: 'phone' };
  throw new AppError('VALIDATION_FAILED', 'an e-mail address or a Kazakhstan phone number', { field: 'contact' });
}

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/** Sends a one-time code to the e-mail or phone (through the outbox); at most 5 an hour per contact. */
export async function requestCode(ctx: AppContext, input: { contact: string; language: string }) {
  const { contact, kind } = normalizeContact(input.contact);
  const now = ctx.clock.now();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return ctx.db.transaction().execute(async (tx) => {
    const recent = await repo.recentCodes(tx, contact, new Date(now.getTime() - 3600_000));
    if (recent.n >= CODES_PER_HOUR) throw new AppError('RATE_LIMITED', 'too many codes for this contact; try in an hour');
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    // The hash binds the code to its row; the plain code travels only in the outbox message.
    const id = newId();
    await repo.insertCode(tx, { id, contact, contactKind: kind, codeHash: hashCode(id, code), at: now, expiresAt });
    await queueNotification(tx, { recipientKind: 'applicant', template: 'drafts.code', channel: kind === 'email' ? 'email' : 'sms', language: input.language, address: contact, payload: { accessCode: code }, at: now });
    return { codeId: id, expiresAt: expiresAt.toISOString() };
  });
}

/**
 * Checks a code for the contact. A wrong code counts (five and the code is dead) in its own
 * transaction, so the count survives the refusal.
 */
async function confirmContact(ctx: AppContext, codeId: string, contact: string, code: string): Promise<void> {
  const ok = await ctx.db.transaction().execute(async (tx) => {
    const row = isUuid(codeId) ? await repo.findCode(tx, codeId) : undefined;
    const now = ctx.clock.now();
    if (!row || row.contact !== contact || row.expiresAt <= now || row.attempts >= CODE_ATTEMPTS) return false;
    if (row.codeHash !== hashCode(row.id, code.trim())) {
      await repo.updateCode(tx, row.id, { attempts: row.attempts + 1 });
      return false;
    }
    if (!row.usedAt) await repo.updateCode(tx, row.id, { usedAt: now });
    return true;
  });
  if (!ok) throw new AppError('CONTACT_CODE_INVALID', undefined, { field: 'code' });
}

/** Subscribes an e-mail (confirmed by a code) to new drafts of a body, or of every body. */
export async function subscribe(ctx: AppContext, input: { email: string; codeId: string; code: string; bodyCode?: string; language: string }) {
  const { contact, kind } = normalizeContact(input.email);
  if (kind !== 'email') throw new AppError('VALIDATION_FAILED', 'an e-mail address', { field: 'email' });
  await confirmContact(ctx, input.codeId, contact, input.code);
  let bodyId: string | null = null;
  if (input.bodyCode) {
    const b = await repo.bodyByCode(ctx.db, input.bodyCode);
    if (!b) throw new AppError('BODY_NOT_FOUND', undefined, { field: 'bodyCode' });
    bodyId = b.id;
  }
  await repo.addSubscriber(ctx.db, { email: contact, bodyId, language: input.language, at: ctx.clock.now() });
  return { subscribed: true };
}

// --- Comments -------------------------------------------------------------------------

export interface CommentInput {
  paragraphId?: string | null;
  name: string;
  contact: string;
  codeId: string;
  code: string;
  stance: 'for' | 'against' | 'neutral';
  text: string;
}

/** When the answer is due: 3 working days for a concrete proposal, else the same day. */
export async function answerDueAt(ctx: AppContext, at: Date, proposal: boolean): Promise<Date> {
  const today = almatyDate(at);
  return endOfAlmatyDay(proposal ? await addWorkingDays(ctx, today, ANSWER_WORKING_DAYS) : today);
}

export async function postComment(ctx: AppContext, discussionId: string, input: CommentInput) {
  const now = ctx.clock.now();
  const d = await discussionOf(ctx, discussionId);
  if (d.opensAt > now) throw new AppError('DISCUSSION_NOT_FOUND');
  if (d.closesAt <= now) throw new AppError('DISCUSSION_CLOSED');
  const { contact, kind } = normalizeContact(input.contact);
  const name = input.name.trim();
  const text = input.text.trim();
  if (name.length < 2) throw new AppError('VALIDATION_FAILED', 'name is too short', { field: 'name' });
  if (text.length < 2) throw new AppError('VALIDATION_FAILED', 'text is too short', { field: 'text' });
  let paragraphId: string | null = null;
  if (input.paragraphId) {
    const p = isUuid(input.paragraphId) ? await repo.paragraphOf(ctx.db, d.id, input.paragraphId) : undefined;
    if (!p || p.version !== d.currentVersion) throw new AppError('PARAGRAPH_NOT_FOUND', undefined, { field: 'paragraphId' });
    paragraphId = p.id;
  }
  await confirmContact(ctx, input.codeId, contact, input.code);
  const earlier = await repo.textsOf(ctx.db, d.id, contact);
  const hidden = moderate(name) ?? moderate(text, earlier.map((e) => e.text));
  const proposal = isProposal(text, input.stance);
  const due = await answerDueAt(ctx, now, proposal);
  const id = await repo.insertComment(ctx.db, { discussionId: d.id, paragraphId, authorName: name, contact, contactKind: kind, stance: input.stance, text, proposal, at: now, answerDueAt: due, hiddenReason: hidden });
  return { id, hidden: hidden !== null, hiddenReason: hidden, answerDueAt: due.toISOString() };
}

/** A report by one reader (an address's hash); the third hides the comment until a moderator looks. */
export async function reportComment(ctx: AppContext, commentId: string, reporter: string) {
  const key = createHash('sha256').update(reporter).digest('hex');
  return ctx.db.transaction().execute(async (tx) => {
    const c = isUuid(commentId) ? await repo.findComment(tx, commentId, true) : undefined;
    if (!c || c.hiddenReason !== null) throw new AppError('COMMENT_NOT_FOUND');
    const reports = (await repo.addReport(tx, c.id, key, ctx.clock.now())) ?? c.reports;
    const hide = reports >= 3 && c.moderatedAt === null;
    if (hide) await repo.updateComment(tx, c.id, { hiddenReason: 'reports' });
    return { reports, hidden: hide };
  });
}

export async function moderationQueue(ctx: AppContext, staff: Staff, limit: number) {
  if (!MODERATORS.includes(staff.role)) throw new AppError('FORBIDDEN');
  const rows = await repo.moderationQueue(ctx.db, staff.bodyId, limit);
  return { items: rows.map((c) => ({ ...commentView(c), discussionId: c.discussionId, discussionTitle: c.discussionTitle, hiddenReason: c.hiddenReason, reports: c.reports })) };
}

/** The moderator's look: show the comment again, or keep it hidden (the reason stays or becomes the moderator's). */
export async function moderateComment(ctx: AppContext, staff: Staff, commentId: string, action: 'show' | 'hide') {
  if (!MODERATORS.includes(staff.role)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (tx) => {
    const c = isUuid(commentId) ? await repo.findComment(tx, commentId, true) : undefined;
    if (!c || !ownsDiscussion(staff, c.bodyId)) throw new AppError('COMMENT_NOT_FOUND');
    const hiddenReason = action === 'show' ? null : (c.hiddenReason ?? 'moderator');
    await repo.updateComment(tx, c.id, { hiddenReason, moderatedAt: ctx.clock.now(), moderatedBy: staff.id });
    return { id: c.id, hidden: hiddenReason !== null, hiddenReason };
  });
}

/** Every comment of the body's discussion, hidden ones too, with what is due (the answer form's list). */
export async function staffComments(ctx: AppContext, staff: Staff, discussionId: string) {
  const d = await ownDiscussion(ctx, staff, discussionId);
  const now = ctx.clock.now();
  const rows = await repo.comments(ctx.db, d.id, false);
  return {
    items: rows.map((c) => ({ ...commentView(c), hiddenReason: c.hiddenReason, reports: c.reports, proposal: c.proposal, overdue: !c.answeredAt && c.answerDueAt < now })),
  };
}

export async function answerComment(ctx: AppContext, staff: Staff, commentId: string, input: { text: string; decision: string; reason: string }) {
  if (!ANSWERERS.includes(staff.role)) throw new AppError('FORBIDDEN');
  checkAnswer(input);
  return ctx.db.transaction().execute(async (tx) => {
    const c = isUuid(commentId) ? await repo.findComment(tx, commentId, true) : undefined;
    if (!c || !ownsDiscussion(staff, c.bodyId)) throw new AppError('COMMENT_NOT_FOUND');
    if (c.answeredAt) throw new AppError('COMMENT_ALREADY_ANSWERED');
    const at = ctx.clock.now();
    await repo.updateComment(tx, c.id, { answerText: input.text.trim(), decision: input.decision, decisionReason: input.reason.trim(), answeredAt: at, answeredBy: staff.id });
    return { id: c.id, answeredAt: at.toISOString(), late: at > c.answerDueAt };
  });
}

// --- The end: revised text and what changed ---------------------------------------------

export async function publishRevision(ctx: AppContext, staff: Staff, discussionId: string, input: { markdown?: string; docxBase64?: string }) {
  if (!PUBLISHERS.includes(staff.role)) throw new AppError('FORBIDDEN');
  if ((input.markdown === undefined) === (input.docxBase64 === undefined)) throw new AppError('VALIDATION_FAILED', 'give markdown or docxBase64', { field: 'markdown' });
  const doc = await readDocument(input);
  return ctx.db.transaction().execute(async (tx) => {
    const d = await ownDiscussion(ctx, staff, discussionId, tx, true);
    if (d.closesAt > ctx.clock.now()) throw new AppError('DISCUSSION_NOT_ENDED');
    const version = d.currentVersion + 1;
    await repo.insertVersion(tx, d.id, version, doc.source, ctx.clock.now(), doc.paragraphs);
    return { version };
  });
}

const asText = (ps: readonly Pick<Paragraph, 'article' | 'text'>[]) => {
  const out: string[] = [];
  let article: string | null = null;
  for (const p of ps) {
    if (p.article !== article && p.article) out.push(`## ${p.article}`);
    article = p.article;
    out.push(p.text);
  }
  return out.join('\n');
};

/** What changed between two versions, word by word (the `diff` package). */
export async function versionDiff(ctx: AppContext, discussionId: string, from?: number, to?: number) {
  const d = await discussionOf(ctx, discussionId);
  if (d.opensAt > ctx.clock.now()) throw new AppError('DISCUSSION_NOT_FOUND');
  const a = from ?? Math.max(1, d.currentVersion - 1);
  const b = to ?? d.currentVersion;
  if (a < 1 || b > d.currentVersion || a > d.currentVersion) throw new AppError('VALIDATION_FAILED', 'no such version', { field: 'from' });
  const [pa, pb] = await Promise.all([repo.paragraphs(ctx.db, d.id, a), repo.paragraphs(ctx.db, d.id, b)]);
  // Words by Intl.Segmenter: the default tokenizer splits Cyrillic and Kazakh words apart.
  const changes = diffWords(asText(pa), asText(pb), { intlSegmenter: new Intl.Segmenter(d.language, { granularity: 'word' }) }).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
  return { from: a, to: b, changes, changed: changes.some((c) => c.kind !== 'same') };
}

/** Every comment, answer and decision of a discussion that has ended (the summary table). */
export async function summaryRows(ctx: AppContext, discussionId: string) {
  const d = await discussionOf(ctx, discussionId);
  if (d.closesAt > ctx.clock.now()) throw new AppError('DISCUSSION_NOT_ENDED');
  const paras = await repo.allParagraphs(ctx.db, d.id);
  const where = new Map(paras.map((p) => [p.id, `${p.article ? p.article + ', ' : ''}п. ${p.position}`]));
  const rows = await repo.comments(ctx.db, d.id, false);
  return {
    discussion: discussionView(d, ctx.clock.now()),
    rows: rows.map((c, i) => ({
      n: i + 1,
      paragraph: c.paragraphId ? (where.get(c.paragraphId) ?? '') : '—',
      author: c.authorName,
      stance: c.stance,
      text: c.hiddenReason ? `[${c.hiddenReason}]` : c.text,
      answer: c.answerText ?? '',
      decision: c.decision ?? '',
      reason: c.decisionReason ?? '',
      answeredAt: c.answeredAt?.toISOString() ?? '',
    })),
  };
}
