// The access code is never readable from the database: not in the receipt waiting to be sent,
// not in the Idempotency-Key's stored answer, not anywhere else; the message still carries it.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../test/harness.ts';
import { startSmtpServer, type SmtpTestServer } from '../../test/delivery-servers.ts';
import { createDeliveryWorker } from '../modules/notify/index.ts';
import { loadSecretKey, secretBoxOf, secretsOf } from './secrets.ts';

let env: TestEnv;
let smtp: SmtpTestServer;
let astana: string;

before(async () => {
  smtp = await startSmtpServer();
  env = await createTestEnv({ env: { SMTP_URL: smtp.url } });
  astana = await env.bodyId('akimat-astana');
});
after(async () => {
  await env.close();
  await smtp.close();
});

const post = (key: string, over: Record<string, unknown> = {}) =>
  env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { 'idempotency-key': key }, payload: citizenAppeal(astana, over) });

/** Every row of every table of ours whose text holds `needle`, as "table: row". */
async function rowsHolding(needle: string): Promise<string[]> {
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(env.ctx.db);
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const hits = await sql<{ row: string }>`select t::text as row from ${sql.table(name)} t where t::text like ${'%' + needle + '%'}`.execute(env.ctx.db);
    for (const h of hits.rows) found.push(`${name}: ${h.row.slice(0, 200)}`);
  }
  return found;
}

describe('secrets at rest', () => {
  test('no table holds the access code in clear; the e-mail carries it; the sealed copy goes once sent', async () => {
    const res = await post('secret-key-0001');
    assert.equal(res.statusCode, 201, res.body);
    const a = res.json() as { id: string; number: string; accessCode: string };
    assert.deepEqual(await rowsHolding(a.accessCode), []);
    const queued = await env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(typeof queued.payload.accessCodeSealed, 'string');

    const worker = createDeliveryWorker(env.ctx, { log: () => {} });
    await worker.drain();
    await worker.stop();
    const mail = smtp.messages.find((m) => m.subject?.includes(a.number));
    assert.ok(mail?.text?.includes(a.accessCode), 'the message carries the code');
    const sent = await env.ctx.db.selectFrom('notification').selectAll().where('id', '=', queued.id).executeTakeFirstOrThrow();
    assert.equal(sent.status, 'sent');
    assert.deepEqual(sent.payload, { number: a.number }, 'nothing of the code is kept after delivery');
    assert.deepEqual(await rowsHolding(a.accessCode), []);
  });

  test('an Idempotency-Key replays the same code for 24 hours, then is purged and answers anew', async () => {
    const first = (await post('secret-key-0002')).json();
    env.clock.advance(23 * 3600_000);
    const again = await post('secret-key-0002');
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), first, 'the same answer, code included');
    const stored = await env.ctx.db.selectFrom('idempotencyKey').select('response').where('key', '=', 'secret-key-0002').executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(stored.response).includes(first.accessCode));

    env.clock.advance(3600_000);
    // The delivery worker's sweep deletes keys past their 24 hours.
    const worker = createDeliveryWorker(env.ctx, { log: () => {} });
    await worker.sweep();
    await worker.stop();
    assert.equal(await env.ctx.db.selectFrom('idempotencyKey').select('key').where('key', '=', 'secret-key-0002').executeTakeFirst(), undefined);
    const later = (await post('secret-key-0002')).json();
    assert.notEqual(later.number, first.number, 'an expired key is a new request');
  });

  test('an expired key the sweep has not reached yet is not replayed either', async () => {
    const first = (await post('secret-key-0003')).json();
    env.clock.advance(24 * 3600_000 + 1000);
    const later = (await post('secret-key-0003')).json();
    assert.notEqual(later.number, first.number);
    assert.notEqual(later.accessCode, first.accessCode);
  });

  test('a sealed value opens only under its key and only unaltered', () => {
    const box = secretsOf(env.ctx);
    const sealed = box.seal('ABCDE23456');
    assert.ok(!sealed.includes('ABCDE23456'));
    assert.equal(box.open(sealed), 'ABCDE23456');
    assert.equal(secretBoxOf(Buffer.alloc(32, 7)).open(sealed), undefined);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('XBCDE23456').toString('base64url');
    assert.equal(box.open(parts.join('.')), undefined);
  });

  test('the key file is made once, readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-key-'));
    try {
      const key = loadSecretKey({ dataDir: dir });
      assert.equal(key.length, 32);
      assert.equal(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777, 0o600);
      assert.deepEqual(loadSecretKey({ dataDir: dir }), key);
      assert.deepEqual(loadSecretKey({ dataDir: dir, secretKey: Buffer.alloc(32, 1).toString('base64') }), Buffer.alloc(32, 1));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
