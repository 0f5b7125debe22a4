// Who may change the calendar and the channel standards, and who sees a body's monitoring.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../auth/index.ts';

/** The national calendar is one for all bodies: any administrator keeps it. */
export const CALENDAR_EDITORS: readonly Role[] = ['admin'];
/** A body's own channel standards: its administrator or its head. */
export const STANDARD_EDITORS: readonly Role[] = ['admin', 'head'];
/** Read every body's monitoring and standards. */
export const CROSS_BODY_MONITORS: readonly Role[] = ['analyst', 'oversight'];

export const canEditStandards = (staff: Staff, bodyId: string) => staff.bodyId === bodyId && STANDARD_EDITORS.includes(staff.role);
export const canReadBody = (staff: Staff, bodyId: string) => staff.bodyId === bodyId || CROSS_BODY_MONITORS.includes(staff.role);
