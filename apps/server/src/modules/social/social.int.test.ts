// Channel 9 walked as each network and the SMM manager would: the networks' own payloads over
// real HTTP against a listening server (Telegram, VK Callback API, Facebook and Instagram
// webhooks), accounts connected from the command line and the admin API, the inbox, triage
// into the register, and replies that reach a local server speaking the networks' APIs
// through the outbox, an outage included.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { startSocialApis, type SocialApis } from '../../../test/social-apis.ts';
import { runCli } from '../../cli.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../notify/index.ts';
import { socialReplySender } from './reply-sender.ts';

const KEY = Buffer.alloc(32, 9).toString('base64');
const TOKENS = { telegram: '7000001:AAE-test-bot-token', vk: 'vk1.a.community-token', graph: 'EAAG-page-token' };
const TG_SECRET = 'tg-secret-token-0123456789';
const VK_SECRET = 'vk-secret-0123456789abcdef';
const META_SECRET = 'meta-app-secret-0123456789';
const GROUP_CHAT = -1001234567890;
const VK_GROUP = 218_000_111;
const NOW = '2026-11-25T05:00:00Z'; // Wednesday, 10:00 in Almaty

let env: TestEnv;
let apis: SocialApis;
let base: string;
let worker: DeliveryWorker;

async function cli(args: string[]) {
  const [log, error] = [console.log, console.error];
  let out = '';
  let err = '';
  console.log = (...p: unknown[]) => void (out += p.join(' ') + '\n');
  console.error = (...p: unknown[]) => void (err += p.join(' ') + '\n');
  try {
    return { code: await runCli(args), out, err };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

before(async () => {
  apis = await startSocialApis(TOKENS);
  const roots = { SOCIAL_TELEGRAM_API_ROOT: apis.root, SOCIAL_VK_API_ROOT: apis.root, SOCIAL_GRAPH_API_ROOT: apis.root };
  env = await createTestEnv({ now: NOW, env: { TYNDAU_SECRET_KEY: KEY, PUBLIC_URL: 'https://tyndau.kz', ...roots } });
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  process.env.DATABASE_URL = env.url;
  process.env.TYNDAU_SECRET_KEY = KEY;
  process.env.PUBLIC_URL = 'https://tyndau.kz';
  worker = createDeliveryWorker(env.ctx, { log: () => {}, senders: { social: socialReplySender(env.ctx) } });
  for (const args of [
    ['--network', 'telegram', '--secret', TG_SECRET, '--token', TOKENS.telegram, `--account=${GROUP_CHAT}`],
    ['--network', 'vk', '--secret', VK_SECRET, '--confirmation', 'a1b2c3d4', '--token', TOKENS.vk, '--account', String(VK_GROUP)],
    ['--network', 'facebook', '--secret', META_SECRET, '--confirmation', 'fb-verify-token', '--token', TOKENS.graph, '--account', '104000000000001'],
    ['--network', 'instagram', '--secret', META_SECRET, '--confirmation', 'ig-verify-token', '--token', TOKENS.graph, '--account', '17841400000000001'],
  ]) {
    const r = await cli(['social', 'add', '--body', 'akimat-astana', ...args]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /webhook: https:\/\/tyndau\.kz\/api\/v1\/social\/\w+\/akimat-astana/);
  }
});
after(async () => {
  await worker.stop();
  await env.close();
  await apis.close();
});

async function api(method: 'GET' | 'POST' | 'PUT', url: string, role: string, payload?: unknown, body = 'akimat-astana') {
  return env.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await env.login(role, body) }, ...(payload ? { payload: payload as object } : {}) });
}

let updateId = 500_000;
let tgMessageId = 100;
/** A comment in the channel's discussion group, as the Bot API delivers it to the webhook. */
function tgComment(text: string, opts: { post?: number; from?: { id: number; first_name: string; last_name?: string }; chat?: number } = {}) {
  const post = opts.post ?? 50;
  const chat = { id: opts.chat ?? GROUP_CHAT, title: 'Астана әкімдігі — талқылау', type: 'supergroup' };
  return {
    update_id: ++updateId,
    message: {
      message_id: ++tgMessageId,
      from: { is_bot: false, language_code: 'ru', ...(opts.from ?? { id: 4_400_001, first_name: 'Айгерим', last_name: 'Серикова' }) },
      chat,
      date: Math.floor(new Date(NOW).getTime() / 1000),
      message_thread_id: post,
      reply_to_message: {
        message_id: post,
        sender_chat: { id: -1009876543210, title: 'Астана әкімдігі', type: 'channel' },
        chat,
        date: Math.floor(new Date(NOW).getTime() / 1000) - 3600,
        is_automatic_forward: true,
        forward_origin: { type: 'channel', chat: { id: -1009876543210, title: 'Астана әкімдігі', type: 'channel' }, message_id: 777, date: 0 },
        text: 'Ремонт дорог в 2026 году: план работ',
      },
      text,
    },
  };
}

async function telegram(update: unknown, secret: string | null = TG_SECRET, bodyCode = 'akimat-astana') {
  const res = await fetch(`${base}/api/v1/social/telegram/${bodyCode}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret !== null ? { 'x-telegram-bot-api-secret-token': secret } : {}) }, body: JSON.stringify(update) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function vk(event: Record<string, unknown>) {
  const res = await fetch(`${base}/api/v1/social/vk/akimat-astana`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
  return { status: res.status, text: await res.text() };
}

async function meta(network: 'facebook' | 'instagram', payload: unknown, secret = META_SECRET) {
  const raw = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  const res = await fetch(`${base}/api/v1/social/${network}/akimat-astana`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature }, body: raw });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const countMessages = async () => Number((await env.ctx.db.selectFrom('socialMessage').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const byExternal = (network: string, externalId: string) => env.ctx.db.selectFrom('socialMessage').selectAll().where('network', '=', network).where('externalId', '=', externalId).executeTakeFirstOrThrow();

describe('webhooks', () => {
  test('Telegram: the secret_token header is checked; a comment is stored once, repeats answer 200', async () => {
    const update = tgComment('На улице Кенесары яма на дороге уже месяц, когда отремонтируют?');
    const before = await countMessages();
    assert.equal((await telegram(update, 'wrong-secret-wrong-secret')).status, 401);
    assert.equal((await telegram(update, null)).status, 401);
    assert.equal(await countMessages(), before, 'a refused call stores nothing');

    const ok = await telegram(update);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json, { received: 1, stored: 1 });
    const again = await telegram(update);
    assert.equal(again.status, 200, 'a repeat is answered as Telegram expects');
    assert.deepEqual(again.json, { received: 1, stored: 0 });

    const row = await byExternal('telegram', `${GROUP_CHAT}:${update.message.message_id}`);
    assert.equal(row.authorName, 'Айгерим Серикова');
    assert.equal(row.authorId, '4400001');
    assert.equal(row.postId, '50');
    assert.equal(row.link, `https://t.me/c/1234567890/${update.message.message_id}`);
    assert.equal(row.status, 'new');

    // The channel's post forwarded into the group is not a comment; another group is not the body's.
    const forward = { update_id: ++updateId, message: { ...update.message.reply_to_message, message_id: 50, is_automatic_forward: true } };
    assert.deepEqual((await telegram(forward)).json, { received: 0, stored: 0 });
    assert.deepEqual((await telegram(tgComment('Чужая группа', { chat: -1005555555555 }))).json, { received: 1, stored: 0 });
    // A body with no Telegram account: 404, nothing stored.
    assert.equal((await telegram(update, TG_SECRET, 'akimat-shymkent')).status, 404);
  });

  test('VK Callback API: confirmation handshake, the secret, wall_reply_new', async () => {
    const confirm = await vk({ type: 'confirmation', group_id: VK_GROUP, secret: VK_SECRET });
    assert.equal(confirm.status, 200);
    assert.equal(confirm.text, 'a1b2c3d4');
    assert.equal((await vk({ type: 'confirmation', group_id: VK_GROUP })).status, 401, 'no secret, no confirmation string');
    const event = {
      type: 'wall_reply_new',
      event_id: '3a1b5c0e8f5d1c2b3a4d5e6f7a8b9c0d1e2f3a4b',
      v: '5.199',
      object: { id: 4455, from_id: 310_000_001, date: Math.floor(new Date(NOW).getTime() / 1000), text: 'Когда включат отопление в доме 12 по Абая?', post_id: 901, owner_id: -VK_GROUP, parents_stack: [], thread: { count: 0 } },
      group_id: VK_GROUP,
      secret: VK_SECRET,
    };
    const before = await countMessages();
    assert.equal((await vk({ ...event, secret: 'nope' })).status, 401);
    assert.equal(await countMessages(), before);
    const ok = await vk(event);
    assert.deepEqual([ok.status, ok.text], [200, 'ok']);
    assert.deepEqual([(await vk(event)).text, await countMessages()], ['ok', before + 1], 'VK retries the event: no second row');
    const row = await byExternal('vk', `-${VK_GROUP}_4455`);
    assert.equal(row.postId, '901');
    assert.equal(row.link, `https://vk.com/wall-${VK_GROUP}_901?reply=4455`);
    // Other event types are acknowledged and ignored.
    assert.equal((await vk({ type: 'wall_post_new', group_id: VK_GROUP, secret: VK_SECRET, object: { id: 1 } })).text, 'ok');
    assert.equal(await countMessages(), before + 1);
  });

  test('Facebook and Instagram: hub.challenge handshake, X-Hub-Signature-256 over the raw body, comments', async () => {
    const verify = (network: string, token: string) => fetch(`${base}/api/v1/social/${network}/akimat-astana?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);
    const good = await verify('facebook', 'fb-verify-token');
    assert.deepEqual([good.status, await good.text()], [200, '1158201444']);
    assert.equal((await verify('facebook', 'ig-verify-token')).status, 401);
    assert.equal((await (await verify('instagram', 'ig-verify-token')).text()), '1158201444');

    const fb = {
      object: 'page',
      entry: [
        {
          id: '104000000000001',
          time: Math.floor(new Date(NOW).getTime() / 1000),
          changes: [
            {
              field: 'feed',
              value: { from: { id: '6100000000001', name: 'Данияр Ахметов' }, post: { id: '104000000000001_222', status_type: 'added_photos', is_published: true }, message: 'Мусор не вывозят третью неделю, район Сарыарка', post_id: '104000000000001_222', comment_id: '222_333444', created_time: Math.floor(new Date(NOW).getTime() / 1000), item: 'comment', parent_id: '104000000000001_222', verb: 'add' },
            },
            { field: 'feed', value: { item: 'reaction', verb: 'add', post_id: '104000000000001_222', reaction_type: 'like' } },
          ],
        },
      ],
    };
    const before = await countMessages();
    assert.equal((await meta('facebook', fb, 'not-the-app-secret')).status, 401);
    const raw = JSON.stringify(fb);
    const tampered = await fetch(`${base}/api/v1/social/facebook/akimat-astana`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', META_SECRET).update(raw).digest('hex')}` }, body: raw.replace('Сарыарка', 'Есиль') });
    assert.equal(tampered.status, 401, 'the signature covers the body as sent');
    assert.equal(await countMessages(), before);
    assert.deepEqual((await meta('facebook', fb)).json, { received: 1, stored: 1 });
    assert.deepEqual((await meta('facebook', fb)).json, { received: 1, stored: 0 });

    const ig = {
      object: 'instagram',
      entry: [{ id: '17841400000000001', time: Math.floor(new Date(NOW).getTime() / 1000), changes: [{ field: 'comments', value: { from: { id: '232323232', username: 'astana_resident' }, media: { id: '123123123', media_product_type: 'FEED' }, id: '17865799348089039', text: 'Светофор на перекрёстке Туран–Сыганак не работает' } }] }],
    };
    assert.deepEqual((await meta('instagram', ig)).json, { received: 1, stored: 1 });
    const row = await byExternal('instagram', '17865799348089039');
    assert.deepEqual([row.authorName, row.postId], ['astana_resident', '123123123']);
  });
});

describe('accounts', () => {
  test('secrets are stored sealed and never shown; only the administrator connects', async () => {
    const rows = await env.ctx.db.selectFrom('socialAccount').selectAll().execute();
    const dump = JSON.stringify(rows);
    for (const s of [TG_SECRET, VK_SECRET, META_SECRET, TOKENS.telegram, TOKENS.vk, 'a1b2c3d4']) assert.ok(!dump.includes(s), 'no secret in clear');
    const list = await api('GET', '/social/accounts', 'admin');
    assert.equal(list.statusCode, 200, list.body);
    assert.equal(list.json().items.length, 4);
    for (const s of [TG_SECRET, VK_SECRET, META_SECRET, TOKENS.telegram]) assert.ok(!list.body.includes(s));
    assert.equal((await api('GET', '/social/accounts', 'comms_officer')).statusCode, 403);
    assert.equal((await api('PUT', '/social/accounts/vk', 'comms_officer', { secret: 'x'.repeat(20), confirmation: 'c' })).statusCode, 403);
    const short = await api('PUT', '/social/accounts/telegram', 'admin', { secret: 'short' });
    assert.equal(short.statusCode, 400);
    // Another body's administrator connects that body's account, not ours.
    const other = await api('PUT', '/social/accounts/telegram', 'admin', { secret: 'shymkent-secret-0123456789' }, 'akimat-shymkent');
    assert.equal(other.statusCode, 200, other.body);
    assert.match(other.json().webhookUrl, /\/social\/telegram\/akimat-shymkent$/);
    assert.equal((await telegram(tgComment('x y z'), 'shymkent-secret-0123456789')).status, 401, 'one body’s secret opens no other body');
    assert.equal((await cli(['social', 'add', '--body', 'akimat-astana', '--network', 'twitter', '--secret', 'x'.repeat(20)])).code, 1);
    assert.equal((await cli(['social', 'add', '--body', 'akimat-astana', '--network', 'vk', '--secret', 'x'.repeat(20)])).code, 1, 'VK needs its confirmation string');
  });
});

describe('inbox and triage', () => {
  test('the inbox lists the body’s comments by network and status, page by page; others see nothing', async () => {
    const all = await api('GET', '/social/messages?limit=2', 'comms_officer');
    assert.equal(all.statusCode, 200, all.body);
    const page1 = all.json();
    assert.equal(page1.items.length, 2);
    assert.ok(page1.nextCursor);
    const page2 = (await api('GET', `/social/messages?limit=2&cursor=${page1.nextCursor}`, 'comms_officer')).json();
    assert.ok(page2.items.every((i: { id: string }) => !page1.items.some((j: { id: string }) => j.id === i.id)));
    const vkOnly = (await api('GET', '/social/messages?network=vk&status=new', 'comms_officer')).json();
    assert.ok(vkOnly.items.length >= 1 && vkOnly.items.every((i: { network: string }) => i.network === 'vk'));
    assert.equal((await api('GET', '/social/messages', 'comms_officer', undefined, 'akimat-shymkent')).json().items.length, 0);
    assert.equal((await api('GET', '/social/messages', 'executor')).statusCode, 403);
    assert.equal((await env.app.inject({ method: 'GET', url: '/api/v1/social/messages' })).statusCode, 401);
    assert.equal((await api('GET', '/social/messages?status=bogus', 'comms_officer')).statusCode, 400);
    assert.equal((await api('GET', '/social/messages?cursor=!!', 'comms_officer')).statusCode, 400);
  });

  test('similar comments under one post are one incident, registered once, each answered under its comment', async () => {
    const a = tgComment('Яма на дороге по улице Кенесары 40 до сих пор не заделана', { post: 60, from: { id: 4_400_010, first_name: 'Ерлан' } });
    const b = tgComment('Яма на дороге по улице Кенесары 40 так и не заделана!', { post: 60, from: { id: 4_400_011, first_name: 'Гульнара' } });
    const c = tgComment('Спасибо за новый парк', { post: 60, from: { id: 4_400_012, first_name: 'Арман' } });
    for (const u of [a, b, c]) assert.equal((await telegram(u)).status, 200);
    const [ra, rb, rc] = await Promise.all([a, b, c].map((u) => byExternal('telegram', `${GROUP_CHAT}:${u.message.message_id}`)));
    assert.equal(ra.incidentId, rb.incidentId, 'the same complaint twice is one incident');
    assert.notEqual(ra.incidentId, rc.incidentId);

    // Another body's SMM manager cannot see or triage it.
    assert.equal((await api('POST', `/social/messages/${ra.id}/triage`, 'comms_officer', { decision: 'own' }, 'akimat-shymkent')).statusCode, 404);
    assert.equal((await api('POST', `/social/messages/${ra.id}/triage`, 'head', { decision: 'own' })).statusCode, 403);

    const res = await api('POST', `/social/messages/${ra.id}/triage`, 'comms_officer', { decision: 'own', difficulty: 'light', kind: 'complaint' });
    assert.equal(res.statusCode, 200, res.body);
    const out = res.json();
    assert.equal(out.status, 'registered');
    assert.deepEqual(new Set(out.messages), new Set([ra.id, rb.id]));
    // Light: one working day from Wednesday 25 November -> Thursday 26th, 23:59:59 Almaty.
    assert.equal(out.appeal.targetDueAt, '2026-11-26T18:59:59.000Z');
    const appeal = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', out.appeal.id).executeTakeFirstOrThrow();
    assert.deepEqual([appeal.channel, appeal.status, appeal.difficulty, appeal.kind], ['social_media', 'in_work', 'light', 'complaint']);
    assert.match(appeal.text, /Кенесары 40/);
    assert.equal((await byExternal('telegram', `${GROUP_CHAT}:${b.message.message_id}`)).appealId, appeal.id);
    const twice = await api('POST', `/social/messages/${rb.id}/triage`, 'comms_officer', { decision: 'own' });
    assert.equal(twice.statusCode, 409, 'already registered with its incident');

    // The replies go out through the Bot API, each under its own comment.
    const before = apis.calls.length;
    await worker.drain();
    const sent = apis.calls.slice(before).filter((x) => x.api === 'telegram');
    assert.equal(sent.length, 2);
    for (const s of sent) {
      assert.equal(s.params.chat_id, GROUP_CHAT);
      assert.match(String(s.params.text), new RegExp(`№ ${appeal.number}`));
      assert.ok(!String(s.params.text).includes('код'), 'never the access code in a public thread');
    }
    assert.deepEqual(new Set(sent.map((s) => (s.params.reply_parameters as { message_id: number }).message_id)), new Set([a.message.message_id, b.message.message_id]));
    assert.ok((await byExternal('telegram', `${GROUP_CHAT}:${a.message.message_id}`)).firstReplyAt);
  });

  test('another body’s question is redirected (VK reply names it); nobody’s gets the standard reply (Graph); spam needs its reason', async () => {
    const vkMsg = await byExternal('vk', `-${VK_GROUP}_4455`);
    const shymkent = await env.bodyId('akimat-shymkent');
    const self = await api('POST', `/social/messages/${vkMsg.id}/triage`, 'comms_officer', { decision: 'other', targetBodyId: await env.bodyId('akimat-astana') });
    assert.equal(self.statusCode, 422);
    const red = await api('POST', `/social/messages/${vkMsg.id}/triage`, 'comms_officer', { decision: 'other', targetBodyId: shymkent });
    assert.equal(red.statusCode, 200, red.body);
    assert.equal(red.json().status, 'redirected');

    const fbMsg = await byExternal('facebook', '222_333444');
    const none = await api('POST', `/social/messages/${fbMsg.id}/triage`, 'comms_officer', { decision: 'none', reason: 'Обратитесь в управляющую компанию.' });
    assert.equal(none.statusCode, 200, none.body);

    const igMsg = await byExternal('instagram', '17865799348089039');
    assert.equal((await api('POST', `/social/messages/${igMsg.id}/triage`, 'comms_officer', { decision: 'ignore' })).statusCode, 400);
    const ignored = await api('POST', `/social/messages/${igMsg.id}/triage`, 'comms_officer', { decision: 'ignore', ignoreReason: 'off_topic' });
    assert.equal(ignored.statusCode, 200, ignored.body);

    const before = apis.calls.length;
    await worker.drain();
    const calls = apis.calls.slice(before);
    const vkCall = calls.find((x) => x.api === 'vk');
    assert.ok(vkCall, 'a reply through wall.createComment');
    assert.deepEqual([vkCall.params.owner_id, vkCall.params.post_id, vkCall.params.reply_to_comment], [`-${VK_GROUP}`, '901', '4455']);
    assert.match(String(vkCall.params.message), /\/ru\/bodies\/akimat-shymkent/);
    const graphCall = calls.find((x) => x.api === 'graph');
    assert.ok(graphCall);
    assert.match(graphCall.path, /\/v21\.0\/222_333444\/comments$/);
    assert.match(String(graphCall.params.message), /не относится к компетенции государственных органов.* Обратитесь в управляющую компанию/);
    assert.equal(calls.length, 2, 'an ignored comment gets no reply');
    const list = (await api('GET', '/social/messages?status=ignored', 'comms_officer')).json();
    assert.equal(list.items[0].ignoreReason, 'off_topic');
  });

  test('a network outage loses no reply: the outbox retries until the API answers', async () => {
    const u = tgComment('Когда уберут снег во дворе дома 5 по Достык?', { post: 70, from: { id: 4_400_020, first_name: 'Мадина' } });
    await telegram(u);
    const m = await byExternal('telegram', `${GROUP_CHAT}:${u.message.message_id}`);
    const res = await api('POST', `/social/messages/${m.id}/replies`, 'comms_officer', { text: 'Бригада выйдет сегодня до 18:00.' });
    assert.equal(res.statusCode, 201, res.body);
    apis.failWith = 502;
    await worker.drain();
    const queued = await env.ctx.db.selectFrom('notification').selectAll().where('channel', '=', 'social').where('address', '=', res.json().id).executeTakeFirstOrThrow();
    assert.equal(queued.status, 'queued');
    assert.match(queued.lastError ?? '', /502/);
    apis.failWith = null;
    env.clock.advance(31_000);
    const before = apis.calls.length;
    await worker.drain();
    assert.equal(apis.calls.length, before + 1);
    assert.equal(apis.calls[before].params.text, 'Бригада выйдет сегодня до 18:00.');
    const done = await env.ctx.db.selectFrom('notification').select(['status', 'providerRef']).where('id', '=', queued.id).executeTakeFirstOrThrow();
    assert.equal(done.status, 'delivered');
    const reply = await env.ctx.db.selectFrom('socialReply').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.ok(reply.sentAt);
    assert.equal(reply.externalId, done.providerRef);
  });
});

describe('import and monitoring', () => {
  test('CSV and JSON imports are deduplicated; a bad file stores nothing', async () => {
    const csv = 'id,text,post,author_id,author,link,time\n' + 'tt-1,"Когда откроют каток, ""Центральный""?",v1,u1,Алия,https://www.tiktok.com/@akimat/video/1,2026-11-24T10:00:00Z\n' + 'tt-2,Спасибо за освещение,v1,u2,Бауыржан,,\n';
    const first = await api('POST', '/social/import', 'comms_officer', { network: 'tiktok', format: 'csv', content: csv });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { received: 2, stored: 2 });
    assert.deepEqual((await api('POST', '/social/import', 'comms_officer', { network: 'tiktok', format: 'csv', content: csv })).json(), { received: 2, stored: 0 });
    const row = await byExternal('tiktok', 'tt-1');
    assert.equal(row.text, 'Когда откроют каток, "Центральный"?');
    assert.equal(row.source, 'import');

    const json = JSON.stringify([{ id: 'yt-9', text: 'Где узнать про субсидии?', post: 'video-3', author: 'Нурлан' }]);
    assert.deepEqual((await api('POST', '/social/import', 'comms_officer', { network: 'youtube', format: 'json', content: json })).json(), { received: 1, stored: 1 });
    const before = await countMessages();
    const bad = await api('POST', '/social/import', 'comms_officer', { network: 'youtube', format: 'json', content: JSON.stringify([{ id: 'yt-10', text: 'ok' }, { id: 'yt-11' }]) });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.code, 'SOCIAL_IMPORT_INVALID');
    assert.equal(await countMessages(), before);
    assert.equal((await api('POST', '/social/import', 'head', { network: 'youtube', format: 'json', content: '[]' })).statusCode, 403);
  });

  test('daily monitoring: comments per network, time to first reply, on time per difficulty', async () => {
    const res = await api('GET', '/social/stats', 'head');
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    assert.equal(s.from, '2026-11-25');
    const tg = s.days.find((d: { network: string }) => d.network === 'telegram');
    assert.ok(tg.comments >= 5);
    assert.ok(tg.replied >= 2);
    assert.equal(typeof tg.medianReplyMinutes, 'number');
    const light = s.onTimeByDifficulty.find((d: { difficulty: string }) => d.difficulty === 'light');
    assert.deepEqual([light.appeals, light.open], [1, 1]);
    assert.equal((await api('GET', '/social/stats?from=2026-11-30&to=2026-11-01', 'head')).statusCode, 400);
    assert.equal((await api('GET', '/social/stats', 'executor')).statusCode, 403);
  });
});
