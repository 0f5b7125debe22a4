import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { openedPayload } from '../../platform/secrets.ts';
import type { Staff } from '../../platform/staff.ts';
import { redirectInTransaction } from './index.ts';

let env: TestEnv;
const body: Record<string, string> = {};
const START = '2026-11-25T05:00:00Z'; // a Wednesday, 10:00 in Almaty

before(async () => {
  env = await createTestEnv({ now: START });
  for (const code of ['akimat-astana', 'akimat-almaty', 'min-ecology', 'min-info', 'nko-kyzylzhar-bishkul', 'wko-terekti']) body[code] = await env.bodyId(code);
});
after(() => env.close());

type Json = Record<string, unknown> & { error?: { code: string; message: string; details?: Record<string, unknown> } };

async function register(bodyCode: string, over: Record<string, unknown> = {}): Promise<{ id: string; number: string; accessCode: string }> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(body[bodyCode], over) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function act(role: string, bodyCode: string, id: string, action: string, payload?: object): Promise<{ status: number; json: Json }> {
  const cookie = await env.login(role, bodyCode);
  const res = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/${action}`, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, json: res.json() };
}

async function get(role: string, bodyCode: string, url: string): Promise<{ status: number; json: Json }> {
  const res = await env.app.inject({ method: 'GET', url, headers: { cookie: await env.login(role, bodyCode) } });
  return { status: res.statusCode, json: res.json() };
}

const row = (id: string) => env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const events = (id: string) => env.ctx.db.selectFrom('appealEvent').selectAll().where('appealId', '=', id).orderBy('id').execute();
const notes = (id: string) => env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', id).orderBy('createdAt').execute();
const staffId = async (role: string, bodyCode: string) =>
  (await env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', `${role.replace('_', '-')}@${bodyCode}.example.kz`).executeTakeFirstOrThrow());

/** The appeal row, its events and notifications: what "nothing changed" compares. */
async function snapshot(id: string) {
  const { search: _, ...r } = await row(id);
  return JSON.stringify([r, (await events(id)).length, (await notes(id)).length, await env.ctx.db.selectFrom('appealAnswer').select('id').where('appealId', '=', id).execute()]);
}

function expectError(res: { status: number; json: Json }, status: number, code: string) {
  assert.equal(res.status, status, JSON.stringify(res.json));
  assert.equal(res.json.error?.code, code);
}

/** Registered, triaged as our own into the demo executor's unit, and given to that executor. */
async function appealInWork(bodyCode: string, opts: { difficulty?: string; over?: Record<string, unknown> } = {}) {
  const a = await register(bodyCode, opts.over);
  const executor = await staffId('executor', bodyCode);
  const t = await act('comms_officer', bodyCode, a.id, 'triage', { competence: 'own', unitId: executor.unitId, ...(opts.difficulty ? { difficulty: opts.difficulty } : {}) });
  assert.equal(t.status, 200, JSON.stringify(t.json));
  const s = await act('comms_officer', bodyCode, a.id, 'assign', { executorId: executor.id });
  assert.equal(s.status, 200, JSON.stringify(s.json));
  return { ...a, executorId: executor.id };
}

const GOOD_ANSWER = 'Уважаемая Айгерим Садыковна! Вывоз мусора во дворе дома по ул. Абая, 10 возобновлён 26 ноября; подрядчику выставлена претензия.';

describe('competence triage', () => {
  test('own: in work, difficulty from the topic, unit from the topic rules, channel target not after the legal term', async () => {
    const a = await register('akimat-astana');
    const res = await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'own', reason: 'в нашей компетенции' });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const r = await row(a.id);
    assert.equal(r.status, 'in_work');
    assert.equal(r.difficulty, 'light'); // improvement.garbage is light in the taxonomy
    const unit = await env.ctx.db.selectFrom('unit').select('code').where('id', '=', r.unitId!).executeTakeFirstOrThrow();
    assert.equal(unit.code, 'environment'); // Astana's rule: improvement -> environment unit
    assert.ok(r.targetDueAt && r.legalDueAt && r.targetDueAt <= r.legalDueAt);
    assert.ok(r.targetDueAt! > new Date(START));
    const e = (await events(a.id)).at(-1)!;
    assert.equal(e.type, 'appeal.triaged');
    assert.equal(e.reason, 'в нашей компетенции');
    assert.equal(e.actorRole, 'comms_officer');
    assert.equal((e.data as Record<string, unknown>).competence, 'own');
  });

  test('own with an explicit difficulty, topic and unit of the same body', async () => {
    const a = await register('akimat-astana');
    const unit = await env.ctx.db.selectFrom('unit').select('id').where('bodyId', '=', body['akimat-astana']).where('code', '=', 'housing').executeTakeFirstOrThrow();
    const res = await act('head', 'akimat-astana', a.id, 'triage', { competence: 'own', difficulty: 'heavy', topicCode: 'housing.heating', unitId: unit.id });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const r = await row(a.id);
    assert.deepEqual([r.difficulty, r.topicCode, r.unitId], ['heavy', 'housing.heating', unit.id]);
  });

  test('a unit of another body, an unknown topic or a missing target body is refused and nothing changes', async () => {
    const a = await register('akimat-astana');
    const before = await snapshot(a.id);
    const foreignUnit = await env.ctx.db.selectFrom('unit').select('id').where('bodyId', '=', body['akimat-almaty']).executeTakeFirstOrThrow();
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'own', unitId: foreignUnit.id }), 422, 'UNIT_NOT_FOUND');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'own', topicCode: 'no.such.topic' }), 422, 'TOPIC_NOT_FOUND');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'other' }), 400, 'VALIDATION_FAILED');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'maybe' }), 400, 'VALIDATION_FAILED');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'other', targetBodyId: body['akimat-astana'] }), 422, 'REDIRECT_TO_SELF');
    assert.equal(await snapshot(a.id), before);
  });

  test('only the communications officer, the head and the deputy triage; another body does not see the appeal', async () => {
    const a = await register('akimat-astana');
    const before = await snapshot(a.id);
    for (const role of ['executor', 'operator', 'moderator', 'admin']) expectError(await act(role, 'akimat-astana', a.id, 'triage', { competence: 'own' }), 403, 'FORBIDDEN');
    expectError(await act('comms_officer', 'akimat-almaty', a.id, 'triage', { competence: 'own' }), 404, 'APPEAL_NOT_FOUND');
    expectError(await act('analyst', 'min-info', a.id, 'triage', { competence: 'own' }), 403, 'FORBIDDEN');
    const anon = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${a.id}/triage`, payload: { competence: 'own' } });
    assert.equal(anon.statusCode, 401);
    assert.equal(await snapshot(a.id), before);
    assert.equal((await act('deputy', 'akimat-astana', a.id, 'triage', { competence: 'own' })).status, 200);
  });

  test('an appeal is triaged as our own only once (409, nothing changes)', async () => {
    const a = await register('akimat-astana');
    assert.equal((await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'own' })).status, 200);
    const before = await snapshot(a.id);
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'own' }), 409, 'INVALID_TRANSITION');
    assert.equal(await snapshot(a.id), before);
  });

  test('on the trust phone the ethics commissioner triages', async () => {
    const cookie = await env.login('ethics_commissioner', 'akimat-astana');
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/appeals',
      headers: { cookie },
      payload: citizenAppeal(body['akimat-astana'], { channel: 'trust_phone', applicant: { type: 'anonymous' }, preferredAnswer: 'portal', text: 'Сообщаю о вымогательстве взятки при выдаче разрешения.', topicCode: 'other' }),
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await act('ethics_commissioner', 'akimat-astana', res.json().id, 'triage', { competence: 'own' })).status, 200);
    const plain = await register('akimat-astana');
    expectError(await act('ethics_commissioner', 'akimat-astana', plain.id, 'triage', { competence: 'own' }), 403, 'FORBIDDEN');
  });

  for (const [lang, text, opening] of [
    ['ru', 'Прошу разобраться с соседом, который не возвращает мне долг.', 'Уважаемый(ая) Айгерим Садыкова!'],
    ['kk', 'Көршім маған қарызын қайтармайды, көмектесіңіздерші.', 'Құрметті Айгерим Садыкова!'],
    ['en', 'My neighbour does not return the money I lent him, please help.', 'Dear Айгерим Садыкова,'],
  ] as const) {
    test(`nobody's competence (${lang}): the standard reply is sent, resolution "explained", closed`, async () => {
      const a = await register('akimat-astana', { text, language: lang, topicCode: 'other' });
      const res = await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'none', reason: lang === 'en' ? 'A private debt is a matter for the courts.' : undefined });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      const r = await row(a.id);
      assert.deepEqual([r.status, r.resolution], ['closed', 'explained']);
      assert.ok(r.answeredAt && r.closedAt);
      const answer = await env.ctx.db.selectFrom('appealAnswer').selectAll().where('appealId', '=', a.id).executeTakeFirstOrThrow();
      assert.equal(answer.status, 'sent');
      assert.equal(answer.standardReply, true);
      assert.ok(answer.text.startsWith(opening), answer.text);
      assert.match(answer.text, new RegExp(a.number));
      if (lang === 'ru') assert.match(answer.text, /не относится к компетенции/);
      if (lang === 'en') assert.match(answer.text, /courts/);
      assert.deepEqual((await events(a.id)).map((e) => e.type).slice(-2), ['appeal.answered', 'appeal.closed']);
      const note = (await notes(a.id)).find((n) => n.template === 'appeal.answered')!;
      assert.equal((note.payload as { text: string }).text, answer.text);
      assert.equal(note.language, lang);
    });
  }
});

describe('redirect', () => {
  test('a chain A -> B -> C: linked appeals with the same applicant, text and attachments, new numbers, the applicant told', async () => {
    const upload = await env.app.inject({ method: 'POST', url: '/api/v1/attachments?name=photo.txt', headers: { 'content-type': 'text/plain' }, payload: 'a photo of the yard' });
    assert.equal(upload.statusCode, 201, upload.body);
    const a = await register('akimat-astana', { attachments: [upload.json().id] });
    const toB = await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'other', targetBodyId: body['akimat-almaty'], reason: 'адрес в Алматы' });
    assert.equal(toB.status, 200, JSON.stringify(toB.json));
    assert.equal(toB.json.late, false);
    const b = toB.json.newAppeal as { id: string; number: string };
    const [origin, copyB] = [await row(a.id), await row(b.id)];
    assert.deepEqual([origin.status, origin.resolution], ['redirected', 'redirected']);
    assert.equal(copyB.bodyId, body['akimat-almaty']);
    assert.equal(copyB.redirectedFromId, a.id);
    assert.equal(copyB.status, 'registered');
    assert.notEqual(copyB.number, origin.number);
    assert.notEqual(copyB.accessCodeHash, origin.accessCodeHash);
    for (const k of ['text', 'applicantName', 'applicantIin', 'applicantEmail', 'applicantPhone', 'preferredAnswer', 'language', 'topicCode', 'address'] as const) assert.equal(copyB[k], origin[k], k);
    // Its own terms from receipt by the competent body.
    assert.equal(copyB.receivedAt.toISOString(), new Date(START).toISOString());
    assert.ok(copyB.legalDueAt && copyB.redirectDueAt);
    const files = await env.ctx.db.selectFrom('attachment').select(['fileName', 'storageKey', 'appealId']).where('appealId', 'in', [a.id, b.id]).execute();
    assert.equal(files.length, 2);
    assert.equal(files[0].storageKey, files[1].storageKey);
    const fileB = (await env.ctx.db.selectFrom('attachment').select('id').where('appealId', '=', b.id).executeTakeFirstOrThrow()).id;
    const download = await env.app.inject({ url: `/api/v1/appeals/${b.id}/attachments/${fileB}`, headers: { cookie: await env.login('comms_officer', 'akimat-almaty') } });
    assert.equal(download.statusCode, 200);
    assert.equal(download.body, 'a photo of the yard');

    // The applicant: a redirect notice on the original, a receipt with the new number and code.
    const redirectNote = (await notes(a.id)).find((n) => n.template === 'appeal.redirected')!;
    assert.equal((redirectNote.payload as Record<string, unknown>).newNumber, b.number);
    assert.equal(((redirectNote.payload as Record<string, Record<string, string>>).targetBodyName).ru, 'Акимат города Алматы');
    const receipt = (await notes(b.id)).find((n) => n.template === 'appeal.registered')!;
    const codeB = openedPayload(env.ctx, receipt.payload).accessCode as string;
    const track = await env.app.inject(`/api/v1/track/${b.number}?code=${codeB}`);
    assert.equal(track.statusCode, 200, track.body);
    const hist = (await env.app.inject(`/api/v1/track/${a.number}?code=${a.accessCode}`)).json();
    assert.equal(hist.status, 'redirected');
    assert.ok(hist.history.some((h: { type: string; data: { number?: string } }) => h.type === 'appeal.redirected' && h.data.number === b.number));

    // B finds it is not theirs either: on to C.
    env.clock.advance(3_600_000);
    expectError(await act('comms_officer', 'akimat-astana', b.id, 'triage', { competence: 'other', targetBodyId: body['min-ecology'] }), 404, 'APPEAL_NOT_FOUND');
    const toC = await act('comms_officer', 'akimat-almaty', b.id, 'triage', { competence: 'other', targetBodyId: body['min-ecology'] });
    assert.equal(toC.status, 200, JSON.stringify(toC.json));
    const c = toC.json.newAppeal as { id: string; number: string };
    const copyC = await row(c.id);
    assert.equal(copyC.redirectedFromId, b.id);
    assert.equal(copyC.bodyId, body['min-ecology']);
    assert.equal(copyC.text, origin.text);
    assert.equal(await env.ctx.db.selectFrom('attachment').select('id').where('appealId', '=', c.id).execute().then((r) => r.length), 1);

    // The chain is visible from every card.
    const fromC = await get('comms_officer', 'min-ecology', `/api/v1/appeals/${c.id}/links`);
    assert.equal(fromC.status, 200, JSON.stringify(fromC.json));
    assert.deepEqual((fromC.json.redirectChain as Array<{ number: string }>).map((x) => x.number), [a.number, b.number, c.number]);
    const fromA = await get('head', 'akimat-astana', `/api/v1/appeals/${a.id}/links`);
    assert.deepEqual((fromA.json.redirectChain as Array<{ number: string; status: string }>).map((x) => x.status), ['redirected', 'redirected', 'registered']);
    const eventB = (await events(b.id)).find((e) => e.type === 'appeal.registered')!;
    assert.equal((eventB.data as Record<string, unknown>).redirectedFromNumber, a.number);
    assert.equal((await events(b.id)).at(-1)!.type, 'appeal.redirected');
    // A redirected appeal is not moved again.
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'other', targetBodyId: body['min-ecology'] }), 409, 'INVALID_TRANSITION');
    env.clock.set(START);
  });

  test('a redirect after 3 working days of receipt is flagged late', async () => {
    const a = await register('wko-terekti');
    env.clock.set('2026-12-03T05:00:00Z'); // Thursday of the next week: past the 3rd working day (30 Nov)
    try {
      const res = await act('comms_officer', 'wko-terekti', a.id, 'triage', { competence: 'other', targetBodyId: body['akimat-almaty'] });
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.equal(res.json.late, true);
      const e = (await events(a.id)).find((x) => x.type === 'appeal.redirected')!;
      assert.equal((e.data as Record<string, unknown>).late, true);
      assert.equal((e.data as Record<string, unknown>).redirectDueAt, (await row(a.id)).redirectDueAt!.toISOString());
    } finally {
      env.clock.set(START);
    }
  });
});

describe('redirect for other modules', () => {
  test('redirectInTransaction: the same linked appeal, with the caller’s event data, in the caller’s transaction', async () => {
    const a = await register('akimat-astana');
    const staff = await env.ctx.db.selectFrom('staffUser').select(['id', 'email', 'name', 'role', 'bodyId', 'unitId', 'language']).where('email', '=', 'head@akimat-astana.example.kz').executeTakeFirstOrThrow();
    const res = await env.ctx.db.transaction().execute((tx) =>
      redirectInTransaction(env.ctx, tx, staff as Staff, a.id, { targetBodyId: body['akimat-almaty'], reason: 'приём: вопрос Алматы', data: { bookingId: 'b-1' } }),
    );
    assert.equal((await row(res.newAppeal.id)).redirectedFromId, a.id);
    const e = (await events(a.id)).at(-1)!;
    assert.deepEqual([e.type, (e.data as Record<string, unknown>).bookingId, (e.data as Record<string, unknown>).number], ['appeal.redirected', 'b-1', res.newAppeal.number]);
    // A failure later in the caller's transaction takes the redirect back with it.
    const b = await register('akimat-astana');
    await assert.rejects(
      env.ctx.db.transaction().execute(async (tx) => {
        await redirectInTransaction(env.ctx, tx, staff as Staff, b.id, { targetBodyId: body['akimat-almaty'], reason: null });
        throw new Error('the caller fails');
      }),
    );
    assert.equal((await row(b.id)).status, 'registered');
  });
});

describe('assignment', () => {
  test('the comms officer assigns an executor of the appeal’s unit; reassignment is an event', async () => {
    const a = await register('akimat-astana');
    const executor = await staffId('executor', 'akimat-astana');
    await act('comms_officer', 'akimat-astana', a.id, 'triage', { competence: 'own' }); // environment unit; the demo executor is in housing
    const before = await snapshot(a.id);
    const wrongUnit = await act('comms_officer', 'akimat-astana', a.id, 'assign', { executorId: executor.id });
    expectError(wrongUnit, 422, 'EXECUTOR_NOT_ELIGIBLE');
    const foreign = await staffId('executor', 'akimat-almaty');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'assign', { executorId: foreign.id }), 404, 'USER_NOT_FOUND');
    const operator = await staffId('operator', 'akimat-astana');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'assign', { executorId: operator.id }), 422, 'EXECUTOR_NOT_ELIGIBLE');
    expectError(await act('executor', 'akimat-astana', a.id, 'assign', { executorId: executor.id }), 403, 'FORBIDDEN');
    assert.equal(await snapshot(a.id), before);

    // Moving it to the executor's unit in the same act works.
    const ok = await act('comms_officer', 'akimat-astana', a.id, 'assign', { executorId: executor.id, unitId: executor.unitId });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal((await row(a.id)).executorId, executor.id);
    // A person of the whole body (no unit) may take it over.
    const deputy = await staffId('deputy', 'akimat-astana');
    const again = await act('head', 'akimat-astana', a.id, 'assign', { executorId: deputy.id, reason: 'исполнитель в отпуске' });
    assert.equal(again.status, 200, JSON.stringify(again.json));
    const ev = (await events(a.id)).filter((e) => e.type.startsWith('appeal.') && e.type.endsWith('assigned'));
    assert.deepEqual(ev.map((e) => e.type), ['appeal.assigned', 'appeal.reassigned']);
    assert.equal((ev[1].data as Record<string, unknown>).previousExecutorId, executor.id);
    assert.equal(ev[1].reason, 'исполнитель в отпуске');
    expectError(await act('head', 'akimat-astana', a.id, 'assign', { executorId: deputy.id }), 409, 'INVALID_TRANSITION');
  });

  test('an appeal not yet triaged cannot be assigned', async () => {
    const a = await register('akimat-astana');
    const executor = await staffId('executor', 'akimat-astana');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'assign', { executorId: executor.id }), 409, 'INVALID_TRANSITION');
  });
});

describe('extension of the term', () => {
  test('the head extends with a reason up to two months after day 0; the applicant is told', async () => {
    const a = await appealInWork('akimat-astana');
    const before = await row(a.id);
    const res = await act('head', 'akimat-astana', a.id, 'extend', { until: '2027-01-20', reason: 'Нужна экспертиза подрядчика' });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const r = await row(a.id);
    assert.equal(r.extended, true);
    assert.equal(r.legalDueAt!.toISOString(), '2027-01-20T18:59:59.000Z'); // 23:59:59 in Almaty
    assert.ok(r.legalDueAt! > before.legalDueAt!);
    const e = (await events(a.id)).at(-1)!;
    assert.equal(e.type, 'appeal.extended');
    assert.equal(e.reason, 'Нужна экспертиза подрядчика');
    assert.equal((e.data as Record<string, unknown>).previousLegalDueAt, before.legalDueAt!.toISOString());
    const note = (await notes(a.id)).find((n) => n.template === 'appeal.extended')!;
    assert.deepEqual([(note.payload as Record<string, unknown>).until, (note.payload as Record<string, unknown>).reason], ['2027-01-20', 'Нужна экспертиза подрядчика']);
    // The deputy may extend again, still within the limit: day 0 is 25 Nov, so 25 Jan.
    assert.equal((await act('deputy', 'akimat-astana', a.id, 'extend', { until: '2027-01-25', reason: 'Ещё неделя на экспертизу' })).status, 200);
  });

  test('refused: beyond two months (EXTENSION_TOO_LONG), not later, without a reason, by other roles, after expiry', async () => {
    const a = await appealInWork('akimat-astana');
    const before = await snapshot(a.id);
    const tooLong = await act('head', 'akimat-astana', a.id, 'extend', { until: '2027-01-26', reason: 'долго' });
    expectError(tooLong, 422, 'EXTENSION_TOO_LONG');
    assert.equal(tooLong.json.error?.details?.maxDate, '2027-01-25');
    expectError(await act('head', 'akimat-astana', a.id, 'extend', { until: '2026-12-01', reason: 'раньше срока' }), 422, 'EXTENSION_NOT_LATER');
    expectError(await act('head', 'akimat-astana', a.id, 'extend', { until: '2027-01-10', reason: '   ' }), 400, 'VALIDATION_FAILED');
    expectError(await act('head', 'akimat-astana', a.id, 'extend', { until: '2027-02-30', reason: 'нет такой даты' }), 400, 'VALIDATION_FAILED');
    expectError(await act('head', 'akimat-astana', a.id, 'extend', { until: '2027-01-10' }), 400, 'VALIDATION_FAILED');
    for (const role of ['comms_officer', 'executor', 'admin']) expectError(await act(role, 'akimat-astana', a.id, 'extend', { until: '2027-01-10', reason: 'причина' }), 403, 'FORBIDDEN');
    assert.equal(await snapshot(a.id), before);
    env.clock.set('2027-01-05T05:00:00Z');
    try {
      expectError(await act('head', 'akimat-astana', a.id, 'extend', { until: '2027-01-10', reason: 'поздно' }), 409, 'TERM_EXPIRED');
    } finally {
      env.clock.set(START);
    }
    assert.equal(await snapshot(a.id), before);
  });
});

describe('awaiting the applicant', () => {
  test('only for medium and heavy appeals, only by the assigned executor', async () => {
    const light = await appealInWork('akimat-astana', { difficulty: 'light' });
    const before = await snapshot(light.id);
    expectError(await act('executor', 'akimat-astana', light.id, 'request-info', { text: 'Пришлите фото' }), 409, 'INVALID_TRANSITION');
    assert.equal(await snapshot(light.id), before);

    const medium = await appealInWork('akimat-astana', { difficulty: 'medium' });
    expectError(await act('comms_officer', 'akimat-astana', medium.id, 'request-info', { text: 'Пришлите фото' }), 403, 'FORBIDDEN');
    expectError(await act('head', 'akimat-astana', medium.id, 'request-info', { text: 'Пришлите фото' }), 403, 'FORBIDDEN');
    const res = await act('executor', 'akimat-astana', medium.id, 'request-info', { text: 'Пришлите, пожалуйста, фото контейнерной площадки.' });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.equal((await row(medium.id)).status, 'awaiting_applicant');
    const note = (await notes(medium.id)).find((n) => n.template === 'appeal.info_requested')!;
    assert.equal((note.payload as Record<string, unknown>).text, 'Пришлите, пожалуйста, фото контейнерной площадки.');
    expectError(await act('executor', 'akimat-astana', medium.id, 'request-info', { text: 'ещё раз' }), 409, 'INVALID_TRANSITION');

    // The applicant replies with the access code: back in work.
    const wrong = await env.app.inject({ method: 'POST', url: `/api/v1/track/${medium.number}/reply`, payload: { code: 'WRONGCODE22', text: 'фото' } });
    assert.equal(wrong.statusCode, 404);
    const reply = await env.app.inject({ method: 'POST', url: `/api/v1/track/${medium.number}/reply`, payload: { code: medium.accessCode, text: 'Фото площадки приложено по ссылке.' } });
    assert.equal(reply.statusCode, 200, reply.body);
    assert.equal((await row(medium.id)).status, 'in_work');
    const corr = (await env.app.inject(`/api/v1/track/${medium.number}/correspondence?code=${medium.accessCode}`)).json();
    assert.deepEqual(corr.messages.map((m: { type: string }) => m.type), ['appeal.info_requested', 'appeal.info_received']);
    assert.equal(corr.messages[0].text, 'Пришлите, пожалуйста, фото контейнерной площадки.');
    const again = await env.app.inject({ method: 'POST', url: `/api/v1/track/${medium.number}/reply`, payload: { code: medium.accessCode, text: 'ещё' } });
    assert.equal(again.statusCode, 409);

    // A reply received by staff (paper, phone) is recorded by them.
    assert.equal((await act('executor', 'akimat-astana', medium.id, 'request-info', { text: 'Уточните номер подъезда.' })).status, 200);
    const staffReply = await act('comms_officer', 'akimat-astana', medium.id, 'info-received', { text: 'Заявитель сообщил по телефону: подъезд 3.' });
    assert.equal(staffReply.status, 200, JSON.stringify(staffReply.json));
    const evs = (await events(medium.id)).filter((e) => e.type === 'appeal.info_received');
    assert.deepEqual(evs.map((e) => (e.data as Record<string, unknown>).via), ['applicant', 'staff']);
  });
});

describe('answers', () => {
  const refused: Array<[string, string, string]> = [
    ['ru bare formula', 'Уважаемая Айгерим Садыковна! Ваше обращение принято к сведению.', 'BARE_FORMULA'],
    ['ru "во внимание"', 'Уважаемый заявитель! Принято во внимание. С уважением', 'BARE_FORMULA'],
    ['kk bare formula', 'Құрметті Айгерим! Өтінішіңіз назарға алынды.', 'BARE_FORMULA'],
    ['en bare formula', 'Dear Ms Sadykova, your appeal has been noted. Kind regards', 'BARE_FORMULA'],
    ['no address (ru)', 'Вывоз мусора возобновлён 26 ноября.', 'NO_ADDRESS'],
    ['no address (kk)', 'Сәлеметсіз бе! Қоқыс 26 қарашада шығарылды.', 'NO_ADDRESS'],
    ['no address (en)', 'Hello, waste collection resumed on 26 November.', 'NO_ADDRESS'],
  ];
  test('an answer must begin with a respectful address and say something (three languages); nothing is written otherwise', async () => {
    const a = await appealInWork('akimat-astana');
    const before = await snapshot(a.id);
    for (const [name, text, problem] of refused) {
      const res = await act('executor', 'akimat-astana', a.id, 'answer', { text, resolution: 'resolved' });
      expectError(res, 422, 'ANSWER_NOT_ACCEPTABLE');
      assert.equal(res.json.error?.details?.problem, problem, name);
    }
    assert.equal(await snapshot(a.id), before);
    for (const text of [GOOD_ANSWER, 'Құрметті Айгерим Садыққызы! Абай көшесі, 10 үйдің ауласындағы қоқыс 26 қарашадан бастап шығарылады.', 'Dear Ms Sadykova, waste collection at 10 Abai Street resumed on 26 November.']) {
      const res = await act('executor', 'akimat-astana', a.id, 'answer', { text, resolution: 'resolved' });
      assert.equal(res.status, 201, JSON.stringify(res.json));
    }
    // Each new draft supersedes the last: one draft remains.
    const answers = await get('executor', 'akimat-astana', `/api/v1/appeals/${a.id}/answers`);
    assert.deepEqual((answers.json.items as Array<{ status: string }>).map((x) => x.status), ['superseded', 'superseded', 'draft']);
  });

  test('drafted by the executor, signed by the head: sent by the chosen method, answered, on time', async () => {
    const a = await appealInWork('akimat-astana');
    expectError(await act('head', 'akimat-astana', a.id, 'sign'), 409, 'NO_ANSWER_DRAFT');
    expectError(await act('operator', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'resolved' }), 403, 'FORBIDDEN');
    expectError(await act('executor', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'redirected' }), 400, 'VALIDATION_FAILED');
    const draft = await act('executor', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'resolved', deliveryMethod: 'sms' });
    assert.equal(draft.status, 201, JSON.stringify(draft.json));
    assert.equal((await row(a.id)).status, 'in_work');
    for (const role of ['executor', 'comms_officer', 'operator']) expectError(await act(role, 'akimat-astana', a.id, 'sign'), 403, 'FORBIDDEN');
    env.clock.advance(2 * 86_400_000); // past the light target (1 working day), well within the legal term
    const signed = await act('head', 'akimat-astana', a.id, 'sign');
    assert.equal(signed.status, 200, JSON.stringify(signed.json));
    const r = await row(a.id);
    assert.deepEqual([r.status, r.resolution], ['answered', 'resolved']);
    assert.equal(r.answeredAt!.getTime(), env.clock.now().getTime());
    const e = (await events(a.id)).at(-1)!;
    assert.equal(e.type, 'appeal.answered');
    assert.deepEqual([(e.data as Record<string, unknown>).onTime, (e.data as Record<string, unknown>).targetMet], [true, false]); // light: 1 working day target
    assert.equal((e.data as Record<string, unknown>).text, undefined); // the text is not copied into the event log
    const note = (await notes(a.id)).find((n) => n.template === 'appeal.answered')!;
    assert.deepEqual([note.channel, note.address], ['sms', '+77011234567']);
    assert.equal((note.payload as Record<string, unknown>).text, GOOD_ANSWER);
    const corr = (await env.app.inject(`/api/v1/track/${a.number}/correspondence?code=${a.accessCode}`)).json();
    assert.equal(corr.answer.text, GOOD_ANSWER);
    expectError(await act('head', 'akimat-astana', a.id, 'sign'), 409, 'INVALID_TRANSITION');
    expectError(await act('executor', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'resolved' }), 409, 'INVALID_TRANSITION');
    env.clock.set(START);
  });

  test('an answer method without a contact is refused', async () => {
    const a = await appealInWork('akimat-astana', { over: { applicant: { type: 'individual', name: 'Айгерим Садыкова', email: 'a2@example.kz' } } });
    expectError(await act('executor', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'resolved', deliveryMethod: 'sms' }), 422, 'CONTACT_REQUIRED');
  });

  test('a body may allow other roles to sign (settings.signerRoles)', async () => {
    const a = await appealInWork('nko-kyzylzhar-bishkul');
    await act('executor', 'nko-kyzylzhar-bishkul', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'explained' });
    expectError(await act('comms_officer', 'nko-kyzylzhar-bishkul', a.id, 'sign'), 403, 'FORBIDDEN');
    const b = await env.ctx.db.selectFrom('body').select('settings').where('code', '=', 'nko-kyzylzhar-bishkul').executeTakeFirstOrThrow();
    await env.ctx.db.updateTable('body').set({ settings: { ...b.settings, signerRoles: ['comms_officer'] } }).where('code', '=', 'nko-kyzylzhar-bishkul').execute();
    try {
      assert.equal((await act('comms_officer', 'nko-kyzylzhar-bishkul', a.id, 'sign')).status, 200);
    } finally {
      await env.ctx.db.updateTable('body').set({ settings: b.settings }).where('code', '=', 'nko-kyzylzhar-bishkul').execute();
    }
  });
});

describe('completion', () => {
  test('close: answered -> closed by the comms officer; closed is not resolved', async () => {
    const a = await appealInWork('akimat-astana');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'close'), 409, 'INVALID_TRANSITION');
    await act('executor', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'refused' });
    await act('deputy', 'akimat-astana', a.id, 'sign');
    expectError(await act('executor', 'akimat-astana', a.id, 'close'), 403, 'FORBIDDEN');
    const res = await act('comms_officer', 'akimat-astana', a.id, 'close');
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const r = await row(a.id);
    assert.deepEqual([r.status, r.resolution], ['closed', 'refused']);
    assert.ok(r.closedAt);
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'close'), 409, 'INVALID_TRANSITION');
  });

  test('left without consideration needs a reason, tells the applicant, then closes', async () => {
    const a = await register('akimat-astana');
    expectError(await act('comms_officer', 'akimat-astana', a.id, 'leave-without-consideration', { reason: ' ' }), 400, 'VALIDATION_FAILED');
    expectError(await act('executor', 'akimat-astana', a.id, 'leave-without-consideration', { reason: 'нет сути' }), 403, 'FORBIDDEN');
    const res = await act('comms_officer', 'akimat-astana', a.id, 'leave-without-consideration', { reason: 'Обращение не содержит сути вопроса.' });
    assert.equal(res.status, 200, JSON.stringify(res.json));
    assert.deepEqual([(await row(a.id)).status, (await row(a.id)).resolution], ['left_without_consideration', 'left_without_consideration']);
    assert.ok((await notes(a.id)).some((n) => n.template === 'appeal.left_without_consideration' && (n.payload as Record<string, unknown>).reason === 'Обращение не содержит сути вопроса.'));
    assert.equal((await act('head', 'akimat-astana', a.id, 'close')).status, 200);
  });

  test('resolutions: one set with names and definitions in three languages', async () => {
    const res = await env.app.inject('/api/v1/resolutions');
    assert.equal(res.statusCode, 200);
    const items = res.json().items as Array<{ code: string; name: Record<string, string>; definition: Record<string, string> }>;
    assert.deepEqual(items.map((i) => i.code), ['resolved', 'explained', 'refused', 'redirected', 'left_without_consideration']);
    for (const i of items) for (const l of ['kk', 'ru', 'en']) assert.ok(i.name[l] && i.definition[l].length > 20, `${i.code} ${l}`);
  });
});

describe('feedback', () => {
  test('rated once with the access code; not before the answer', async () => {
    const a = await appealInWork('akimat-astana');
    const post = (payload: object) => env.app.inject({ method: 'POST', url: `/api/v1/track/${a.number}/feedback`, payload });
    assert.equal((await post({ code: a.accessCode, score: 5 })).statusCode, 409);
    await act('executor', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'resolved' });
    await act('head', 'akimat-astana', a.id, 'sign');
    assert.equal((await post({ code: 'WRONGCODE22', score: 5 })).statusCode, 404);
    assert.equal((await post({ code: a.accessCode, score: 6 })).statusCode, 400);
    const first = await post({ code: a.accessCode, score: 4, comment: 'Спасибо, вывезли.' });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().complaint, null);
    const second = await post({ code: a.accessCode, score: 1 });
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().error.code, 'FEEDBACK_ALREADY_GIVEN');
    assert.equal((await row(a.id)).satisfaction, 4);
    const fb = (await events(a.id)).filter((e) => e.type === 'appeal.feedback');
    assert.equal(fb.length, 1);
    assert.equal(fb[0].reason, 'Спасибо, вывезли.');
  });

  test('disagreement opens a linked complaint in the same body, visible on both', async () => {
    const a = await appealInWork('akimat-astana');
    await act('executor', 'akimat-astana', a.id, 'answer', { text: GOOD_ANSWER, resolution: 'resolved' });
    await act('head', 'akimat-astana', a.id, 'sign');
    await act('comms_officer', 'akimat-astana', a.id, 'close');
    const res = await env.app.inject({ method: 'POST', url: `/api/v1/track/${a.number}/feedback`, payload: { code: a.accessCode, score: 1, disagree: true, comment: 'Мусор так и не вывезли.' } });
    assert.equal(res.statusCode, 201, res.body);
    const { complaint } = res.json();
    assert.match(complaint.number, /-2026-\d{6}$/);
    const c = await env.ctx.db.selectFrom('appeal').selectAll().where('number', '=', complaint.number).executeTakeFirstOrThrow();
    assert.deepEqual([c.bodyId, c.kind, c.repeatOfId, c.status], [body['akimat-astana'], 'complaint', a.id, 'registered']);
    assert.match(c.text, new RegExp(`не согласен с ответом на обращение № ${a.number}`));
    assert.match(c.text, /Мусор так и не вывезли/);
    const track = await env.app.inject(`/api/v1/track/${complaint.number}?code=${complaint.accessCode}`);
    assert.equal(track.statusCode, 200);
    const onOriginal = (await events(a.id)).find((e) => e.type === 'appeal.feedback')!;
    assert.deepEqual([(onOriginal.data as Record<string, unknown>).disagree, (onOriginal.data as Record<string, unknown>).number], [true, complaint.number]);
    const onComplaint = (await events(c.id))[0];
    assert.equal((onComplaint.data as Record<string, unknown>).repeatOfId, a.id);
    const links = await get('comms_officer', 'akimat-astana', `/api/v1/appeals/${a.id}/links`);
    assert.deepEqual((links.json.repeats as Array<{ number: string }>).map((x) => x.number), [complaint.number]);
  });
});

describe('repeat appeals', () => {
  const person = (over: Record<string, unknown> = {}) => ({ type: 'individual', name: 'Берик Оспанов', iin: '000740001307', email: 'berik@example.kz', phone: '+77017654321', ...over });

  test('same ИИН and topic within 12 months is linked to the latest earlier appeal', async () => {
    const first = await register('akimat-astana', { applicant: person(), topicCode: 'roads_transport' });
    env.clock.advance(60_000);
    const second = await register('akimat-almaty', { applicant: person({ email: 'other@example.kz' }), topicCode: 'roads_transport' });
    assert.equal((await row(second.id)).repeatOfId, first.id);
    env.clock.advance(60_000);
    const third = await register('akimat-astana', { applicant: person(), topicCode: 'roads_transport' });
    assert.equal((await row(third.id)).repeatOfId, second.id);
    const ev = (await events(third.id))[0];
    assert.equal((ev.data as Record<string, unknown>).repeatOfId, second.id);
    const otherTopic = await register('akimat-astana', { applicant: person(), topicCode: 'housing.water' });
    assert.equal((await row(otherTopic.id)).repeatOfId, null);
    // Same e-mail but a different ИИН is another person.
    const stranger = await register('akimat-astana', { applicant: person({ iin: '880516300374' }), topicCode: 'roads_transport' });
    assert.equal((await row(stranger.id)).repeatOfId, null);
  });

  test('without an ИИН, the same e-mail or phone links; after 12 months nothing does', async () => {
    const noIin = (over: Record<string, unknown>) => ({ type: 'individual', name: 'Дана', ...over });
    const first = await register('akimat-astana', { applicant: noIin({ email: 'dana@example.kz' }), topicCode: 'ecology' });
    const byEmail = await register('akimat-astana', { applicant: noIin({ email: 'DANA@example.kz' }), topicCode: 'ecology' });
    assert.equal((await row(byEmail.id)).repeatOfId, first.id);
    const byPhone1 = await register('akimat-astana', { applicant: noIin({ email: 'd1@example.kz', phone: '+77005550000' }), topicCode: 'social' });
    const byPhone2 = await register('akimat-astana', { applicant: noIin({ email: 'd2@example.kz', phone: '+77005550000' }), topicCode: 'social' });
    assert.equal((await row(byPhone2.id)).repeatOfId, byPhone1.id);
    env.clock.set('2027-12-01T05:00:00Z');
    try {
      const late = await register('akimat-astana', { applicant: noIin({ email: 'dana@example.kz' }), topicCode: 'ecology' });
      assert.equal((await row(late.id)).repeatOfId, null);
    } finally {
      env.clock.set(START);
    }
  });

  test('a topic chosen at triage reveals a repeat intake could not see', async () => {
    const first = await register('akimat-astana', { applicant: { type: 'individual', name: 'Ержан', email: 'erzhan@example.kz' }, topicCode: 'land' });
    const untitled = await register('akimat-astana', { applicant: { type: 'individual', name: 'Ержан', email: 'erzhan@example.kz' }, topicCode: undefined });
    assert.equal((await row(untitled.id)).repeatOfId, null);
    await act('comms_officer', 'akimat-astana', untitled.id, 'triage', { competence: 'own', topicCode: 'land' });
    assert.equal((await row(untitled.id)).repeatOfId, first.id);
  });
});

describe('statistics', () => {
  test('a body’s period: received, on time vs late, target, resolutions, redirects, extensions, satisfaction, repeats', async () => {
    const code = 'nko-kyzylzhar-bishkul';
    const cookie = await env.login('head', code);
    const stats = async (q: string) => {
      const res = await env.app.inject({ url: `/api/v1/stats?from=2026-11-01&to=2026-12-31${q}`, headers: { cookie } });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const base = (await stats('')).totals;
    const u = { applicant: { type: 'individual', name: 'Серик', iin: '880516300374', email: 'serik@example.kz' }, topicCode: 'social' };
    // 1: resolved on time (and rated 5)
    const onTime = await appealInWork(code, { over: u });
    await act('executor', code, onTime.id, 'answer', { text: GOOD_ANSWER, resolution: 'resolved' });
    await act('head', code, onTime.id, 'sign');
    await env.app.inject({ method: 'POST', url: `/api/v1/track/${onTime.number}/feedback`, payload: { code: onTime.accessCode, score: 5 } });
    // 2: refused, late (a repeat of 1), rated 2 with disagreement -> a complaint (3, also a repeat)
    const late = await appealInWork(code, { over: u });
    await act('executor', code, late.id, 'answer', { text: GOOD_ANSWER, resolution: 'refused' });
    env.clock.set('2026-12-31T05:00:00Z');
    await act('head', code, late.id, 'sign');
    const fb = await env.app.inject({ method: 'POST', url: `/api/v1/track/${late.number}/feedback`, payload: { code: late.accessCode, score: 2, disagree: true } });
    assert.equal(fb.statusCode, 201, fb.body);
    env.clock.set(START);
    // 4: redirected on time; 5: extended and still open
    const someone = (n: number) => ({ applicant: { type: 'individual', name: 'Гүлнар', email: `stats${n}@example.kz` } });
    const away = await register(code, someone(1));
    await act('comms_officer', code, away.id, 'triage', { competence: 'other', targetBodyId: body['akimat-almaty'] });
    const ext = await appealInWork(code, { over: someone(2) });
    await act('head', code, ext.id, 'extend', { until: '2027-01-15', reason: 'экспертиза' });
    // 6: nobody's competence (explained)
    const none = await register(code, { ...someone(3), topicCode: 'other' });
    await act('comms_officer', code, none.id, 'triage', { competence: 'none' });

    const t = (await stats('')).totals;
    const d = (k: string) => t[k] - base[k];
    assert.equal(d('received'), 6); // the complaint was received on 31 Dec
    assert.equal(d('answered'), 3);
    assert.equal(d('answeredOnTime'), 2);
    assert.equal(d('answeredLate'), 1);
    assert.equal(d('redirected'), 1);
    assert.equal(d('lateRedirects'), 0);
    assert.equal(d('extensions'), 1);
    assert.equal(d('repeats'), 2);
    assert.equal(d('disagreements'), 1);
    assert.equal(t.satisfaction.count - base.satisfaction.count, 2);
    assert.equal(t.byResolution.resolved - base.byResolution.resolved, 1);
    assert.equal(t.byResolution.refused - base.byResolution.refused, 1);
    assert.equal(t.byResolution.explained - base.byResolution.explained, 1);
    assert.equal(t.byResolution.redirected - base.byResolution.redirected, 1);
    if (base.satisfaction.count === 0) assert.equal(t.satisfaction.average, 3.5);

    const byResolution = await stats('&groupBy=resolution');
    const refusedGroup = byResolution.groups.find((g: { key: string }) => g.key === 'refused');
    assert.ok(refusedGroup.received >= 1 && refusedGroup.answeredLate >= 1);
    assert.equal(byResolution.groups.reduce((s: number, g: { received: number }) => s + g.received, 0), byResolution.totals.received);
    const byChannel = await stats('&groupBy=channel');
    assert.ok(byChannel.groups.some((g: { key: string }) => g.key === 'website'));
    const byUnit = await stats('&groupBy=unit');
    assert.ok(byUnit.groups.some((g: { label: { ru: string } | null }) => g.label?.ru));
    const byTopic = await stats('&groupBy=topic');
    const social = byTopic.groups.find((g: { key: string }) => g.key === 'social');
    assert.ok(social.received >= 3 && social.label.en && social.label.kk && social.label.ru);
  });

  test('late redirects are counted', async () => {
    const code = 'wko-terekti';
    const res = await env.app.inject({ url: '/api/v1/stats?from=2026-11-01&to=2026-12-31', headers: { cookie: await env.login('comms_officer', code) } });
    assert.ok(res.json().totals.lateRedirects >= 1, res.body);
  });

  test('staff see their own body; analyst and oversight any body or all', async () => {
    const own = await env.app.inject({ url: `/api/v1/stats?bodyId=${body['akimat-almaty']}`, headers: { cookie: await env.login('executor', 'akimat-astana') } });
    assert.equal(own.statusCode, 403);
    const mine = await env.app.inject({ url: '/api/v1/stats', headers: { cookie: await env.login('executor', 'akimat-astana') } });
    assert.equal(mine.json().bodyId, body['akimat-astana']);
    const all = await env.app.inject({ url: '/api/v1/stats?from=2026-01-01&to=2027-12-31&groupBy=body', headers: { cookie: await env.login('analyst', 'min-info') } });
    assert.equal(all.statusCode, 200, all.body);
    assert.equal(all.json().bodyId, null);
    assert.ok(all.json().groups.length >= 4);
    const one = await env.app.inject({ url: `/api/v1/stats?bodyId=${body['akimat-almaty']}`, headers: { cookie: await env.login('oversight', 'min-info') } });
    assert.equal(one.json().bodyId, body['akimat-almaty']);
    const bad = await env.app.inject({ url: '/api/v1/stats?from=2026-12-01&to=2026-11-01', headers: { cookie: await env.login('analyst', 'min-info') } });
    assert.equal(bad.statusCode, 400);
    const badGroup = await env.app.inject({ url: '/api/v1/stats?groupBy=mood', headers: { cookie: await env.login('analyst', 'min-info') } });
    assert.equal(badGroup.statusCode, 400);
    assert.equal((await env.app.inject('/api/v1/stats')).statusCode, 401);
  });
});

test('OpenAPI lists the process and statistics endpoints', async () => {
  const doc = (await env.app.inject('/api/v1/openapi.json')).json();
  for (const p of ['triage', 'assign', 'extend', 'request-info', 'info-received', 'answer', 'sign', 'close', 'leave-without-consideration', 'links', 'answers']) {
    assert.ok(doc.paths[`/api/v1/appeals/{id}/${p}`], p);
  }
  for (const p of ['/api/v1/track/{number}/feedback', '/api/v1/track/{number}/reply', '/api/v1/track/{number}/correspondence', '/api/v1/stats', '/api/v1/resolutions']) assert.ok(doc.paths[p], p);
});
