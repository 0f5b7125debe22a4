// Telephony benchmark: a PBX simulator replays a day of the Astana contact centre (up to
// 29,000 calls; an answered call is newCall, answer, hangup; a missed one newCall, hangup)
// into POST /api/v1/cti/{token} as fast as it can, JSON over keep-alive HTTP, while public
// intake runs beside it and an operator's console lists the calls.
//
//   npm run bench:calls -- [--calls 29000] [--concurrency 16] [--intake-concurrency 4] [--list-interval 250]
//                          [--missed 0.12] [--pool 32] [--keep]
//
// Calls overlap as on a real PBX: `concurrency` calls are in progress at any moment, each
// sending its events in order. Reports events/s and per-event latency (p50/p95/p99), the
// console list's latency (GET /api/v1/calls?limit=50 as an operator), intake appeals/s, and
// the CPU split; then checks that every call is stored with the state its events mean.
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { numberFlags } from './lib/args.ts';
import { freshDatabase } from './lib/database.ts';
import { startPlatform } from './lib/platform.ts';
import { loadRussianTexts, rng } from './lib/corpus.ts';
import { publicAppeal, type BodyRef } from './lib/appeal-mix.ts';
import { childPids, cpuMeter, cpuPer, describeCpu, fmt, postgresPids, summary } from './lib/stats.ts';
import { signIn } from './lib/sign-in.ts';
import { request } from './lib/http.ts';

const opts = numberFlags({ calls: 29_000, concurrency: 16, 'intake-concurrency': 4, 'list-interval': 250, missed: 0.12, pool: 32, seed: 7 }, { keep: 'boolean' });

interface SimCall {
  callId: string;
  from: string;
  to: string;
  answered: boolean;
  cause: string;
  agent: string;
}

const started = Date.now();
console.log(`Tyndau telephony benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
const database = await freshDatabase('bench_calls');
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
try {
  platform = await startPlatform({
    INTAKE_RATE_LIMIT: '1000000000',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(opts.pool),
    TYNDAU_DATA_DIR: database.dir ?? os.tmpdir(),
  });
  const base = new URL(platform.baseUrl);
  const admin = await signIn(platform.baseUrl, 'admin', 'akimat-astana');
  const operator = await signIn(platform.baseUrl, 'operator', 'akimat-astana');
  const tokenRes = await fetch(`${platform.baseUrl}/api/v1/cti/token`, { headers: { cookie: admin } });
  const { token } = (await tokenRes.json()) as { token: string };
  const lines = ((await (await fetch(`${platform.baseUrl}/api/v1/cti/lines`, { headers: { cookie: admin } })).json()) as { items: { number: string; channel: string }[] }).items;
  const callCentre = lines.find((l) => l.channel === 'call_centre')!.number;
  const trustPhone = lines.find((l) => l.channel === 'trust_phone')!.number;

  // A day of calls: most to the call-centre line, a few to the trust phone; callers from a
  // pool of numbers (people call again); 40 operators.
  const r = rng(opts.seed);
  const calls: SimCall[] = Array.from({ length: opts.calls }, (_, i) => {
    const answered = r.next() >= opts.missed;
    return {
      callId: `astana-${process.pid}-${i}`,
      from: `+7701${String(1_000_000 + Math.floor(r.next() * 8_000_000)).padStart(7, '0')}`,
      to: r.next() < 0.03 ? trustPhone : callCentre,
      answered,
      cause: answered ? 'normalClearing' : r.pick(['cancel', 'cancel', 'noAnswer', 'busy']),
      agent: `Оператор ${1 + Math.floor(r.next() * 40)}`,
    };
  });
  const eventCount = calls.reduce((n, c) => n + (c.answered ? 3 : 2), 0);
  console.log(`${calls.length} calls (${Math.round(opts.missed * 100)}% missed), ${eventCount} events; ${opts.concurrency} calls in progress at once; server pool ${opts.pool}`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency + opts['intake-concurrency'] + 2 });
  const path = `/api/v1/cti/${token}`;
  const eventLatencies: number[] = [];
  const failures = new Map<string, number>();
  const send = async (event: Record<string, string>) => {
    const t0 = performance.now();
    const res = await request(agent, base, 'POST', path, JSON.stringify(event));
    eventLatencies.push(performance.now() - t0);
    if (res.status !== 200) failures.set(`${res.status} ${res.body.slice(0, 100)}`, (failures.get(`${res.status} ${res.body.slice(0, 100)}`) ?? 0) + 1);
  };

  // Intake beside it: citizens on the website, as bench:intake sends them.
  const bodies = ((await (await fetch(`${platform.baseUrl}/api/v1/bodies?limit=100`)).json()) as { items: BodyRef[] }).items;
  const topics = ((await (await fetch(`${platform.baseUrl}/api/v1/topics`)).json()) as { items: { code: string; parentCode: string | null }[] }).items.filter((t) => t.parentCode).map((t) => t.code);
  const russian = loadRussianTexts();
  let pbxDone = false;
  let appeals = 0;
  const intake = async () => {
    while (!pbxDone) {
      const res = await request(agent, base, 'POST', '/api/v1/appeals', JSON.stringify(publicAppeal(r, bodies, topics, russian)));
      if (res.status === 201) appeals++;
    }
  };
  // The console: an operator's list of calls, every list-interval ms.
  const listLatencies: number[] = [];
  const console_ = async () => {
    while (!pbxDone) {
      const t0 = performance.now();
      const res = await request(agent, base, 'GET', '/api/v1/calls?limit=50', null, { cookie: operator });
      listLatencies.push(performance.now() - t0);
      if (res.status !== 200) failures.set(`list ${res.status}`, (failures.get(`list ${res.status}`) ?? 0) + 1);
      await new Promise((res) => setTimeout(res, opts['list-interval']));
    }
  };

  const meter = cpuMeter({ 'load generator': () => [process.pid], platform: () => [platform!.pid, ...childPids(platform!.pid)], postgres: () => (database.dir ? postgresPids(database.dir) : []) });
  let next = 0;
  const pbxLine = async () => {
    while (next < calls.length) {
      const c = calls[next++];
      const ev = { callId: c.callId, from: c.from, to: c.to, direction: 'in' };
      await send({ ...ev, event: 'newCall', queue: 'general' });
      if (c.answered) await send({ ...ev, event: 'answer', user: c.agent });
      await send({ ...ev, event: 'hangup', cause: c.cause });
    }
  };
  const t0 = performance.now();
  const side = [...Array.from({ length: opts['intake-concurrency'] }, intake), console_()];
  await Promise.all(Array.from({ length: opts.concurrency }, pbxLine));
  const seconds = (performance.now() - t0) / 1000;
  pbxDone = true;
  await Promise.all(side);
  const cpu = meter();
  agent.destroy();

  const ev = summary(eventLatencies);
  const list = summary(listLatencies);
  console.log(`\nCTI events: ${eventLatencies.length} in ${seconds.toFixed(1)} s = ${Math.round(eventLatencies.length / seconds)} events/s (${Math.round(calls.length / seconds)} calls/s)`);
  console.log(`  latency p50 ${fmt(ev.p50)}, p95 ${fmt(ev.p95)}, p99 ${fmt(ev.p99)}, max ${fmt(ev.max)}`);
  console.log(`Intake beside it: ${appeals} appeals = ${Math.round(appeals / seconds)} appeals/s (${opts['intake-concurrency']} clients)`);
  console.log(`Console list (GET /calls?limit=50, every ${opts['list-interval']} ms): ${listLatencies.length} requests, p50 ${fmt(list.p50)}, p95 ${fmt(list.p95)}, p99 ${fmt(list.p99)}`);
  console.log(`  ${describeCpu(cpu)}`);
  console.log(`  CPU per event: ${cpuPer(cpu, seconds, eventLatencies.length + appeals)} (events and appeals counted together)`);
  if (failures.size) console.log(`  FAILURES: ${JSON.stringify([...failures])}`);

  // Every call stored, with the state its events mean, and every missed one queued for a callback.
  const check = new pg.Client({ connectionString: database.url });
  await check.connect();
  const { rows } = await check.query(`select state, count(*)::int n from call where call_id like $1 group by state`, [`astana-${process.pid}-%`]);
  const byState = Object.fromEntries(rows.map((x) => [x.state, x.n]));
  const callbacks = Number((await check.query(`select count(*) n from call_callback cb join call c on c.id = cb.call_id where c.call_id like $1`, [`astana-${process.pid}-%`])).rows[0].n);
  await check.end();
  const answered = calls.filter((c) => c.answered).length;
  const missed = calls.length - answered;
  console.log(`  check: ${byState.ended ?? 0} ended (expected ${answered}), ${byState.missed ?? 0} missed (expected ${missed}), ${callbacks} callbacks queued (expected ${missed})`);
  if ((byState.ended ?? 0) !== answered || (byState.missed ?? 0) !== missed || callbacks !== missed || failures.size) process.exitCode = 1;
  const ok = eventLatencies.length / seconds >= 500 && ev.p99 <= 50;
  console.log(`\nTarget ≥ 500 events/s at p99 ≤ 50 ms: ${ok ? 'met' : 'NOT met'} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
} finally {
  await platform?.stop();
  await database.close({ keep: opts.flags.keep });
  if (opts.flags.keep && database.dir) console.log(`kept ${database.dir}`);
}
