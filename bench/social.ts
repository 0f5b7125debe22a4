// Social media benchmark: the networks' webhooks as fast as they come. A Telegram discussion
// group and a VK community of the Astana akimat post comments (the Bot API's Update, the
// Callback API's wall_reply_new) into POST /api/v1/social/{telegram|vk}/akimat-astana, each
// checked by its secret, with a share of repeats (networks retry) that deduplication must
// turn into no-ops, while the SMM manager's inbox is listed beside it.
//
//   npm run bench:social -- [--comments 20000] [--concurrency 16] [--repeats 0.1] [--posts 200]
//                           [--list-interval 250] [--pool 32] [--keep]
//
// Reports comments/s and per-request latency (p50/p95/p99), the inbox list's latency, the
// CPU split; then checks that every distinct comment is stored exactly once.
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { numberFlags } from './lib/args.ts';
import { freshDatabase } from './lib/database.ts';
import { startPlatform } from './lib/platform.ts';
import { loadRussianTexts, personName, rng } from './lib/corpus.ts';
import { childPids, cpuMeter, cpuPer, describeCpu, fmt, postgresPids, summary } from './lib/stats.ts';
import { signIn } from './lib/sign-in.ts';
import { request } from './lib/http.ts';

const opts = numberFlags({ comments: 20_000, concurrency: 16, repeats: 0.1, posts: 200, 'list-interval': 250, pool: 32, seed: 11 }, { keep: 'boolean' });
const TG_SECRET = 'bench-telegram-secret-0123456789';
const VK_SECRET = 'bench-vk-secret-0123456789';
const GROUP_CHAT = -1001234567890;
const VK_GROUP = 218000111;

const started = Date.now();
console.log(`Tyndau social media benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
const database = await freshDatabase('bench_social');
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
try {
  platform = await startPlatform({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(opts.pool), TYNDAU_DATA_DIR: database.dir ?? os.tmpdir() });
  const base = new URL(platform.baseUrl);
  const admin = await signIn(platform.baseUrl, 'admin', 'akimat-astana');
  const smm = await signIn(platform.baseUrl, 'comms_officer', 'akimat-astana');
  for (const [network, body] of [
    ['telegram', { secret: TG_SECRET, accountRef: String(GROUP_CHAT) }],
    ['vk', { secret: VK_SECRET, confirmation: 'bench123', accountRef: String(VK_GROUP) }],
  ] as const) {
    const res = await fetch(`${platform.baseUrl}/api/v1/social/accounts/${network}`, { method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 200) throw new Error(`connecting ${network}: ${res.status} ${await res.text()}`);
  }

  // Comments: texts of real appeals, cut as people comment; authors from a pool; posts from a
  // pool (so the incident lookup meets posts with hundreds of comments); 60% Telegram, 40% VK.
  const r = rng(opts.seed);
  const texts = loadRussianTexts().map((t) => t.slice(0, 400));
  const now = Math.floor(Date.now() / 1000);
  type Hook = { path: string; body: string; headers: Record<string, string> };
  const distinct: Hook[] = Array.from({ length: opts.comments }, (_, i) => {
    const text = r.pick(texts);
    const post = 1 + Math.floor(r.next() * opts.posts);
    if (r.next() < 0.6) {
      const update = {
        update_id: 1_000_000 + i,
        message: {
          message_id: 10_000 + i,
          from: { id: 5_000_000 + Math.floor(r.next() * 50_000), is_bot: false, first_name: personName(r) },
          chat: { id: GROUP_CHAT, title: 'Астана әкімдігі — талқылау', type: 'supergroup' },
          date: now,
          message_thread_id: post,
          reply_to_message: { message_id: post, chat: { id: GROUP_CHAT, type: 'supergroup' }, date: now - 3600, is_automatic_forward: true, text: 'Пост' },
          text,
        },
      };
      return { path: '/api/v1/social/telegram/akimat-astana', body: JSON.stringify(update), headers: { 'x-telegram-bot-api-secret-token': TG_SECRET } };
    }
    const event = { type: 'wall_reply_new', event_id: `ev${i}`, v: '5.199', group_id: VK_GROUP, secret: VK_SECRET, object: { id: 100_000 + i, from_id: 300_000_000 + Math.floor(r.next() * 50_000), date: now, text, post_id: post, owner_id: -VK_GROUP } };
    return { path: '/api/v1/social/vk/akimat-astana', body: JSON.stringify(event), headers: {} as Record<string, string> };
  });
  // Repeats: the same payload again, later in the stream (a network that did not get its 200 in time).
  const stream: Hook[] = [...distinct];
  for (let i = 0; i < Math.round(opts.comments * opts.repeats); i++) stream.splice(Math.floor(r.next() * stream.length), 0, distinct[Math.floor(r.next() * distinct.length)]);
  console.log(`${distinct.length} distinct comments + ${stream.length - distinct.length} repeats; ${opts.posts} posts; ${opts.concurrency} connections; server pool ${opts.pool}`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency + 2 });
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let done = false;
  const listLatencies: number[] = [];
  const inbox = async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await request(agent, base, 'GET', '/api/v1/social/messages?status=new&limit=50', null, { cookie: smm });
      listLatencies.push(performance.now() - t0);
      if (res.status !== 200) failures.set(`list ${res.status}`, (failures.get(`list ${res.status}`) ?? 0) + 1);
      await new Promise((res) => setTimeout(res, opts['list-interval']));
    }
  };
  const meter = cpuMeter({ 'load generator': () => [process.pid], platform: () => [platform!.pid, ...childPids(platform!.pid)], postgres: () => (database.dir ? postgresPids(database.dir) : []) });
  let next = 0;
  const network = async () => {
    while (next < stream.length) {
      const h = stream[next++];
      const t0 = performance.now();
      const res = await request(agent, base, 'POST', h.path, h.body, h.headers);
      latencies.push(performance.now() - t0);
      if (res.status !== 200) failures.set(`${res.status} ${res.body.slice(0, 100)}`, (failures.get(`${res.status} ${res.body.slice(0, 100)}`) ?? 0) + 1);
    }
  };
  const t0 = performance.now();
  const side = inbox();
  await Promise.all(Array.from({ length: opts.concurrency }, network));
  const seconds = (performance.now() - t0) / 1000;
  done = true;
  await side;
  const cpu = meter();
  agent.destroy();

  const s = summary(latencies);
  const list = summary(listLatencies);
  console.log(`\nWebhook calls: ${latencies.length} in ${seconds.toFixed(1)} s = ${Math.round(latencies.length / seconds)} comments/s`);
  console.log(`  latency p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, p99 ${fmt(s.p99)}, max ${fmt(s.max)}`);
  console.log(`Inbox list (GET /social/messages?status=new&limit=50, every ${opts['list-interval']} ms): ${listLatencies.length} requests, p50 ${fmt(list.p50)}, p95 ${fmt(list.p95)}, p99 ${fmt(list.p99)}`);
  console.log(`  ${describeCpu(cpu)}`);
  console.log(`  CPU per comment: ${cpuPer(cpu, seconds, latencies.length)}`);
  if (failures.size) console.log(`  FAILURES: ${JSON.stringify([...failures])}`);

  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  const { rows } = await check.query(`select count(*)::int n, count(distinct (network, external_id))::int d, count(distinct incident_id)::int i from social_message`);
  await check.end();
  console.log(`  check: ${rows[0].n} stored (expected ${distinct.length}), ${rows[0].d} distinct, ${rows[0].i} incidents`);
  if (rows[0].n !== distinct.length || rows[0].d !== distinct.length || failures.size) process.exitCode = 1;
  const ok = latencies.length / seconds >= 500 && s.p99 <= 50;
  console.log(`\nTarget ≥ 500 comments/s at p99 ≤ 50 ms with deduplication on: ${ok ? 'met' : 'NOT met'} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
} finally {
  await platform?.stop();
  await database.close({ keep: opts.flags.keep });
  if (opts.flags.keep && database.dir) console.log(`kept ${database.dir}`);
}
