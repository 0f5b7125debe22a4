import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let astana: string;
const START = '2026-11-25T05:00:00Z'; // a Wednesday, 10:00 in Almaty
// A box away from every demo appeal (near Kyzylorda), so these tests own what is in it.
const BOX = '65.40,44.70,65.60,44.90';

before(async () => {
  env = await createTestEnv({ now: START });
  astana = await env.bodyId('akimat-astana');
});
after(() => env.close());

type Registered = { id: string; number: string; accessCode: string };

async function register(over: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Registered> {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers, payload: citizenAppeal(astana, over) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function act(role: string, id: string, action: string, payload?: object) {
  const res = await env.app.inject({ method: 'POST', url: `/api/v1/appeals/${id}/${action}`, headers: { cookie: await env.login(role, 'akimat-astana') }, ...(payload ? { payload } : {}) });
  assert.ok(res.statusCode === 200 || res.statusCode === 201, `${action}: ${res.statusCode} ${res.body}`);
}

async function staffOf(role: string) {
  return env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', `${role.replace('_', '-')}@akimat-astana.example.kz`).executeTakeFirstOrThrow();
}

async function inWork(over: Record<string, unknown> = {}) {
  const a = await register(over);
  const executor = await staffOf('executor');
  await act('comms_officer', a.id, 'triage', { competence: 'own', unitId: executor.unitId });
  await act('comms_officer', a.id, 'assign', { executorId: executor.id });
  return a;
}

const GOOD_ANSWER = 'Уважаемая Айгерим Садыковна! Вывоз мусора во дворе дома по ул. Абая, 10 возобновлён 26 ноября; подрядчику выставлена претензия.';

async function answered(resolution: 'resolved' | 'explained', over: Record<string, unknown> = {}) {
  const a = await inWork(over);
  await act('executor', a.id, 'answer', { text: GOOD_ANSWER, resolution });
  await act('head', a.id, 'sign');
  return a;
}

const at = (lat: number, lon: number) => ({ location: { lat, lon } });
const points = async (query: string) => env.app.inject({ url: `/api/v1/map/points?${query}` });
const events = (id: string) => env.ctx.db.selectFrom('appealEvent').selectAll().where('appealId', '=', id).orderBy('id').execute();

describe('public map', () => {
  let cells: Array<Record<string, number | string>>;

  before(async () => {
    await register(at(44.81234, 65.51234)); // new
    await inWork({ ...at(44.8124, 65.5121), topicCode: 'improvement.lighting' }); // in work, same 100 m cell
    await answered('resolved', at(44.75, 65.45)); // solved
    await answered('explained', at(44.76, 65.46)); // not solved
    // A trust-phone appeal with a place, alone in its cell: never on the map.
    const ethics = await env.login('ethics_commissioner', 'akimat-astana');
    await register({ kind: 'message', channel: 'trust_phone', ...at(44.85, 65.55), preferredAnswer: 'sms' }, { cookie: ethics });
    const res = await points(`bbox=${BOX}&zoom=16`);
    assert.equal(res.statusCode, 200, res.body);
    cells = res.json().cells;
  });

  test('counts by status colour per ~100 m cell; points rounded; confidential never shown; nothing personal', async () => {
    const shared = cells.find((c) => c.total === 2)!;
    assert.deepEqual([shared.lat, shared.lon, shared.new, shared.inWork], [44.812, 65.512, 1, 1]);
    assert.equal(cells.length, 3, JSON.stringify(cells));
    // A tie is drawn in the less finished colour: one new and one in work is new.
    assert.deepEqual(cells.map((c) => c.colour).sort(), ['new', 'not_solved', 'solved']);
    assert.equal(cells.find((c) => c.lat === 44.75)!.solved, 1);
    assert.equal(cells.find((c) => c.lat === 44.76)!.notSolved, 1);
    assert.ok(!cells.some((c) => c.lat === 44.85), 'the trust-phone appeal is not on the map');
    for (const c of cells) {
      assert.deepEqual(Object.keys(c).sort(), ['colour', 'inWork', 'lat', 'lon', 'new', 'notSolved', 'solved', 'total']);
      assert.equal(Math.round((c.lat as number) * 1000) / 1000, c.lat, 'never finer than 0.001°');
    }
  });

  test('filters: status, topic (with sub-topics), period, box, body; a coarser grid at a low zoom', async () => {
    const byStatus = (await points(`bbox=${BOX}&zoom=16&status=solved,not_solved`)).json();
    assert.equal(byStatus.total, 2);
    const lighting = (await points(`bbox=${BOX}&zoom=16&topic=improvement.lighting`)).json();
    assert.deepEqual([lighting.total, lighting.cells[0].inWork], [1, 1]);
    assert.equal((await points(`bbox=${BOX}&zoom=16&topic=improvement`)).json().total, 4, 'a topic counts its sub-topics');
    assert.equal((await points(`bbox=${BOX}&zoom=16&from=2026-11-26`)).json().total, 0, 'registered before the period');
    assert.equal((await points(`bbox=${BOX}&zoom=16&to=2026-11-25`)).json().total, 4, 'a date as the end is the whole day');
    assert.equal((await points('bbox=65.50,44.80,65.52,44.82&zoom=16')).json().total, 2);
    assert.equal((await points(`bbox=${BOX}&zoom=16&body=akimat-almaty`)).json().total, 0);
    const coarse = (await points(`bbox=${BOX}&zoom=8`)).json();
    assert.ok(coarse.cells.length <= 2 && coarse.total === 4, JSON.stringify(coarse));
    assert.ok(coarse.cell > 0.1);
  });

  test('bad input is a 400 with a stable code', async () => {
    for (const bbox of ['1,2,3', 'a,b,c,d', '10,10,5,20', '-200,0,0,10', '1,,3,4']) {
      const res = await points(`bbox=${encodeURIComponent(bbox)}`);
      assert.equal(res.statusCode, 400, bbox);
      assert.equal(res.json().error.code, 'BAD_BBOX');
    }
    assert.equal((await points('status=fixed')).statusCode, 400);
    assert.equal((await points('zoom=40')).statusCode, 400);
    assert.equal((await points('from=yesterday')).statusCode, 400);
    assert.equal((await points('topic=no.such')).json().error.code, 'TOPIC_NOT_FOUND');
    assert.equal((await points('body=nobody')).statusCode, 404);
  });

  test('the tiles’ address is configuration, allowed by the page’s CSP', async () => {
    const res = await env.app.inject('/api/v1/map/config');
    assert.equal(res.json().tilesUrl, 'https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    assert.match(String(res.headers['content-security-policy']), /img-src 'self' data: blob: https:\/\/tile\.openstreetmap\.org/);
  });
});

describe('city objects and QR posters', () => {
  const call = async (method: 'GET' | 'POST' | 'DELETE', url: string, role?: string, bodyCode = 'akimat-astana', payload?: object) =>
    env.app.inject({ method, url: `/api/v1${url}`, headers: role ? { cookie: await env.login(role, bodyCode) } : {}, ...(payload ? { payload } : {}) });

  test('the communications officer creates an object; anyone reads it; the QR code opens the filled form', async () => {
    const created = await call('POST', '/city-objects', 'comms_officer', 'akimat-astana', { code: 'ast-stop-9', name: 'Остановка «Хан Шатыр»', address: 'Астана, Туран 37', location: { lat: 51.1325, lon: 71.4039 }, topicCode: 'roads_transport' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().code, 'AST-STOP-9');
    const pub = await call('GET', '/city-objects/ast-stop-9');
    assert.equal(pub.statusCode, 200);
    assert.deepEqual([pub.json().body.code, pub.json().topicCode, pub.json().location], ['akimat-astana', 'roads_transport', { lat: 51.1325, lon: 71.4039 }]);
    const qr = await call('GET', '/city-objects/AST-STOP-9/qr.svg?lang=ru');
    assert.equal(qr.statusCode, 200);
    assert.match(String(qr.headers['content-type']), /^image\/svg\+xml/);
    assert.match(qr.body, /^<svg[\s\S]*<path/);
    assert.equal(qr.headers['x-qr-link'], 'http://localhost:3000/ru/appeal?object=AST-STOP-9');
    const list = await call('GET', '/city-objects?limit=200', 'operator');
    assert.ok(list.json().items.some((o: { code: string }) => o.code === 'AST-STOP-9'));
    assert.ok(list.json().items.some((o: { code: string }) => o.code === 'AST-BUS-0417'), 'the demo objects');
  });

  test('as an attacker: no session, the wrong role, another body, a taken or malformed code', async () => {
    const payload = { code: 'AST-X-1', name: 'Подъезд' };
    assert.equal((await call('POST', '/city-objects', undefined, 'akimat-astana', payload)).statusCode, 401);
    assert.equal((await call('POST', '/city-objects', 'operator', 'akimat-astana', payload)).statusCode, 403);
    assert.equal((await call('GET', '/city-objects')).statusCode, 401);
    assert.equal((await call('POST', '/city-objects', 'comms_officer', 'akimat-astana', { ...payload, code: 'AST-BUS-0417' })).json().error.code, 'CITY_OBJECT_EXISTS');
    assert.equal((await call('POST', '/city-objects', 'comms_officer', 'akimat-astana', { ...payload, code: 'bad code!' })).statusCode, 400);
    assert.equal((await call('POST', '/city-objects', 'comms_officer', 'akimat-astana', { ...payload, topicCode: 'no.such' })).json().error.code, 'TOPIC_NOT_FOUND');
    assert.equal((await call('POST', '/city-objects', 'comms_officer', 'akimat-astana', { ...payload, location: { lat: 91, lon: 0 } })).statusCode, 400);
    // Almaty's officer neither lists nor removes Astana's objects.
    const almaty = await call('GET', '/city-objects?limit=200', 'comms_officer', 'akimat-almaty');
    assert.ok(!almaty.json().items.some((o: { code: string }) => o.code.startsWith('AST-')));
    assert.equal((await call('DELETE', '/city-objects/AST-BUS-0417', 'comms_officer', 'akimat-almaty')).statusCode, 404);
    assert.equal((await call('GET', '/city-objects/AST-BUS-0417')).statusCode, 200);
    assert.equal((await call('GET', '/city-objects/NOPE-123')).json().error.code, 'CITY_OBJECT_NOT_FOUND');
    assert.equal((await call('DELETE', '/city-objects/AST-BUS-0417', 'comms_officer')).statusCode, 204);
    assert.equal((await call('GET', '/city-objects/AST-BUS-0417/qr.svg')).statusCode, 404);
  });
});

describe('the applicant confirms or refutes the fix', () => {
  const fix = (a: Registered, payload: object) => env.app.inject({ method: 'POST', url: `/api/v1/track/${a.number}/fix`, payload: { code: a.accessCode, ...payload } });
  const state = async (a: Registered) => (await env.app.inject(`/api/v1/track/${a.number}/fix?code=${a.accessCode}`)).json();

  test('confirmed once, with the access code, only after a resolved answer', async () => {
    const early = await inWork();
    assert.equal((await fix(early, { verdict: 'confirmed' })).json().error.code, 'FIX_NOT_RESOLVED');
    const explained = await answered('explained');
    assert.equal((await fix(explained, { verdict: 'refuted' })).json().error.code, 'FIX_NOT_RESOLVED');

    const a = await answered('resolved');
    const s = await state(a);
    assert.deepEqual([s.asked, s.canGive, s.verdict], [true, true, null]);
    assert.equal((await fix({ ...a, accessCode: 'WRONGCODE22' }, { verdict: 'confirmed' })).statusCode, 404);
    assert.equal((await fix(a, { verdict: 'maybe' })).statusCode, 400);
    const ok = await fix(a, { verdict: 'confirmed', comment: 'Вывезли, спасибо.' });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(ok.json(), { number: a.number, verdict: 'confirmed', complaint: null });
    const again = await fix(a, { verdict: 'refuted' });
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'FIX_VERDICT_GIVEN']);
    assert.equal((await events(a.id)).filter((e) => e.type.startsWith('appeal.fix_')).map((e) => e.type).join(), 'appeal.fix_confirmed');
    assert.deepEqual([(await state(a)).canGive, (await state(a)).verdict.verdict], [false, 'confirmed']);
    const track = (await env.app.inject(`/api/v1/track/${a.number}?code=${a.accessCode}`)).json();
    assert.ok(track.history.some((h: { type: string }) => h.type === 'appeal.fix_confirmed'), 'a public event');
  });

  test('refuting opens the disagreement complaint; the map shows the place as not solved; counted', async () => {
    const a = await answered('resolved', at(44.70, 65.40));
    const before = (await points('bbox=65.39,44.69,65.41,44.71&zoom=16')).json().cells[0];
    assert.equal(before.solved, 1);
    const res = await fix(a, { verdict: 'refuted', comment: 'Мусор так и не вывезли.' });
    assert.equal(res.statusCode, 201, res.body);
    const { complaint } = res.json();
    const c = await env.ctx.db.selectFrom('appeal').selectAll().where('number', '=', complaint.number).executeTakeFirstOrThrow();
    assert.deepEqual([c.kind, c.repeatOfId, c.status, c.bodyId], ['complaint', a.id, 'registered', astana]);
    assert.match(c.text, new RegExp(`не согласен с ответом на обращение № ${a.number}`));
    assert.match(c.text, /Мусор так и не вывезли/);
    assert.equal((await env.app.inject(`/api/v1/track/${complaint.number}?code=${complaint.accessCode}`)).statusCode, 200);
    const ev = (await events(a.id)).find((e) => e.type === 'appeal.fix_refuted')!;
    assert.equal((ev.data as { number: string }).number, complaint.number);
    const after = (await points('bbox=65.39,44.69,65.41,44.71&zoom=16')).json().cells[0];
    // The complaint carries the place too: a new appeal at the same spot.
    assert.deepEqual([after.solved, after.notSolved, after.new], [0, 1, 1]);
    const counts = (await env.app.inject('/api/v1/map/fix-verdicts?body=akimat-astana')).json();
    assert.deepEqual(counts, { confirmed: 1, refuted: 1, total: 2 });
  });

  test('after 15 days the verdict is closed', async () => {
    const a = await answered('resolved');
    env.clock.advance(16 * 86_400_000);
    assert.equal((await state(a)).canGive, false);
    const res = await fix(a, { verdict: 'refuted' });
    assert.deepEqual([res.statusCode, res.json().error.code], [409, 'FIX_VERDICT_CLOSED']);
  });
});
