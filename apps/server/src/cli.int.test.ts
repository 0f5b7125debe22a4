import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { Readable } from 'node:stream';
import { createTestEnv, type TestEnv } from '../test/harness.ts';
import { withDatabase } from '../test/global-setup.ts';
import { createDb } from './db/database.ts';
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
  // The password someone else chose is replaced at first sign-in.
  assert.equal(res.json().step, 'change_password');
  const changed = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login/step', payload: { challenge: res.json().challenge, newPassword: 'my-own-passphrase' } });
  assert.equal(changed.json().staff.name, 'Жанар Омарова');
  const count = async () => (await env.ctx.db.selectFrom('staffUser').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
  const n = await count();
  assert.equal(await runCli(['user', 'add', '--email', 'x@example.kz', '--password', 'a-long-password', '--role', 'king', '--body', 'akimat-shymkent']), 1);
  assert.equal(await runCli(['user', 'add', '--email', 'x@example.kz', '--password', 'a-long-password', '--role', 'executor', '--body', 'no-such-body']), 1);
  assert.equal(await runCli(['user', 'add', '--email', 'x@example.kz', '--password', 'short', '--role', 'executor', '--body', 'akimat-shymkent']), 1);
  assert.equal(await count(), n);
});

test('user add reads the password from standard input (first line), so it stays out of the shell history', async () => {
  const stdin = Readable.from(['piped-long-password\n', 'ignored second line\n']);
  assert.equal(await runCli(['user', 'add', '--email', 'piped@example.kz', '--password-stdin', '--role', 'operator', '--body', 'akimat-shymkent'], stdin), 0);
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'piped@example.kz', password: 'piped-long-password' } });
  assert.equal(res.json().step, 'change_password');
  // Without --password the same happens (a prompt without echo on a terminal).
  assert.equal(await runCli(['user', 'add', '--email', 'piped2@example.kz', '--role', 'operator', '--body', 'akimat-shymkent'], Readable.from(['another-long-one\r\n'])), 0);
  assert.equal((await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'piped2@example.kz', password: 'another-long-one' } })).statusCode, 200);
  // A common password is refused, and both ways at once are refused.
  assert.equal(await runCli(['user', 'add', '--email', 'weak@example.kz', '--password-stdin', '--role', 'operator', '--body', 'akimat-shymkent'], Readable.from(['qwertyuiop\n'])), 1);
  assert.equal(await runCli(['user', 'add', '--email', 'both@example.kz', '--password', 'a-long-password', '--password-stdin', '--role', 'operator', '--body', 'akimat-shymkent'], Readable.from(['x\n'])), 1);
  assert.equal(await env.ctx.db.selectFrom('staffUser').select('id').where('email', 'in', ['weak@example.kz', 'both@example.kz']).executeTakeFirst(), undefined);
});

test('migrate is idempotent, seed refuses a database that has bodies, unknown commands exit 2', async () => {
  assert.equal(await runCli(['migrate']), 0);
  assert.equal(await runCli(['seed', '--demo']), 1);
  assert.equal(await runCli(['frobnicate']), 2);
  assert.equal(await runCli(['help']), 0);
});

/** runCli with what it printed to stderr. */
async function runCapturing(args: string[]): Promise<{ code: number; stderr: string }> {
  const original = console.error;
  let stderr = '';
  console.error = (...parts: unknown[]) => {
    stderr += parts.join(' ') + '\n';
  };
  try {
    return { code: await runCli(args), stderr };
  } finally {
    console.error = original;
  }
}

test('user add refuses an e-mail that is taken or not an e-mail, with a message, and writes nothing', async () => {
  const count = async () => (await env.ctx.db.selectFrom('staffUser').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;
  const n = await count();
  const taken = await runCapturing(['user', 'add', '--email', 'Head@Akimat-Astana.example.kz', '--password', 'a-long-password', '--role', 'executor', '--body', 'akimat-astana']);
  assert.equal(taken.code, 1);
  assert.match(taken.stderr, /already exists/);
  assert.doesNotMatch(taken.stderr, /duplicate key|constraint/);
  const notEmail = await runCapturing(['user', 'add', '--email', 'not an email', '--password', 'a-long-password', '--role', 'executor', '--body', 'akimat-astana']);
  assert.equal(notEmail.code, 1);
  assert.match(notEmail.stderr, /not an e-mail address/);
  assert.equal(await count(), n);
});

test('a production installation: seed --bodies loads topics and bodies without accounts, user add then works; seed --demo is refused', async () => {
  const admin = new pg.Client({ connectionString: process.env.TYNDAU_TEST_ADMIN_URL });
  await admin.connect();
  const name = `t_cli_empty_${process.pid}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(process.env.TYNDAU_TEST_ADMIN_URL!, name);
  const saved = { DATABASE_URL: process.env.DATABASE_URL, NODE_ENV: process.env.NODE_ENV };
  process.env.DATABASE_URL = url;
  process.env.NODE_ENV = 'production';
  const { db } = createDb(url, 2);
  try {
    const demo = await runCapturing(['seed', '--demo']);
    assert.equal(demo.code, 1);
    assert.match(demo.stderr, /not loaded when NODE_ENV=production unless TYNDAU_DEMO_DATA=1/);
    assert.equal(await runCli(['seed', '--bodies']), 0);
    const n = async (table: 'body' | 'topic' | 'staffUser' | 'unit') => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(await n('body'), 21);
    assert.ok((await n('topic')) > 14);
    assert.ok((await n('unit')) >= 21);
    assert.equal(await n('staffUser'), 0, 'no demo accounts in production');
    assert.equal(await runCli(['seed', '--bodies']), 1, 'only into an empty database');
    assert.equal(await runCli(['user', 'add', '--email', 'kense@astana.gov.kz', '--password', 'a-long-password', '--role', 'comms_officer', '--body', 'akimat-astana', '--unit', 'general']), 0);
    assert.equal(await n('staffUser'), 1);
  } finally {
    await db.destroy();
    process.env.DATABASE_URL = saved.DATABASE_URL;
    if (saved.NODE_ENV === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved.NODE_ENV;
  }
});
