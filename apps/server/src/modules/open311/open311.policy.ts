// Who manages what in Open311. Read it as the rule book:
//   - API keys are the platform's (an app files into every body): only an administrator of
//     the central body (`settings.central`) issues, lists and revokes them; the CLI does the
//     same from the server's own shell;
//   - a body's administrator configures the attributes its topics ask for, in that body only;
//   - the public side (GET) needs no key and never shows personal data or a confidential appeal.
import type { Staff } from '../../platform/staff.ts';

export function mayManageKeys(staff: Staff, centralBody: boolean): boolean {
  return staff.role === 'admin' && centralBody;
}

export function mayConfigureAttributes(staff: Staff, bodyId: string): boolean {
  return staff.role === 'admin' && staff.bodyId === bodyId;
}
