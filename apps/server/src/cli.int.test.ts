import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../test/harness.ts';
import { runCli } from './cli.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
  process.env.DATABASE_URL = env.url;
});
after(() => env.close());

test('user add creates an account that can sign in; bad input fails with a message and writes nothing', async () => {
  assert.equal(await runCli(['user', 'add', '--email', 'New.Officer@Example.kz', '--password', 'a-long-password', '--role', 'comms_officer', '--body', 'akimat-shymkent', '--name', 'Жанар Омарова']), 0);
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'new.officer@example.kz', password: 'a-long-password' } });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().staff.name, 'Жанар Омарова');
  const count = async () => (await env.ctx.db.selectFrom('staffUser').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
  const n = await count();
  assert.equal(await runCli(['user', 'add', '--email', 'x@example.kz', '--password', 'a-long-password', '--role', 'king', '--body', 'akimat-shymkent']), 1);
  assert.equal(await runCli(['user', 'add', '--email', 'x@example.kz', '--password', 'a-long-password', '--role', 'executor', '--body', 'no-such-body']), 1);
  assert.equal(await runCli(['user', 'add', '--email', 'x@example.kz', '--password', 'short', '--role', 'executor', '--body', 'akimat-shymkent']), 1);
  assert.equal(await count(), n);
});

test('migrate is idempotent, seed refuses a database that has bodies, unknown commands exit 2', async () => {
  assert.equal(await runCli(['migrate']), 0);
  assert.equal(await runCli(['seed', '--demo']), 1);
  assert.equal(await runCli(['frobnicate']), 2);
  assert.equal(await runCli(['help']), 0);
});
