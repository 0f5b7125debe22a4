// Who may do what in the city app. Read it as the rule book:
//   - the public map shows only appeals with a place that are not confidential and were
//     not handed to another body (the new body's appeal stands for them), each point
//     rounded to about 100 m, never a number, a text or a name (repository: mapCells);
//   - a city object (a QR poster's place) is public once created: its code is printed;
//   - a body's communications officer and administrator create and remove its objects;
//     every staff member of the body lists them; another body's object is a 404 to them;
//   - only the applicant (number and access code) confirms or refutes a fix.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';

export const OBJECT_EDITORS: readonly Role[] = ['comms_officer', 'admin'];

export const mayEditObjects = (staff: Staff) => OBJECT_EDITORS.includes(staff.role);

/** Days after the answer within which the applicant confirms or refutes the fix (Moscow's «Наш город»: 15). */
export const FIX_VERDICT_DAYS = 15;
