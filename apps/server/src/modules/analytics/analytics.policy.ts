// Who sees which statistics: staff see their own body; analyst and oversight compare
// bodies, so they may ask for any body or for all of them at once.
import type { Staff } from '../../platform/staff.ts';
import { CROSS_BODY_READERS } from '../appeals/index.ts';
import { AppError } from '../../platform/errors.ts';

/** The bodies a request covers: undefined means every body. */
export function statsScope(staff: Staff, bodyId: string | undefined): string[] | undefined {
  if (CROSS_BODY_READERS.includes(staff.role)) return bodyId ? [bodyId] : undefined;
  if (bodyId && bodyId !== staff.bodyId) throw new AppError('FORBIDDEN', 'staff see the statistics of their own body');
  return [staff.bodyId];
}
