// Intake benchmark: N appeals through the real HTTP API (POST /api/v1/appeals) at a given
// concurrency, against a fresh database; then the same rows inserted with one plain
// INSERT per row from SQL, which is the most this PostgreSQL can do and so the limit.
//
//   npm run bench:intake -- [--n 20000] [--concurrency 32] [--warmup 1000] [--pool 32]
//                           [--raw-connections 32] [--language-given 0] [--idempotent 1] [--keep] [--profile] [--waits] [--with-delivery]
//                           [--processes 1]
//
// --processes N runs N platform processes on the one database (each with --pool connections);
// the clients take turns among them, as behind a load balancer.
//
// By default every request is what the platform's web form sends: an Idempotency-Key, and no
// `language` (the platform detects it). --idempotent and --language-given set the shares.
//
// --with-delivery runs the outbox's delivery worker in the platform process, as main.ts does
// (no mail or SMS server is configured, so receipts end 'held'); without it receipts stay queued.
// --waits samples what PostgreSQL's busy backends wait on during the run (lock, WAL, CPU).
// --profile writes a V8 CPU profile of the platform process to $TMPDIR/tyndau-bench-profiles/.
// DATABASE_URL: use that server (a database is created and dropped) instead of an
// embedded PostgreSQL in a temporary folder.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { numberFlags } from './lib/args.ts';
import { freshDatabase } from './lib/database.ts';
import { startPlatform } from './lib/platform.ts';
import { loadRussianTexts, rng } from './lib/corpus.ts';
import { publicAppeal, type BodyRef } from './lib/appeal-mix.ts';
import { childPids, cpuMeter, cpuPer, describeCpu, fmt, postgresPids, summary } from './lib/stats.ts';
import { request } from './lib/http.ts';

const opts = numberFlags({ processes: 1, n: 20_000, concurrency: 32, warmup: 1_000, pool: 32, 'raw-connections': 32, 'language-given': 0, idempotent: 1, seed: 1 }, { keep: 'boolean', profile: 'boolean', waits: 'boolean', 'with-delivery': 'boolean' });

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** Sends every payload with `concurrency` clients in flight; returns latencies (ms) and ids. */
async function drive(agent: http.Agent, bases: URL[], payloads: string[], concurrency: number, idempotent: number, r: ReturnType<typeof rng>) {
  const latencies: number[] = [];
  const ids: string[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const client = async (_: unknown, k: number) => {
    // Each client keeps to one process, as a load balancer's connection would.
    const base = bases[k % bases.length]!;
    while (next < payloads.length) {
      const i = next++;
      const headers: Record<string, string> = r.next() < idempotent ? { 'idempotency-key': `bench-${process.pid}-${i}-${payloads.length}` } : {};
      const t0 = performance.now();
      const res = await request(agent, base, 'POST', '/api/v1/appeals', payloads[i], headers);
      latencies.push(performance.now() - t0);
      if (res.status === 201) ids.push((JSON.parse(res.body) as { id: string }).id);
      else failures.set(`${res.status} ${res.body.slice(0, 120)}`, (failures.get(`${res.status} ${res.body.slice(0, 120)}`) ?? 0) + 1);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  return { seconds: (performance.now() - t0) / 1000, latencies, ids, failures };
}

/** Every 20 ms until stopped: what the platform's PostgreSQL backends in a transaction are doing or waiting on ('idle in transaction' = waiting for the platform). */
function sampleWaits(url: string) {
  const c = new pg.Client({ connectionString: url });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const done = (async () => {
    await c.connect();
    while (running) {
      const { rows } = await c.query(
        `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU') || case when wait_event_type = 'Lock' then ' (' || left(regexp_replace(query, '[[:space:]]+', ' ', 'g'), 60) || ')' else '' end else state end w, count(*)::int n
           from pg_stat_activity where state in ('active', 'idle in transaction') and backend_type = 'client backend' and pid <> pg_backend_pid() group by 1`,
      );
      samples++;
      for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + r.n);
      await new Promise((r) => setTimeout(r, 20));
    }
    await c.end();
  })();
  return async () => {
    running = false;
    await done;
    return [...counts].sort((a, b) => b[1] - a[1]).filter(([, n]) => n / samples >= 0.05).map(([w, n]) => `${w} ${(n / samples).toFixed(1)}`).join(', ');
  };
}

const APPEAL_COLUMNS = [
  'id', 'number', 'access_code_hash', 'body_id', 'channel', 'kind', 'status', 'applicant_type', 'applicant_name', 'applicant_iin', 'applicant_bin',
  'applicant_email', 'applicant_phone', 'preferred_answer', 'language', 'text', 'topic_code', 'address', 'lat', 'lon', 'received_at', 'registered_at',
  'registered_by', 'legal_due_at', 'redirect_due_at',
];

/** The same rows, one INSERT (its own transaction) per row from `connections` connections, into a copy of the table with the same indexes. */
async function rawInsertLimit(url: string, ids: string[], connections: number) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query('drop table if exists bench_raw_appeal; create table bench_raw_appeal (like appeal including all)');
  const { rows } = await admin.query(`select ${APPEAL_COLUMNS.join(', ')} from appeal where id = any($1::uuid[])`, [ids]);
  await admin.end();
  const text = `insert into bench_raw_appeal (${APPEAL_COLUMNS.join(', ')}) values (${APPEAL_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})`;
  const clients = await Promise.all(
    Array.from({ length: connections }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      while (next < rows.length) {
        const row = rows[next++];
        const s = performance.now();
        await c.query({ name: 'raw_insert', text, values: APPEAL_COLUMNS.map((k) => row[k]) });
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return { seconds, rows: rows.length, latencies };
}

const started = Date.now();
console.log(`Tyndau intake benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
const database = await freshDatabase('bench_intake');
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
const others: Array<Awaited<ReturnType<typeof startPlatform>>> = [];
try {
  const platformEnv = { INTAKE_RATE_LIMIT: '1000000000', BENCH_DELIVERY: opts.flags['with-delivery'] ? '1' : '0', DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(opts.pool), TYNDAU_DATA_DIR: database.dir ?? os.tmpdir() };
  const profile = { cpuProfileDir: opts.flags.profile ? path.join(os.tmpdir(), 'tyndau-bench-profiles') : undefined };
  platform = await startPlatform(platformEnv, profile);
  // The first migrated and seeded the database; the others only open it.
  for (let i = 1; i < opts.processes; i++) others.push(await startPlatform(platformEnv, profile));
  const bases = [platform, ...others].map((p) => new URL(p.baseUrl));
  if (others.length) console.log(`${bases.length} platform processes on one database`);
  const settings = new pg.Client({ connectionString: database.url });
  settings.on('error', () => {});
  await settings.connect();
  const show = async (name: string) => (await settings.query(`show ${name}`)).rows[0][name];
  console.log(
    `PostgreSQL ${await show('server_version')} (${database.dir ? 'embedded, temporary folder' : 'DATABASE_URL'}): synchronous_commit=${await show('synchronous_commit')}, fsync=${await show('fsync')}, shared_buffers=${await show('shared_buffers')}; server pool ${opts.pool}`,
  );

  const bodies = (await getJson<{ items: BodyRef[] }>(`${platform.baseUrl}/api/v1/bodies?limit=100`)).items;
  const topics = (await getJson<{ items: { code: string; parentCode: string | null }[] }>(`${platform.baseUrl}/api/v1/topics`)).items.filter((t) => t.parentCode).map((t) => t.code);
  const russian = loadRussianTexts();
  const r = rng(opts.seed);
  const make = (count: number) => Array.from({ length: count }, () => JSON.stringify(publicAppeal(r, bodies, topics, russian, opts['language-given'])));
  const warmup = make(opts.warmup);
  const measured = make(opts.n);
  console.log(`${bodies.length} bodies, ${topics.length} topics, ${russian.length} real Russian texts; language given in ${Math.round(opts['language-given'] * 100)}% of requests, Idempotency-Key in ${Math.round(opts.idempotent * 100)}%`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const w = await drive(agent, bases, warmup, opts.concurrency, opts.idempotent, r);
  if (w.failures.size) throw new Error(`warm-up failures: ${JSON.stringify([...w.failures])}`);

  const meter = cpuMeter({ 'load generator': () => [process.pid], platform: () => [platform!, ...others].flatMap((p) => [p.pid, ...childPids(p.pid)]), postgres: () => (database.dir ? postgresPids(database.dir) : []) });
  const waits = opts.flags.waits ? sampleWaits(database.url) : undefined;
  const run = await drive(agent, bases, measured, opts.concurrency, opts.idempotent, r);
  const cpu = meter();
  const waited = await waits?.();
  agent.destroy();
  const lat = summary(run.latencies);
  console.log(`\nHTTP intake: ${run.ids.length} appeals in ${run.seconds.toFixed(1)} s = ${Math.round(run.ids.length / run.seconds)} appeals/s at concurrency ${opts.concurrency}`);
  console.log(`  latency p50 ${fmt(lat.p50)}, p95 ${fmt(lat.p95)}, p99 ${fmt(lat.p99)}, max ${fmt(lat.max)}`);
  console.log(`  ${describeCpu(cpu)}`);
  console.log(`  CPU per appeal: ${cpuPer(cpu, run.seconds, run.ids.length)}`);
  if (waited) console.log(`  PostgreSQL backends in a transaction, on average: ${waited}`);
  if (run.failures.size) console.log(`  FAILURES: ${JSON.stringify([...run.failures])}`);

  // Each acknowledged appeal must be there with its event and its receipt notification.
  const count = async (q: string) => Number((await settings.query(q, [run.ids])).rows[0].n);
  const appeals = await count('select count(*) n from appeal where id = any($1::uuid[])');
  const events = await count(`select count(*) n from appeal_event where appeal_id = any($1::uuid[]) and type = 'appeal.registered'`);
  const notes = await count('select count(*) n from notification where appeal_id = any($1::uuid[])');
  console.log(`  check: ${appeals} appeals, ${events} registration events, ${notes} receipts committed for ${run.ids.length} acknowledged`);
  await settings.end();
  if (appeals !== run.ids.length || events !== run.ids.length || notes !== run.ids.length) process.exitCode = 1;

  const raw = await rawInsertLimit(database.url, run.ids, opts['raw-connections']);
  const rawLat = summary(raw.latencies);
  console.log(`\nLimit — the same ${raw.rows} rows, one INSERT per row from ${opts['raw-connections']} connections: ${Math.round(raw.rows / raw.seconds)} rows/s`);
  console.log(`  latency p50 ${fmt(rawLat.p50)}, p95 ${fmt(rawLat.p95)}, p99 ${fmt(rawLat.p99)}`);
  console.log(`  HTTP intake reaches ${Math.round((100 * run.ids.length) / run.seconds / (raw.rows / raw.seconds))}% of the raw INSERT rate`);
  const ok = run.ids.length / run.seconds >= 1000 && lat.p99 <= 50;
  console.log(`\nTarget ≥ 1,000 appeals/s at p99 ≤ 50 ms with 32 clients: ${ok ? 'met' : 'NOT met'} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
} finally {
  await Promise.all(others.map((p) => p.stop()));
  await platform?.stop();
  await database.close({ keep: opts.flags.keep });
  if (opts.flags.keep && database.dir) console.log(`kept ${database.dir}`);
}
