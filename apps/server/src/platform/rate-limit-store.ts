// Per-address request limits kept in PostgreSQL, so several server processes share them
// (a store for @fastify/rate-limit; table `rate_limit_counter`, fixed windows aligned on
// the epoch so every process counts the same window).
//
// Two ways of counting, chosen by the route's limit:
// - exact (limits up to EXACT_MAX a window: sign-in, tracking, uploads, bookings): every
//   request adds its hit with one upsert and reads the shared total back, one round trip
//   (~0.1-0.3 ms on an UNLOGGED table). Small limits guard secrets (passwords, access
//   codes), where letting a few extra guesses through on each process matters.
// - batched (larger limits: public intake, 300 a minute): an address's first hit in a
//   window here is written at once (one round trip a minute per address, which reads what
//   the other processes took before); its further hits are counted in the process and
//   added to the table every FLUSH_MS in one statement for all addresses; the answer is the
//   shared total known at the last flush plus this process's hits since. No round trip on
//   the hot path; across N processes an address may exceed the limit by what the other
//   processes took in the last FLUSH_MS.
// A database error never fails a request: the count falls back to this process's own.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export const EXACT_MAX = 100;
const FLUSH_MS = 250;
/** Windows older than this are deleted by the upkeep (every limit here is ≤ 1 hour). */
export const RATE_LIMIT_KEEP_MS = 60 * 60 * 1000;

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;
interface Entry {
  windowStart: number;
  /** The table's total for this window at the last flush (this process's hits included). */
  shared: number;
  /** This process's hits not yet added to the table. */
  pending: number;
}

export interface SharedRateLimits {
  Store: FastifyRateLimitStoreCtor;
  /** Adds the hits counted in this process to the table now. */
  flush(): Promise<void>;
  /** The last flush, on server close. */
  close(): Promise<void>;
}

export function sharedRateLimits(db: Db, opts: { now?: () => number } = {}): SharedRateLimits {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const window = (timeWindow: number) => {
    const t = now();
    const windowStart = Math.floor(t / timeWindow) * timeWindow;
    return { windowStart, ttl: windowStart + timeWindow - t };
  };

  const localEntry = (bucket: string, windowStart: number): Entry => {
    let e = entries.get(bucket);
    if (!e || e.windowStart !== windowStart) {
      e = { windowStart, shared: 0, pending: 0 };
      entries.set(bucket, e);
    }
    return e;
  };

  async function flushOnce(): Promise<void> {
    const batch = [...entries].filter(([, e]) => e.pending > 0).sort(([a], [b]) => (a < b ? -1 : 1));
    // Finished windows are forgotten (their rows wait for the upkeep).
    const t = now();
    for (const [bucket, e] of entries) if (e.pending === 0 && e.windowStart + RATE_LIMIT_KEEP_MS < t) entries.delete(bucket);
    if (batch.length === 0) return;
    const taken = batch.map(([, e]) => e.pending);
    for (const [, e] of batch) e.pending = 0;
    try {
      // Sorted by bucket, so two processes flushing the same addresses never deadlock.
      const rows = await sql<{ bucket: string; windowStart: Date; hits: number }>`
        insert into rate_limit_counter (bucket, window_start, hits)
        select b, to_timestamp(w / 1000.0), h
          from unnest(${batch.map(([b]) => b)}::text[], ${batch.map(([, e]) => e.windowStart)}::float8[], ${taken}::int[]) as u(b, w, h)
        on conflict (bucket, window_start) do update set hits = rate_limit_counter.hits + excluded.hits
        returning bucket, window_start as "windowStart", hits`.execute(db);
      for (const r of rows.rows) {
        const e = entries.get(r.bucket);
        if (e && e.windowStart === r.windowStart.getTime()) e.shared = r.hits;
      }
    } catch {
      // The table is out of reach: keep counting here, try again with the next hits.
      batch.forEach(([, e], i) => (e.shared += taken[i]));
    }
  }

  const flush = () => (flushing = flushing.then(flushOnce));
  const scheduleFlush = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void flush();
    }, FLUSH_MS);
    timer.unref();
  };

  class PgStore implements FastifyRateLimitStore {
    private readonly route: string;
    private readonly exact: boolean;
    constructor(params: { max?: unknown; routeInfo?: { method?: string | string[]; url?: string } } = {}, route = '') {
      this.route = route;
      this.exact = typeof params.max === 'number' && params.max <= EXACT_MAX;
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      const bucket = `${this.route} ${key}`;
      const { windowStart, ttl } = window(timeWindow);
      const known = entries.get(bucket);
      if (!this.exact && known && known.windowStart === windowStart) {
        known.pending += 1;
        scheduleFlush();
        cb(null, { current: known.shared + known.pending, ttl });
        return;
      }
      // Exact, or the first hit of this address in this window here: one round trip, which
      // also tells a batched count what the other processes took before it.
      sql<{ hits: number }>`
        insert into rate_limit_counter (bucket, window_start, hits) values (${bucket}, to_timestamp(${windowStart / 1000}), 1)
        on conflict (bucket, window_start) do update set hits = rate_limit_counter.hits + 1
        returning hits`
        .execute(db)
        .then(
          (r) => {
            const hits = r.rows[0].hits;
            if (!this.exact) {
              const e = localEntry(bucket, windowStart);
              e.shared = Math.max(e.shared, hits - e.pending);
              cb(null, { current: e.shared + e.pending, ttl });
            } else cb(null, { current: hits, ttl });
          },
          () => {
            const e = localEntry(bucket, windowStart);
            e.shared += 1;
            cb(null, { current: e.shared, ttl });
          },
        );
    }

    child(options: unknown): FastifyRateLimitStore {
      // The plugin passes the route's merged limit options with `routeInfo` (method, url).
      const routeOptions = options as { max?: unknown; routeInfo?: { method?: string | string[]; url?: string }; groupId?: string };
      const info = routeOptions.routeInfo ?? {};
      const method = Array.isArray(info.method) ? info.method.join(',') : (info.method ?? '');
      return new PgStore(routeOptions, routeOptions.groupId ?? `${method} ${info.url ?? ''}`);
    }
  }

  return {
    Store: PgStore as unknown as FastifyRateLimitStoreCtor,
    flush,
    async close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush();
    },
  };
}

/** Deletes finished windows (the server's upkeep). */
export async function purgeRateLimitWindows(db: Db, at: Date): Promise<number> {
  const r = await sql`delete from rate_limit_counter where window_start < ${new Date(at.getTime() - RATE_LIMIT_KEEP_MS)}`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
