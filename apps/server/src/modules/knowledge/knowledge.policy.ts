// Who reads and who writes the knowledge base. Read it as the rule book:
//   - every staff member of a body reads its published articles and the shared ones
//     (operators insert them into consultations, executors into answer drafts);
//   - the communications officer and the administrator write their body's articles and
//     see its drafts;
//   - shared articles (no body) are written only by the administrator of the central body
//     (`KNOWLEDGE_CENTRAL_BODY`, by default the Ministry of Information), so one office
//     answers for what every contact line reads out;
//   - another body's article, or a draft one may not see, is a 404, as if it did not exist.
import type { Role } from '@tyndau/contracts';
import type { Staff } from '../../platform/staff.ts';

export const KNOWLEDGE_EDITORS: readonly Role[] = ['comms_officer', 'admin'];

export interface ArticleScope {
  bodyId: string | null;
  status: string;
}

/** Whether the staff member may edit articles of this scope (their body's, or shared). */
export function mayEdit(staff: Staff, centralBodyId: string | null, bodyId: string | null): boolean {
  if (bodyId === null) return staff.role === 'admin' && staff.bodyId === centralBodyId;
  return bodyId === staff.bodyId && KNOWLEDGE_EDITORS.includes(staff.role);
}

/** Whether the article exists for this staff member at all. */
export function mayRead(staff: Staff, centralBodyId: string | null, a: ArticleScope): boolean {
  if (a.bodyId !== null && a.bodyId !== staff.bodyId) return false;
  return a.status === 'published' || mayEdit(staff, centralBodyId, a.bodyId);
}

/** Whether the staff member sees drafts in lists (of the scopes they may edit). */
export const seesDrafts = (staff: Staff) => KNOWLEDGE_EDITORS.includes(staff.role);
