// Kysely queries of the common process: answers, feedback, and the staff and units an
// appeal may be given to.
import { sql } from 'kysely';
import type { Tx } from '../../platform/events.ts';

export function findStaffMember(db: Tx, id: string) {
  return db.selectFrom('staffUser').select(['id', 'name', 'role', 'bodyId', 'unitId', 'active', 'email', 'language']).where('id', '=', id).executeTakeFirst();
}

export function findUnit(db: Tx, id: string) {
  return db.selectFrom('unit').select(['id', 'bodyId']).where('id', '=', id).executeTakeFirst();
}

export function findDraft(db: Tx, appealId: string) {
  return db.selectFrom('appealAnswer').selectAll().where('appealId', '=', appealId).where('status', '=', 'draft').executeTakeFirst();
}

/** A new draft replaces the one before it; the old one is kept as superseded. */
export async function saveDraft(
  tx: Tx,
  d: { appealId: string; text: string; resolution: string; deliveryMethod: string; draftedBy: string | null; at: Date; standardReply?: boolean },
) {
  await tx.updateTable('appealAnswer').set({ status: 'superseded' }).where('appealId', '=', d.appealId).where('status', '=', 'draft').execute();
  return tx
    .insertInto('appealAnswer')
    .values({
      appealId: d.appealId,
      text: d.text,
      resolution: d.resolution,
      deliveryMethod: d.deliveryMethod,
      status: 'draft',
      standardReply: d.standardReply ?? false,
      draftedBy: d.draftedBy,
      draftedAt: d.at,
      signedBy: null,
      signedAt: null,
    })
    .returning(['id', 'status', 'resolution', 'deliveryMethod', 'draftedAt'])
    .executeTakeFirstOrThrow();
}

export function markSent(tx: Tx, answerId: string, signedBy: string, at: Date) {
  return tx.updateTable('appealAnswer').set({ status: 'sent', signedBy, signedAt: at }).where('id', '=', answerId).where('status', '=', 'draft').executeTakeFirst();
}

export function listAnswers(db: Tx, appealId: string) {
  return db
    .selectFrom('appealAnswer')
    .select(['id', 'text', 'resolution', 'deliveryMethod', 'status', 'standardReply', 'draftedBy', 'draftedAt', 'signedBy', 'signedAt'])
    .where('appealId', '=', appealId)
    .orderBy('seq')
    .execute();
}

/** Record feedback once; undefined when there already is some. */
export function insertFeedback(tx: Tx, f: { appealId: string; score: number; comment: string | null; disagree: boolean; at: Date }) {
  return tx
    .insertInto('appealFeedback')
    .values({ ...f, complaintId: null })
    .onConflict((oc) => oc.column('appealId').doNothing())
    .returning('appealId')
    .executeTakeFirst();
}

export function setFeedbackComplaint(tx: Tx, appealId: string, complaintId: string) {
  return tx.updateTable('appealFeedback').set({ complaintId }).where('appealId', '=', appealId).execute();
}

/** The redirect chain through an appeal, first body first, and the appeals that repeat it. */
export async function listLinks(db: Tx, appealId: string) {
  // Each appeal is redirected at most once, so the chain is a line: walk back and forward.
  const chain = await sql<{ id: string; number: string; bodyId: string; status: string; redirectedFromId: string | null; receivedAt: Date; confidential: boolean }>`
    with recursive back as (
      select id, redirected_from_id, 0 as depth from appeal where id = ${appealId}
      union all
      select a.id, a.redirected_from_id, b.depth + 1 from appeal a join back b on a.id = b.redirected_from_id where b.depth < 100
    ), fwd as (
      select id, 0 as depth from appeal where id = ${appealId}
      union all
      select a.id, f.depth - 1 from appeal a join fwd f on a.redirected_from_id = f.id where f.depth > -100
    )
    select a.id, a.number, a.body_id, a.status, a.redirected_from_id, a.received_at, a.confidential
    from (select id, depth from back union select id, depth from fwd) c join appeal a on a.id = c.id
    order by c.depth desc`.execute(db);
  const repeats = await db
    .selectFrom('appeal')
    .select(['id', 'number', 'bodyId', 'kind', 'status', 'receivedAt', 'confidential'])
    .where('repeatOfId', '=', appealId)
    .orderBy('receivedAt')
    .limit(100)
    .execute();
  return { chain: chain.rows, repeats };
}

export function findSentAnswer(db: Tx, appealId: string) {
  return db.selectFrom('appealAnswer').select(['text', 'resolution', 'deliveryMethod', 'signedAt', 'signedBy']).where('appealId', '=', appealId).where('status', '=', 'sent').executeTakeFirst();
}

/** Events whose reason is written for the applicant: requests, replies, extensions, refusals to consider. */
export function listApplicantMessages(db: Tx, appealId: string) {
  return db
    .selectFrom('appealEvent')
    .select(['type', 'at', 'reason'])
    .where('appealId', '=', appealId)
    .where('type', 'in', ['appeal.info_requested', 'appeal.info_received', 'appeal.extended', 'appeal.left_without_consideration'])
    .orderBy('id')
    .execute();
}

/** A duplicate's copy of its parent's answer, sent at once (process/duplicates.ts). */
export function insertSentAnswer(tx: Tx, a: { appealId: string; text: string; resolution: string; deliveryMethod: string; by: string | null; at: Date }) {
  return tx
    .insertInto('appealAnswer')
    .values({ appealId: a.appealId, text: a.text, resolution: a.resolution, deliveryMethod: a.deliveryMethod, status: 'sent', draftedBy: a.by, draftedAt: a.at, signedBy: a.by, signedAt: a.at })
    .returning('id')
    .executeTakeFirstOrThrow();
}
