// The SMM manager's inbox: the body's comments newest first (keyset), and triage as the
// process maps have it, for a comment and every untriaged comment of its incident at once:
//   own   -> one appeal in the register (channel social_media, the comments linked), taken
//            into work with its difficulty's term (deadlines: light 1 / medium 3 / heavy by
//            the body's standard, 7–15 working days), and a reply with its number;
//   other -> redirected: the reply names the competent body and its page;
//   none  -> the standard reply;
//   ignore-> spam, off-topic, offensive or a duplicate, with that reason; no reply.
import type { AppealKind, Difficulty, Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import { detectLanguage, registerAppeal } from '../appeals/index.ts';
import { getBody } from '../bodies/index.ts';
import { triageAppeal } from '../process/index.ts';
import { queueReply, redirectedReply, registeredReply, standardReplyText } from './replies.ts';
import { assertRole, SOCIAL_ACTORS, SOCIAL_READERS } from './social.policy.ts';
import * as repo from './social.repository.ts';

export const MESSAGE_STATUSES = ['new', 'registered', 'redirected', 'standard_reply', 'ignored'] as const;
export const IGNORE_REASONS = ['spam', 'off_topic', 'offensive', 'duplicate'] as const;

export interface ListQuery {
  network?: string;
  status?: string;
  incident?: string;
  limit?: number;
  cursor?: string;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(r: repo.MessageListRow) {
  return {
    id: r.id,
    network: r.network,
    accountRef: r.accountRef,
    postId: r.postId,
    commentId: r.commentId,
    authorId: r.authorId,
    authorName: r.authorName,
    text: r.text,
    link: r.link,
    postedAt: r.postedAt.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    incidentId: r.incidentId,
    incidentSize: r.incidentSize,
    source: r.source,
    status: r.status,
    ignoreReason: r.ignoreReason,
    difficulty: r.difficulty,
    appeal: r.appealId ? { id: r.appealId, number: r.appealNumber } : null,
    redirectedTo: r.redirectBodyId ? { id: r.redirectBodyId, name: { kk: r.redirectNameKk, ru: r.redirectNameRu, en: r.redirectNameEn } } : null,
    triagedAt: iso(r.triagedAt),
    firstReplyAt: iso(r.firstReplyAt),
  };
}

export async function listMessages(ctx: AppContext, staff: Staff, q: ListQuery) {
  assertRole(staff, SOCIAL_READERS);
  const limit = q.limit ?? 50;
  const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
  if (after && (typeof after[0] !== 'string' || Number.isNaN(new Date(after[0]).getTime()) || typeof after[1] !== 'string' || !isUuid(after[1]))) {
    throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  }
  if (q.incident && !isUuid(q.incident)) throw new AppError('VALIDATION_FAILED', 'incident is an id', { field: 'incident' });
  const rows = await repo.listMessages(ctx.db, { bodyId: staff.bodyId, network: q.network, status: q.status, incidentId: q.incident, limit, after });
  const page = pageOf(rows, limit, (r) => [r.receivedAt.toISOString(), r.id]);
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}

export interface TriageInput {
  decision: 'own' | 'other' | 'none' | 'ignore';
  difficulty?: Difficulty;
  kind?: AppealKind;
  topicCode?: string;
  targetBodyId?: string;
  reason?: string;
  ignoreReason?: (typeof IGNORE_REASONS)[number];
}

async function ownMessage(ctx: AppContext, staff: Staff, id: string) {
  const m = isUuid(id) ? await repo.findMessage(ctx.db, staff.bodyId, id) : undefined;
  if (!m) throw new AppError('SOCIAL_MESSAGE_NOT_FOUND');
  if (m.status !== 'new') throw new AppError('SOCIAL_ALREADY_TRIAGED', undefined, { status: m.status });
  return m;
}

const languageOf = (text: string): Language => detectLanguage(text);

export async function triageMessage(ctx: AppContext, staff: Staff, id: string, input: TriageInput) {
  assertRole(staff, SOCIAL_ACTORS);
  const first = await ownMessage(ctx, staff, id);
  const reason = input.reason?.trim() || null;
  const now = ctx.clock.now();

  if (input.decision === 'own') {
    const difficulty = input.difficulty ?? 'medium';
    const language = languageOf(first.text);
    let triaged: string[] = [];
    const appeal = await registerAppeal(
      ctx,
      {
        bodyId: staff.bodyId,
        channel: 'social_media',
        kind: input.kind ?? 'application',
        text: first.link ? `${first.text}\n\n${first.link}` : first.text,
        topicCode: input.topicCode,
        language,
        applicant: { type: 'individual', name: first.authorName?.trim() || `${first.network} ${first.authorId ?? first.commentId}` },
        preferredAnswer: 'portal',
      },
      {
        staff,
        // The comment's thread is its answer; the register's receipt (with the access code) goes to the portal only.
        within: async (tx, a) => {
          const group = await repo.lockNewOfIncident(tx, staff.bodyId, first.incidentId);
          if (!group.some((g) => g.id === first.id)) throw new AppError('SOCIAL_ALREADY_TRIAGED');
          triaged = group.map((g) => g.id);
          await repo.markTriaged(tx, triaged, { status: 'registered', difficulty, appealId: a.id, at: now, by: staff.id });
          for (const g of group) await queueReply(ctx, tx, g, { text: registeredReply(languageOf(g.text), a.number), kind: 'registered', language: languageOf(g.text), by: staff.id });
        },
      },
    );
    // Taken into work with the channel's term for its difficulty (a second transaction: the
    // appeal is already safe in the register; a failure here leaves it in the triage queue).
    const work = await triageAppeal(ctx, staff, appeal.id, { competence: 'own', difficulty, topicCode: input.topicCode, reason: reason ?? undefined });
    return { status: 'registered', messages: triaged, appeal: { id: appeal.id, number: appeal.number, targetDueAt: (work as { targetDueAt?: string | null }).targetDueAt ?? null } };
  }

  if (input.decision === 'ignore' && !input.ignoreReason) throw new AppError('VALIDATION_FAILED', 'ignoring needs its reason', { field: 'ignoreReason' });
  let target: Awaited<ReturnType<typeof getBody>> | undefined;
  if (input.decision === 'other') {
    if (!input.targetBodyId) throw new AppError('VALIDATION_FAILED', 'targetBodyId is required to redirect', { field: 'targetBodyId' });
    target = await getBody(ctx, input.targetBodyId);
    if (target.id === staff.bodyId) throw new AppError('REDIRECT_TO_SELF', undefined, { field: 'targetBodyId' });
  }
  const status = input.decision === 'other' ? 'redirected' : input.decision === 'none' ? 'standard_reply' : 'ignored';
  const triaged = await ctx.db.transaction().execute(async (tx) => {
    const group = await repo.lockNewOfIncident(tx, staff.bodyId, first.incidentId);
    if (!group.some((g) => g.id === first.id)) throw new AppError('SOCIAL_ALREADY_TRIAGED');
    const ids = group.map((g) => g.id);
    await repo.markTriaged(tx, ids, { status, ignoreReason: input.decision === 'ignore' ? input.ignoreReason : null, redirectBodyId: target?.id ?? null, at: now, by: staff.id });
    if (input.decision !== 'ignore') {
      for (const g of group) {
        const lang = languageOf(g.text);
        const name = target ? { kk: target.nameKk, ru: target.nameRu, en: target.nameEn }[lang] : '';
        const text = target ? redirectedReply(lang, name, `${ctx.config.publicUrl.replace(/\/+$/, '')}/${lang}/bodies/${target.code}`) : standardReplyText(lang, reason);
        await queueReply(ctx, tx, g, { text, kind: status, language: lang, by: staff.id });
      }
    }
    return ids;
  });
  return { status, messages: triaged, ...(target ? { redirectedTo: { id: target.id, code: target.code } } : {}) };
}

/** A reply written by the SMM manager (the appeal's answer, a clarification), sent through the network. */
export async function replyToMessage(ctx: AppContext, staff: Staff, id: string, text: string) {
  assertRole(staff, SOCIAL_ACTORS);
  const m = isUuid(id) ? await repo.findMessage(ctx.db, staff.bodyId, id) : undefined;
  if (!m) throw new AppError('SOCIAL_MESSAGE_NOT_FOUND');
  const body = text.trim();
  if (body.length < 2) throw new AppError('VALIDATION_FAILED', 'the reply is empty', { field: 'text' });
  const replyId = await ctx.db.transaction().execute((tx) => queueReply(ctx, tx, m, { text: body, kind: 'manual', language: languageOf(m.text), by: staff.id }));
  return { id: replyId, messageId: m.id };
}
