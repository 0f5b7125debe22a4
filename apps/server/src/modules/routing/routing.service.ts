// Routing's use cases: suggest for a text or an appeal, record the staff's decision,
// count how often the suggestion was taken.
import type { AppContext } from '../../app-context.ts';
import type { EventSubscriber } from '../../platform/events.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { getReadableAppeal } from '../appeals/index.ts';
import { currentModel } from './model.ts';
import { suggestFor, type Suggestion } from './suggest.ts';
import * as repo from './routing.repository.ts';

export async function suggest(ctx: AppContext, input: { text: string; lat?: number; lon?: number }): Promise<Suggestion> {
  const text = input.text.trim();
  if (text.length === 0) throw new AppError('VALIDATION_FAILED', 'text is empty', { field: 'text' });
  // lat/lon are accepted as the contract says; bodies are not yet told apart by place
  // (the body boundaries are not known to routing), so they do not change the ranking.
  return suggestFor(await currentModel(ctx.db), text);
}

/**
 * The suggestion on an appeal's card. For the body's own newly registered appeal the first
 * suggestion shown is recorded, so the triage decision can be compared with it.
 */
export async function suggestForAppeal(ctx: AppContext, staff: Staff, id: string) {
  const appeal = await getReadableAppeal(ctx, staff, id);
  const model = await currentModel(ctx.db);
  const suggestion = suggestFor(model, appeal.text);
  if (appeal.status === 'registered' && appeal.bodyId === staff.bodyId) {
    const [topic] = suggestion.topics;
    const [body] = suggestion.bodies;
    await repo.upsertSuggestion(ctx.db, {
      appealId: appeal.id,
      bodyId: appeal.bodyId,
      suggestedAt: ctx.clock.now(),
      suggestedTopic: topic?.code ?? null,
      topicConfidence: topic?.confidence ?? null,
      suggestedBodyId: body?.id ?? null,
      bodyConfidence: body?.confidence ?? null,
      modelId: model.id,
    });
  }
  const recorded = await repo.findSuggestion(ctx.db, appeal.id);
  return {
    ...suggestion,
    decision: recorded
      ? {
          suggestedTopic: recorded.suggestedTopic,
          suggestedBodyId: recorded.suggestedBodyId,
          decidedTopic: recorded.decidedTopic,
          decidedBodyId: recorded.decidedBodyId,
          accepted: recorded.accepted,
          decidedAt: recorded.decidedAt?.toISOString() ?? null,
        }
      : null,
  };
}

/** The triage decision, in the event's own transaction: own competence (topic) or a redirect (body). */
export const recordTriageDecision: EventSubscriber = async (tx, e) => {
  const data = e.data ?? {};
  if (e.type === 'appeal.triaged') {
    const appeal = await repo.findAppeal(tx, e.appealId);
    if (!appeal) return;
    await repo.recordDecision(tx, e.appealId, { decidedAt: e.at, decidedBy: e.actor?.id ?? null, decidedTopic: (data.topicCode as string | null) ?? null, decidedBodyId: appeal.bodyId });
  } else if (e.type === 'appeal.redirected') {
    await repo.recordDecision(tx, e.appealId, { decidedAt: e.at, decidedBy: e.actor?.id ?? null, decidedTopic: null, decidedBodyId: (data.targetBodyId as string | undefined) ?? null });
  }
};

export function subscribeRouting(ctx: AppContext): void {
  ctx.events.on('appeal.triaged', recordTriageDecision);
  ctx.events.on('appeal.redirected', recordTriageDecision);
}

const DAY = 24 * 60 * 60 * 1000;

export async function acceptanceRate(ctx: AppContext, staff: Staff, q: { from?: string; to?: string }) {
  // Whole days in Almaty (UTC+5), to-day included; by default the 30 days to today.
  const today = new Date(ctx.clock.now().getTime() + 5 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const to = new Date(`${q.to ?? today}T00:00:00+05:00`).getTime() + DAY;
  const from = q.from ? new Date(`${q.from}T00:00:00+05:00`).getTime() : to - 30 * DAY;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from >= to) throw new AppError('VALIDATION_FAILED', 'from must be before to', { field: 'from' });
  const r = await repo.acceptance(ctx.db, staff.bodyId, new Date(from), new Date(to));
  return { bodyId: staff.bodyId, from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...r, rate: r.decided > 0 ? Math.round((r.accepted / r.decided) * 1000) / 1000 : null };
}
