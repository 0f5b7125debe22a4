// Loads a realistic register into a migrated database with demo bodies: appeals over two
// years across the bodies (big cities most), topics from each body's competence, channels,
// kinds, applicants, statuses by age (old ones closed, recent ones in work), units and
// executors, terms, and their `appeal.registered` events plus one status event each.
// Texts: real Russian appeals from ../shared/data, read at run time, and generated Kazakh
// and English ones. Rows are made by INSERT … SELECT over generate_series in batches, with
// the secondary indexes of appeal and appeal_event dropped during the load and rebuilt after.
import pg from 'pg';
import { englishText, kazakhText, loadRussianTexts, rng } from './corpus.ts';
import { KIND_WEIGHT } from './appeal-mix.ts';

/** Channels of the study with their relative shares. */
export const CHANNEL_MIX: [string, number][] = [
  ['website', 30], ['egov', 15], ['eotinish', 15], ['mobile_app', 8], ['call_centre', 8], ['hand_delivered', 6], ['personal_reception', 4],
  ['front_office', 3], ['social_media', 3], ['online_qa', 2], ['head_blog', 1.5], ['contact_centre', 1.5], ['public_reception', 1],
  ['open_government', 1], ['trust_phone', 0.5], ['api', 0.5],
];

const KIND_MIX: [string, number][] = [['complaint', 40], ['application', 30], ['inquiry', 12], ['proposal', 10], ['feedback', 5], ['message', 3]];

type Log = (msg: string) => void;

async function timed<T>(log: Log, what: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await fn();
  log(`  ${what}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

/** A weighted pick as a lookup table with cumulative ranges [lo, hi) over 0..1. */
async function rangeTable(c: pg.Client, name: string, rows: [string, number][]) {
  const total = rows.reduce((s, [, w]) => s + w, 0);
  let lo = 0;
  const values = rows.map(([v, w]) => {
    const r = { v, lo: lo / total, hi: (lo + w) / total };
    lo += w;
    return r;
  });
  values[values.length - 1].hi = 1.000001;
  await c.query(`create temp table ${name} (v text, lo float8, hi float8)`);
  await c.query(`insert into ${name} select * from unnest($1::text[], $2::float8[], $3::float8[])`, [values.map((x) => x.v), values.map((x) => x.lo), values.map((x) => x.hi)]);
}

export async function loadRegister(url: string, opts: { rows: number; now: Date; events: boolean; log: Log }) {
  const { log } = opts;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`set maintenance_work_mem = '512MB'; set work_mem = '64MB'; set synchronous_commit = off`);
    // The rows are consistent by construction: skip the foreign-key triggers where allowed (superuser).
    await c.query('set session_replication_role = replica').catch(() => log('  (foreign keys are checked: not a superuser)'));
    const r = rng(7);

    // Texts: the real Russian corpus and generated Kazakh and English ones, numbered per language.
    const russian = loadRussianTexts();
    const kazakh = [...new Set(Array.from({ length: 60_000 }, () => kazakhText(r)))];
    const english = [...new Set(Array.from({ length: 500 }, () => englishText(r)))];
    await c.query('create temp table bench_text (lang text, i int, text text, primary key (lang, i))');
    for (const [lang, list] of [['ru', russian], ['kk', kazakh], ['en', english]] as const) {
      for (let s = 0; s < list.length; s += 10_000) {
        const part = list.slice(s, s + 10_000);
        await c.query(`insert into bench_text select $1, s + $2, t from unnest($3::text[]) with ordinality as u(t, s)`, [lang, s - 1, part]);
      }
    }
    await c.query('create temp table bench_text_count as select lang, count(*)::int n from bench_text group by lang');
    log(`  texts: ${russian.length} real Russian, ${kazakh.length} Kazakh, ${english.length} English`);

    // Bodies by weight, with their prefix, executor and competence.
    const bodies = (await c.query(`select b.id, b.kind, coalesce(b.settings->>'numberPrefix', upper(b.code)) prefix from body b order by b.code`)).rows as { id: string; kind: string; prefix: string }[];
    await rangeTable(c, 'bench_body_pick', bodies.map((b) => [b.id, KIND_WEIGHT[b.kind] ?? 1]));
    await c.query(`create temp table bench_body as
      select b.id, coalesce(b.settings->>'numberPrefix', upper(b.code)) prefix,
             (select u.id from staff_user u where u.body_id = b.id and u.role = 'executor' order by u.email limit 1) executor_id
        from body b`);
    await c.query(`create temp table bench_topic as
      select body_id, (row_number() over (partition by body_id order by topic_code)) - 1 i, topic_code, unit_id from body_topic`);
    await c.query('create temp table bench_topic_count as select body_id, count(*)::int n from bench_topic group by body_id');
    await rangeTable(c, 'bench_channel', CHANNEL_MIX);
    await rangeTable(c, 'bench_kind', KIND_MIX);
    await rangeTable(c, 'bench_lang', [['ru', 70], ['kk', 26], ['en', 4]]);
    await c.query('analyze bench_text, bench_body, bench_topic, bench_body_pick, bench_channel, bench_kind, bench_lang');

    // Secondary indexes of appeal and appeal_event are rebuilt after the load, from their own definitions.
    const indexes = (
      await c.query(`select i.indexname, i.indexdef from pg_indexes i
                      where i.schemaname = 'public' and i.tablename in ('appeal', 'appeal_event')
                        and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`)
    ).rows as { indexname: string; indexdef: string }[];
    for (const i of indexes) await c.query(`drop index ${i.indexname}`);

    const spanMs = 2 * 365 * 86_400_000;
    const start = new Date(opts.now.getTime() - spanMs);
    const batch = 200_000;
    await c.query('select setseed(0.42)');
    await timed(log, `${opts.rows.toLocaleString('en')} appeals`, async () => {
      for (let from = 1; from <= opts.rows; from += batch) {
        const to = Math.min(opts.rows, from + batch - 1);
        // Row g is received at its slot of the two years (so batches follow time and numbers
        // run in order), with the body, topic, channel, … drawn at random.
        await c.query(
          `with x as (
             select g, random() rb, random() rt, random() rc, random() rk, random() rl, random() rx, random() rs, random() ra, random() rp,
                    date_trunc('milliseconds', $3::timestamptz + ((g - 1 + random()) * $4::float8 / $5::float8) * interval '1 millisecond') received_at
               from generate_series($1::int, $2::int) g),
           y as (
             select x.*, bp.v::uuid body_id, ch.v channel, kd.v kind, lg.v lang,
                    extract(year from (x.received_at at time zone 'UTC') + interval '5 hours')::int yr,
                    extract(epoch from ($6::timestamptz - x.received_at)) / 86400 age_days
               from x
               join bench_body_pick bp on x.rb >= bp.lo and x.rb < bp.hi
               join bench_channel ch on x.rc >= ch.lo and x.rc < ch.hi
               join bench_kind kd on x.rk >= kd.lo and x.rk < kd.hi
               join bench_lang lg on x.rl >= lg.lo and x.rl < lg.hi),
           z as (
             select y.*, row_number() over (partition by y.body_id, y.yr order by y.received_at, y.g) rn,
                    case
                      when y.age_days > 60 then case when y.rs < 0.70 then 'closed' when y.rs < 0.85 then 'answered' when y.rs < 0.90 then 'redirected'
                                                     when y.rs < 0.93 then 'left_without_consideration' when y.rs < 0.98 then 'in_work' else 'registered' end
                      when y.age_days > 15 then case when y.rs < 0.30 then 'closed' when y.rs < 0.70 then 'answered' when y.rs < 0.92 then 'in_work'
                                                     when y.rs < 0.96 then 'awaiting_applicant' else 'registered' end
                      else case when y.rs < 0.40 then 'registered' when y.rs < 0.85 then 'in_work' when y.rs < 0.90 then 'awaiting_applicant' else 'answered' end
                    end status
               from y),
           ins as (
           insert into appeal (number, access_code_hash, body_id, channel, kind, status, applicant_type, applicant_name, applicant_iin, applicant_bin,
                               applicant_email, applicant_phone, preferred_answer, language, text, topic_code, address, received_at, registered_at,
                               unit_id, executor_id, difficulty, legal_due_at, redirect_due_at, resolution, answered_at, closed_at)
           select b.prefix || '-' || z.yr || '-' || lpad((coalesce(an.last, 0) + z.rn)::text, 6, '0'),
                  md5(z.g::text || 'code'),
                  z.body_id, z.channel, z.kind, z.status,
                  case when z.channel = 'trust_phone' then 'anonymous' when z.ra < 0.12 then 'legal' else 'individual' end,
                  case when z.channel = 'trust_phone' then null when z.ra < 0.12 then 'ТОО «Компания ' || (z.g % 5000) || '»' else 'Заявитель ' || (z.g % 100000) end,
                  case when z.channel <> 'trust_phone' and z.ra >= 0.12 and z.ra < 0.80 then lpad(((z.g::bigint * 7919) % 1000000000000)::text, 12, '0') end,
                  case when z.channel <> 'trust_phone' and z.ra < 0.12 then lpad(((z.g::bigint * 104729) % 1000000000000)::text, 12, '0') end,
                  case when z.channel <> 'trust_phone' and z.rp < 0.75 then 'citizen' || (z.g % 400000) || '@example.kz' end,
                  case when z.channel <> 'trust_phone' and z.rp > 0.35 then '+7701' || lpad((z.g % 10000000)::text, 7, '0') end,
                  case when z.channel = 'trust_phone' then 'portal' when z.rp < 0.50 then 'email' when z.rp < 0.75 then 'portal' when z.rp < 0.95 then 'sms' else 'paper' end,
                  z.lang, t.text, tp.topic_code,
                  case when z.g % 10 < 6 then 'ул. ' || (z.g % 300) || ', д. ' || (z.g % 120) end,
                  z.received_at, z.received_at + interval '3 minutes',
                  case when z.status <> 'registered' then tp.unit_id end,
                  case when z.status not in ('registered', 'redirected') then b.executor_id end,
                  case when z.status <> 'registered' then (array['light', 'medium', 'heavy'])[1 + (z.g % 3)] end,
                  z.received_at + interval '21 days', z.received_at + interval '5 days',
                  case when z.status in ('answered', 'closed') then (array['resolved', 'explained', 'refused'])[1 + (z.g % 3)]
                       when z.status = 'redirected' then 'redirected' when z.status = 'left_without_consideration' then 'left_without_consideration' end,
                  case when z.status in ('answered', 'closed') then z.received_at + (5 + z.g % 20) * interval '1 day' end,
                  case when z.status = 'closed' then z.received_at + (25 + z.g % 10) * interval '1 day' end
             from z
             join bench_body b on b.id = z.body_id
             join bench_text_count tc on tc.lang = z.lang
             join bench_text t on t.lang = z.lang and t.i = floor(z.rt * tc.n)::int
             join bench_topic_count tn on tn.body_id = z.body_id
             join bench_topic tp on tp.body_id = z.body_id and tp.i = floor(z.rx * tn.n)::int
             left join appeal_number an on an.body_id = z.body_id and an.year = z.yr
           returning body_id, number)
           -- Carry the counters on, so the next batch (and real intake afterwards) continues them.
           insert into appeal_number (body_id, year, last)
           select body_id, split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int) from ins group by 1, 2
           on conflict (body_id, year) do update set last = excluded.last`,
          [from, to, start, spanMs, opts.rows, opts.now],
        );
        log(`    ${to.toLocaleString('en')} rows`);
      }
    });

    if (opts.events) {
      await timed(log, 'events (registered + the latest status change)', async () => {
        await c.query(`insert into appeal_event (appeal_id, type, at, public, data)
                       select id, 'appeal.registered', registered_at, true, jsonb_build_object('number', number, 'channel', channel, 'kind', kind) from appeal`);
        await c.query(`insert into appeal_event (appeal_id, type, at, actor_id, actor_role, public, data)
                       select id, 'appeal.' || status, coalesce(closed_at, answered_at, received_at + interval '1 day'), executor_id, case when executor_id is not null then 'executor' end, true,
                              jsonb_build_object('from', 'registered', 'to', status)
                         from appeal where status <> 'registered'`);
      });
    }

    await timed(log, `rebuild ${indexes.length} indexes`, async () => {
      for (const i of indexes) await c.query(i.indexdef);
    });
    await timed(log, 'vacuum analyze', () => c.query('vacuum analyze appeal, appeal_event, appeal_number'));
    const size = await c.query(`select pg_size_pretty(pg_table_size('appeal')) t, pg_size_pretty(pg_indexes_size('appeal')) i, (select count(*) from appeal) n, (select count(*) from appeal_event) e`);
    log(`  appeal: ${Number(size.rows[0].n).toLocaleString('en')} rows, table ${size.rows[0].t}, indexes ${size.rows[0].i}; ${Number(size.rows[0].e).toLocaleString('en')} events`);
  } finally {
    await c.end();
  }
}
