// Who may do what with the social-media inbox:
//   - the communications office (the SMM manager, role comms_officer) reads the inbox, triages,
//     replies and imports; the head and deputies read it and its monitoring;
//   - the body's administrator connects accounts (secrets are written, never read back);
//   - everything is the staff member's own body: another body's message is 404.
import type { Role } from '@tyndau/contracts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';

export const SOCIAL_READERS: readonly Role[] = ['comms_officer', 'head', 'deputy'];
export const SOCIAL_ACTORS: readonly Role[] = ['comms_officer'];
export const SOCIAL_ADMINS: readonly Role[] = ['admin'];

export function assertRole(staff: Staff, roles: readonly Role[]): void {
  if (!roles.includes(staff.role)) throw new AppError('FORBIDDEN');
}
