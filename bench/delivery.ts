// Delivery benchmark: messages through the outbox to a real SMTP server on loopback.
//
//   npm run bench:delivery -- [--n 5000] [--concurrency 16] [--batch 20] [--rate 50] [--seconds 10]
//
// 1. Throughput: n e-mails already in the outbox, drained by one worker (claim with FOR
//    UPDATE SKIP LOCKED, render kk/ru/en HTML + text, send over pooled SMTP, record) —
//    messages per second from the first claim to the last one recorded.
// 2. Lag: appeals registered at `rate` per second for `seconds` seconds through the real
//    intake (registerAppeal: the appeal.registered event queues the receipt in the same
//    transaction); the worker is woken by LISTEN/NOTIFY. Lag = from the event (its instant,
//    before the intake commits) to the SMTP server having the message; p50/p95/p99.
// DATABASE_URL: use that server instead of an embedded PostgreSQL in a temporary folder.
import { numberFlags } from './lib/args.ts';
import { freshDatabase } from './lib/database.ts';
import { fmt, summary } from './lib/stats.ts';
import { startSmtpSink } from './lib/smtp-sink.ts';
import { createDb } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { systemClock } from '../apps/server/src/platform/clock.ts';
import { EventLog } from '../apps/server/src/platform/events.ts';
import { diskStorage } from '../apps/server/src/platform/storage.ts';
import { subscribeModules } from '../apps/server/src/subscriptions.ts';
import type { AppContext } from '../apps/server/src/app-context.ts';
import { seedDemo } from '../apps/server/src/modules/bodies/index.ts';
import { registerAppeal } from '../apps/server/src/modules/appeals/index.ts';
import { createDeliveryWorker } from '../apps/server/src/modules/notify/index.ts';
import { sql } from 'kysely';

const opts = numberFlags({ n: 5000, concurrency: 16, batch: 20, rate: 50, seconds: 10 });

const database = await freshDatabase('delivery');
// The SMTP server runs in a child process, as a mail server would run elsewhere.
const smtp = await startSmtpSink();
const sentAt = smtp.arrivals;
const { db } = createDb(database.url, 20);
try {
  await migrateToLatest(db);
  const config = { ...loadConfig({ NODE_ENV: 'test', SMTP_URL: smtp.url, PUBLIC_URL: 'https://tyndau.kz' }), databaseUrl: database.url };
  const ctx: AppContext = { config, db, clock: systemClock, events: new EventLog(), storage: diskStorage(config.storageDir) };
  subscribeModules(ctx);
  await seedDemo(ctx, {});
  // Whatever the demo data queued is not part of the measurement.
  await db.updateTable('notification').set({ status: 'cancelled' }).where('status', '=', 'queued').execute();
  const body = await db.selectFrom('body').select('id').where('code', '=', 'akimat-astana').executeTakeFirstOrThrow();
  const applicant = { type: 'individual' as const, name: 'Айгерим Садыкова', email: 'aigerim@example.kz' };

  // 1. Throughput from a backlog.
  const seedAppeal = await registerAppeal(ctx, { bodyId: body.id, kind: 'complaint', text: 'Во дворе третью неделю не вывозят мусор.', applicant, preferredAnswer: 'email', language: 'ru' });
  await db.updateTable('notification').set({ status: 'cancelled' }).where('status', '=', 'queued').execute();
  const languages = ['kk', 'ru', 'en'];
  await sql`
    insert into notification (appeal_id, body_id, recipient_kind, template, channel, language, address, payload, created_at, next_attempt_at)
    select ${seedAppeal.id}::uuid, ${body.id}::uuid, 'applicant', 'appeal.registered', 'email', (${languages}::text[])[1 + g % 3], 'citizen' || g || '@example.kz',
           jsonb_build_object('number', ${seedAppeal.number}::text, 'accessCode', 'ABCDE23456'), now(), now()
      from generate_series(1, ${opts.n}) g`.execute(db);
  const worker = createDeliveryWorker(ctx, { concurrency: opts.concurrency, batchSize: opts.batch, databaseUrl: database.url, sweepMs: 3_600_000, log: (m, e) => console.error(m, e ?? '') });
  const t0 = performance.now();
  await worker.start();
  await smtp.waitFor(opts.n, 600_000);
  for (;;) {
    const left = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['queued', 'sending']).executeTakeFirstOrThrow();
    if (Number(left.n) === 0) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const seconds = (performance.now() - t0) / 1000;
  const failed = await db.selectFrom('notification').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'failed').executeTakeFirstOrThrow();
  console.log(`throughput: ${opts.n} e-mails (kk/ru/en, HTML + text) in ${seconds.toFixed(2)} s = ${(opts.n / seconds).toFixed(0)} messages/s (worker concurrency ${opts.concurrency}, batch ${opts.batch}); failed: ${failed.n}; SMTP received: ${smtp.arrivals.size}`);

  // 2. Lag from the event to the send, at a steady rate of new appeals.
  const total = Math.round(opts.rate * opts.seconds);
  const appealIds: string[] = [];
  const committedAt = new Map<string, number>();
  const intake: number[] = [];
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / opts.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = Date.now();
    pending.push(
      registerAppeal(ctx, { bodyId: body.id, kind: 'complaint', text: `Обращение ${i}: во дворе не вывозят мусор.`, applicant, preferredAnswer: 'email', language: 'ru' }).then((a) => {
        appealIds.push(a.id);
        committedAt.set(a.id, Date.now());
        intake.push(Date.now() - t);
      }),
    );
  }
  await Promise.all(pending);
  // The event's instant is the notification's created_at (the intake's clock, before its commit).
  const ids = await db.selectFrom('notification').select(['id', 'createdAt', 'appealId']).where('appealId', 'in', appealIds).execute();
  const end = Date.now() + 60_000;
  while (ids.some((r) => !sentAt.has(r.id)) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  await worker.stop();
  const lags = ids.filter((r) => sentAt.has(r.id)).map((r) => sentAt.get(r.id)! - r.createdAt.getTime());
  const s = summary(lags);
  const c = summary(ids.filter((r) => sentAt.has(r.id)).map((r) => sentAt.get(r.id)! - committedAt.get(r.appealId!)!));
  const i = summary(intake);
  console.log(`lag event -> SMTP at ${opts.rate} appeals/s for ${opts.seconds} s (${lags.length}/${ids.length} delivered): p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, p99 ${fmt(s.p99)}, max ${fmt(s.max)}`);
  console.log(`  of which the intake itself (event to commit): p50 ${fmt(i.p50)}, p99 ${fmt(i.p99)}; commit -> SMTP: p50 ${fmt(c.p50)}, p99 ${fmt(c.p99)}`);
} finally {
  await db.destroy();
  await smtp.stop();
  await database.close();
}
