import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { startTelegramApi, type TelegramTestApi } from '../../../test/delivery-servers.ts';
import { createDeliveryWorker, type DeliveryWorker } from './delivery-worker.ts';
import { queueNotification, queueStaffNotification } from './notify.service.ts';

let env: TestEnv;
let tg: TelegramTestApi;
let worker: DeliveryWorker;
let astana: string;

before(async () => {
  tg = await startTelegramApi();
  env = await createTestEnv({ env: { TELEGRAM_BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, PUBLIC_URL: 'https://tyndau.kz' } });
  astana = await env.bodyId('akimat-astana');
  // The real loop: long polling under the advisory lock, wake-ups by LISTEN.
  worker = createDeliveryWorker(env.ctx, { log: () => {}, databaseUrl: env.url, pollMs: 100 });
  await worker.start();
});
after(async () => {
  await worker.stop();
  await env.close();
  await tg.close();
});

const register = async (over: Record<string, unknown> = {}) => {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { preferredAnswer: 'portal', ...over }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string; accessCode: string };
};
const deepLink = (number: string, code: string) => env.app.inject({ method: 'POST', url: `/api/v1/track/${number}/telegram`, payload: { code } });
const startCode = (url: string) => new URL(url).searchParams.get('start')!;

describe('Telegram', () => {
  test('a citizen links a chat from the tracking page; later messages about the appeal also go there', async () => {
    const a = await register({ language: 'ru' });
    const res = await deepLink(a.number, a.accessCode);
    assert.equal(res.statusCode, 201, res.body);
    const link = res.json();
    assert.match(link.url, /^https:\/\/t\.me\/tyndau_test_bot\?start=[A-Za-z0-9_-]{43}$/);
    assert.equal(link.bot, 'tyndau_test_bot');

    const chatId = 555_000_001;
    const before = tg.sent.length;
    tg.userWrites(chatId, `/start ${startCode(link.url)}`);
    await tg.waitForSent(before + 1);
    assert.equal(tg.sent[before].chat_id, chatId);
    assert.match(tg.sent[before].text, new RegExp(`привязан к обращению № ${a.number}`));
    const chat = await env.ctx.db.selectFrom('telegramChat').selectAll().where('appealId', '=', a.id).executeTakeFirstOrThrow();
    assert.equal(chat.chatId, chatId);

    // A later message about the appeal (an extension) goes to the portal and to the chat.
    await env.ctx.db.transaction().execute((tx) =>
      queueNotification(tx, { appealId: a.id, recipientKind: 'applicant', template: 'appeal.extended', channel: 'portal', language: 'ru', payload: { number: a.number, until: '2027-01-15T18:59:59Z', reason: 'нужен выезд на место' }, at: env.clock.now() }),
    );
    await tg.waitForSent(before + 2);
    const msg = tg.sent[before + 1];
    assert.equal(msg.chat_id, chatId);
    assert.match(msg.text, new RegExp(`Обращение № ${a.number}: срок рассмотрения продлён`));
    assert.match(msg.text, /15\.01\.2027/);
    const rows = await env.ctx.db.selectFrom('notification').select(['channel', 'status', 'address']).where('appealId', '=', a.id).where('template', '=', 'appeal.extended').execute();
    const tgRow = rows.find((r) => r.channel === 'telegram');
    assert.equal(tgRow?.address, String(chatId));
    for (let i = 0; i < 50 && (await env.ctx.db.selectFrom('notification').select('status').where('appealId', '=', a.id).where('channel', '=', 'telegram').executeTakeFirstOrThrow()).status !== 'delivered'; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal((await env.ctx.db.selectFrom('notification').select('status').where('appealId', '=', a.id).where('channel', '=', 'telegram').executeTakeFirstOrThrow()).status, 'delivered');
  });

  test('a code works once and only with the right access code; a wrong one is the same 404 as a missing number', async () => {
    const a = await register();
    assert.equal((await deepLink(a.number, 'WRONGCODE9')).statusCode, 404);
    assert.equal((await deepLink('AST-2026-999999', a.accessCode)).statusCode, 404);
    const link = (await deepLink(a.number, a.accessCode)).json();
    const before = tg.sent.length;
    tg.userWrites(555_000_002, `/start ${startCode(link.url)}`);
    await tg.waitForSent(before + 1);
    // Someone else trying the same code later gets nothing linked.
    tg.userWrites(555_000_003, `/start ${startCode(link.url)}`);
    await tg.waitForSent(before + 2);
    assert.match(tg.sent[before + 1].text, /недействительна/);
    const chats = await env.ctx.db.selectFrom('telegramChat').select('chatId').where('appealId', '=', a.id).execute();
    assert.deepEqual(chats.map((c) => c.chatId), [555_000_002]);
  });

  test('an expired code links nothing', async () => {
    const a = await register();
    const link = (await deepLink(a.number, a.accessCode)).json();
    env.clock.advance(25 * 3_600_000);
    const before = tg.sent.length;
    tg.userWrites(555_000_004, `/start ${startCode(link.url)}`);
    await tg.waitForSent(before + 1);
    assert.match(tg.sent[before].text, /expired/);
    assert.equal((await env.ctx.db.selectFrom('telegramChat').select('id').where('appealId', '=', a.id).execute()).length, 0);
  });

  test('staff choose Telegram after linking; staff notifications then go there', async () => {
    const cookie = await env.login('executor', 'akimat-astana');
    const refused = await env.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: { cookie }, payload: { channel: 'telegram' } });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'TELEGRAM_NOT_LINKED');

    const link = (await env.app.inject({ method: 'POST', url: '/api/v1/me/telegram', headers: { cookie } })).json();
    const before = tg.sent.length;
    tg.userWrites(777_000_001, `/start ${startCode(link.url)}`);
    await tg.waitForSent(before + 1);
    const prefs = await env.app.inject({ method: 'PUT', url: '/api/v1/me/preferences', headers: { cookie }, payload: { channel: 'telegram' } });
    assert.equal(prefs.statusCode, 200, prefs.body);
    assert.equal(prefs.json().channel, 'telegram');
    assert.equal(prefs.json().telegramLinked, true);

    const me = await env.ctx.db.selectFrom('staffUser').select('id').where('email', '=', 'executor@akimat-astana.example.kz').executeTakeFirstOrThrow();
    const a = await register();
    await env.ctx.db.transaction().execute((tx) => queueStaffNotification(tx, { userId: me.id, template: 'staff.assigned', appealId: a.id, payload: { number: a.number }, at: env.clock.now() }));
    await tg.waitForSent(before + 2);
    assert.equal(tg.sent[before + 1].chat_id, 777_000_001);
    assert.ok(tg.sent[before + 1].text.includes(a.number));
  });

  test('a chat that blocked the bot fails the message at once with the reason', async () => {
    const a = await register();
    const link = (await deepLink(a.number, a.accessCode)).json();
    const before = tg.sent.length;
    tg.userWrites(555_000_009, `/start ${startCode(link.url)}`);
    await tg.waitForSent(before + 1);
    tg.blocked.add(555_000_009);
    await env.ctx.db.transaction().execute((tx) =>
      queueNotification(tx, { appealId: a.id, recipientKind: 'applicant', template: 'appeal.info_requested', channel: 'portal', language: 'ru', payload: { number: a.number, text: 'Приложите фото' }, at: env.clock.now() }),
    );
    const row = () => env.ctx.db.selectFrom('notification').select(['status', 'lastError', 'attempts']).where('appealId', '=', a.id).where('channel', '=', 'telegram').executeTakeFirstOrThrow();
    for (let i = 0; i < 100 && (await row()).status !== 'failed'; i++) await new Promise((r) => setTimeout(r, 20));
    const n = await row();
    assert.equal(n.status, 'failed');
    assert.equal(n.attempts, 1);
    assert.match(n.lastError!, /403/);
  });
});
