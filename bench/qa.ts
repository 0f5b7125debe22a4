// Public Q&A benchmark: 100,000 published questions with answers (real Russian appeals from
// ../shared/data and generated Kazakh ones, loaded as a register by lib/register-load.ts and
// published as public questions), then the public page's queries through the real HTTP API
// (GET /api/v1/qa, no session), one request at a time:
//   - the newest page of all bodies, and of one body                target p95 ≤ 100 ms
//   - search: a Russian word (stemmed), a Kazakh word (trigram)      target p95 ≤ 100 ms
//   - search within one body, and one topic                          target p95 ≤ 100 ms
//
//   npm run bench:qa -- [--rows 100000] [--samples 100]
import os from 'node:os';
import pg from 'pg';
import { numberFlags } from './lib/args.ts';
import { freshDatabase } from './lib/database.ts';
import { startPlatform } from './lib/platform.ts';
import { loadRegister } from './lib/register-load.ts';
import { fmt, summary } from './lib/stats.ts';
import { rng } from './lib/corpus.ts';

const opts = numberFlags({ rows: 100_000, samples: 100, seed: 5 });
const RUSSIAN_WORDS = ['мусор', 'лифт', 'протечка', 'освещение', 'подъезд', 'парковка', 'снег', 'отопление', 'крыша', 'светофор', 'двор', 'ремонт'];
const KAZAKH_WORDS = ['қоқыс', 'жылу', 'автобус', 'кәріз', 'балабақша', 'зейнетақы', 'тротуар', 'шұңқыр', 'емхана', 'ағаштар'];
const TARGET = 100;

console.log(`Tyndau public Q&A benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
const database = await freshDatabase('bench_qa');
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
try {
  platform = await startPlatform({ DATABASE_URL: database.url, TYNDAU_DATA_DIR: database.dir ?? os.tmpdir() });
  const c = new pg.Client({ connectionString: database.url });
  c.on('error', () => {});
  await c.connect();
  let t0 = performance.now();
  await loadRegister(database.url, { rows: opts.rows, now: new Date(), events: false, log: (m) => console.log(m) });
  // Every loaded appeal becomes a published question with an answer (its text, shortened: the
  // edited question; an answer sentence with the same words, as real answers repeat them).
  await c.query(`
    insert into public_question (appeal_id, body_id, channel, topic_code, language, consent, received_at, moderation,
                                 published_question, answer_text, answered_at, answered_on_time, published_at)
    select id, body_id, 'online_qa', topic_code, language, true, received_at, 'published',
           left(text, 1000), 'Ответ: ' || left(text, 300), received_at + interval '5 days', true, received_at + interval '1 day'
      from appeal order by received_at desc limit ${opts.rows}
    on conflict (appeal_id) do nothing`);
  await c.query('vacuum analyze public_question');
  const n = Number((await c.query(`select count(*) n from public_question where moderation = 'published'`)).rows[0].n);
  console.log(`${n.toLocaleString('en')} published questions in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const astana = (await c.query(`select code from body where code = 'akimat-astana'`)).rows[0].code as string;
  const topics = (await c.query(`select distinct topic_code from public_question where topic_code is not null limit 20`)).rows.map((r) => r.topic_code as string);
  await c.end();

  const r = rng(opts.seed);
  const kinds: Array<[string, () => string]> = [
    ['newest page, all bodies', () => ''],
    ['newest page, one body', () => `body=${astana}`],
    ['search, Russian word', () => `q=${encodeURIComponent(r.pick(RUSSIAN_WORDS))}`],
    ['search, Kazakh word', () => `q=${encodeURIComponent(r.pick(KAZAKH_WORDS))}`],
    ['search in one body', () => `body=${astana}&q=${encodeURIComponent(r.pick(RUSSIAN_WORDS))}`],
    ['one topic', () => `topic=${encodeURIComponent(r.pick(topics))}`],
  ];
  let failed = false;
  for (const [name, query] of kinds) {
    const ms: number[] = [];
    let rows = 0;
    for (let i = 0; i < opts.samples + 5; i++) {
      t0 = performance.now();
      const res = await fetch(`${platform.baseUrl}/api/v1/qa?${query()}`);
      const body = (await res.json()) as { items?: unknown[] };
      if (res.status !== 200) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      if (i >= 5) {
        ms.push(performance.now() - t0);
        rows += body.items?.length ?? 0;
      }
    }
    const s = summary(ms);
    const ok = s.p95 <= TARGET ? 'ok' : `OVER ${TARGET} ms`;
    if (s.p95 > TARGET) failed = true;
    console.log(`${name.padEnd(28)} p50 ${fmt(s.p50).padStart(9)}  p95 ${fmt(s.p95).padStart(9)}  max ${fmt(s.max).padStart(9)}  (${(rows / opts.samples).toFixed(0)} rows/page)  ${ok}`);
  }
  process.exitCode = failed ? 1 : 0;
} finally {
  await platform?.stop();
  await database.close();
}
