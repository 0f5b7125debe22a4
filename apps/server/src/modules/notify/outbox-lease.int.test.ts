// The outbox under faults: a batch's later messages are not sent twice when a slow send
// lets their lease run out (no duplicate without a crash), and a lost LISTEN connection
// comes back by itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { startSmtpServer, until, type SmtpTestServer } from '../../../test/delivery-servers.ts';
import { createDeliveryWorker } from './delivery-worker.ts';

let env: TestEnv;
let smtp: SmtpTestServer;
before(async () => {
  smtp = await startSmtpServer();
  env = await createTestEnv({ env: { SMTP_URL: smtp.url } });
});
after(async () => {
  await env.close();
  await smtp.close();
});
const quiet = () => {};

test('a batch sent slowly: a message whose lease ran out while it waited its turn is sent once', async () => {
  const astana = await env.bodyId('akimat-astana');
  // Clear what the template's demo data left queued.
  await createDeliveryWorker(env.ctx, { log: quiet }).drain();
  const before = smtp.messages.length;
  for (let i = 0; i < 3; i++) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: `Не вывозят мусор во дворе дома ${i}.`, applicant: { type: 'individual', name: 'Айгерим Садыкова', email: `lease${i}@example.kz` } }) });
    assert.equal(res.statusCode, 201, res.body);
  }
  const other = createDeliveryWorker(env.ctx, { log: quiet, leaseMs: 60_000 });
  let sends = 0;
  let takenOver = 0;
  const slow = createDeliveryWorker(env.ctx, {
    log: quiet,
    leaseMs: 60_000,
    batchSize: 3,
    // Each send takes 40 s, well inside the 60 s lease; but the third message of the batch
    // waits 80 s for its turn. Another worker looks for due messages after the second send.
    afterSend: async () => {
      env.clock.advance(40_000);
      if (++sends === 2) takenOver = await other.drain();
    },
  });
  await slow.drain();
  await slow.stop();
  await other.stop();
  assert.ok(takenOver >= 1, 'the other worker took over what had waited past its lease');
  const ids = smtp.messages.slice(before).map((m) => m.messageId);
  assert.ok(ids.length >= 3);
  assert.equal(new Set(ids).size, ids.length, `no message sent twice: ${ids.join(' ')}`);
});

test('LISTEN comes back by itself after its connection is killed', { timeout: 30_000 }, async () => {
  const worker = createDeliveryWorker(env.ctx, { databaseUrl: env.url, log: quiet, pollMs: 60_000 });
  await worker.start();
  try {
    assert.ok(worker.listening());
    const admin = new pg.Client({ connectionString: env.url });
    await admin.connect();
    const killed = await admin.query(`select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = current_database() and query = 'listen tyndau_outbox'`);
    await admin.end();
    assert.equal(killed.rowCount, 1);
    await until(() => !worker.listening(), 5_000, 'the lost connection');
    await until(() => worker.listening(), 10_000, 'LISTEN again');
    // Woken by NOTIFY again (polling is a minute here): a new receipt goes out within seconds.
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(await env.bodyId('akimat-astana'), { applicant: { type: 'individual', name: 'Ерлан', email: 'listen-again@example.kz' } }) });
    assert.equal(res.statusCode, 201);
    const number = res.json().number as string;
    await until(() => smtp.messages.some((m) => m.subject?.includes(number)), 10_000, 'the receipt');
  } finally {
    await worker.stop();
  }
});
