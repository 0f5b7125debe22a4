// The worker that drains the outbox. Claim (status 'sending', leased) -> send -> record, so a
// message is never lost: a worker that stops or crashes after claiming leaves a lease that
// runs out, and the next claim sends it again — with the same Message-ID for e-mail, so mail
// systems fold the copy. Failures retry with growing delays until a final 'failed' with the
// reason. Woken by LISTEN/NOTIFY when messages commit, polling as a fallback; safe to run on
// any number of nodes (claims use FOR UPDATE SKIP LOCKED). See ARCHITECTURE.md.
import pg from 'pg';
import type { AppContext } from '../../app-context.ts';
import type { Tx } from '../../platform/events.ts';
import { PermanentError, RetryLaterError, type ChannelSender, type SendResult } from './channel.ts';
import { emailSender } from './email-sender.ts';
import { smsSender, type SmsReceipt } from './sms-sender.ts';
import { startTelegramPolling, telegramSender } from './telegram.ts';
import { render } from './templates.ts';
import { openedPayload } from '../../platform/secrets.ts';
import { purgeExpiredIdempotencyKeys } from '../appeals/index.ts';
import { resumeRecountJobs } from '../deadlines/index.ts';
import * as repo from './notify.repository.ts';
import { queueDailyDigests, queueDeadlineAlerts } from './staff-alerts.ts';

/** Delay before attempt n+1 after attempt n failed; after the last, the message fails for good. */
export const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

export interface DeliveryWorkerOptions {
  /** A connection string for LISTEN tyndau_outbox (wake-ups within milliseconds); without it, polling only. */
  databaseUrl?: string;
  /** Messages in flight at once. */
  concurrency?: number;
  /** Rows one claim takes. */
  batchSize?: number;
  pollMs?: number;
  /** How often deadline alerts and the daily digest are looked at. */
  sweepMs?: number;
  /** How long a claim holds a message before another worker may take it over. */
  leaseMs?: number;
  /** Long-poll Telegram for /start (one node at a time, by advisory lock). */
  telegramPolling?: boolean;
  log?: (msg: string, err?: unknown) => void;
  /** Senders other modules add for their own channels (e.g. `social`: replies under comments). */
  senders?: Record<string, ChannelSender>;
  /** Tests: runs after a message went out and before it is recorded; throwing there plays a crash. */
  afterSend?: (n: repo.NotificationRow) => Promise<void> | void;
}

export interface DeliveryWorker {
  start(): Promise<void>;
  /** Finish what is in flight, give back what was claimed but not started, close connections. */
  stop(): Promise<void>;
  /** Send everything due now (tests and the CLI); returns how many messages were handled. */
  drain(): Promise<number>;
  /** Deadline alerts and the daily digest, as the timer would. */
  sweep(): Promise<void>;
  /** Whether the LISTEN connection is up (it reconnects with back-off when lost). */
  listening(): boolean;
}

export class SimulatedCrash extends Error {}

export function createDeliveryWorker(ctx: AppContext, opts: DeliveryWorkerOptions = {}): DeliveryWorker {
  const log = opts.log ?? ((msg: string, err?: unknown) => console.error(`[delivery] ${msg}`, err ?? ''));
  const concurrency = opts.concurrency ?? 16;
  const batchSize = opts.batchSize ?? 20;
  const pollMs = opts.pollMs ?? 1000;
  const sweepMs = opts.sweepMs ?? 60_000;
  const leaseMs = opts.leaseMs ?? 120_000;
  const { config } = ctx;

  const senders: Partial<Record<string, ChannelSender>> = {};
  if (config.smtpUrl) senders.email = emailSender(config);
  if (config.smppUrl) senders.sms = smsSender(config, recordReceipt, log);
  if (config.telegramBotToken) senders.telegram = telegramSender(config);
  Object.assign(senders, opts.senders);
  const REQUIRED: Record<string, string> = { email: 'SMTP_URL', sms: 'SMPP_URL', telegram: 'TELEGRAM_BOT_TOKEN' };

  async function recordReceipt(r: SmsReceipt) {
    await ctx.db.transaction().execute(async (tx) => {
      const id = await repo.recordSmsReceipt(tx, { ...r, at: ctx.clock.now() });
      if (id) await repo.settleSms(tx, id);
    });
  }

  function retryOrFail(row: repo.NotificationRow, err: unknown) {
    const now = ctx.clock.now();
    const reason = err instanceof Error ? err.message : String(err);
    if (err instanceof PermanentError || row.attempts >= MAX_ATTEMPTS) {
      return repo.finishClaim(ctx.db, row, { status: 'failed', lastError: reason.slice(0, 1000), nextAttemptAt: null });
    }
    let delay = BACKOFF_MS[Math.min(row.attempts - 1, BACKOFF_MS.length - 1)];
    if (err instanceof RetryLaterError) delay = Math.max(delay, err.retryAfterMs);
    return repo.finishClaim(ctx.db, row, { status: 'queued', lastError: reason.slice(0, 1000), nextAttemptAt: new Date(now.getTime() + delay) });
  }

  async function deliver(row: repo.NotificationRow & { wasStale?: boolean }, context: Awaited<ReturnType<typeof repo.loadRenderContext>>) {
    if (row.wasStale) {
      // A message that keeps taking its worker down with it must not do so forever.
      if (row.attempts > MAX_ATTEMPTS) return repo.finishClaim(ctx.db, row, { status: 'failed', lastError: `interrupted ${row.attempts - 1} times while sending`, nextAttemptAt: null });
      log(`message ${row.id} was left in 'sending' by a stopped worker; sending it again (attempt ${row.attempts})`);
    }
    const now = ctx.clock.now();
    // The portal shows every message on the tracking page: being queued is being published.
    if (row.channel === 'portal') return repo.finishClaim(ctx.db, row, { status: 'sent', sentAt: now, nextAttemptAt: null, lastError: null });
    // Paper goes to the communications office's print queue.
    if (row.channel === 'paper') return repo.finishClaim(ctx.db, row, { status: 'to_print', nextAttemptAt: null, lastError: null });
    const sender = senders[row.channel];
    if (!sender || !row.address) {
      const why = !row.address ? 'no address' : REQUIRED[row.channel] ? `${REQUIRED[row.channel]} is not set` : `unknown channel ${row.channel}`;
      return repo.finishClaim(ctx.db, row, { status: 'held', lastError: why, nextAttemptAt: null, attempts: row.attempts - 1 });
    }
    if (!(await repo.renewClaim(ctx.db, row, new Date(ctx.clock.now().getTime() + leaseMs)))) {
      log(`message ${row.id} was taken over by another worker before it was sent (lease ran out); not sending it twice`);
      return false;
    }
    let result: SendResult;
    try {
      const message = render({
        template: row.template,
        language: row.language,
        payload: openedPayload(ctx, row.payload),
        appeal: row.appealId ? context.appeals.get(row.appealId) : null,
        recipientName: row.recipientUserId ? context.staffNames.get(row.recipientUserId) : null,
        publicUrl: config.publicUrl,
      });
      result = await sender.send({ id: row.id, channel: row.channel, address: row.address, language: row.language, attempts: row.attempts, message });
    } catch (err) {
      return retryOrFail(row, err);
    }
    try {
      await opts.afterSend?.(row);
    } catch (err) {
      if (err instanceof SimulatedCrash) return false;
      throw err;
    }
    const sentAt = ctx.clock.now();
    const record = async (tx: Tx) => {
      const done = await repo.finishClaim(tx, row, {
        status: result.status,
        sentAt,
        deliveredAt: result.status === 'delivered' ? sentAt : null,
        providerRef: result.providerRef ?? null,
        parts: result.parts ?? null,
        lastError: null,
        nextAttemptAt: null,
      });
      if (!done) log(`message ${row.id} was taken over by another worker before it was recorded (lease ran out)`);
      if (done && result.smsParts) {
        await repo.recordSmsParts(tx, row.id, result.smsParts);
        await repo.settleSms(tx, row.id);
      }
      return done;
    };
    // One statement needs no transaction; SMS parts and their receipts go together with the status.
    return result.smsParts ? ctx.db.transaction().execute(record) : record(ctx.db);
  }

  let running = false;
  /** Claims and processes one batch; the count of messages claimed. */
  async function runBatch(): Promise<number> {
    const now = ctx.clock.now();
    const rows = await repo.claimDue(ctx.db, now, new Date(now.getTime() + leaseMs), batchSize);
    if (rows.length === 0) return 0;
    const context = await repo.loadRenderContext(ctx.db, rows);
    for (const [i, row] of rows.entries()) {
      if (stopping) {
        await repo.releaseClaims(ctx.db, rows.slice(i), ctx.clock.now());
        break;
      }
      try {
        await deliver(row, context);
      } catch (err) {
        // Unexpected (the database went away): the lease brings the message back later.
        log(`message ${row.id} could not be processed`, err);
      }
    }
    return rows.length;
  }

  let stopping = false;
  let wakeUp: () => void = () => {};
  let waiting: Promise<void> | null = null;
  function waitForWork(ms: number): Promise<void> {
    if (!waiting) {
      waiting = new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          waiting = null;
          wakeUp = () => {};
          resolve();
        }
        wakeUp = done;
      });
    }
    return waiting;
  }

  async function lane() {
    while (running) {
      let n = 0;
      try {
        n = await runBatch();
      } catch (err) {
        log('claiming messages failed', err);
      }
      if (n === 0 && running) await waitForWork(pollMs);
    }
  }

  let listener: pg.Client | null = null;
  let listenRetry: NodeJS.Timeout | null = null;
  /** LISTEN again after a lost connection or a failed start, 1 s, 2 s, 4 s … 30 s apart; polling covers the gap. */
  function listenLater(attempt: number) {
    if (!running || listenRetry) return;
    const delay = Math.min(30_000, 1_000 * 2 ** Math.min(attempt, 5));
    listenRetry = setTimeout(() => {
      listenRetry = null;
      listen().catch((err) => {
        log(`LISTEN failed (attempt ${attempt + 1}); polling meanwhile`, err);
        listenLater(attempt + 1);
      });
    }, delay);
    listenRetry.unref();
  }
  async function listen() {
    if (!opts.databaseUrl || !running) return;
    const client = new pg.Client({ connectionString: opts.databaseUrl, keepAlive: true });
    client.on('notification', () => wakeUp());
    client.on('error', (err) => {
      log('LISTEN connection lost; polling until it is back', err);
      if (listener === client) listener = null;
      client.end().catch(() => {});
      listenLater(0);
    });
    try {
      await client.connect();
      await client.query('listen tyndau_outbox');
    } catch (err) {
      client.end().catch(() => {});
      throw err;
    }
    listener = client;
    // Messages committed while nobody listened are due now: look at once.
    wakeUp();
  }
  /** Tests: whether the LISTEN connection is up. */
  const listening = () => listener !== null;

  let lanes: Promise<void>[] = [];
  let sweepTimer: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;
  let stopTelegram: (() => Promise<void>) | null = null;

  async function sweep() {
    await queueDeadlineAlerts(ctx);
    await queueDailyDigests(ctx);
    // Idempotency-Key answers (sealed access codes among them) live 24 hours.
    await purgeExpiredIdempotencyKeys(ctx);
    // A recount of terms a stopped process left half-way goes on.
    await resumeRecountJobs(ctx, log);
  }

  return {
    async start() {
      if (running) return;
      running = true;
      stopping = false;
      try {
        await listen();
      } catch (err) {
        log('LISTEN failed; polling until it is back', err);
        listenLater(0);
      }
      lanes = Array.from({ length: concurrency }, () => lane());
      const tick = () => {
        sweeping = sweep()
          .catch((err) => log('deadline alerts / digest failed', err))
          .finally(() => {
            sweeping = null;
            if (running) sweepTimer = setTimeout(tick, sweepMs);
          });
      };
      tick();
      if (config.telegramBotToken && opts.telegramPolling !== false) stopTelegram = startTelegramPolling(ctx, log);
    },
    async stop() {
      if (running) {
        running = false;
        stopping = true;
        if (sweepTimer) clearTimeout(sweepTimer);
        if (listenRetry) clearTimeout(listenRetry);
        listenRetry = null;
        wakeUp();
        await Promise.all(lanes);
        await sweeping;
        await stopTelegram?.();
        stopTelegram = null;
        await listener?.end().catch(() => {});
        listener = null;
        stopping = false;
      }
      // Connections (SMTP pool, SMPP session) close with the worker, also after drain()-only use.
      await Promise.all(Object.values(senders).map((s) => s?.close()));
    },
    async drain() {
      let total = 0;
      for (;;) {
        const n = await runBatch();
        if (n === 0) return total;
        total += n;
      }
    },
    sweep,
    listening,
  };
}
