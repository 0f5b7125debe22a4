import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv({ now: '2026-11-25T05:00:00Z' });
});
after(() => env.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function call(method: 'GET' | 'POST' | 'PUT', url: string, role?: string, bodyCode = 'akimat-astana', payload?: object) {
  const headers = role ? { cookie: await env.login(role, bodyCode) } : {};
  const res = await env.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, json: (res.headers['content-type']?.toString().includes('json') ? res.json() : {}) as Json, raw: res.rawPayload, headers: res.headers };
}

const l = (s: string) => ({ kk: s, ru: s, en: s });
const QUESTIONS = [
  { id: 'aware', kind: 'single', required: true, text: l('Знаете ли вы E-Otinish?'), options: [{ id: 'yes', text: l('Да') }, { id: 'no', text: l('Нет') }] },
  { id: 'channels', kind: 'multiple', text: l('Какими каналами пользовались?'), options: [{ id: 'egov', text: l('eGov') }, { id: 'phone', text: l('Телефон') }, { id: 'visit', text: l('Приём') }] },
  { id: 'satisfaction', kind: 'scale', max: 5, text: l('Удовлетворены ли вы?') },
  { id: 'comment', kind: 'text', text: l('Ваши предложения') },
];
const profile = (sex: string, ageGroup: string) => ({ sex, ageGroup, region: 'astana', occupation: 'private_sector', education: 'higher' });

describe('perception surveys', () => {
  let surveyId = '';
  let tokens: string[] = [];

  test('the communications officer builds a survey from scratch and from the study’s template; another body cannot see it', async () => {
    const created = await call('POST', '/surveys', 'comms_officer', 'akimat-astana', { title: l('Осведомлённость о каналах'), questions: QUESTIONS, quotas: { sex: { female: 3, male: 3 } } });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    surveyId = created.json.id;
    assert.equal(created.json.status, 'draft');

    const tpl = await call('POST', '/surveys', 'comms_officer', 'akimat-astana', { template: 'channels' });
    assert.equal(tpl.status, 201);
    const ids = (tpl.json.questions as { id: string }[]).map((q) => q.id);
    assert.ok(ids.includes('eotinish_aware') && ids.includes('eotinish_used') && ids.includes('eotinish_satisfaction'));
    assert.ok(ids.includes('call_centre_satisfaction'));

    assert.equal((await call('GET', `/surveys/${surveyId}`, 'comms_officer', 'akimat-almaty')).status, 404);
    assert.equal((await call('GET', `/surveys/${surveyId}`, 'operator', 'akimat-astana')).status, 403);
    assert.equal((await call('GET', '/surveys', 'comms_officer', 'akimat-almaty')).json.items.length, 0);
    // Bad questionnaires are refused with a stable code and change nothing.
    const dup = await call('POST', '/surveys', 'comms_officer', 'akimat-astana', { title: l('x'), questions: [QUESTIONS[0], QUESTIONS[0]] });
    assert.equal(dup.status, 400);
    assert.equal(dup.json.error.code, 'VALIDATION_FAILED');
    assert.equal((await call('POST', '/surveys', 'comms_officer', 'akimat-astana', { title: l('x'), questions: [{ ...QUESTIONS[0], options: [] }] })).status, 400);
    assert.equal((await call('POST', '/surveys', 'comms_officer', 'akimat-astana', { title: l('x'), questions: QUESTIONS, quotas: { shoeSize: { '42': 1 } } })).status, 400);
    assert.equal((await call('GET', '/surveys', 'comms_officer')).json.items.length, 2);
  });

  test('invitations by link and QR code; one response per invitation; quotas per group', async () => {
    // Not open yet: no answers.
    const inv = await call('POST', `/surveys/${surveyId}/invitations`, 'comms_officer', 'akimat-astana', { count: 8, channel: 'qr', language: 'ru' });
    assert.equal(inv.status, 201, JSON.stringify(inv.json));
    tokens = inv.json.items.map((i: { token: string }) => i.token);
    assert.match(inv.json.items[0].url, /\/ru\/survey\//);
    assert.match(inv.json.items[0].qrSvg, /^<svg/);
    const stored = await env.ctx.db.selectFrom('surveyInvitation').select('tokenHash').execute();
    assert.ok(stored.every((s) => !tokens.includes(s.tokenHash)), 'only hashes are kept');

    const answer = (token: string, p: Record<string, string>, answers: Record<string, unknown>) => call('POST', `/survey-invitations/${token}`, undefined, undefined, { language: 'ru', profile: p, answers });
    assert.equal((await answer(tokens[0], profile('female', '18-29'), { aware: 'yes' })).json.error.code, 'SURVEY_NOT_OPEN');
    assert.equal((await call('POST', `/surveys/${surveyId}/open`, 'comms_officer')).status, 200);
    assert.equal((await call('PUT', `/surveys/${surveyId}`, 'comms_officer', 'akimat-astana', { questions: QUESTIONS.slice(0, 1) })).json.error.code, 'SURVEY_NOT_EDITABLE');

    const form = await call('GET', `/survey-invitations/${tokens[0]}`);
    assert.equal(form.status, 200);
    assert.equal(form.json.questions.length, 4);
    assert.ok(form.json.dimensions.some((d: { code: string }) => d.code === 'education'));
    assert.equal((await call('GET', '/survey-invitations/not-a-real-token-at-all')).status, 404);

    // Women: 3 (quota 3), men: 2.
    const data: Array<[string, string, Record<string, unknown>]> = [
      ['female', '18-29', { aware: 'yes', channels: ['egov', 'phone'], satisfaction: 5, comment: 'Удобно' }],
      ['female', '18-29', { aware: 'yes', channels: ['egov'], satisfaction: 4 }],
      ['female', '61+', { aware: 'no', satisfaction: 2, comment: '=HYPERLINK("x")' }],
      ['male', '61+', { aware: 'no', channels: ['visit'], satisfaction: 1 }],
      ['male', '30-44', { aware: 'yes', channels: ['egov', 'visit'], satisfaction: 3 }],
    ];
    for (const [i, [sex, age, a]] of data.entries()) {
      const r = await answer(tokens[i], profile(sex, age), a);
      assert.equal(r.status, 201, JSON.stringify(r.json));
    }
    const again = await answer(tokens[0], profile('female', '18-29'), { aware: 'yes' });
    assert.equal(again.json.error.code, 'SURVEY_INVITATION_USED');
    const full = await answer(tokens[5], profile('female', '45-60'), { aware: 'yes' });
    assert.equal(full.json.error.code, 'SURVEY_QUOTA_FULL');
    // Bad answers change nothing and leave the invitation usable.
    assert.equal((await answer(tokens[5], profile('male', '45-60'), {})).json.error.code, 'VALIDATION_FAILED', 'aware is required');
    assert.equal((await answer(tokens[5], profile('male', '45-60'), { aware: 'maybe' })).status, 400);
    assert.equal((await answer(tokens[5], profile('male', '45-60'), { aware: 'yes', satisfaction: 6 })).status, 400);
    assert.equal((await answer(tokens[5], profile('male', '45-60'), { aware: 'yes', channels: ['egov', 'egov'] })).status, 400);
    assert.equal((await answer(tokens[5], { ...profile('male', '45-60'), education: 'phd-ish' }, { aware: 'yes' })).status, 400);
    assert.equal((await answer(tokens[5], profile('male', '45-60'), { aware: 'yes', nosuch: 'x' })).status, 400);
    assert.equal((await env.ctx.db.selectFrom('surveyResponse').select('id').execute()).length, 5);
  });

  test('results: cross-tabulation by any profile dimension, column %, chi-square p-value, weights to the quotas', async () => {
    const res = await call('GET', `/surveys/${surveyId}/results?by=sex`, 'comms_officer');
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal(res.json.responses, 5);
    const aware = res.json.tables.find((t: { questionId: string }) => t.questionId === 'aware');
    assert.deepEqual(aware.groups, ['female', 'male']);
    // aware: female yes 2 / no 1; male yes 1 / no 1.
    assert.deepEqual(aware.rows.map((r: { counts: number[] }) => r.counts), [[2, 1], [1, 1]]);
    assert.deepEqual(aware.rows[0].columnPercent, [66.7, 50]);
    // χ² = Σ (O−E)²/E with E = [[1.8, 1.2], [1.2, 0.8]] = 0.1389; df 1; p = 0.7094.
    assert.equal(aware.chiSquare.df, 1);
    assert.ok(Math.abs(aware.chiSquare.statistic - 0.139) < 0.001, String(aware.chiSquare.statistic));
    assert.ok(Math.abs(aware.chiSquare.pValue - 0.7094) < 0.001, String(aware.chiSquare.pValue));
    const channels = res.json.tables.find((t: { questionId: string }) => t.questionId === 'channels');
    assert.equal(channels.chiSquare, null, 'multiple choice: no chi-square');
    assert.deepEqual(channels.rows.find((r: { value: string }) => r.value === 'egov').counts, [2, 1]);
    assert.deepEqual(res.json.texts[0].answers.sort(), ['=HYPERLINK("x")', 'Удобно'].sort());
    assert.deepEqual(res.json.quotas[0].groups, [{ group: 'female', target: 3, responses: 3 }, { group: 'male', target: 3, responses: 2 }]);

    // Weighted to the quota (half and half): 3 women weigh 5/6 each, 2 men 5/4 each.
    const w = await call('GET', `/surveys/${surveyId}/results?by=sex&weighted=true`, 'comms_officer');
    const wAware = w.json.tables.find((t: { questionId: string }) => t.questionId === 'aware');
    assert.deepEqual(wAware.respondents, [2.5, 2.5]);
    assert.deepEqual(wAware.rows[0].counts, [1.7, 1.3]);

    const byAge = await call('GET', `/surveys/${surveyId}/results?by=ageGroup`, 'comms_officer');
    assert.deepEqual(byAge.json.tables[0].groups, ['18-29', '30-44', '45-60', '61+']);
    assert.equal((await call('GET', `/surveys/${surveyId}/results?by=shoe`, 'comms_officer')).status, 400);
    assert.equal((await call('GET', `/surveys/${surveyId}/results?by=sex`, 'comms_officer', 'akimat-almaty')).status, 404);
  });

  test('CSV and XLSX export of every response with its weight; a formula is kept as text', async () => {
    const csv = await call('GET', `/surveys/${surveyId}/responses?format=csv`, 'comms_officer');
    assert.equal(csv.status, 200);
    const text = csv.raw.toString('utf8');
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines.length, 6);
    assert.equal(lines[0], 'submitted_at,language,ageGroup,region,occupation,education,sex,aware,channels,satisfaction,comment,weight');
    assert.ok(lines.some((x) => x.includes('egov;phone')));
    assert.ok(lines.some((x) => x.includes(`"'=HYPERLINK(""x"")"`)), 'no formula runs in a spreadsheet');

    const xlsx = await call('GET', `/surveys/${surveyId}/responses?format=xlsx`, 'comms_officer');
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.equal(ws.rowCount, 6);
    assert.equal(ws.getRow(1).getCell(12).value, 'weight');
    assert.equal(typeof ws.getRow(2).getCell(10).value, 'number');
    assert.equal((await call('GET', `/surveys/${surveyId}/responses?format=csv`, 'operator')).status, 403);

    assert.equal((await call('POST', `/surveys/${surveyId}/close`, 'comms_officer')).status, 200);
    assert.equal((await call('POST', `/survey-invitations/${tokens[6]}`, undefined, undefined, { language: 'kk', profile: profile('male', '18-29'), answers: { aware: 'yes' } })).json.error.code, 'SURVEY_NOT_OPEN');
  });
});
