// Who may change the calendar and the channel standards, and who sees a body's monitoring.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The national calendar is one for all bodies: only the calendar administrator of the central
 * body (body.settings.central) keeps it; the command line (the installation's operator) too.
 */
export const CALENDAR_EDITORS: readonly Role[] = ['calendar_admin'];

/** FORBIDDEN unless a calendar administrator of the central body. */
export async function assertCalendarEditor(ctx: AppContext, staff: Staff): Promise<void> {
  if (!CALENDAR_EDITORS.includes(staff.role)) throw new AppError('FORBIDDEN');
  const body = await ctx.db.selectFrom('body').select('settings').where('id', '=', staff.bodyId).executeTakeFirst();
  if ((body?.settings as { central?: unknown } | undefined)?.central !== true) throw new AppError('FORBIDDEN', 'the calendar is kept by the central body');
}
/** A body's own channel standards: its administrator or its head. */
export const STANDARD_EDITORS: readonly Role[] = ['admin', 'head'];
/** Read every body's monitoring and standards. */
export const CROSS_BODY_MONITORS: readonly Role[] = ['analyst', 'oversight'];

export const canEditStandards = (staff: Staff, bodyId: string) => staff.bodyId === bodyId && STANDARD_EDITORS.includes(staff.role);
export const canReadBody = (staff: Staff, bodyId: string) => staff.bodyId === bodyId || CROSS_BODY_MONITORS.includes(staff.role);
