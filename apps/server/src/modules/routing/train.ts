// Retraining from the register's own history: staff-decided topics of non-confidential
// appeals (a sample of at most TRAIN_LIMIT, in uuid order, i.e. random), counted into a new
// routing_model row that is added to the shipped base model when suggesting. Run by
// `npm run tyndau -- routing train` and on a schedule (startRoutingRetrain).
import type { AppContext } from '../../app-context.ts';
import { NaiveBayes } from './naive-bayes.ts';
import * as repo from './routing.repository.ts';

const PAGE = 2_000;
export const TRAIN_LIMIT = 200_000;
const KEEP_MODELS = 3;
const RETRAIN_EVERY_MS = 24 * 60 * 60 * 1000;
const CHECK_EVERY_MS = 60 * 60 * 1000;

export async function trainRoutingModel(ctx: AppContext, opts: { limit?: number } = {}) {
  const limit = opts.limit ?? TRAIN_LIMIT;
  const nb = new NaiveBayes();
  const bodyTopic: Record<string, Record<string, number>> = {};
  let after: string | null = null;
  let appeals = 0;
  // Pages through the pool, no transaction held open while the model is counted.
  while (appeals < limit) {
    const page = await repo.decidedAppealsPage(ctx.db, after, Math.min(PAGE, limit - appeals));
    if (page.length === 0) break;
    for (const a of page) {
      nb.learn(a.text, a.topicCode!);
      const row = (bodyTopic[a.bodyId] ??= {});
      row[a.topicCode!] = (row[a.topicCode!] ?? 0) + 1;
    }
    appeals += page.length;
    after = page[page.length - 1].id;
  }
  const saved = await repo.saveModel(ctx.db, { trainedAt: ctx.clock.now(), appeals, topicCounts: nb.toJSON(), bodyTopicCounts: bodyTopic });
  await repo.pruneModels(ctx.db, KEEP_MODELS);
  return { id: saved.id, trainedAt: saved.trainedAt.toISOString(), appeals: saved.appeals, topics: nb.labelCount };
}

/** Retrain once a day: each hour, a process finding the newest model older than a day trains a new one. */
export function startRoutingRetrain(ctx: AppContext, log: (msg: string, err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () =>
    (running = (async () => {
      const id = await repo.latestModelId(ctx.db);
      const latest = id ? await repo.findModel(ctx.db, id) : undefined;
      if (latest && ctx.clock.now().getTime() - latest.trainedAt.getTime() < RETRAIN_EVERY_MS) return;
      await trainRoutingModel(ctx);
    })().catch((err) => log('routing retrain failed', err)));
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
