// The HTTP edge's periodic upkeep, run by each server process (every step is safe on
// several at once): uploads that no appeal claimed within 24 hours are purged with their
// files, and finished rate-limit windows are deleted.
import type { AppContext } from './app-context.ts';
import { purgeUnclaimedAttachments } from './modules/appeals/index.ts';
import { purgeRateLimitWindows } from './platform/rate-limit-store.ts';

const EVERY_MS = 10 * 60 * 1000;

export async function runEdgeUpkeep(ctx: AppContext): Promise<{ attachments: number; windows: number }> {
  const attachments = await purgeUnclaimedAttachments(ctx);
  const windows = await purgeRateLimitWindows(ctx.db, new Date());
  return { attachments, windows };
}

export function startEdgeUpkeep(ctx: AppContext, log: (msg: string, err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => (running = runEdgeUpkeep(ctx).catch((err) => log('edge upkeep failed', err)));
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, EVERY_MS);
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
