// Assignment (topic -> unit -> person): the communications department, the head or the
// deputy gives the appeal to a person of the body whose unit matches the appeal's unit
// (or who works for the whole body). Reassignment is the same action, again an event.
import { updateAppeal } from '../appeals/index.ts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { assertMay, EXECUTOR_ROLES } from './process.policy.ts';
import * as repo from './process.repository.ts';
import { impossible, withOwnAppeal } from './locked-appeal.ts';
import { isUuid } from '../../platform/ids.ts';

const ASSIGNABLE_STATUSES = ['in_work', 'awaiting_applicant'];

export async function assignExecutor(ctx: AppContext, staff: Staff, id: string, input: { executorId: string; unitId?: string; reason?: string }) {
  return withOwnAppeal(ctx, staff, id, async (tx, appeal, ctx) => {
    assertMay(staff, 'assign', appeal);
    if (!ASSIGNABLE_STATUSES.includes(appeal.status)) throw impossible('an appeal is assigned after triage and before the answer', { status: appeal.status });
    let unitId = appeal.unitId;
    if (input.unitId) {
      const unit = await repo.findUnit(tx, input.unitId);
      if (!unit || unit.bodyId !== appeal.bodyId) throw new AppError('UNIT_NOT_FOUND', 'the unit must belong to the appeal’s body', { field: 'unitId' });
      unitId = unit.id;
    }
    const person = isUuid(input.executorId) ? await repo.findStaffMember(tx, input.executorId) : undefined;
    // Another body's staff do not exist for this body.
    if (!person || person.bodyId !== appeal.bodyId || !person.active) throw new AppError('USER_NOT_FOUND', 'no such staff member in this body', { field: 'executorId' });
    if (!EXECUTOR_ROLES.includes(person.role as Staff['role'])) throw new AppError('EXECUTOR_NOT_ELIGIBLE', `${person.role} does not work appeals`, { field: 'executorId', rule: 'role' });
    if (person.unitId && unitId && person.unitId !== unitId) throw new AppError('EXECUTOR_NOT_ELIGIBLE', 'the executor works in another unit', { field: 'executorId', rule: 'unit' });
    if (person.id === appeal.executorId && unitId === appeal.unitId) throw impossible('the appeal is already assigned to this person', { executorId: person.id });
    await updateAppeal(tx, appeal.id, { executorId: person.id, unitId });
    await ctx.events.record(tx, {
      appealId: appeal.id,
      type: appeal.executorId ? 'appeal.reassigned' : 'appeal.assigned',
      at: ctx.clock.now(),
      actor: { id: staff.id, role: staff.role },
      reason: input.reason?.trim() || null,
      data: { executorId: person.id, previousExecutorId: appeal.executorId, unitId, previousUnitId: appeal.unitId },
    });
    return { id: appeal.id, status: appeal.status, executorId: person.id, unitId };
  });
}
