import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let astana: string;
let almaty: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  almaty = await env.bodyId('akimat-almaty');
});
after(() => env.close());

const post = (payload: unknown, headers: Record<string, string> = {}) => env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: payload as object, headers });
const count = async (table: 'appeal' | 'appealEvent' | 'notification') => Number((await env.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('public contract', () => {
  test('health answers ok', async () => {
    const res = await env.app.inject('/api/v1/health');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok' });
  });

  test('bodies are keyset-paginated and have names in three languages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { statusCode: number; json(): { items: Array<{ code: string; name: Record<string, string> }>; nextCursor: string | null } } = await env.app.inject(`/api/v1/bodies?limit=8${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(res.statusCode, 200);
      const page = res.json();
      for (const b of page.items) {
        assert.ok(b.name.kk && b.name.ru && b.name.en);
        seen.push(b.code);
      }
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 21);
    assert.equal(new Set(seen).size, 21);
  });

  test('topics form a two-level taxonomy', async () => {
    const { items } = (await env.app.inject('/api/v1/topics')).json();
    const top = items.filter((t: { parentCode: string | null }) => !t.parentCode);
    assert.ok(top.some((t: { code: string }) => t.code === 'housing'));
    assert.ok(items.some((t: { parentCode: string | null }) => t.parentCode === 'housing'));
  });

  test('OpenAPI document lists the register endpoints', async () => {
    const doc = (await env.app.inject('/api/v1/openapi.json')).json();
    for (const p of ['/api/v1/appeals', '/api/v1/track/{number}', '/api/v1/bodies', '/api/v1/auth/login']) assert.ok(doc.paths[p], p);
  });
});

describe('intake', () => {
  test('registers an appeal: number, access code, event and a notification', async () => {
    const res = await post(citizenAppeal(astana));
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.match(body.number, /^[A-Z]+-2026-\d{6}$/);
    assert.match(body.accessCode, /^[2-9A-Z]{10}$/);
    assert.equal(body.status, 'registered');
    const events = await env.ctx.db.selectFrom('appealEvent').selectAll().where('appealId', '=', body.id).execute();
    assert.deepEqual(events.map((e) => e.type), ['appeal.registered']);
    const note = await env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', body.id).executeTakeFirstOrThrow();
    assert.equal(note.channel, 'email');
    assert.equal(note.address, 'aigerim@example.kz');
  });

  test('numbers run per body and year', async () => {
    const a = (await post(citizenAppeal(almaty))).json();
    const b = (await post(citizenAppeal(almaty))).json();
    const seq = (n: string) => Number(n.split('-').at(-1));
    assert.equal(seq(b.number), seq(a.number) + 1);
  });

  test('detects the language when not given', async () => {
    const res = await post(citizenAppeal(astana, { text: 'Біздің ауладағы балалар алаңы бұзылған, жөндеуге көмектесіңіздерші. Рахмет.' }));
    const card = await env.ctx.db.selectFrom('appeal').select('language').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.equal(card.language, 'kk');
  });

  test('the same Idempotency-Key returns the same appeal, never a second one', async () => {
    const before = await count('appeal');
    const key = 'intake-key-0001';
    const [r1, r2] = await Promise.all([post(citizenAppeal(astana), { 'idempotency-key': key }), post(citizenAppeal(astana), { 'idempotency-key': key })]);
    const r3 = await post(citizenAppeal(astana), { 'idempotency-key': key });
    assert.equal(r1.statusCode, 201);
    assert.equal(r2.statusCode, 201);
    assert.deepEqual(r1.json(), r2.json());
    assert.deepEqual(r1.json(), r3.json());
    assert.equal(await count('appeal'), before + 1);
    const reused = await post(citizenAppeal(astana, { text: 'A different appeal under the same key.' }), { 'idempotency-key': key });
    assert.equal(reused.statusCode, 422);
    assert.equal(reused.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
  });
});

describe('bad input gets a clear 4xx and writes nothing', () => {
  const cases: Array<[string, (b: string) => unknown, number, string]> = [
    ['wrong ИИН checksum', (b) => citizenAppeal(b, { applicant: { type: 'individual', name: 'А', iin: '880516300378', email: 'a@example.kz' } }), 422, 'INVALID_IIN'],
    ['ИИН not 12 digits', (b) => citizenAppeal(b, { applicant: { type: 'individual', name: 'А', iin: '12345', email: 'a@example.kz' } }), 422, 'INVALID_IIN'],
    ['legal entity without БИН', (b) => citizenAppeal(b, { applicant: { type: 'legal', name: 'ТОО Береке', email: 'a@example.kz' } }), 422, 'INVALID_BIN'],
    ['anonymous on the website', (b) => citizenAppeal(b, { applicant: { type: 'anonymous' }, preferredAnswer: 'portal' }), 422, 'ANONYMOUS_NOT_ALLOWED'],
    ['e-mail answer without e-mail', (b) => citizenAppeal(b, { applicant: { type: 'individual', name: 'А', phone: '+77011234567' } }), 422, 'CONTACT_REQUIRED'],
    ['wrong type of text', (b) => citizenAppeal(b, { text: 42 }), 400, 'VALIDATION_FAILED'],
    ['unknown kind', (b) => citizenAppeal(b, { kind: 'rant' }), 400, 'VALIDATION_FAILED'],
    ['unknown field', (b) => citizenAppeal(b, { admin: true }), 400, 'VALIDATION_FAILED'],
    ['unknown topic', (b) => citizenAppeal(b, { topicCode: 'nope' }), 422, 'TOPIC_NOT_FOUND'],
    ['unknown body', () => citizenAppeal('00000000-0000-4000-8000-000000000000'), 404, 'BODY_NOT_FOUND'],
    ['public caller choosing a staff channel', (b) => citizenAppeal(b, { channel: 'hand_delivered' }), 403, 'FORBIDDEN'],
  ];
  for (const [name, make, status, code] of cases) {
    test(name, async () => {
      const before = await count('appeal');
      const res = await post(make(astana));
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().error.code, code);
      assert.ok(res.json().error.message.length > 0);
      assert.equal(await count('appeal'), before);
    });
  }

  test('bad JSON', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: '{"bodyId":', headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'INVALID_JSON');
  });

  test('a huge body', async () => {
    const before = await count('appeal');
    const res = await post(citizenAppeal(astana, { text: 'я'.repeat(1_100_000) }));
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
    assert.equal(await count('appeal'), before);
  });

  test('errors speak the caller’s language', async () => {
    const bad = citizenAppeal(astana, { applicant: { type: 'individual', name: 'А', iin: '1', email: 'a@example.kz' } });
    const ru = await post(bad, { 'accept-language': 'ru-RU,ru;q=0.9' });
    const kk = await post(bad, { 'accept-language': 'kk' });
    const en = await post(bad, { 'accept-language': 'en' });
    assert.match(ru.json().error.message, /ИИН/);
    assert.match(kk.json().error.message, /ЖСН/);
    assert.match(en.json().error.message, /IIN/);
  });
});

describe('tracking', () => {
  test('number + access code shows status and public history; a wrong code looks like a missing number', async () => {
    const { number, accessCode } = (await post(citizenAppeal(astana))).json();
    const ok = await env.app.inject(`/api/v1/track/${number}?code=${accessCode}`);
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json().status, 'registered');
    assert.ok(ok.json().legalDueAt);
    assert.equal(ok.json().history[0].type, 'appeal.registered');
    assert.equal(JSON.stringify(ok.json()).includes('880516300374'), false, 'no personal data on tracking');
    const wrong = await env.app.inject(`/api/v1/track/${number}?code=WRONGCODE22`);
    const missing = await env.app.inject(`/api/v1/track/XX-2026-999999?code=${accessCode}`);
    assert.equal(wrong.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(wrong.json(), missing.json());
  });
});

describe('staff access', () => {
  test('login sets an HTTP-only SameSite cookie; /me answers; wrong password is 401', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'comms-officer@akimat-astana.example.kz', password: 'demo-password' } });
    assert.equal(res.statusCode, 200);
    const c = res.cookies.find((x) => x.name === 'tyndau_session')!;
    assert.equal(c.httpOnly, true);
    assert.equal(c.sameSite, 'Lax');
    const me = await env.app.inject({ url: '/api/v1/me', headers: { cookie: `${c.name}=${c.value}` } });
    assert.equal(me.json().staff.role, 'comms_officer');
    const bad = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'comms-officer@akimat-astana.example.kz', password: 'wrong-password' } });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().error.code, 'INVALID_CREDENTIALS');
    const anon = await env.app.inject('/api/v1/me');
    assert.equal(anon.statusCode, 401);
  });

  test('staff see their body’s appeals only; another body’s appeal is 404', async () => {
    const mine = (await post(citizenAppeal(astana))).json();
    const theirs = (await post(citizenAppeal(almaty))).json();
    const cookie = await env.login('comms_officer', 'akimat-astana');
    assert.equal((await env.app.inject({ url: `/api/v1/appeals/${mine.id}`, headers: { cookie } })).statusCode, 200);
    const other = await env.app.inject({ url: `/api/v1/appeals/${theirs.id}`, headers: { cookie } });
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'APPEAL_NOT_FOUND');
    const list = (await env.app.inject({ url: '/api/v1/appeals?limit=200', headers: { cookie } })).json();
    assert.ok(list.items.every((a: { bodyId: string }) => a.bodyId === astana));
  });

  test('analyst reads across bodies with personal data masked; the comms officer sees it', async () => {
    const { id } = (await post(citizenAppeal(almaty))).json();
    const analyst = await env.login('analyst', 'min-info');
    const card = (await env.app.inject({ url: `/api/v1/appeals/${id}`, headers: { cookie: analyst } })).json();
    assert.equal(card.personalDataMasked, true);
    assert.equal(card.applicantIin, '**********74');
    assert.equal(card.applicantEmail, 'a***@example.kz');
    assert.notEqual(card.applicantPhone, '+77011234567');
    const officer = await env.login('comms_officer', 'akimat-almaty');
    const full = (await env.app.inject({ url: `/api/v1/appeals/${id}`, headers: { cookie: officer } })).json();
    assert.equal(full.applicantIin, '880516300374');
  });

  test('trust phone: anonymous allowed; a given identity is seen by the ethics commissioner only', async () => {
    const ethics = await env.login('ethics_commissioner', 'akimat-astana');
    const anon = await post(
      { bodyId: astana, kind: 'message', channel: 'trust_phone', text: 'Сотрудник отдела требует деньги за справку.', applicant: { type: 'anonymous' }, preferredAnswer: 'portal', topicCode: 'public_order.corruption' },
      { cookie: ethics },
    );
    assert.equal(anon.statusCode, 201, anon.body);
    const named = (
      await post(
        { bodyId: astana, kind: 'message', channel: 'trust_phone', text: 'Вымогательство взятки в отделе.', applicant: { type: 'individual', name: 'Ержан Ахметов', phone: '+77017654321' }, preferredAnswer: 'sms' },
        { cookie: ethics },
      )
    ).json();
    const head = await env.login('head', 'akimat-astana');
    const seenByHead = (await env.app.inject({ url: `/api/v1/appeals/${named.id}`, headers: { cookie: head } })).json();
    assert.equal(seenByHead.personalDataMasked, true);
    assert.notEqual(seenByHead.applicantName, 'Ержан Ахметов');
    const seenByEthics = (await env.app.inject({ url: `/api/v1/appeals/${named.id}`, headers: { cookie: ethics } })).json();
    assert.equal(seenByEthics.applicantName, 'Ержан Ахметов');
  });

  test('staff register a hand-delivered letter with its received-at', async () => {
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const res = await post(citizenAppeal(astana, { channel: 'hand_delivered', receivedAt: '2026-11-20T06:00:00Z', preferredAnswer: 'paper' }), { cookie });
    assert.equal(res.statusCode, 201, res.body);
    const row = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.equal(row.channel, 'hand_delivered');
    assert.equal(row.receivedAt.toISOString(), '2026-11-20T06:00:00.000Z');
    assert.equal(row.registeredAt.toISOString(), env.clock.now().toISOString());
  });
});

describe('staff list', () => {
  test('filters, text search (Russian stemming, Kazakh trigram) and keyset pagination', async () => {
    const cookie = await env.login('comms_officer', 'min-health');
    const health = await env.bodyId('min-health');
    await post(citizenAppeal(health, { text: 'В поликлиниках нет лекарств для диабетиков', topicCode: 'health.medicines' }));
    await post(citizenAppeal(health, { text: 'Емханада дәрі-дәрмек жетіспейді, кезек өте ұзақ', topicCode: 'health.clinic' }));
    for (let i = 0; i < 5; i++) await post(citizenAppeal(health, { text: `Вопрос о записи к врачу номер ${i}`, topicCode: 'health.clinic', kind: 'inquiry' }));
    const get = (qs: string) => env.app.inject({ url: `/api/v1/appeals?${qs}`, headers: { cookie } }).then((r) => r.json());
    assert.equal((await get('q=лекарство')).items.length, 1, 'stemmed Russian');
    assert.equal((await get(`q=${encodeURIComponent('дәрі-дәрмек')}`)).items.length, 1, 'Kazakh substring');
    assert.equal((await get('kind=inquiry')).items.length, 5);
    assert.equal((await get('topic=health')).items.length, 7);
    const pages: string[] = [];
    let cursor = '';
    do {
      const page = await get(`limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(...page.items.map((a: { id: string }) => a.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    assert.equal(pages.length, 7);
    assert.equal(new Set(pages).size, 7);
    const { number } = (await post(citizenAppeal(health, { text: 'Обращение, которое ищут по номеру' }))).json();
    const byNumber = await get(`q=${number.toLowerCase()}`);
    assert.deepEqual(byNumber.items.map((a: { number: string }) => a.number), [number], 'a registration number finds its appeal');
    const badCursor = await env.app.inject({ url: '/api/v1/appeals?cursor=zzz', headers: { cookie } });
    assert.equal(badCursor.statusCode, 400);
  });
});

describe('attachments', () => {
  test('upload, name it in the appeal, staff download it; reuse and bad types are refused', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% Tyndau test file\n');
    const up = await env.app.inject({ method: 'POST', url: '/api/v1/attachments?name=акт.pdf', payload: pdf, headers: { 'content-type': 'application/pdf' } });
    assert.equal(up.statusCode, 201, up.body);
    const { id } = up.json();
    const res = await post(citizenAppeal(astana, { attachments: [id] }));
    assert.equal(res.statusCode, 201, res.body);
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const card = (await env.app.inject({ url: `/api/v1/appeals/${res.json().id}`, headers: { cookie } })).json();
    assert.equal(card.attachments.length, 1);
    assert.equal(card.attachments[0].fileName, 'акт.pdf');
    const file = await env.app.inject({ url: `/api/v1/appeals/${res.json().id}/attachments/${id}`, headers: { cookie } });
    assert.equal(file.statusCode, 200);
    assert.deepEqual(file.rawPayload, pdf);
    const before = await count('appeal');
    const again = await post(citizenAppeal(astana, { attachments: [id] }));
    assert.equal(again.statusCode, 400);
    assert.equal(await count('appeal'), before, 'the failed intake left nothing behind');
    const exe = await env.app.inject({ method: 'POST', url: '/api/v1/attachments?name=x.exe', payload: Buffer.from('MZ'), headers: { 'content-type': 'application/x-msdownload' } });
    assert.equal(exe.statusCode, 415);
    const other = await env.login('comms_officer', 'akimat-almaty');
    assert.equal((await env.app.inject({ url: `/api/v1/appeals/${res.json().id}/attachments/${id}`, headers: { cookie: other } })).statusCode, 404);
  });
});
