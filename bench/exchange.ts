// Exchange benchmark, against a fresh database and the stand-in national system
// (tools/exchange-peer) over real HTTP:
//   1. inbound: N appeals signed by "E-Otinish" posted to POST /api/exchange/v1/appeals at a
//      given concurrency (target ≥ 500 appeals/s with p99 ≤ 50 ms);
//   2. outbound lag at a steady rate (target p99 ≤ 1 s at 50 appeals/s): citizens' appeals
//      to bodies that register their own appeals in E-Otinish, and triage decisions on the
//      exchanged appeals; lag = from Tyndau's answer to the request until the peer has the
//      message (registration or event), both clocks on this machine.
//
//   npm run bench:exchange -- [--n 5000] [--concurrency 32] [--rate 50] [--seconds 20] [--pool 32]
import http from 'node:http';
import { loadConfig } from '../apps/server/src/config.ts';
import { createContext } from '../apps/server/src/context.ts';
import { addSystem } from '../apps/server/src/modules/exchange/index.ts';
import { startPeer, signBody } from '../tools/exchange-peer/peer.ts';
import { numberFlags } from './lib/args.ts';
import { freshDatabase } from './lib/database.ts';
import { startPlatform } from './lib/platform.ts';
import { loadRussianTexts, personName, iinOrBin, rng } from './lib/corpus.ts';
import { fmt, summary } from './lib/stats.ts';
import { request } from './lib/http.ts';
import { signIn } from './lib/sign-in.ts';

const opts = numberFlags({ n: 5_000, concurrency: 32, rate: 50, seconds: 20, pool: 32, seed: 1 });
const SECRET = 'bench-exchange-secret-0123456789abcdef';
const KEY = Buffer.alloc(32, 7).toString('base64');

const db = await freshDatabase('exchange');
const env = { DATABASE_URL: db.url, TYNDAU_SECRET_KEY: KEY, DATABASE_POOL_SIZE: String(opts.pool) };
// Migrations, demo bodies, and the exchange configured as an administrator would (exchange add).
const setup = await createContext(loadConfig({ ...process.env, NODE_ENV: 'production', TYNDAU_DEMO_DATA: '1', ...env }), { seedDemoIfEmpty: true });
const bodies = (await setup.ctx.db.selectFrom('body').select(['id', 'code']).orderBy('code').execute());
const platform = await startPlatform({ ...env, TYNDAU_DEMO_DATA: '1', BENCH_EXCHANGE: '1' });
const peer = await startPeer({ system: 'eotinish', secret: SECRET, tyndauUrl: platform.baseUrl });
await addSystem(setup.ctx, { system: 'eotinish', secret: SECRET, url: peer.url });
await setup.close();

const r = rng(opts.seed);
const texts = loadRussianTexts();
const base = new URL(platform.baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });

function inboundPayload(i: number): string {
  const body = bodies[i % bodies.length];
  return JSON.stringify({
    system: 'eotinish',
    externalId: `bench-${i}`,
    externalNumber: `ЕО-${String(i).padStart(8, '0')}`,
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    bodyCode: body.code,
    kind: r.pick(['complaint', 'application', 'inquiry', 'proposal']),
    text: r.pick(texts),
    applicant: { type: 'individual', name: personName(r), iin: iinOrBin(r, 'iin'), email: `citizen${i}@example.kz` },
    preferredAnswer: 'email',
  });
}

// ---- 1. inbound ----
const warm = Array.from({ length: 300 }, (_, i) => inboundPayload(1_000_000 + i));
const payloads = Array.from({ length: opts.n }, (_, i) => inboundPayload(i));
async function drive(list: string[]) {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const ids: { id: string; bodyCode: string }[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < list.length) {
        const raw = list[next++];
        const s = performance.now();
        const res = await request(agent, base, 'POST', '/api/exchange/v1/appeals', raw, { 'x-tyndau-signature': signBody(SECRET, raw) });
        latencies.push(performance.now() - s);
        if (res.status === 201) ids.push({ id: (JSON.parse(res.body) as { id: string }).id, bodyCode: (JSON.parse(raw) as { bodyCode: string }).bodyCode });
        else failures.set(`${res.status} ${res.body.slice(0, 100)}`, (failures.get(`${res.status} ${res.body.slice(0, 100)}`) ?? 0) + 1);
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, latencies, failures, ids };
}
await drive(warm);
const inbound = await drive(payloads);
const s1 = summary(inbound.latencies);
console.log(`inbound: ${opts.n} appeals, concurrency ${opts.concurrency}: ${(opts.n / inbound.seconds).toFixed(0)} appeals/s; p50 ${fmt(s1.p50)}, p95 ${fmt(s1.p95)}, p99 ${fmt(s1.p99)}, max ${fmt(s1.max)}; failures ${JSON.stringify([...inbound.failures])}`);
// A replay of 500 of them: the same {id, number}, nothing new.
const replay = await drive(payloads.slice(0, 500));
console.log(`replay of 500: ${replay.ids.length} created anew (expected 0), ${[...replay.failures.values()].reduce((a, b) => a + b, 0)} non-201 answers (expected 500, all 200)`);

// ---- 2. outbound lag ----
const officer = await signIn(platform.baseUrl, 'comms_officer', 'akimat-astana');
const admin = await signIn(platform.baseUrl, 'admin', 'akimat-almaty');
const set = await fetch(`${platform.baseUrl}/api/v1/exchange/settings`, { method: 'PUT', headers: { 'content-type': 'application/json', cookie: admin, origin: platform.baseUrl }, body: JSON.stringify({ registerOwnInEotinish: true }) });
if (!set.ok) throw new Error(`settings: ${set.status} ${await set.text()}`);
const almaty = bodies.find((b) => b.code === 'akimat-almaty')!;
const astanaExchanged = inbound.ids.filter((x) => x.bodyCode === 'akimat-astana').map((x) => x.id);

const sentAt = new Map<string, number>(); // appeal id (registration) or "triage:<id>" -> when Tyndau answered
const total = opts.rate * opts.seconds;
const t0 = Date.now();
const pending: Promise<void>[] = [];
let triaged = 0;
for (let i = 0; i < total; i++) {
  const due = t0 + (i * 1000) / opts.rate;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((res) => setTimeout(res, wait));
  if (i % 2 === 0) {
    const raw = JSON.stringify({ bodyId: almaty.id, kind: 'complaint', text: r.pick(texts), applicant: { type: 'individual', name: personName(r), email: `lag${i}@example.kz` }, preferredAnswer: 'email' });
    pending.push(
      request(agent, base, 'POST', '/api/v1/appeals', raw).then((res) => {
        if (res.status === 201) sentAt.set((JSON.parse(res.body) as { id: string }).id, Date.now());
      }),
    );
  } else {
    const id = astanaExchanged[triaged++];
    if (!id) continue;
    pending.push(
      request(agent, base, 'POST', `/api/v1/appeals/${id}/triage`, JSON.stringify({ competence: 'own' }), { cookie: officer, origin: platform.baseUrl }).then((res) => {
        if (res.status === 200) sentAt.set(`triage:${id}`, Date.now());
      }),
    );
  }
}
await Promise.all(pending);
const expected = sentAt.size;
await peer.until(() => {
  let n = 0;
  for (const a of peer.appeals.values()) if (a.origin === 'registered' && a.appealId && sentAt.has(a.appealId)) n++;
  return n + peer.events.length >= expected;
}, 60_000).catch(() => console.log('not everything arrived within 60 s'));
const lags: number[] = [];
for (const a of peer.appeals.values()) {
  const at = a.appealId ? sentAt.get(a.appealId) : undefined;
  if (a.origin === 'registered' && at !== undefined && a.arrivedAt) lags.push(a.arrivedAt - at);
}
const idByExternal = new Map([...peer.appeals.values()].map((a) => [a.externalId, a.appealId]));
for (const e of peer.events) {
  const at = sentAt.get(`triage:${idByExternal.get(e.externalId)}`);
  if (at !== undefined) lags.push(e.receivedAt - at);
}
const s2 = summary(lags);
console.log(`outbound: ${expected} messages at ${opts.rate}/s for ${opts.seconds} s (registrations and triage events); ${lags.length} arrived; lag p50 ${fmt(s2.p50)}, p95 ${fmt(s2.p95)}, p99 ${fmt(s2.p99)}, max ${fmt(s2.max)}; peer replays ${peer.replays}, bad signatures ${peer.badSignatures}`);

agent.destroy();
await peer.close();
await platform.stop();
await db.close();
