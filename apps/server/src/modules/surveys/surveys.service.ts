// Perception surveys: build, open and close, invite (a link or a QR code per invitation;
// one response each), answer, and read the results.
import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { assertQuestions, assertQuotas, channelsTemplate, checkResponse, DIMENSIONS, PROFILE, type Localized, type Question } from './questionnaire.ts';
import { crossTabs, weightsFor } from './results.ts';
import * as repo from './surveys.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
type Quotas = Record<string, Record<string, number>>;

async function ownSurvey(ctx: AppContext, staff: Staff, id: string) {
  const s = UUID.test(id) ? await repo.findSurvey(ctx.db, id) : undefined;
  if (!s || s.bodyId !== staff.bodyId) throw new AppError('SURVEY_NOT_FOUND');
  return s;
}

const view = (s: NonNullable<Awaited<ReturnType<typeof repo.findSurvey>>>) => ({
  id: s.id,
  bodyId: s.bodyId,
  title: s.title,
  questions: s.questions,
  quotas: s.quotas,
  status: s.status,
  createdAt: s.createdAt.toISOString(),
  openedAt: s.openedAt?.toISOString() ?? null,
  closedAt: s.closedAt?.toISOString() ?? null,
});

export const profileDimensions = () => ({ dimensions: DIMENSIONS.map((d) => ({ code: d, name: PROFILE[d].name, groups: Object.entries(PROFILE[d].groups).map(([code, name]) => ({ code, name })) })) });
export const surveyTemplates = () => ({ items: [{ code: 'channels', ...channelsTemplate() }] });

export async function listSurveys(ctx: AppContext, staff: Staff) {
  const rows = await repo.listSurveys(ctx.db, staff.bodyId);
  return { items: rows.map((s) => ({ id: s.id, title: s.title, status: s.status, createdAt: s.createdAt.toISOString(), responses: Number(s.responses ?? 0) })) };
}

export async function createSurvey(ctx: AppContext, staff: Staff, input: { template?: 'channels'; title?: Localized; questions?: Question[]; quotas?: Quotas }) {
  const base = input.template === 'channels' ? channelsTemplate() : undefined;
  const title = input.title ?? base?.title;
  const questions = input.questions ?? base?.questions;
  if (!title || !questions) throw new AppError('VALIDATION_FAILED', 'give a title and questions, or a template', { field: 'questions' });
  assertQuestions(questions);
  assertQuotas(input.quotas ?? {});
  const s = await repo.insertSurvey(ctx.db, { bodyId: staff.bodyId, title, questions, quotas: input.quotas ?? {}, createdBy: staff.id, createdAt: ctx.clock.now() });
  return view(s);
}

export async function getSurvey(ctx: AppContext, staff: Staff, id: string) {
  const s = await ownSurvey(ctx, staff, id);
  return { ...view(s), ...(await repo.invitationCounts(ctx.db, s.id)) };
}

/** A draft changes freely; once opened the questions stay as respondents saw them (quotas may still move). */
export async function updateSurvey(ctx: AppContext, staff: Staff, id: string, input: { title?: Localized; questions?: Question[]; quotas?: Quotas }) {
  return ctx.db.transaction().execute(async (tx) => {
    const s = await repo.lockSurvey(tx, id.match(UUID) ? id : '00000000-0000-0000-0000-000000000000');
    if (!s || s.bodyId !== staff.bodyId) throw new AppError('SURVEY_NOT_FOUND');
    if (input.questions && s.status !== 'draft') throw new AppError('SURVEY_NOT_EDITABLE');
    if (input.questions) assertQuestions(input.questions);
    if (input.quotas) assertQuotas(input.quotas);
    return view(await repo.updateSurvey(tx, s.id, input));
  });
}

export async function setSurveyStatus(ctx: AppContext, staff: Staff, id: string, to: 'open' | 'closed') {
  const s = await ownSurvey(ctx, staff, id);
  if (to === 'open' && s.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'only a draft is opened');
  if (to === 'closed' && s.status !== 'open') throw new AppError('INVALID_TRANSITION', 'only an open survey is closed');
  const now = ctx.clock.now();
  return view(await repo.updateSurvey(ctx.db, s.id, to === 'open' ? { status: 'open', openedAt: now } : { status: 'closed', closedAt: now }));
}

/**
 * New invitations, each a one-response link (and, for 'qr', its QR code as SVG for a poster
 * or a leaflet). The tokens are shown once: only their hashes are kept.
 */
export async function createInvitations(ctx: AppContext, staff: Staff, id: string, input: { count: number; channel: 'link' | 'qr'; language?: 'kk' | 'ru' | 'en' }) {
  const s = await ownSurvey(ctx, staff, id);
  if (s.status === 'closed') throw new AppError('SURVEY_NOT_OPEN');
  const now = ctx.clock.now();
  const tokens = Array.from({ length: input.count }, () => randomBytes(18).toString('base64url'));
  await repo.insertInvitations(ctx.db, tokens.map((t) => ({ surveyId: s.id, tokenHash: hashToken(t), channel: input.channel, createdAt: now })));
  const lang = input.language ?? 'kk';
  const items = await Promise.all(
    tokens.map(async (token) => {
      const url = `${ctx.config.publicUrl}/${lang}/survey/${token}`;
      return { token, url, qrSvg: input.channel === 'qr' ? await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) : null };
    }),
  );
  return { items };
}

/** What a respondent sees: the questionnaire and the profile to fill in (nothing about the body's other data). */
export async function surveyForRespondent(ctx: AppContext, token: string) {
  const inv = await repo.findInvitation(ctx.db, hashToken(token));
  const s = inv ? await repo.findSurvey(ctx.db, inv.surveyId) : undefined;
  if (!inv || !s) throw new AppError('SURVEY_NOT_FOUND');
  return { title: s.title, status: s.status, answered: inv.respondedAt !== null, questions: s.questions, ...profileDimensions() };
}

/** One response per invitation; a group whose quota is full takes no more (the survey row is locked so two answers cannot both take the last place). */
export async function submitResponse(ctx: AppContext, token: string, input: { language: 'kk' | 'ru' | 'en'; profile: Record<string, string>; answers: Record<string, unknown> }) {
  return ctx.db.transaction().execute(async (tx) => {
    const inv = await repo.lockInvitation(tx, hashToken(token));
    if (!inv) throw new AppError('SURVEY_NOT_FOUND');
    const s = await repo.lockSurvey(tx, inv.surveyId);
    if (!s) throw new AppError('SURVEY_NOT_FOUND');
    if (s.status !== 'open') throw new AppError('SURVEY_NOT_OPEN');
    if (inv.respondedAt) throw new AppError('SURVEY_INVITATION_USED');
    const answers = checkResponse(s.questions, input.profile, input.answers);
    for (const [dim, groups] of Object.entries(s.quotas)) {
      const target = groups[input.profile[dim]];
      if (target !== undefined && (await repo.countInGroup(tx, s.id, dim, input.profile[dim])) >= target) throw new AppError('SURVEY_QUOTA_FULL', undefined, { dimension: dim });
    }
    await repo.insertResponse(tx, { surveyId: s.id, invitationId: inv.id, language: input.language, profile: input.profile, answers, submittedAt: ctx.clock.now() });
    return { ok: true };
  });
}

export async function surveyResults(ctx: AppContext, staff: Staff, id: string, q: { by: string; weighted?: boolean }) {
  const s = await ownSurvey(ctx, staff, id);
  if (!PROFILE[q.by]) throw new AppError('VALIDATION_FAILED', 'by must be a profile dimension', { field: 'by' });
  const rows = await repo.responses(ctx.db, s.id);
  const weights = weightsFor(rows, s.quotas, q.weighted ?? false);
  // The quota progress: responses per group against the target.
  const quotas = Object.entries(s.quotas).map(([dim, groups]) => ({
    dimension: dim,
    // In the profile's order (jsonb keeps its own).
    groups: Object.keys(PROFILE[dim]?.groups ?? {})
      .filter((g) => g in groups)
      .map((g) => ({ group: g, target: groups[g], responses: rows.filter((r) => r.profile[dim] === g).length })),
  }));
  return {
    surveyId: s.id,
    by: q.by,
    weighted: q.weighted ?? false,
    responses: rows.length,
    quotas,
    tables: crossTabs(s.questions, rows, q.by, weights),
    texts: s.questions.filter((x) => x.kind === 'text').map((x) => ({ questionId: x.id, answers: rows.map((r) => r.answers[x.id]).filter((a): a is string => typeof a === 'string' && a.length > 0) })),
  };
}

/** All responses, one row each: profile, answers (multiple choice joined by ';') and the quota weight. */
export async function responseTable(ctx: AppContext, staff: Staff, id: string) {
  const s = await ownSurvey(ctx, staff, id);
  const rows = await repo.responses(ctx.db, s.id);
  const weights = weightsFor(rows, s.quotas, true);
  const header = ['submitted_at', 'language', ...DIMENSIONS, ...s.questions.map((q) => q.id), 'weight'];
  const body = rows.map((r, i) => [
    r.submittedAt.toISOString(),
    r.language,
    ...DIMENSIONS.map((d) => r.profile[d] ?? ''),
    ...s.questions.map((q) => {
      const a = r.answers[q.id];
      return a === undefined ? '' : Array.isArray(a) ? a.join(';') : String(a);
    }),
    String(Math.round(weights[i] * 10000) / 10000),
  ]);
  return { header, rows: body, title: s.title };
}
