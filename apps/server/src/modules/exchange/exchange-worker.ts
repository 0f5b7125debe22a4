// The exchange worker: drains the exchange outbox to the national systems (claim -> send ->
// record, as the notify module's delivery worker does), and once a minute flags duplicates
// and runs the daily reconciliation. A message is never lost: a worker that stops or
// crashes after claiming leaves a lease that runs out and the next claim sends it again;
// the other side sees the same event id (Idempotency-Key) and applies it once. Failures
// retry with growing delays for as long as it takes (an outage of a national system must
// not drop what Tyndau owes it); only a message the other side refuses for its content
// stops, shown to the administrator. Safe on any number of nodes (FOR UPDATE SKIP LOCKED).
import type { AppContext } from '../../app-context.ts';
import * as repo from './exchange.repository.ts';
import { findDuplicates } from './duplicates.ts';
import { postSigned, Refused } from './peer-client.ts';
import { reconcileYesterday } from './reconciliation.ts';
import { isSystem, systemEndpoint } from './systems.ts';

/** Delay before the next attempt after attempt n failed; the last delay repeats for ever. */
export const EXCHANGE_BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 60_000, 300_000, 900_000, 1_800_000];

export interface ExchangeWorkerOptions {
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  sweepMs?: number;
  log?: (msg: string, err?: unknown) => void;
  /** Tests: runs after a message went out and before it is recorded; throwing there plays a crash. */
  afterSend?: (row: repo.OutboundRow) => Promise<void> | void;
}

export interface ExchangeWorker {
  start(): void;
  stop(): Promise<void>;
  /** Send everything due now; the count of messages handled (tests, the CLI). */
  drain(): Promise<number>;
  /** Duplicates and the daily reconciliation, as the timer would. */
  sweep(): Promise<void>;
}

export class SimulatedCrash extends Error {}

export function createExchangeWorker(ctx: AppContext, opts: ExchangeWorkerOptions = {}): ExchangeWorker {
  const log = opts.log ?? ((msg: string, err?: unknown) => console.error(`[exchange] ${msg}`, err ?? ''));
  const pollMs = opts.pollMs ?? 200;
  const batchSize = opts.batchSize ?? 50;
  const leaseMs = opts.leaseMs ?? 60_000;
  const sweepMs = opts.sweepMs ?? 60_000;

  async function message(row: repo.OutboundRow): Promise<{ path: string; body: Record<string, unknown> } | { refuse: string }> {
    if (row.kind === 'register') {
      const a = await repo.appealForExport(ctx.db, row.appealId);
      if (!a) return { refuse: 'the appeal no longer exists' };
      return {
        path: '/v1/appeals',
        body: {
          eventId: String(row.eventId),
          appealId: a.id,
          number: a.number,
          bodyCode: a.bodyCode,
          channel: a.channel,
          kind: a.kind,
          text: a.text,
          language: a.language,
          receivedAt: a.receivedAt.toISOString(),
          applicant: { type: a.applicantType, name: a.applicantName ?? undefined, iin: a.applicantIin ?? undefined, bin: a.applicantBin ?? undefined, email: a.applicantEmail ?? undefined, phone: a.applicantPhone ?? undefined },
          preferredAnswer: a.preferredAnswer,
          address: a.address ?? undefined,
        },
      };
    }
    const link = await repo.findLinkOfAppeal(ctx.db, row.appealId);
    if (!link) return { refuse: 'the appeal was never registered in the other system' };
    const { status, number } = await repo.statusOfAppeal(ctx.db, row.appealId);
    return { path: '/v1/events', body: { eventId: String(row.eventId), system: row.system, externalId: link.externalId, externalNumber: link.externalNumber, appealId: row.appealId, number, status, ...row.payload } };
  }

  async function deliver(row: repo.OutboundRow): Promise<void> {
    const now = ctx.clock.now();
    const retry = (error: string) => repo.markRetry(ctx.db, row, new Date(now.getTime() + EXCHANGE_BACKOFF_MS[Math.min(row.attempts - 1, EXCHANGE_BACKOFF_MS.length - 1)]), error);
    const endpoint = isSystem(row.system) ? await systemEndpoint(ctx, row.system) : undefined;
    if (!endpoint) return retry(`${row.system} is not configured (npm run tyndau -- exchange add)`);
    const m = await message(row);
    if ('refuse' in m) return repo.markRejected(ctx.db, row, m.refuse);
    let answer: unknown;
    try {
      answer = await postSigned(endpoint, m.path, m.body, { idempotencyKey: String(row.eventId) });
    } catch (err) {
      if (err instanceof Refused) return repo.markRejected(ctx.db, row, err.message);
      return retry((err as Error).message);
    }
    try {
      await opts.afterSend?.(row);
    } catch (err) {
      if (err instanceof SimulatedCrash) return;
      throw err;
    }
    const at = ctx.clock.now();
    if (row.kind === 'register') {
      const a = answer as { externalId?: unknown; externalNumber?: unknown };
      if (typeof a.externalId !== 'string' || !a.externalId) return retry('the registration answer has no externalId');
      const bodyId = (await repo.appealForExport(ctx.db, row.appealId))!.bodyId;
      await ctx.db.transaction().execute(async (tx) => {
        if (await repo.markSent(tx, row, at)) {
          await repo.insertLink(tx, { appealId: row.appealId, system: row.system, externalId: a.externalId as string, externalNumber: typeof a.externalNumber === 'string' ? a.externalNumber : null, direction: 'outbound', bodyId, at }, { orKeep: true });
        }
      });
      return;
    }
    if (!(await repo.markSent(ctx.db, row, at))) log(`exchange message ${row.id} was taken over by another worker before it was recorded (lease ran out)`);
  }

  let stopping = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  async function runBatch(): Promise<number> {
    const now = ctx.clock.now();
    const rows = await repo.claimOutbound(ctx.db, now, new Date(now.getTime() + leaseMs), batchSize);
    if (!rows.length) return 0;
    if (stopping) {
      await repo.releaseClaims(ctx.db, rows, now);
      return 0;
    }
    // One row per appeal and system is claimed at a time (the claim keeps their order), so a batch goes out in parallel.
    await Promise.all(
      rows.map((row) =>
        deliver(row).catch((err: unknown) => {
          log(`exchange message ${row.id} could not be processed; its lease brings it back`, err);
        }),
      ),
    );
    return rows.length;
  }

  let timer: NodeJS.Timeout | undefined;
  let wake: () => void = () => {};
  let sweepTimer: NodeJS.Timeout | undefined;
  let running = false;

  async function loop() {
    while (running) {
      let n = 0;
      try {
        const batch = runBatch();
        inFlight = batch;
        n = await batch;
      } catch (err) {
        log('claiming exchange messages failed', err);
      }
      if (!running) break;
      if (n === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, pollMs);
        });
      }
    }
  }

  async function sweep() {
    try {
      await findDuplicates(ctx);
    } catch (err) {
      log('looking for duplicates failed', err);
    }
    try {
      await reconcileYesterday(ctx);
    } catch (err) {
      log('the daily reconciliation failed', err);
    }
  }

  let looping: Promise<void> = Promise.resolve();
  let sweeping: Promise<void> = Promise.resolve();
  return {
    start() {
      if (running) return;
      running = true;
      stopping = false;
      looping = loop();
      sweepTimer = setInterval(() => {
        sweeping = sweep();
      }, sweepMs);
      sweepTimer.unref();
    },
    async stop() {
      running = false;
      stopping = true;
      clearTimeout(timer);
      wake();
      clearInterval(sweepTimer);
      await looping;
      await inFlight.catch(() => undefined);
      await sweeping;
    },
    async drain() {
      let total = 0;
      for (let i = 0; i < 1000; i++) {
        const n = await runBatch();
        if (!n) break;
        total += n;
      }
      return total;
    },
    sweep,
  };
}
