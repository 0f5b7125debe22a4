// Register benchmark: loads a realistic register (default 2,000,000 appeals over two years,
// see lib/register-load.ts) and times the staff's queries on it through the real HTTP API
// (GET /api/v1/appeals: session, access rules, listAppeals, masking), one request at a time,
// as the communications officer of the busiest body (Astana akimat):
//   - the staff list: first page, no filter                        target p95 ≤ 50 ms
//   - a filter: status + channel + topic                            target p95 ≤ 50 ms
//   - text search: a Russian word, a Kazakh word                    target p95 ≤ 200 ms
// and, for information, a deep page (keyset cursor), overdue, and the analyst's list of all bodies.
//
//   npm run bench:register -- [--rows 2000000 | --appeals 20000000] [--samples 100] [--keep] [--skip-events] [--slowest]
//
// Then the KPIs: the pre-aggregate is rebuilt for the whole loaded register (timed), and a
// year's dashboard is timed for one body (head of Astana akimat: totals, by day, by
// channel) and for all bodies (the analyst's league table)      target p95 ≤ 300 ms;
// the platform's peak memory (VmHWM, target ≤ 512 MB) and the database's size are printed.
//
// --slowest prints the three slowest requests of each kind.
// --keep leaves the loaded database in its temporary folder (printed); BENCH_REGISTER_DIR=<that
// folder> measures it again without loading. DATABASE_URL: a database is created on that
// server instead of an embedded PostgreSQL (and dropped unless --keep).
import os from 'node:os';
import pg from 'pg';
import { numberFlags } from './lib/args.ts';
import { freshDatabase, reuseDatabase } from './lib/database.ts';
import { startPlatform } from './lib/platform.ts';
import { loadRegister } from './lib/register-load.ts';
import { fmt, summary } from './lib/stats.ts';
import { rng } from './lib/corpus.ts';
import { signIn } from './lib/sign-in.ts';

const opts = numberFlags({ rows: 2_000_000, appeals: 0, samples: 100, seed: 3 }, { keep: 'boolean', 'skip-events': 'boolean', slowest: 'boolean' });
const log = (msg: string) => console.log(msg);
// --appeals is the issue's name for the size; --rows the older one.
if (opts.appeals) opts.rows = opts.appeals;

// Words a communications officer looks for. Russian ones are found by stemming (мусор finds
// мусора, мусором); Kazakh ones by trigram.
const RUSSIAN_WORDS = ['мусор', 'лифт', 'протечка', 'освещение', 'подъезд', 'парковка', 'снег', 'отопление', 'крыша', 'светофор', 'граффити', 'двор'];
const KAZAKH_WORDS = ['қоқыс', 'жылу', 'автобус', 'кәріз', 'балабақша', 'зейнетақы', 'тротуар', 'шұңқыр', 'емхана', 'ағаштар'];
const STATUSES = ['registered', 'in_work', 'awaiting_applicant', 'answered', 'closed'];
const CHANNELS = ['website', 'egov', 'eotinish', 'call_centre', 'hand_delivered', 'personal_reception', 'social_media', 'trust_phone'];

interface Timing {
  name: string;
  target?: number;
  ms: number[];
  rows: number[];
  queries: string[];
}


async function time(base: string, cookie: string, t: Timing, query: () => string, samples: number) {
  const get = async () => {
    const q = query();
    const t0 = performance.now();
    const res = await fetch(`${base}/api/v1/appeals?${q}`, { headers: { cookie } });
    const body = (await res.json()) as { items?: unknown[]; nextCursor?: string | null };
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${t.name}: ${res.status} ${JSON.stringify(body)}`);
    return { ms, rows: body.items?.length ?? 0, q };
  };
  for (let i = 0; i < 5; i++) await get();
  for (let i = 0; i < samples; i++) {
    const r = await get();
    t.ms.push(r.ms);
    t.rows.push(r.rows);
    t.queries.push(decodeURIComponent(r.q));
  }
}

const started = Date.now();
console.log(`Tyndau register benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
const reuse = process.env.BENCH_REGISTER_DIR;
const database = reuse ? await reuseDatabase(reuse) : await freshDatabase('bench_register');
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
try {
  // The platform migrates and loads the demo bodies and staff; the register is loaded beside it.
  platform = await startPlatform({ LOGIN_RATE_LIMIT: '100000', DATABASE_URL: database.url, TYNDAU_DATA_DIR: database.dir ?? os.tmpdir() });
  const c = new pg.Client({ connectionString: database.url });
  c.on('error', () => {});
  await c.connect();
  const show = async (name: string) => (await c.query(`show ${name}`)).rows[0][name];
  console.log(`PostgreSQL ${await show('server_version')} (${database.dir ? 'embedded' : 'DATABASE_URL'}), shared_buffers=${await show('shared_buffers')}, work_mem=${await show('work_mem')}`);
  const existing = Number((await c.query('select count(*) n from appeal')).rows[0].n);
  if (existing < opts.rows) {
    console.log(`\nLoading ${opts.rows.toLocaleString('en')} appeals …`);
    const t0 = performance.now();
    await loadRegister(database.url, { rows: opts.rows, now: new Date(), events: !opts.flags['skip-events'], log });
    console.log(`  loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } else {
    console.log(`\nReusing the loaded register: ${existing.toLocaleString('en')} appeals`);
  }
  const perBody = (await c.query(`select b.code, count(*)::int n from appeal a join body b on b.id = a.body_id group by 1 order by 2 desc`)).rows as { code: string; n: number }[];
  console.log(`  busiest bodies: ${perBody.slice(0, 3).map((b) => `${b.code} ${b.n.toLocaleString('en')}`).join(', ')}; quietest: ${perBody.at(-1)?.code} ${perBody.at(-1)?.n.toLocaleString('en')}`);
  const topics = (await c.query(`select distinct split_part(topic_code, '.', 1) parent, topic_code from body_topic t join body b on b.id = t.body_id where b.code = 'akimat-astana'`)).rows as { parent: string; topic_code: string }[];
  await c.end();

  const base = platform.baseUrl;
  const officer = await signIn(base, 'comms_officer', 'akimat-astana');
  const analyst = await signIn(base, 'analyst', 'min-info');
  const r = rng(opts.seed);
  const n = opts.samples;
  const timings: Timing[] = [
    { name: 'staff list, first page (50)', target: 50, ms: [], rows: [], queries: [] },
    { name: 'filter: status + channel + topic', target: 50, ms: [], rows: [], queries: [] },
    { name: 'text search, a Russian word', target: 200, ms: [], rows: [], queries: [] },
    { name: 'text search, a Kazakh word', target: 200, ms: [], rows: [], queries: [] },
    { name: '(info) page 20 by keyset cursor', ms: [], rows: [], queries: [] },
    { name: '(info) overdue', ms: [], rows: [], queries: [] },
    { name: '(info) analyst: all bodies, first page', ms: [], rows: [], queries: [] },
  ];
  const [list, filter, ru, kk, deep, overdue, all] = timings;
  console.log(`\nTiming ${n} requests of each kind, one at a time, as comms-officer@akimat-astana …`);
  await time(base, officer, list, () => 'limit=50', n);
  await time(base, officer, filter, () => {
    const t = r.pick(topics);
    return new URLSearchParams({ status: r.pick(STATUSES), channel: r.pick(CHANNELS), topic: r.next() < 0.5 ? t.parent : t.topic_code, limit: '50' }).toString();
  }, n);
  await time(base, officer, ru, () => new URLSearchParams({ q: r.pick(RUSSIAN_WORDS), limit: '50' }).toString(), n);
  await time(base, officer, kk, () => new URLSearchParams({ q: r.pick(KAZAKH_WORDS), limit: '50' }).toString(), n);
  // A cursor 19 pages down, taken once, then the 20th page timed.
  let cursor = '';
  for (let i = 0; i < 19; i++) {
    const res = (await (await fetch(`${base}/api/v1/appeals?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie: officer } })).json()) as { nextCursor: string };
    cursor = res.nextCursor;
  }
  await time(base, officer, deep, () => `limit=50&cursor=${cursor}`, n);
  await time(base, officer, overdue, () => 'limit=50&overdue=true', n);
  await time(base, analyst, all, () => 'limit=50', n);

  // KPIs: the loader writes rows straight into the register (no events), so every slice is
  // marked and the platform's own refresh rebuilds them, as a migration's backfill would.
  const kc = new pg.Client({ connectionString: database.url });
  kc.on('error', () => {});
  await kc.connect();
  await kc.query(`insert into kpi_dirty_slice (body_id, day) select distinct body_id, (received_at at time zone 'Asia/Almaty')::date from appeal on conflict do nothing`);
  const k0 = performance.now();
  const slicesMarked = Number((await kc.query('select count(*) n from kpi_dirty_slice')).rows[0].n);
  for (;;) {
    const left = Number((await kc.query('select (select count(*) from kpi_dirty_slice) + (select count(*) from kpi_dirty_appeal) n')).rows[0].n);
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const kpiRows = Number((await kc.query('select count(*) n from kpi_daily')).rows[0].n);
  console.log(`\nKPI pre-aggregate rebuilt by the platform's refresh: ${slicesMarked.toLocaleString('en')} (body, day) slices -> ${kpiRows.toLocaleString('en')} kpi_daily rows in ${((performance.now() - k0) / 1000).toFixed(0)} s`);
  const astanaId = (await kc.query(`select id from body where code = 'akimat-astana'`)).rows[0].id as string;
  const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() + 5 * 3_600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
  const head = await signIn(base, 'head', 'akimat-astana');
  const kpiTimings: Timing[] = [
    { name: 'dashboard, one body, a year: totals', target: 300, ms: [], rows: [], queries: [] },
    { name: 'dashboard, one body, a year: by day', target: 300, ms: [], rows: [], queries: [] },
    { name: 'dashboard, one body, a year: by channel', target: 300, ms: [], rows: [], queries: [] },
    { name: 'dashboard, all bodies, a year: league', target: 300, ms: [], rows: [], queries: [] },
    { name: 'dashboard, all bodies, a year: by topic', target: 300, ms: [], rows: [], queries: [] },
  ];
  const kpiTime = async (cookie: string, t: Timing, path: string) => {
    const get = async () => {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/${path}`, { headers: { cookie } });
      const body = (await res.json()) as { groups?: unknown[] };
      if (res.status !== 200) throw new Error(`${t.name}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, rows: body.groups?.length ?? 0 };
    };
    for (let i = 0; i < 3; i++) await get();
    for (let i = 0; i < n; i++) {
      const r = await get();
      t.ms.push(r.ms);
      t.rows.push(r.rows);
      t.queries.push(path);
    }
  };
  const year = `from=${yearAgo}&to=${today}`;
  await kpiTime(head, kpiTimings[0]!, `kpi?${year}&bodyId=${astanaId}`);
  await kpiTime(head, kpiTimings[1]!, `kpi?${year}&bodyId=${astanaId}&groupBy=day`);
  await kpiTime(head, kpiTimings[2]!, `kpi?${year}&bodyId=${astanaId}&groupBy=channel`);
  await kpiTime(analyst, kpiTimings[3]!, `kpi/league?${year}`);
  await kpiTime(analyst, kpiTimings[4]!, `kpi?${year}&groupBy=topic`);
  timings.push(...kpiTimings);
  const size = (await kc.query('select pg_size_pretty(pg_database_size(current_database())) s, pg_size_pretty(pg_total_relation_size(\'kpi_daily\')) k')).rows[0] as { s: string; k: string };
  await kc.end();
  let peak = '';
  try {
    const status = (await import('node:fs')).readFileSync(`/proc/${platform.pid}/status`, 'utf8');
    peak = /VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? '';
  } catch {
    // not Linux: no /proc
  }
  console.log(`Database size ${size.s} (kpi_daily ${size.k}); platform peak memory ${peak ? `${Math.round(Number(peak) / 1024)} MB (target ≤ 512 MB)` : 'unknown'}`);

  console.log('');
  let met = true;
  for (const t of timings) {
    const s = summary(t.ms);
    const ok = t.target === undefined ? '' : s.p95 <= t.target ? `  ✓ ≤ ${t.target} ms` : `  ✗ target ${t.target} ms`;
    if (t.target !== undefined && s.p95 > t.target) met = false;
    const rows = t.rows.reduce((a, b) => a + b, 0) / t.rows.length;
    console.log(`${t.name.padEnd(40)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  max ${fmt(s.max).padStart(9)}  (${rows.toFixed(0)} rows/page)${ok}`);
  }
  if (opts.flags.slowest) {
    for (const t of timings) {
      const slow = t.ms.map((ms, i) => ({ ms, q: t.queries[i] })).sort((a, b) => b.ms - a.ms).slice(0, 3);
      console.log(`  slowest ${t.name}: ${slow.map((x) => `${fmt(x.ms)} ${x.q}`).join(' | ')}`);
    }
  }
  console.log(`\nTargets ${met ? 'met' : 'NOT met'} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
} finally {
  await platform?.stop();
  await database.close({ keep: opts.flags.keep || !!reuse });
  if ((opts.flags.keep || reuse) && database.dir) console.log(`kept ${database.dir} (BENCH_REGISTER_DIR=${database.dir} measures it again)`);
}
