import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { startSmtpServer, until, type SmtpTestServer } from '../../../test/delivery-servers.ts';
import { createDeliveryWorker, SimulatedCrash, BACKOFF_MS, MAX_ATTEMPTS } from './delivery-worker.ts';
import { claimDue } from './notify.repository.ts';

let env: TestEnv;
let smtp: SmtpTestServer;
let astana: string;

before(async () => {
  smtp = await startSmtpServer({ rejectRecipients: ['nobody@example.kz'] });
  env = await createTestEnv({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Tyndau <no-reply@tyndau.kz>', PUBLIC_URL: 'https://tyndau.example.kz' } });
  astana = await env.bodyId('akimat-astana');
});
after(async () => {
  await env.close();
  await smtp.close();
});

const register = async (over: Record<string, unknown> = {}) => {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, over) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string; accessCode: string };
};
const notificationOf = (appealId: string) => env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', appealId).where('channel', '=', 'email').executeTakeFirstOrThrow();
const received = (number: string) => smtp.messages.filter((m) => m.subject?.includes(number));
const quietLog = () => {};

describe('e-mail over a real SMTP server', () => {
  test('the registration receipt arrives in the applicant’s language, HTML and text, number in the subject', async () => {
    const worker = createDeliveryWorker(env.ctx, { log: quietLog });
    const a = await register();
    assert.ok((await worker.drain()) >= 1);
    await worker.stop();
    const [mail] = received(a.number);
    assert.ok(mail, 'the message arrived');
    assert.equal(mail.to_, 'aigerim@example.kz');
    assert.match(mail.subject!, new RegExp(`Обращение № ${a.number} зарегистрировано`));
    assert.equal(mail.headers.get('content-language'), 'ru');
    assert.match(mail.text!, /Уважаемый\(ая\) Айгерим Садыкова!/);
    assert.ok(mail.text!.includes(a.accessCode), 'the access code is in the message');
    assert.ok(mail.text!.includes(`https://tyndau.example.kz/ru/track?number=${a.number}`));
    assert.ok(typeof mail.html === 'string' && mail.html.includes('<h1') && mail.html.includes(a.accessCode));
    const n = await notificationOf(a.id);
    assert.equal(mail.messageId, `<${n.id}@tyndau>`);
    assert.equal(n.status, 'sent');
    assert.equal(n.attempts, 1);
    assert.equal(n.providerRef, `<${n.id}@tyndau>`);
    assert.equal(n.sentAt?.getTime(), env.clock.now().getTime());
  });

  test('a Kazakh appeal gets a Kazakh message; an English one an English message', async () => {
    const worker = createDeliveryWorker(env.ctx, { log: quietLog });
    const kk = await register({ language: 'kk', text: 'Біздің ауладағы балалар алаңы бұзылған, жөндеуге көмектесіңіздерші.' });
    const en = await register({ language: 'en', text: 'The playground in our yard is broken, please repair it.' });
    await worker.drain();
    await worker.stop();
    const [k] = received(kk.number);
    assert.equal(k.subject, `Өтініш № ${kk.number} тіркелді`);
    assert.equal(k.headers.get('content-language'), 'kk');
    assert.match(k.text!, /Құрметті Айгерим Садыкова!/);
    assert.match(k.text!, /Қолжетімділік коды/);
    const [e] = received(en.number);
    assert.equal(e.subject, `Appeal No. ${en.number} registered`);
    assert.match(e.text!, /Dear Айгерим Садыкова,/);
  });

  test('a permanent refusal (550) fails at once with the reason', async () => {
    const worker = createDeliveryWorker(env.ctx, { log: quietLog });
    const a = await register({ applicant: { type: 'individual', name: 'Никто', email: 'nobody@example.kz' } });
    await worker.drain();
    await worker.stop();
    const n = await notificationOf(a.id);
    assert.equal(n.status, 'failed');
    assert.equal(n.attempts, 1);
    assert.match(n.lastError!, /550/);
  });
});

describe('outage and restart', () => {
  test('with the SMTP server down messages wait and retry with backoff; when it is back each arrives exactly once', async () => {
    const port = smtp.port;
    await smtp.close();
    const worker = createDeliveryWorker(env.ctx, { log: quietLog });
    const appeals = [await register(), await register(), await register()];
    await worker.drain();
    for (const a of appeals) {
      const n = await notificationOf(a.id);
      assert.equal(n.status, 'queued');
      assert.equal(n.attempts, 1);
      assert.match(n.lastError!, /ECONNREFUSED|connect/i);
      assert.equal(n.nextAttemptAt!.getTime(), env.clock.now().getTime() + BACKOFF_MS[0]);
    }
    // Not before the backoff is over.
    env.clock.advance(BACKOFF_MS[0] - 1000);
    assert.equal(await worker.drain(), 0);
    env.clock.advance(1000);
    assert.equal(await worker.drain(), 3);
    const second = await notificationOf(appeals[0].id);
    assert.equal(second.attempts, 2);
    assert.equal(second.nextAttemptAt!.getTime(), env.clock.now().getTime() + BACKOFF_MS[1]);

    smtp = await startSmtpServer({ port, rejectRecipients: ['nobody@example.kz'] });
    env.clock.advance(BACKOFF_MS[1]);
    await worker.drain();
    await worker.stop();
    for (const a of appeals) {
      assert.equal(received(a.number).length, 1, 'exactly once');
      const n = await notificationOf(a.id);
      assert.equal(n.status, 'sent');
      assert.equal(n.attempts, 3);
      assert.equal(n.lastError, null);
    }
  });

  test('after the last attempt a message fails for good with the reason', async () => {
    const port = smtp.port;
    await smtp.close();
    const worker = createDeliveryWorker(env.ctx, { log: quietLog });
    const a = await register();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await worker.drain();
      env.clock.advance(BACKOFF_MS[BACKOFF_MS.length - 1]);
    }
    await worker.stop();
    const n = await notificationOf(a.id);
    assert.equal(n.status, 'failed');
    assert.equal(n.attempts, MAX_ATTEMPTS);
    assert.match(n.lastError!, /ECONNREFUSED|connect/i);
    smtp = await startSmtpServer({ port, rejectRecipients: ['nobody@example.kz'] });
  });

  test('a worker stopped right after claiming loses nothing: the lease runs out and the message goes once', async () => {
    const a = await register();
    const now = env.clock.now();
    // A worker claims and dies before sending.
    const claimed = await claimDue(env.ctx.db, now, new Date(now.getTime() + 120_000), 100);
    assert.ok(claimed.some((r) => r.appealId === a.id));
    assert.equal((await notificationOf(a.id)).status, 'sending');
    const worker = createDeliveryWorker(env.ctx, { log: quietLog });
    assert.equal(await worker.drain(), 0, 'the lease still holds');
    env.clock.advance(120_001);
    await worker.drain();
    await worker.stop();
    assert.equal(received(a.number).length, 1);
    const n = await notificationOf(a.id);
    assert.equal(n.status, 'sent');
    assert.equal(n.attempts, 2);
  });

  test('a crash between sending and recording resends with the same Message-ID, so the mailbox folds the copy', async () => {
    const a = await register();
    const crashing = createDeliveryWorker(env.ctx, {
      log: quietLog,
      afterSend: () => {
        throw new SimulatedCrash();
      },
    });
    await crashing.drain();
    await crashing.stop();
    assert.equal(received(a.number).length, 1);
    assert.equal((await notificationOf(a.id)).status, 'sending');
    env.clock.advance(120_001);
    const worker = createDeliveryWorker(env.ctx, { log: quietLog });
    await worker.drain();
    await worker.stop();
    const copies = received(a.number);
    assert.equal(copies.length, 2, 'SMTP has no way to refuse a resend');
    const n = await notificationOf(a.id);
    assert.equal(copies[0].messageId, `<${n.id}@tyndau>`);
    assert.equal(copies[1].messageId, copies[0].messageId, 'the same Message-ID: one message for the recipient’s mail system');
    assert.equal(n.status, 'sent');
    assert.equal(n.attempts, 2);
  });

  test('a message that keeps interrupting its worker fails in the end instead of looping', async () => {
    const a = await register();
    const crashing = createDeliveryWorker(env.ctx, {
      log: quietLog,
      afterSend: () => {
        throw new SimulatedCrash();
      },
    });
    for (let i = 0; i <= MAX_ATTEMPTS; i++) {
      await crashing.drain();
      env.clock.advance(120_001);
    }
    await crashing.stop();
    const n = await notificationOf(a.id);
    assert.equal(n.status, 'failed');
    assert.match(n.lastError!, new RegExp(`interrupted ${MAX_ATTEMPTS} times`));
    assert.equal(received(a.number).length, MAX_ATTEMPTS, 'each attempt went out once');
  });

  test('stop() finishes what is in flight and gives back the rest; nothing is left in sending', async () => {
    const port = smtp.port;
    await smtp.close();
    smtp = await startSmtpServer({ port, delayMs: 40 });
    const appeals = [];
    for (let i = 0; i < 12; i++) appeals.push(await register());
    const worker = createDeliveryWorker(env.ctx, { log: quietLog, concurrency: 2, batchSize: 6, pollMs: 50 });
    await worker.start();
    await until(() => smtp.messages.length >= 2, 5000, 'the first messages');
    await worker.stop();
    const rows = await env.ctx.db.selectFrom('notification').select(['status', 'attempts', 'appealId']).where('appealId', 'in', appeals.map((a) => a.id)).execute();
    assert.equal(rows.filter((r) => r.status === 'sending').length, 0);
    const sent = rows.filter((r) => r.status === 'sent').length;
    assert.ok(sent >= 2 && sent < 12, `some sent (${sent}), some given back`);
    for (const r of rows.filter((x) => x.status === 'queued')) assert.equal(r.attempts, 0, 'a message given back has not used an attempt');
    const again = createDeliveryWorker(env.ctx, { log: quietLog });
    await again.drain();
    await again.stop();
    for (const a of appeals) assert.equal(received(a.number).length, 1, 'every message exactly once');
  });

  test('LISTEN/NOTIFY wakes a running worker as soon as the message commits', async () => {
    const worker = createDeliveryWorker(env.ctx, { log: quietLog, databaseUrl: env.url, pollMs: 60_000, sweepMs: 3_600_000 });
    await worker.start();
    // Let the lanes go idle on the long poll first.
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const a = await register();
    await until(() => received(a.number).length === 1, 5000, 'the woken worker');
    assert.ok(Date.now() - started < 3000, 'long before the 60 s poll');
    await worker.stop();
  });
});
