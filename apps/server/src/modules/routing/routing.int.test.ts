import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { trainRoutingModel } from './index.ts';

let env: TestEnv;
const body: Record<string, string> = {};

before(async () => {
  env = await createTestEnv({ now: '2026-11-25T05:00:00Z' });
  for (const code of ['akimat-astana', 'akimat-almaty', 'min-health']) body[code] = await env.bodyId(code).catch(() => '');
});
after(() => env.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function call(method: 'GET' | 'POST', url: string, role?: string, bodyCode = 'akimat-astana', payload?: object): Promise<{ status: number; json: Json }> {
  const headers = role ? { cookie: await env.login(role, bodyCode) } : {};
  const res = await env.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, json: res.json() };
}

async function register(bodyCode: string, over: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(body[bodyCode], { topicCode: undefined, ...over }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

describe('routing suggestions from the text', () => {
  test('a fresh register already suggests the topic and the competent bodies, best first', async () => {
    const cases: Array<[string, string]> = [
      ['Во дворе третью неделю не вывозят мусор, контейнеры переполнены', 'improvement.garbage'],
      ['Нет горячей воды в доме уже неделю, слабый напор холодной воды', 'housing.water'],
      ['Не горит уличное освещение, фонари на опорах не работают', 'improvement.lighting'],
      ['Яма на проезжей части, разбит асфальт дороги, повреждено дорожное покрытие', 'roads_transport.potholes'],
      ['В квартире холодно, батареи отопления еле тёплые', 'housing.heating'],
      ['Аулада қоқыс шығарылмайды, қоқыс шығару', 'improvement.garbage'],
    ];
    for (const [text, topic] of cases) {
      const res = await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const { topics, bodies } = res.json as { topics: { code: string; confidence: number }[]; bodies: { id: string; code: string; confidence: number }[] };
      assert.equal(topics[0].code, topic, `${text} → ${JSON.stringify(topics.slice(0, 3))}`);
      for (let i = 1; i < topics.length; i++) assert.ok(topics[i - 1].confidence >= topics[i].confidence, 'best first');
      assert.ok(topics[0].confidence > 0 && topics[0].confidence <= 1);
      assert.ok(bodies.length > 0);
      for (let i = 1; i < bodies.length; i++) assert.ok(bodies[i - 1].confidence >= bodies[i].confidence);
      // Housing and courtyards are the akimats' competence, never a ministry's.
      assert.ok(bodies.every((b) => b.code.startsWith('akimat') || b.code.includes('-')), JSON.stringify(bodies));
      assert.ok(!bodies.some((b) => b.code === 'min-health'));
    }
    const health = await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text: 'В поликлинике невозможно записаться к врачу, регистратура не отвечает', lat: 51.13, lon: 71.43 });
    assert.equal(health.json.topics[0].code.split('.')[0], 'health', JSON.stringify(health.json.topics));
    // The ministry and the oblast akimats (their health departments) are competent; a city courtyard's akimat less so.
    assert.ok(health.json.bodies.slice(0, 3).some((b: { code: string }) => b.code === 'min-health'), JSON.stringify(health.json.bodies));
  });

  test('bad input is refused with a stable code; no session, no suggestion', async () => {
    assert.equal((await call('POST', '/routing/suggest', undefined, undefined, { text: 'мусор' })).status, 401);
    const empty = await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text: '   ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.json.error.code, 'VALIDATION_FAILED');
    assert.equal((await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text: 'мусор', lat: 200 })).status, 400);
    assert.equal((await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text: 'мусор', extra: 1 })).status, 400);
    assert.equal((await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text: 'x'.repeat(20_001) })).status, 400);
  });

  test('the card’s suggestion is recorded, the triage decision compared with it, the acceptance rate counted', async () => {
    const a = await register('akimat-astana', { text: 'Во дворе не вывозят мусор, контейнерная площадка завалена' });
    const b = await register('akimat-astana', { text: 'Во дворе не горят фонари уличного освещения, темно' });
    const sa = await call('GET', `/routing/appeals/${a.id}`, 'comms_officer');
    assert.equal(sa.status, 200, JSON.stringify(sa.json));
    assert.equal(sa.json.topics[0].code, 'improvement.garbage');
    assert.equal(sa.json.decision.suggestedTopic, 'improvement.garbage');
    assert.equal(sa.json.decision.accepted, null);
    await call('GET', `/routing/appeals/${b.id}`, 'comms_officer');

    // Another body's appeal does not exist for this staff member.
    assert.equal((await call('GET', `/routing/appeals/${a.id}`, 'comms_officer', 'akimat-almaty')).status, 404);
    assert.equal((await call('GET', '/routing/appeals/not-a-uuid', 'comms_officer')).status, 404);

    // Accepted: the suggested topic; not accepted: another one.
    assert.equal((await call('POST', `/appeals/${a.id}/triage`, 'comms_officer', 'akimat-astana', { competence: 'own', topicCode: 'improvement.garbage' })).status, 200);
    assert.equal((await call('POST', `/appeals/${b.id}/triage`, 'comms_officer', 'akimat-astana', { competence: 'own', topicCode: 'improvement.courtyards' })).status, 200);
    const da = (await call('GET', `/routing/appeals/${a.id}`, 'comms_officer')).json.decision;
    assert.equal(da.accepted, true);
    assert.equal(da.decidedTopic, 'improvement.garbage');
    const db = (await call('GET', `/routing/appeals/${b.id}`, 'comms_officer')).json.decision;
    assert.equal(db.accepted, false);
    assert.equal(db.suggestedTopic, 'improvement.lighting', 'the first suggestion shown stays the one measured');

    // A redirect is measured against the suggested body.
    const c = await register('akimat-astana', { text: 'В поликлинике не выдают бесплатные лекарства по рецепту' });
    const sc = await call('GET', `/routing/appeals/${c.id}`, 'comms_officer');
    const target = sc.json.bodies[0].id as string;
    assert.equal((await call('POST', `/appeals/${c.id}/triage`, 'comms_officer', 'akimat-astana', { competence: 'other', targetBodyId: target })).status, 200);
    assert.equal((await call('GET', `/routing/appeals/${c.id}`, 'comms_officer')).json.decision.accepted, true);

    const rate = await call('GET', '/routing/acceptance', 'head');
    assert.equal(rate.status, 200, JSON.stringify(rate.json));
    assert.deepEqual([rate.json.shown, rate.json.decided, rate.json.accepted, rate.json.redirected, rate.json.rate], [3, 3, 2, 1, 0.667]);
    // Another body counts its own; an operator may not read it.
    assert.equal((await call('GET', '/routing/acceptance', 'head', 'akimat-almaty')).json.shown, 0);
    assert.equal((await call('GET', '/routing/acceptance', 'operator')).status, 403);
    assert.equal((await call('GET', '/routing/acceptance?from=2026-12-01&to=2026-11-01', 'head')).status, 400);
  });

  test('retraining on the register’s decisions moves the suggestion towards what staff decided', async () => {
    const text = 'Жалоба на работу катка на площади Тыныштык, лед не заливают';
    const before = await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text });
    assert.notEqual(before.json.topics[0].code, 'improvement.playgrounds');
    for (let i = 0; i < 30; i++) {
      const a = await register('akimat-astana', { text: `${text} (${i})` });
      assert.equal((await call('POST', `/appeals/${a.id}/triage`, 'comms_officer', 'akimat-astana', { competence: 'own', topicCode: 'improvement.playgrounds' })).status, 200);
    }
    const model = await trainRoutingModel(env.ctx);
    assert.ok(model.appeals >= 32, String(model.appeals));
    const after = await call('POST', '/routing/suggest', 'operator', 'akimat-astana', { text });
    assert.equal(after.json.topics[0].code, 'improvement.playgrounds', JSON.stringify(after.json.topics));
    assert.equal(after.json.bodies[0].code, 'akimat-astana', 'the register says who took the topic');
  });
});

describe('groups of near-identical appeals, one answer', () => {
  test('staff see the group of their body’s open appeals and answer it per appeal', async () => {
    const same = 'На улице Кенесары возле дома 40 прорвало трубу, вода течёт по тротуару и замерзает';
    const ids: string[] = [];
    for (const [i, tail] of ['', ' Примите меры!', ' Прошу срочно устранить.'].entries()) {
      const a = await register('akimat-astana', { text: same + tail, applicant: { type: 'individual', name: `Житель ${i}`, email: `resident${i}@example.kz` } });
      assert.equal((await call('POST', `/appeals/${a.id}/triage`, 'comms_officer', 'akimat-astana', { competence: 'own', topicCode: 'housing.water' })).status, 200);
      ids.push(a.id);
    }
    const other = await register('akimat-almaty', { text: same });
    const confidentialLike = await register('akimat-astana', { text: 'Совсем другой вопрос о работе библиотеки в выходные дни' });

    const res = await call('GET', '/routing/groups', 'comms_officer');
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const group = (res.json.groups as { appeals: { id: string }[] }[]).find((g) => g.appeals.some((a) => ids.includes(a.id)));
    assert.ok(group, JSON.stringify(res.json));
    assert.deepEqual(group.appeals.map((a) => a.id).sort(), [...ids].sort(), 'the three, not another body’s nor a different text');
    assert.ok(!res.json.groups.some((g: { appeals: { id: string }[] }) => g.appeals.some((a) => a.id === other.id || a.id === confidentialLike.id)));
    assert.equal((await call('GET', '/routing/groups', 'operator')).status, 403);

    // An appeal of another body slipped into the group is refused alone (404), the rest are drafted.
    const drafted = await call('POST', '/routing/groups/answer', 'comms_officer', 'akimat-astana', {
      appealIds: [...ids, other.id],
      text: 'Уважаемый заявитель! Аварийная бригада устранила прорыв трубы на улице Кенесары, 40, тротуар очищен и обработан от наледи.',
      resolution: 'resolved',
    });
    assert.equal(drafted.status, 200, JSON.stringify(drafted.json));
    assert.equal(drafted.json.answered, 3);
    assert.equal(drafted.json.results.find((r: { id: string }) => r.id === other.id).code, 'APPEAL_NOT_FOUND');

    // The head signs the group: each appeal is answered with its own event and its own term.
    const signed = await call('POST', '/routing/groups/answer', 'head', 'akimat-astana', { appealIds: ids, sign: true });
    assert.equal(signed.json.answered, 3, JSON.stringify(signed.json));
    for (const id of ids) {
      const a = await env.ctx.db.selectFrom('appeal').select(['status', 'legalDueAt']).where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(a.status, 'answered');
      const events = await env.ctx.db.selectFrom('appealEvent').select('type').where('appealId', '=', id).where('type', '=', 'appeal.answered').execute();
      assert.equal(events.length, 1);
    }
    // Nothing half-done is refused again; bad input changes nothing.
    const again = await call('POST', '/routing/groups/answer', 'head', 'akimat-astana', { appealIds: ids, sign: true });
    assert.equal(again.json.answered, 0);
    assert.equal((await call('POST', '/routing/groups/answer', 'comms_officer', 'akimat-astana', { appealIds: [ids[0]], text: 'x', resolution: 'resolved' })).status, 400);
    assert.equal((await call('POST', '/routing/groups/answer', 'comms_officer', 'akimat-astana', { appealIds: ids, text: 'Уважаемый заявитель! Ответ.' })).status, 400);
  });
});
