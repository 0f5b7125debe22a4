// What the workspace offers a role. The server decides (process.policy.ts); this only keeps
// buttons that would be refused off the page.
import { OPEN_STATUSES } from '@tyndau/contracts';
import type { AppealCard, Me } from './api.ts';

export const REGISTRAR_ROLES = ['admin', 'comms_officer', 'operator', 'ethics_commissioner', 'moderator', 'head', 'deputy', 'executor'];
const ROUTERS = ['comms_officer', 'head', 'deputy'];
const HEADS = ['head', 'deputy'];
const OPEN: readonly string[] = OPEN_STATUSES;

export type CardAction = 'triage' | 'redirect' | 'assign' | 'requestInfo' | 'infoReceived' | 'extend' | 'answer' | 'sign' | 'close' | 'leave';

export function allowedActions(me: Me, a: Pick<AppealCard, 'status' | 'confidential' | 'executorId' | 'difficulty' | 'bodyId'>, hasDraft: boolean): CardAction[] {
  if (me.bodyId !== a.bodyId) return [];
  // A confidential appeal is triaged, redirected, left and closed by the ethics commissioner alone.
  const routers = a.confidential ? [...ROUTERS, 'ethics_commissioner'] : ROUTERS;
  const deciders = a.confidential ? ['ethics_commissioner'] : ROUTERS;
  const isRouter = routers.includes(me.role);
  const isDecider = deciders.includes(me.role);
  const isExecutor = a.executorId === me.id;
  const drafters = a.confidential ? ['comms_officer', 'ethics_commissioner'] : ['comms_officer'];
  const out: CardAction[] = [];
  if (isDecider && a.status === 'registered') out.push('triage');
  if (isDecider && (a.status === 'registered' || a.status === 'in_work')) out.push('redirect');
  if (isRouter && (a.status === 'in_work' || a.status === 'awaiting_applicant')) out.push('assign');
  if (isExecutor && a.status === 'in_work' && (a.difficulty === 'medium' || a.difficulty === 'heavy')) out.push('requestInfo');
  if ((isExecutor || isRouter) && a.status === 'awaiting_applicant') out.push('infoReceived');
  if ((isExecutor || drafters.includes(me.role)) && a.status === 'in_work') out.push('answer');
  if (HEADS.includes(me.role) && a.status === 'in_work' && hasDraft) out.push('sign');
  if (HEADS.includes(me.role) && OPEN.includes(a.status)) out.push('extend');
  if (isDecider && (a.status === 'answered' || a.status === 'left_without_consideration')) out.push('close');
  if (isDecider && OPEN.includes(a.status)) out.push('leave');
  return out;
}
