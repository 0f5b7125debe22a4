// Duplicates: staff merge an appeal into a parent that reports the same problem at the same
// place. The child keeps its number, applicant and terms; it is answered with the parent's
// answer when the parent is answered (process/duplicates.ts), and Open311 shows it as
// DUPLICATE with the parent's number. Same body only, never across the confidential mark.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Tx } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import { canReadAppeal } from './appeals.policy.ts';
import type { Role } from '@tyndau/contracts';

/** Who merges: those who decide competence (triage). */
export const MERGE_ROLES: readonly Role[] = ['comms_officer', 'head', 'deputy'];

const refuse = (why: string) => new AppError('MERGE_NOT_ALLOWED', why);

/**
 * Merge appeal `childId` into `parentRef` (the parent's id or registration number). Both rows
 * are locked in id order, so two opposite merges at once cannot deadlock; events on both.
 */
export async function mergeAppeal(ctx: AppContext, staff: Staff, childId: string, parentRef: string) {
  if (!isUuid(childId)) throw new AppError('APPEAL_NOT_FOUND');
  if (!MERGE_ROLES.includes(staff.role)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction().execute(async (tx) => {
    const parentId = isUuid(parentRef)
      ? parentRef
      : (await tx.selectFrom('appeal').select('id').where('number', '=', parentRef.trim()).executeTakeFirst())?.id;
    if (!parentId) throw new AppError('APPEAL_NOT_FOUND', 'no such parent appeal', { field: 'parentId' });
    if (parentId === childId) throw refuse('an appeal cannot be its own duplicate');
    const [first, second] = [childId, parentId].sort();
    const rows = await tx.selectFrom('appeal').selectAll().where('id', 'in', [first, second]).orderBy('id').forUpdate().execute();
    const child = rows.find((r) => r.id === childId);
    const parent = rows.find((r) => r.id === parentId);
    if (!child || !canReadAppeal(staff, child) || child.bodyId !== staff.bodyId) throw new AppError('APPEAL_NOT_FOUND');
    // Another body's appeal, or one this reader may not see, does not exist for them.
    if (!parent || parent.bodyId !== staff.bodyId || !canReadAppeal(staff, parent)) throw new AppError('APPEAL_NOT_FOUND', 'no such parent appeal', { field: 'parentId' });
    if (child.confidential !== parent.confidential) throw refuse('never across the confidential mark');
    if (!(OPEN_STATUSES as readonly string[]).includes(child.status)) throw refuse('only an open appeal is merged');
    if (child.duplicateOfId) throw refuse('already merged');
    if (parent.duplicateOfId) throw refuse('the parent is itself a duplicate: merge into its parent');
    if (['redirected', 'left_without_consideration'].includes(parent.status)) throw refuse('the parent will not be answered here');
    const children = await tx.selectFrom('appeal').select('id').where('duplicateOfId', '=', child.id).limit(1).execute();
    if (children.length) throw refuse('this appeal has duplicates of its own');
    await tx.updateTable('appeal').set({ duplicateOfId: parent.id }).where('id', '=', child.id).execute();
    const at = ctx.clock.now();
    const actor = { id: staff.id, role: staff.role };
    await ctx.events.record(tx, { appealId: child.id, type: 'appeal.merged', at, actor, public: true, data: { parentId: parent.id, parentNumber: parent.number } });
    await ctx.events.record(tx, { appealId: parent.id, type: 'appeal.duplicate_added', at, actor, public: false, data: { childId: child.id, childNumber: child.number } });
    // A parent answered already: the child is answered now, by the same rule.
    if (parent.status === 'answered' || parent.status === 'closed') await ctx.events.record(tx, { appealId: parent.id, type: 'appeal.duplicates_due', at, actor, public: false, data: {} });
    return { id: child.id, number: child.number, duplicateOfId: parent.id, parentNumber: parent.number };
  });
}

/** The open duplicates of an appeal, locked, for answering them with it (process/duplicates.ts). */
export function lockOpenDuplicates(tx: Tx, parentId: string) {
  return tx
    .selectFrom('appeal')
    .select(['id', 'status', 'preferredAnswer', 'legalDueAt', 'targetDueAt'])
    .where('duplicateOfId', '=', parentId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('id')
    .forUpdate()
    .execute();
}
