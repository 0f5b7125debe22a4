// Public discussion benchmark: a draft act of 200 paragraphs with 1,000 comments (realistic
// Russian texts from the appeals corpus, a third answered) — how fast its public page is
// served: GET /api/v1/drafts/{id}, the one request the page makes (text, comments, answers).
//
//   npm run bench:drafts -- [--paragraphs 200] [--comments 1000] [--requests 300] [--concurrency 4] [--keep]
//
// The draft is published through the API; the comments are written straight into the
// table (the moderation and code paths are not what is measured). Reports the page's size
// and latency p50/p95/p99 at the given concurrency. Target: p99 ≤ 300 ms.
import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { numberFlags } from './lib/args.ts';
import { freshDatabase } from './lib/database.ts';
import { startPlatform } from './lib/platform.ts';
import { loadRussianTexts, personName, rng } from './lib/corpus.ts';
import { fmt, summary } from './lib/stats.ts';
import { signIn } from './lib/sign-in.ts';
import { request } from './lib/http.ts';

const opts = numberFlags({ paragraphs: 200, comments: 1000, requests: 300, concurrency: 4, seed: 11 }, { keep: 'boolean' });

const started = Date.now();
console.log(`Tyndau drafts benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}`);
const database = await freshDatabase('bench_drafts');
let platform: Awaited<ReturnType<typeof startPlatform>> | undefined;
try {
  platform = await startPlatform({ DATABASE_URL: database.url, TYNDAU_DATA_DIR: database.dir ?? os.tmpdir() });
  const base = new URL(platform.baseUrl);
  const r = rng(opts.seed);
  const texts = loadRussianTexts();
  const cookie = await signIn(platform.baseUrl, 'comms_officer', 'akimat-astana');
  const lines: string[] = [];
  for (let i = 0; i < opts.paragraphs; i++) {
    if (i % 5 === 0) lines.push(`# Статья ${i / 5 + 1}. ${r.pick(texts).slice(0, 60)}`);
    lines.push(r.pick(texts).slice(0, 400));
  }
  const closesAt = new Date(Date.now() + 20 * 86_400_000).toISOString();
  const pub = await fetch(`${platform.baseUrl}/api/v1/drafts`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: platform.baseUrl },
    body: JSON.stringify({ title: 'Правила благоустройства города', language: 'ru', closesAt, markdown: lines.join('\n') }),
  });
  if (pub.status !== 201) throw new Error(`publish: ${pub.status} ${await pub.text()}`);
  const draft = (await pub.json()) as { id: string };

  const db = new pg.Client({ connectionString: database.url });
  db.on('error', () => {}); // the database stops at the end
  await db.connect();
  const paras = (await db.query(`select id from discussion_paragraph where discussion_id = $1`, [draft.id])).rows.map((x) => x.id as string);
  const values: unknown[] = [];
  const rows: string[] = [];
  for (let i = 0; i < opts.comments; i++) {
    const answered = i % 3 === 0;
    const at = new Date(Date.now() - (opts.comments - i) * 60_000);
    const p = values.length;
    values.push(draft.id, r.next() < 0.9 ? r.pick(paras) : null, personName(r), `c${i}@example.kz`, r.pick(['for', 'against', 'neutral']), r.pick(texts).slice(0, 800), at, answered ? `Уважаемый ${personName(r)}! Благодарим за предложение. ${r.pick(texts).slice(0, 300)}` : null, answered ? r.pick(['accepted', 'partly_accepted', 'rejected']) : null, answered ? 'Обоснование решения разработчика.' : null, answered ? at : null);
    rows.push(`($${p + 1}::uuid, $${p + 2}::uuid, $${p + 3}, $${p + 4}, 'email', $${p + 5}, $${p + 6}, true, $${p + 7}, $${p + 7}, $${p + 8}, $${p + 9}, $${p + 10}, $${p + 11})`);
  }
  await db.query(
    `insert into discussion_comment (discussion_id, paragraph_id, author_name, contact, contact_kind, stance, text, proposal, created_at, answer_due_at, answer_text, decision, decision_reason, answered_at) values ${rows.join(',')}`,
    values,
  );
  await db.query('analyze discussion_comment');
  await db.end();

  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const first = await request(agent, base, 'GET', `/api/v1/drafts/${draft.id}`, null);
  if (first.status !== 200) throw new Error(`page: ${first.status}`);
  const page = JSON.parse(first.body) as { stats: { comments: number }; paragraphs: unknown[] };
  console.log(`Draft: ${page.paragraphs.length} paragraphs, ${page.stats.comments} comments; page ${(Buffer.byteLength(first.body) / 1024).toFixed(0)} KB of JSON`);
  // Warm-up, then measured requests from `concurrency` readers.
  for (let i = 0; i < 20; i++) await request(agent, base, 'GET', `/api/v1/drafts/${draft.id}`, null);
  const latencies: number[] = [];
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next++ < opts.requests) {
        const s = performance.now();
        const res = await request(agent, base, 'GET', `/api/v1/drafts/${draft.id}`, null, { 'accept-encoding': 'identity' });
        latencies.push(performance.now() - s);
        if (res.status !== 200) throw new Error(`page: ${res.status}`);
      }
    }),
  );
  const seconds = (Date.now() - t0) / 1000;
  agent.destroy();
  const s = summary(latencies);
  console.log(`Page GET /api/v1/drafts/{id}: ${latencies.length} requests in ${seconds.toFixed(1)} s (${opts.concurrency} readers) = ${(latencies.length / seconds).toFixed(0)}/s`);
  console.log(`  latency p50 ${fmt(s.p50)}, p95 ${fmt(s.p95)}, p99 ${fmt(s.p99)}, max ${fmt(s.max)}`);
  const ok = s.p99 <= 300;
  console.log(`\nTarget: a draft with ${opts.comments} comments served in ≤ 300 ms (p99): ${ok ? 'met' : 'NOT met'} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`);
  if (!ok) process.exitCode = 1;
} finally {
  await platform?.stop();
  await database.close({ keep: opts.flags.keep });
}
