// Surveys' queries: survey, survey_invitation and survey_response are this module's own.
import { sql } from 'kysely';
import type { Tx } from '../../platform/events.ts';
import type { Localized, Question } from './questionnaire.ts';

export const findSurvey = (db: Tx, id: string) => db.selectFrom('survey').selectAll().where('id', '=', id).executeTakeFirst();
export const lockSurvey = (tx: Tx, id: string) => tx.selectFrom('survey').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const listSurveys = (db: Tx, bodyId: string) =>
  db
    .selectFrom('survey')
    .select(['id', 'title', 'status', 'createdAt', 'openedAt', 'closedAt', (eb) => eb.selectFrom('surveyResponse').select(sql<string>`count(*)`.as('n')).whereRef('surveyResponse.surveyId', '=', 'survey.id').as('responses')])
    .where('bodyId', '=', bodyId)
    .orderBy('createdAt', 'desc')
    .limit(200)
    .execute();

export function insertSurvey(db: Tx, s: { bodyId: string; title: Localized; questions: Question[]; quotas: Record<string, Record<string, number>>; createdBy: string; createdAt: Date }) {
  return db
    .insertInto('survey')
    .values({ ...s, title: JSON.stringify(s.title) as never, questions: JSON.stringify(s.questions) as never, quotas: JSON.stringify(s.quotas) as never })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateSurvey(db: Tx, id: string, s: { title?: Localized; questions?: Question[]; quotas?: Record<string, Record<string, number>>; status?: string; openedAt?: Date; closedAt?: Date }) {
  return db
    .updateTable('survey')
    .set({
      ...(s.title ? { title: JSON.stringify(s.title) as never } : {}),
      ...(s.questions ? { questions: JSON.stringify(s.questions) as never } : {}),
      ...(s.quotas ? { quotas: JSON.stringify(s.quotas) as never } : {}),
      ...(s.status ? { status: s.status } : {}),
      ...(s.openedAt ? { openedAt: s.openedAt } : {}),
      ...(s.closedAt ? { closedAt: s.closedAt } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertInvitations(db: Tx, rows: Array<{ surveyId: string; tokenHash: string; channel: string; createdAt: Date }>) {
  return db.insertInto('surveyInvitation').values(rows).returning(['id']).execute();
}

export const findInvitation = (db: Tx, tokenHash: string) => db.selectFrom('surveyInvitation').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
export const lockInvitation = (tx: Tx, tokenHash: string) => tx.selectFrom('surveyInvitation').selectAll().where('tokenHash', '=', tokenHash).forUpdate().executeTakeFirst();

export const invitationCounts = async (db: Tx, surveyId: string) => {
  const r = await db
    .selectFrom('surveyInvitation')
    .select([sql<string>`count(*)`.as('sent'), sql<string>`count(responded_at)`.as('responded')])
    .where('surveyId', '=', surveyId)
    .executeTakeFirstOrThrow();
  return { invitations: Number(r.sent), responded: Number(r.responded) };
};

/** Responses already in a profile group (for the quota). */
export async function countInGroup(tx: Tx, surveyId: string, dim: string, group: string) {
  const r = await tx
    .selectFrom('surveyResponse')
    .select(sql<string>`count(*)`.as('n'))
    .where('surveyId', '=', surveyId)
    .where(sql<boolean>`profile ->> ${dim} = ${group}`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertResponse(tx: Tx, r: { surveyId: string; invitationId: string; language: string; profile: Record<string, string>; answers: Record<string, unknown>; submittedAt: Date }) {
  await tx
    .insertInto('surveyResponse')
    .values({ ...r, profile: JSON.stringify(r.profile) as never, answers: JSON.stringify(r.answers) as never })
    .execute();
  await tx.updateTable('surveyInvitation').set({ respondedAt: r.submittedAt }).where('id', '=', r.invitationId).execute();
}

export const responses = (db: Tx, surveyId: string) =>
  db.selectFrom('surveyResponse').select(['id', 'language', 'profile', 'answers', 'submittedAt']).where('surveyId', '=', surveyId).orderBy('submittedAt').orderBy('id').execute();
