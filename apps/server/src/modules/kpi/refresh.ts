// Keeping the KPIs current. A change to an appeal marks it (kpi.subscriptions.ts) in its
// own transaction; this refresh, every two seconds on every server (one at a time, by an
// advisory lock), rebuilds the (body, day) slices of the marked appeals. Chosen over
// updating kpi_daily inside each change: the daily row of a busy body would be a hot row
// every intake and action of that body queues on, and the slice rebuild is also how a
// definition change or a migration recomputes history (kpi_dirty_slice).
// Every minute the same upkeep looks for surges and makes the morning's reports.
import type { AppContext } from '../../app-context.ts';
import * as repo from './kpi.repository.ts';
import { runScheduledReports } from './reports.ts';
import { detectSurges } from './surge.ts';

const REFRESH_MS = 2_000;
const SLOW_MS = 60_000;

/** Rebuild every marked slice now (tests and the CLI call this; the upkeep calls it on a timer). */
export async function refreshKpis(ctx: AppContext, opts: { maxSteps?: number } = {}): Promise<number> {
  let slices = 0;
  for (let i = 0; i < (opts.maxSteps ?? Infinity); i++) {
    const n = await repo.refreshStep(ctx.db);
    if (!n) break;
    slices += n;
  }
  return slices;
}

export function startKpiUpkeep(ctx: AppContext, log: (msg: string, err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let lastSlow = 0;
  let stopped = false;
  const tick = async () => {
    await refreshKpis(ctx, { maxSteps: 50 });
    if (Date.now() - lastSlow >= SLOW_MS) {
      lastSlow = Date.now();
      await detectSurges(ctx);
      await runScheduledReports(ctx);
    }
  };
  let timer: NodeJS.Timeout = setTimeout(function again() {
    running = tick().catch((err) => log('KPI upkeep failed', err)).finally(() => {
      if (!stopped) timer = setTimeout(again, REFRESH_MS);
    });
  }, REFRESH_MS);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
