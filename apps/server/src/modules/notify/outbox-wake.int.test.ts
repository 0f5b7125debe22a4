// The outbox wakes its workers (NOTIFY tyndau_outbox) only when they may be asleep: a
// NOTIFY serialises commits, so one per receipt would cap intake (migration 0500).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { queueNotification } from './index.ts';

let env: TestEnv;
let listener: pg.Client;
let wakeUps = 0;
let astana: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  listener = new pg.Client({ connectionString: env.url });
  await listener.connect();
  listener.on('notification', () => wakeUps++);
  await listener.query('listen tyndau_outbox');
});
after(async () => {
  await listener.end();
  await env.close();
});

/** Notifications arrive asynchronously: a round trip on the listener's connection flushes them. */
async function wakeUpsAfter(fn: () => Promise<unknown>): Promise<number> {
  await listener.query('select 1');
  const before = wakeUps;
  await fn();
  await new Promise((r) => setTimeout(r, 50));
  await listener.query('select 1');
  return wakeUps - before;
}

const queue = (at = new Date(Date.now() - 1000)) =>
  env.ctx.db.transaction().execute((tx) => queueNotification(tx, { recipientKind: 'applicant', template: 'appeal.registered', channel: 'email', language: 'ru', address: 'a@example.kz', payload: {}, at }));

test('a message into an empty outbox wakes the workers; one behind waiting messages does not', async () => {
  // Demo data may have queued messages: the outbox starts empty here.
  await env.ctx.db.updateTable('notification').set({ status: 'held' }).where('status', '=', 'queued').execute();
  assert.equal(await wakeUpsAfter(() => queue()), 1);
  assert.equal(await wakeUpsAfter(() => queue()), 0);
  // Intake's receipt behind them: no wake-up either.
  assert.equal(await wakeUpsAfter(() => env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) })), 0);
  // The workers took everything: the next message wakes them again.
  await env.ctx.db.updateTable('notification').set({ status: 'sent' }).where('status', '=', 'queued').execute();
  assert.equal(await wakeUpsAfter(() => env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) })), 1);
});

test('a message held for later does not count as waiting', async () => {
  await env.ctx.db.updateTable('notification').set({ status: 'sent' }).where('status', '=', 'queued').execute();
  await env.ctx.db.transaction().execute((tx) =>
    queueNotification(tx, { recipientKind: 'applicant', template: 'x', channel: 'email', language: 'ru', address: 'a@example.kz', at: new Date(), sendAfter: new Date(Date.now() + 86_400_000) }),
  );
  assert.equal(await wakeUpsAfter(() => queue()), 1);
});

test('an INSERT of no rows wakes nobody', async () => {
  await env.ctx.db.updateTable('notification').set({ status: 'sent' }).where('status', '=', 'queued').execute();
  const none = await wakeUpsAfter(() =>
    env.ctx.db
      .insertInto('notification')
      .columns(['recipientKind', 'template', 'channel', 'language', 'createdAt'])
      .expression((eb) => eb.selectFrom('body').select([eb.val('staff').as('recipientKind'), eb.val('x').as('template'), eb.val('email').as('channel'), eb.val('ru').as('language'), eb.val(new Date()).as('createdAt')]).where('code', '=', 'no-such-body'))
      .execute(),
  );
  assert.equal(none, 0);
});
