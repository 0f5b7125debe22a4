import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import type { Staff } from '../../platform/staff.ts';
import { READ_AUDIT_ROLES } from './audit.policy.ts';
import * as repo from './audit.repository.ts';
import { readLogOf } from './read-log.ts';

export interface ReadQuery {
  appealId?: string;
  staffId?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

function instant(value: string | undefined, field: string): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', `${field} must be an ISO instant`, { field });
  return d;
}

/** Who opened which appeal's personal data, newest first; for oversight. */
export async function listReads(ctx: AppContext, staff: Staff, q: ReadQuery) {
  if (!READ_AUDIT_ROLES.includes(staff.role)) throw new AppError('FORBIDDEN');
  const c = decodeCursor(q.cursor, 2);
  let after: { at: Date; id: string } | undefined;
  if (c) {
    const at = new Date(String(c[0]));
    if (Number.isNaN(at.getTime()) || !/^\d{1,18}$/.test(String(c[1]))) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
    after = { at, id: String(c[1]) };
  }
  // What this process has recorded but not yet written is part of the answer.
  await readLogOf(ctx).flush();
  const rows = await repo.listReads(ctx.db, { appealId: q.appealId, staffId: q.staffId, from: instant(q.from, 'from'), to: instant(q.to, 'to'), after, limit: q.limit });
  const page = pageOf(rows, q.limit, (r) => [r.at.toISOString(), String(r.id)]);
  return {
    items: page.items.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      what: r.what,
      objectId: r.objectId,
      staff: { id: r.staffId, name: r.staffName, role: r.staffRole, bodyId: r.staffBodyId },
      appeal: { id: r.appealId, number: r.appealNumber, bodyId: r.appealBodyId },
    })),
    nextCursor: page.nextCursor,
  };
}
