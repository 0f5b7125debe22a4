// The KPIs by hand-computed cases: six appeals of one body in one week, set to known
// states, and every KPI checked against the figure worked out by hand; then the same
// figures through the pre-aggregate kept current by real process actions, the scope
// rules (another body is a 404), the league table, channel overlap, reports and the
// public statistics.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import ExcelJS from 'exceljs';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { refreshKpis } from './index.ts';

let env: TestEnv;
let body: string;
const ids: string[] = [];
const Q = 'from=2026-06-01&to=2026-06-07';

before(async () => {
  // Monday 15 June 2026, 10:00 Almaty.
  env = await createTestEnv({ now: '2026-06-15T05:00:00Z' });
  body = await env.bodyId('akimat-astana');
  const cookie = await env.login('comms_officer', 'akimat-astana');
  const received = ['2026-06-01T05:00:00Z', '2026-06-01T05:10:00Z', '2026-06-03T05:00:00Z', '2026-06-01T05:20:00Z', '2026-06-01T05:30:00Z', '2026-06-01T05:40:00Z'];
  for (const receivedAt of received) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie }, payload: citizenAppeal(body, { channel: 'hand_delivered', receivedAt }) });
    assert.equal(res.statusCode, 201, res.body);
    ids.push(res.json().id);
  }
  const [a1, a2, a3, a4, a5, a6] = ids as [string, string, string, string, string, string];
  const set = (id: string, s: ReturnType<typeof sql>) => sql`update appeal set ${s} where id = ${id}::uuid`.execute(env.ctx.db);
  await sql`update appeal set repeat_of_id = null where id = any(${ids}::uuid[])`.execute(env.ctx.db);
  // A1: answered Fri 5 June (4 working days), on time, resolved, rated 5.
  await set(a1, sql`status = 'answered', answered_at = '2026-06-05T06:00:00Z', legal_due_at = '2026-06-22T18:59:59Z', resolution = 'resolved', satisfaction = 5`);
  // A2: answered Tue 9 June (6 working days) after its term, explained, extended, rated 2 and disagreed.
  await set(a2, sql`status = 'answered', answered_at = '2026-06-09T06:00:00Z', legal_due_at = '2026-06-08T18:59:59Z', resolution = 'explained', satisfaction = 2, extended = true`);
  await sql`insert into appeal_feedback (appeal_id, score, disagree, at) values (${a2}::uuid, 2, true, '2026-06-10T05:00:00Z')`.execute(env.ctx.db);
  // A3: the same applicant and topic through the website two days later, in work, overdue now.
  await set(a3, sql`channel = 'website', status = 'in_work', legal_due_at = '2026-06-10T18:59:59Z'`);
  // A4: redirected late.
  await set(a4, sql`status = 'redirected', resolution = 'redirected'`);
  await sql`insert into appeal_event (appeal_id, type, at, data) values (${a4}::uuid, 'appeal.redirected', '2026-06-05T05:00:00Z', '{"late": true}')`.execute(env.ctx.db);
  // A5: refused next day (1 working day), a repeat of A1.
  await set(a5, sql`status = 'answered', answered_at = '2026-06-02T06:00:00Z', legal_due_at = '2026-06-22T18:59:59Z', resolution = 'refused', repeat_of_id = ${a1}::uuid`);
  // A6: the same applicant on the trust phone: confidential, never an overlap; open, not yet due.
  await set(a6, sql`channel = 'trust_phone', confidential = true, legal_due_at = '2026-06-22T18:59:59Z'`);
  // Changed behind the process's back: mark the slices as a migration would.
  await sql`insert into kpi_dirty_slice (body_id, day) values (${body}::uuid, '2026-06-01'), (${body}::uuid, '2026-06-03') on conflict do nothing`.execute(env.ctx.db);
  await refreshKpis(env.ctx);
});
after(() => env.close());

const get = async (url: string, role = 'head', bodyCode = 'akimat-astana') => env.app.inject({ method: 'GET', url, headers: { cookie: await env.login(role, bodyCode) } });

describe('KPI formulas by hand-computed cases', () => {
  test('totals of the week', async () => {
    const res = await get(`/api/v1/kpi?${Q}&bodyId=${body}`);
    assert.equal(res.statusCode, 200, res.body);
    const { kpis, sums } = res.json().totals;
    assert.equal(kpis.received, 6);
    assert.equal(kpis.open, 2); // A3 in work, A6 registered
    assert.equal(kpis.overdue, 1); // A3: due 10 June, now 15 June
    assert.equal(sums.answered, 3);
    assert.equal(kpis.on_time_share, 0.667); // A1, A5 of A1, A2, A5
    assert.equal(kpis.avg_answer_days, 3.7); // (4 + 6 + 1) / 3
    assert.equal(kpis.redirected_share, 0.167); // 1 / 6
    assert.equal(kpis.late_redirects, 1);
    assert.equal(kpis.extensions, 1);
    assert.equal(kpis.resolved_share, 0.333); // resolved 1 of resolved + explained + refused 3
    assert.equal(kpis.satisfaction, 3.5); // (5 + 2) / 2
    assert.equal(kpis.disagreements, 1);
    assert.equal(kpis.repeat_rate, 0.167); // A5
    assert.equal(kpis.channel_overlap, 0.167); // A3 only: A2, A4, A5 share A1's channel, A6 is confidential
  });

  test('by channel and by day, the same formulas per group', async () => {
    const res = await get(`/api/v1/kpi?${Q}&bodyId=${body}&groupBy=channel`);
    const by = Object.fromEntries(res.json().groups.map((g: { key: string; kpis: Record<string, number | null> }) => [g.key, g.kpis]));
    assert.equal(by.hand_delivered.received, 4);
    assert.equal(by.hand_delivered.on_time_share, 0.667);
    assert.equal(by.website.received, 1);
    assert.equal(by.website.overdue, 1);
    assert.equal(by.website.channel_overlap, 1);
    assert.equal(by.trust_phone.channel_overlap, 0);
    const days = await get(`/api/v1/kpi?${Q}&bodyId=${body}&groupBy=day`);
    assert.deepEqual(days.json().groups.map((g: { key: string; kpis: { received: number } }) => [g.key, g.kpis.received]), [['2026-06-01', 5], ['2026-06-03', 1]]);
  });

  test('channel overlap by pair', async () => {
    const res = await get(`/api/v1/kpi/overlap?${Q}&bodyId=${body}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().pairs, [{ channels: ['hand_delivered', 'website'], appeals: 1 }]);
    assert.equal(res.json().windowDays, 30);
  });
});

describe('kept current by the process', () => {
  test('a new appeal and a real action reach the figures after a refresh', async () => {
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie }, payload: citizenAppeal(body, { channel: 'hand_delivered', receivedAt: '2026-06-02T05:00:00Z', applicant: { type: 'individual', name: 'Ерлан Ахметов', phone: '+77017654321' }, preferredAnswer: 'sms' }) });
    assert.equal(res.statusCode, 201, res.body);
    const id = res.json().id;
    const marked = await sql<{ n: number }>`select count(*)::int as n from kpi_dirty_appeal where appeal_id = ${id}::uuid`.execute(env.ctx.db);
    assert.equal(marked.rows[0]!.n, 1, 'intake marks the appeal in its own statement');
    assert.ok((await refreshKpis(env.ctx)) >= 1);
    let t = (await get(`/api/v1/kpi?${Q}&bodyId=${body}`)).json().totals.kpis;
    assert.equal(t.received, 7);
    assert.equal(t.open, 3);
    const left = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/leave-without-consideration`, headers: { cookie: await env.login('head', 'akimat-astana') }, payload: { reason: 'Обращение отозвано заявителем' } });
    assert.ok(left.statusCode < 300, left.body);
    await refreshKpis(env.ctx);
    t = (await get(`/api/v1/kpi?${Q}&bodyId=${body}`)).json().totals.kpis;
    assert.equal(t.received, 7);
    assert.equal(t.open, 2);
  });
});

describe('who sees what', () => {
  test('another body is a 404; bad input a 400; no cookie a 401', async () => {
    const other = await env.bodyId('akimat-almaty');
    assert.equal((await get(`/api/v1/kpi?${Q}&bodyId=${other}`)).statusCode, 404);
    assert.equal((await get(`/api/v1/kpi/report.pdf?${Q}&bodyId=${other}`)).statusCode, 404);
    assert.equal((await get(`/api/v1/kpi?from=2026-02-30`)).statusCode, 400);
    assert.equal((await get(`/api/v1/kpi?bodyId=not-an-id`)).statusCode, 400);
    assert.equal((await get(`/api/v1/kpi?from=2026-06-07&to=2026-06-01`)).statusCode, 400);
    assert.equal((await env.app.inject({ method: 'GET', url: `/api/v1/kpi?${Q}` })).statusCode, 401);
    // Without bodyId a body's staff see their own reach only.
    const mine = (await get(`/api/v1/kpi?${Q}&groupBy=body`)).json();
    assert.ok(mine.groups.every((g: { key: string }) => mine.bodyIds.includes(g.key)));
    assert.ok(!mine.bodyIds.includes(other));
  });

  test('the league table ranks every body for the analyst', async () => {
    const res = await get(`/api/v1/kpi/league?${Q}`, 'analyst', 'min-info');
    assert.equal(res.statusCode, 200, res.body);
    const row = res.json().groups.find((g: { key: string }) => g.key === body);
    assert.equal(row.kpis.received, 7);
    assert.equal(row.rank >= 1, true);
  });

  test('public statistics carry no units and no small groups', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/v1/kpi/public?${Q}&bodyId=${body}&groupBy=channel` });
    assert.equal(res.statusCode, 200, res.body);
    const j = res.json();
    assert.equal(j.totals.received, 7);
    assert.deepEqual(j.groups.map((g: { key: string }) => g.key), ['hand_delivered']); // website 1 and trust_phone 1 are under 3
    assert.doesNotMatch(res.body, /880516300374|Садыкова|aigerim/);
    assert.equal((await env.app.inject({ method: 'GET', url: `/api/v1/kpi/public?groupBy=unit` })).statusCode, 400);
  });
});

describe('reports', () => {
  test('XLSX and PDF of a week, downloadable', async () => {
    const x = await get(`/api/v1/kpi/report.xlsx?${Q}&language=ru`);
    assert.equal(x.statusCode, 200, x.body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const values = sheet.getSheetValues().flat().map(String);
    assert.ok(values.includes('Поступило обращений'));
    assert.ok(values.includes('7'));
    const p = await get(`/api/v1/kpi/report.pdf?${Q}&language=kk`);
    assert.equal(p.statusCode, 200);
    assert.equal(p.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  test('the morning report goes to the head through the outbox, once', async () => {
    const { runScheduledReports } = await import('./index.ts');
    env.clock.set('2026-06-08T04:00:00Z'); // Monday 09:00 Almaty: daily for Sunday and weekly for 1–7 June
    try {
      const made = await runScheduledReports(env.ctx);
      assert.ok(made >= 2);
      assert.equal(await runScheduledReports(env.ctx), 0);
      const head = await env.ctx.db.selectFrom('staffUser').innerJoin('body', 'body.id', 'staffUser.bodyId').select('staffUser.id').where('body.code', '=', 'akimat-astana').where('role', '=', 'head').executeTakeFirstOrThrow();
      const msgs = await env.ctx.db.selectFrom('notification').select(['payload']).where('recipientUserId', '=', head.id).where('template', '=', 'staff.kpi_report').execute();
      const weekly = msgs.map((m) => m.payload as Record<string, unknown>).find((p) => p.period === 'weekly')!;
      assert.equal(weekly.received, 7);
      const file = await get(String(weekly.pdfUrl).replace(/^https?:\/\/[^/]+/, ''));
      assert.equal(file.statusCode, 200);
      assert.equal((await get(String(weekly.xlsxUrl).replace(/^https?:\/\/[^/]+/, ''), 'head', 'akimat-almaty')).statusCode, 404);
    } finally {
      env.clock.set('2026-06-15T05:00:00Z');
    }
  });
});

describe('early warning', () => {
  test('six appeals on a topic a village never writes about: a surge for the okrug and its district, heads told once', async () => {
    const { detectSurges } = await import('./index.ts');
    const village = await env.bodyId('nko-kyzylzhar-bishkul');
    const district = await env.bodyId('nko-kyzylzhar');
    const cookie = await env.login('comms_officer', 'nko-kyzylzhar-bishkul');
    for (let i = 0; i < 6; i++) {
      const res = await env.app.inject({
        method: 'POST', url: '/api/v1/appeals', headers: { cookie },
        payload: citizenAppeal(village, { channel: 'hand_delivered', receivedAt: `2026-06-15T0${i}:00:00Z`, topicCode: 'improvement.garbage', applicant: { type: 'individual', name: `Заявитель ${i}`, phone: `+7701000000${i}` }, preferredAnswer: 'sms' }),
      });
      assert.equal(res.statusCode, 201, res.body);
    }
    await refreshKpis(env.ctx);
    assert.ok((await detectSurges(env.ctx)) >= 2);
    assert.equal(await detectSurges(env.ctx), 0, 'a surge is recorded once');
    const res = await get(`/api/v1/kpi/surges?from=2026-06-15&to=2026-06-15`, 'head', 'nko-kyzylzhar');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { bodyId: string; districtId: string; count: number; appeals: { topic: string; from: string } }[];
    const mine = items.find((s) => s.bodyId === village)!;
    assert.equal(mine.count, 6);
    assert.equal(mine.districtId, district);
    assert.deepEqual(mine.appeals, { bodyId: village, topic: 'improvement.garbage', from: '2026-06-15', to: '2026-06-15' });
    assert.ok(items.some((s) => s.bodyId === district && s.count === 6));
    const told = await sql<{ n: number }>`select count(*)::int as n from notification n join staff_user u on u.id = n.recipient_user_id where n.template = 'staff.kpi_surge' and u.body_id = ${village}::uuid and u.role = 'head'`.execute(env.ctx.db);
    assert.equal(told.rows[0]!.n, 1);
    // Another body's head does not see them.
    const astana = (await get(`/api/v1/kpi/surges?from=2026-06-15&to=2026-06-15`)).json().items as { bodyId: string }[];
    assert.ok(!astana.some((s) => s.bodyId === village));
  });
});
