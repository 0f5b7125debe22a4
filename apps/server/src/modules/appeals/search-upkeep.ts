// Merges the pending lists of the register's GIN indexes every second, away from intake
// (why: migration 0505). Runs in the server process beside the delivery worker; safe on
// several servers at once (PostgreSQL lets one merge run and the others return).
import { sql } from 'kysely';
import type { AppContext } from '../../app-context.ts';

const EVERY_MS = 1_000;
const INDEXES = ['appeal_body_search_idx', 'appeal_body_text_trgm_idx'];

export function startSearchUpkeep(ctx: AppContext, log: (msg: string, err: unknown) => void): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const merge = () =>
    sql`select ${sql.join(INDEXES.map((name) => sql`gin_clean_pending_list(${name}::regclass)`))}`.execute(ctx.db).catch((err) => {
      // A role that does not own the indexes may not merge them: then inserts and autovacuum do, as by default.
      if ((err as { code?: string }).code === '42501') clearInterval(timer);
      log('search index upkeep failed', err);
    });
  const timer = setInterval(() => (running = merge()), EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
