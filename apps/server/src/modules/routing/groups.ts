// Near-identical open appeals of a body, grouped for one answer (as Korea's ePeople answers
// a mass petition): pairs by trigram similarity, joined into groups (union–find). Answering
// a group is the ordinary answer use case applied to each appeal in turn, so each keeps its
// own events, its own deadline and its own applicant's delivery.
import type { AnswerMethod } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import { draftAnswer, signAnswer, type AnswerResolution } from '../process/index.ts';
import * as repo from './routing.repository.ts';

export const DEFAULT_SIMILARITY = 0.6;
const SCAN_LIMIT = 5_000; // newest open appeals compared
const EXCERPT = 240;

export async function similarGroups(ctx: AppContext, staff: Staff, q: { similarity?: number; limit?: number }) {
  const threshold = q.similarity ?? DEFAULT_SIMILARITY;
  const pairs = await repo.similarOpenPairs(ctx.db, staff.bodyId, OPEN_STATUSES, threshold, SCAN_LIMIT);
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const byRoot = new Map<string, string[]>();
  for (const id of parent.keys()) byRoot.set(find(id), [...(byRoot.get(find(id)) ?? []), id]);
  const rows = new Map((await repo.appealsByIds(ctx.db, [...parent.keys()])).map((r) => [r.id, r]));
  const best = new Map<string, number>();
  for (const p of pairs) {
    const root = find(p.a);
    best.set(root, Math.min(best.get(root) ?? 1, Number(p.similarity)));
  }
  const groups = [...byRoot.entries()]
    .map(([root, ids]) => ({
      minSimilarity: Math.round((best.get(root) ?? threshold) * 1000) / 1000,
      appeals: ids
        .map((id) => rows.get(id)!)
        .filter(Boolean)
        .sort((x, y) => x.receivedAt.getTime() - y.receivedAt.getTime())
        .map((r) => ({
          id: r.id,
          number: r.number,
          status: r.status,
          topicCode: r.topicCode,
          receivedAt: r.receivedAt.toISOString(),
          legalDueAt: r.legalDueAt?.toISOString() ?? null,
          excerpt: r.text.length > EXCERPT ? `${r.text.slice(0, EXCERPT)}…` : r.text,
        })),
    }))
    .filter((g) => g.appeals.length >= 2)
    .sort((x, y) => y.appeals.length - x.appeals.length || x.appeals[0].receivedAt.localeCompare(y.appeals[0].receivedAt));
  return { similarity: threshold, groups: groups.slice(0, q.limit ?? 50) };
}

export interface GroupAnswerInput {
  appealIds: string[];
  /** the answer to draft on each appeal (with its resolution); without it, the drafts already there are signed */
  text?: string;
  resolution?: AnswerResolution;
  deliveryMethod?: AnswerMethod;
  /** sign and send (a signer's role); else each appeal keeps its draft for the signer */
  sign?: boolean;
}

/**
 * One answer for a group: drafted (the drafters' roles) and/or signed (the signers') on each
 * appeal separately, with the same checks as one by one; one refusal stops none of the others.
 */
export async function answerGroup(ctx: AppContext, staff: Staff, input: GroupAnswerInput) {
  const ids = [...new Set(input.appealIds)];
  if (ids.length < 2) throw new AppError('VALIDATION_FAILED', 'a group has at least two appeals', { field: 'appealIds' });
  if (input.text === undefined && !input.sign) throw new AppError('VALIDATION_FAILED', 'give the answer text, or sign: true to sign the drafts', { field: 'text' });
  if (input.text !== undefined && !input.resolution) throw new AppError('VALIDATION_FAILED', 'resolution is required with the text', { field: 'resolution' });
  const results = [];
  for (const id of ids) {
    try {
      const draft = input.text !== undefined ? await draftAnswer(ctx, staff, id, { text: input.text, resolution: input.resolution!, deliveryMethod: input.deliveryMethod }) : null;
      if (input.sign) {
        const sent = await signAnswer(ctx, staff, id);
        results.push({ id, ok: true, status: sent.status, answerId: sent.answerId, code: null });
      } else results.push({ id, ok: true, status: 'in_work', answerId: draft!.id, code: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, status: null, answerId: null, code: e.code });
    }
  }
  return { answered: results.filter((r) => r.ok).length, results };
}
