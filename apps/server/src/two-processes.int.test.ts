// Two platform processes on one PostgreSQL, each with its delivery worker, as two servers
// behind a load balancer would run: intake through both (one gap-free numbering), every
// message sent once, a calendar change made through one counted by the other at once, and
// one Telegram poller between them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestEnv, citizenAppeal, type TestEnv } from '../test/harness.ts';
import { startSmtpServer, startTelegramApi, until, type SmtpTestServer, type TelegramTestApi } from '../test/delivery-servers.ts';
import { DEMO_PASSWORD, demoEmail } from './modules/bodies/demo-seed.ts';
import { startPlatform, type RunningPlatform } from '../../../bench/lib/platform.ts';

let env: TestEnv;
let smtp: SmtpTestServer;
let telegram: TelegramTestApi;
let a: RunningPlatform;
let b: RunningPlatform;

before(async () => {
  env = await createTestEnv();
  smtp = await startSmtpServer();
  telegram = await startTelegramApi();
  const common = {
    DATABASE_URL: env.url,
    BENCH_DELIVERY: '1',
    SMTP_URL: smtp.url,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    INTAKE_RATE_LIMIT: '100000',
    LOGIN_RATE_LIMIT: '1000',
    DATABASE_POOL_SIZE: '5',
  };
  [a, b] = await Promise.all([startPlatform(common), startPlatform(common)]);
});
after(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await smtp.close();
  await telegram.close();
  await env.close();
});

async function intake(p: RunningPlatform, payload: object) {
  const res = await fetch(`${p.baseUrl}/api/v1/appeals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  return { status: res.status, json: (await res.json()) as { id: string; number: string; accessCode: string; error?: { code: string } } };
}

test('intake through both processes: one register, numbers without gaps or doubles, every e-mail sent once', { timeout: 120_000 }, async () => {
  const shymkent = await env.bodyId('akimat-shymkent');
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) => intake(i % 2 ? a : b, citizenAppeal(shymkent, { text: `Два сервера: во дворе дома ${i} не вывозят мусор.`, applicant: { type: 'individual', name: 'Айгерим Садыкова', email: `two${i}@example.kz` } }))),
  );
  for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.json));
  const numbers = results.map((r) => Number(r.json.number.split('-').at(-1))).sort((x, y) => x - y);
  assert.equal(new Set(numbers).size, 40, 'no number twice');
  assert.equal(numbers.at(-1)! - numbers[0]! + 1, 40, 'no gap');
  // Both workers drain the outbox: each receipt arrives once.
  await until(() => smtp.messages.filter((m) => /^two\d+@example\.kz$/.test(m.to_ ?? '')).length >= 40, 60_000, '40 receipts');
  await new Promise((r) => setTimeout(r, 2_000));
  const receipts = smtp.messages.filter((m) => /^two\d+@example\.kz$/.test(m.to_ ?? ''));
  assert.equal(receipts.length, 40, 'no receipt sent twice');
  assert.equal(new Set(receipts.map((m) => m.messageId)).size, 40);
});

test('a day off added through one process is counted by the other’s next intake', { timeout: 60_000 }, async () => {
  const login = await fetch(`${a.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoEmail('calendar_admin', 'min-info'), password: DEMO_PASSWORD }) });
  assert.equal(login.status, 200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const astana = await env.bodyId('akimat-astana');
  // Warm the second process's calendar copy first.
  const first = await intake(b, citizenAppeal(astana));
  assert.equal(first.status, 201);
  const dueBefore = (await env.ctx.db.selectFrom('appeal').select('legalDueAt').where('id', '=', first.json.id).executeTakeFirstOrThrow()).legalDueAt!;
  // A working day inside the legal term becomes a day off (through process A, by the central body's calendar administrator).
  const now = new Date();
  let day = new Date(now.getTime() + 7 * 86_400_000);
  while ([0, 6].includes(day.getUTCDay())) day = new Date(day.getTime() + 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const added = await fetch(`${a.baseUrl}/api/v1/calendar/days-off`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ date, reason: 'перенос по постановлению' }) });
  assert.ok(added.status === 200 || added.status === 201, await added.text());
  const second = await intake(b, citizenAppeal(astana));
  assert.equal(second.status, 201);
  const dueAfter = (await env.ctx.db.selectFrom('appeal').select('legalDueAt').where('id', '=', second.json.id).executeTakeFirstOrThrow()).legalDueAt!;
  assert.ok(dueAfter.getTime() > dueBefore.getTime(), `the new day off moved the term: ${dueBefore.toISOString()} -> ${dueAfter.toISOString()}`);
});

test('one Telegram poller between the two processes', { timeout: 30_000 }, async () => {
  const holders = async () =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from pg_locks l join pg_stat_activity s on s.pid = l.pid where l.locktype = 'advisory' and l.granted and s.datname = current_database()`.execute(env.ctx.db))
        .rows[0]!.n,
    );
  let n = 0;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (n = await holders()) !== 1) await new Promise((r) => setTimeout(r, 200));
  assert.equal(n, 1, 'exactly one process holds the polling lock');
  // The poller answers: a citizen's /start reaches the bot and is handled by one process only.
  telegram.userWrites(777, '/start');
  await telegram.waitForSent(1, 10_000);
  await new Promise((r) => setTimeout(r, 1_500));
  assert.equal(telegram.sent.filter((m) => m.chat_id === 777).length, 1, 'one answer, not two');
});
