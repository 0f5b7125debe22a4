import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
let astana: string;
before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
});
after(() => env.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function call(method: 'GET' | 'POST' | 'PUT', url: string, opts: { role?: string; body?: string; payload?: unknown } = {}): Promise<{ status: number; json: Json }> {
  const headers = opts.role ? { cookie: await env.login(opts.role, opts.body ?? 'akimat-astana') } : {};
  const res = await env.app.inject({ method, url: `/api/v1${url}`, headers, ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}) });
  return { status: res.statusCode, json: res.body ? res.json() : {} };
}

const ASKER = { name: 'Айгерим Садыкова', email: 'aigerim@example.kz', phone: '+77011234567' };
const ask = (over: Record<string, unknown> = {}) =>
  call('POST', '/qa/questions', {
    payload: {
      bodyId: astana,
      text: 'Здравствуйте, я Айгерим Садыкова (тел. +77011234567). Когда во дворе дома на улице Абая, 10 починят освещение фонарей?',
      topicCode: 'improvement.lighting',
      ...ASKER,
      consentToPublish: true,
      ...over,
    },
  });
const outbox = (appealId: string, template: string) => env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', appealId).where('template', '=', template).execute();
const staffId = async (role: string) => (await env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', `${role.replace('_', '-')}@akimat-astana.example.kz`).executeTakeFirstOrThrow());
const questionRow = (id: string) => env.ctx.db.selectFrom('publicQuestion').selectAll().where('appealId', '=', id).executeTakeFirstOrThrow();

/** Triage, assign, draft and sign through the process module's real endpoints. */
async function answer(id: string, text: string) {
  const executor = await staffId('executor');
  for (const [role, step, payload] of [
    ['comms_officer', 'triage', { competence: 'own', unitId: executor.unitId }],
    ['comms_officer', 'assign', { executorId: executor.id }],
    ['executor', 'answer', { text, resolution: 'resolved' }],
    ['head', 'sign', undefined],
  ] as const) {
    const res = await call('POST', `/appeals/${id}/${step}`, { role, payload: payload ?? {} });
    assert.ok(res.status < 300, `${step}: ${res.status} ${JSON.stringify(res.json)}`);
  }
}

describe('online Q&A: asking, moderation, publication', () => {
  test('a question enters the register as online_qa and waits for a moderator; nothing is public yet', async () => {
    const res = await ask();
    assert.equal(res.status, 201, JSON.stringify(res.json));
    assert.match(res.json.number, /^[A-ZА-Я]+-\d{4}-\d{6}$/);
    assert.equal(res.json.moderation, 'pending');
    const appeal = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', res.json.id).executeTakeFirstOrThrow();
    assert.deepEqual([appeal.channel, appeal.kind, appeal.preferredAnswer, appeal.applicantEmail], ['online_qa', 'inquiry', 'email', 'aigerim@example.kz']);
    assert.equal((await call('GET', `/qa/${res.json.id}`)).status, 404);
    assert.ok(!(await call('GET', '/qa?limit=100')).json.items.some((q: Json) => q.id === res.json.id));

    const queue = await call('GET', '/qa/moderation?status=pending', { role: 'moderator' });
    assert.equal(queue.status, 200, JSON.stringify(queue.json));
    const item = queue.json.items.find((q: Json) => q.id === res.json.id);
    assert.ok(item, 'the moderator sees it');
    assert.ok(item.original.includes('Айгерим'), 'the original, as asked');
    for (const bit of ['Айгерим', 'Садыкова', '+77011234567']) assert.ok(!item.suggestedQuestion.includes(bit), `suggestion without ${bit}: ${item.suggestedQuestion}`);
    assert.equal(item.applicantEmail, undefined, 'the applicant’s contacts are not sent to the moderator');
  });

  test('the moderator publishes an edited text; personal data is refused; the original stays; the asker is mailed', async () => {
    const { json: q } = await ask();
    const leaking = await call('POST', `/qa/moderation/${q.id}/approve`, { role: 'moderator', payload: { question: 'Садыкова спрашивает: когда починят фонари на Абая, 10?' } });
    assert.equal(leaking.status, 422);
    assert.equal(leaking.json.error.code, 'PERSONAL_DATA_IN_TEXT');
    assert.equal((await questionRow(q.id)).moderation, 'pending', 'nothing changed');
    assert.equal((await outbox(q.id, 'qa.published')).length, 0);

    const text = 'Когда во дворе дома на улице Абая, 10 починят освещение фонарей?';
    const ok = await call('POST', `/qa/moderation/${q.id}/approve`, { role: 'moderator', payload: { question: text } });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    const pub = await call('GET', `/qa/${q.id}`);
    assert.equal(pub.status, 200);
    assert.equal(pub.json.question, text);
    assert.equal(pub.json.answer, null);
    assert.equal(pub.json.body.code, 'akimat-astana');
    assert.ok(!JSON.stringify(pub.json).includes('aigerim'), 'nothing of the applicant is public');
    const appeal = await env.ctx.db.selectFrom('appeal').select('text').where('id', '=', q.id).executeTakeFirstOrThrow();
    assert.ok(appeal.text.includes('Айгерим Садыкова'), 'the register keeps the original');
    const mail = await outbox(q.id, 'qa.published');
    assert.equal(mail.length, 1);
    assert.deepEqual([mail[0].channel, mail[0].address], ['email', 'aigerim@example.kz']);
    // Editing again does not mail again.
    assert.equal((await call('POST', `/qa/moderation/${q.id}/approve`, { role: 'moderator', payload: { question: text + ' (уточнено)' } })).status, 200);
    assert.equal((await outbox(q.id, 'qa.published')).length, 1);
  });

  test('the signed answer is published with the question, the applicant’s name taken out', async () => {
    const { json: q } = await ask();
    assert.equal((await call('POST', `/qa/moderation/${q.id}/approve`, { role: 'moderator', payload: { question: 'Когда починят освещение во дворе на улице Абая, 10?' } })).status, 200);
    await answer(q.id, 'Уважаемая Айгерим Садыкова! Освещение во дворе дома по улице Абая, 10 восстановлено 26 ноября: заменены кабель и четыре светильника.');
    const pub = (await call('GET', `/qa/${q.id}`)).json;
    assert.ok(pub.answer?.includes('Освещение во дворе'), JSON.stringify(pub));
    assert.ok(!pub.answer.includes('Айгерим') && !pub.answer.includes('Садыкова'), pub.answer);
    assert.ok(pub.answeredAt);
    // The applicant got the full answer by e-mail, as every applicant does.
    assert.equal((await outbox(q.id, 'appeal.answered')).length, 1);
    // The moderator may still edit the published answer, and it stays free of personal data.
    const edit = await call('POST', `/qa/moderation/${q.id}/approve`, { role: 'moderator', payload: { question: pub.question, answer: 'Освещение восстановлено 26 ноября. Пишите на aigerim@example.kz' } });
    assert.equal(edit.json.error?.code, 'PERSONAL_DATA_IN_TEXT');
  });

  test('rejection names a Decidim reason the asker is told; keeping private hides it; no consent means never published', async () => {
    const { json: spam } = await ask({ text: 'Купите наши окна недорого, лучшие цены в городе Астана!' });
    const bad = await call('POST', `/qa/moderation/${spam.id}/reject`, { role: 'moderator', payload: { reason: 'advertising' } });
    assert.equal(bad.status, 400);
    const r = await call('POST', `/qa/moderation/${spam.id}/reject`, { role: 'moderator', payload: { reason: 'spam' } });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const mail = await outbox(spam.id, 'qa.rejected');
    assert.equal(mail.length, 1);
    assert.equal((mail[0].payload as Json).reason, 'spam');
    assert.equal((await call('POST', `/qa/moderation/${spam.id}/approve`, { role: 'moderator', payload: { question: 'Окна' } })).json.error.code, 'QUESTION_ALREADY_DECIDED');
    // The appeal itself is still in the register, to be answered.
    assert.equal((await env.ctx.db.selectFrom('appeal').select('status').where('id', '=', spam.id).executeTakeFirstOrThrow()).status, 'registered');

    const { json: priv } = await ask();
    assert.equal((await call('POST', `/qa/moderation/${priv.id}/private`, { role: 'moderator' })).status, 200);
    assert.equal((await outbox(priv.id, 'qa.private')).length, 1);
    assert.equal((await call('GET', `/qa/${priv.id}`)).status, 404);

    const { json: noConsent } = await ask({ consentToPublish: false });
    assert.equal(noConsent.moderation, 'private');
    const refused = await call('POST', `/qa/moderation/${noConsent.id}/approve`, { role: 'moderator', payload: { question: 'Когда починят фонари?' } });
    assert.equal(refused.json.error.code, 'NO_CONSENT_TO_PUBLISH');
    assert.equal((await questionRow(noConsent.id)).moderation, 'private');
  });

  test('an attacker: no session, the wrong role, another body, a malformed id — and nothing changes', async () => {
    const { json: q } = await ask();
    const approve = (opts: { role?: string; body?: string }, id = q.id) => call('POST', `/qa/moderation/${id}/approve`, { ...opts, payload: { question: 'Когда починят освещение?' } });
    assert.equal((await approve({})).status, 401);
    for (const role of ['executor', 'operator', 'head', 'ethics_commissioner']) assert.equal((await approve({ role })).status, 403, role);
    assert.equal((await approve({ role: 'moderator', body: 'akimat-almaty' })).status, 404, 'another body’s question does not exist');
    assert.equal((await approve({ role: 'moderator' }, 'not-a-uuid')).status, 404);
    assert.equal((await approve({ role: 'moderator' }, '00000000-0000-4000-8000-000000000000')).status, 404);
    assert.equal((await call('GET', '/qa/moderation', { role: 'executor' })).status, 403);
    assert.ok(!(await call('GET', '/qa/moderation', { role: 'moderator', body: 'akimat-almaty' })).json.items.some((x: Json) => x.id === q.id));
    assert.equal((await questionRow(q.id)).moderation, 'pending');
    // Citizens cannot choose another channel or skip the e-mail.
    assert.equal((await ask({ email: undefined })).status, 400);
    assert.equal((await ask({ channel: 'trust_phone' })).status, 400);
    assert.equal((await ask({ consentToPublish: undefined })).status, 400);
  });
});

describe('the public Q&A: search and figures', () => {
  test('search by stem, Kazakh substring and typo; filters by body and topic; keyset pages', async () => {
    const publish = async (text: string, topicCode: string) => {
      const { json } = await ask({ text, topicCode });
      assert.equal((await call('POST', `/qa/moderation/${json.id}/approve`, { role: 'moderator', payload: { question: text } })).status, 200);
      return json.id as string;
    };
    const gas = await publish('Почему в нашем доме отключили газоснабжение на неделю?', 'housing.heating');
    const kk = await publish('Аулада балалар алаңы қашан салынады?', 'improvement.playgrounds');
    const found = async (q: string) => (await call('GET', `/qa?q=${encodeURIComponent(q)}&body=akimat-astana`)).json.items.map((x: Json) => x.id);
    assert.ok((await found('газоснабжения')).includes(gas), 'stemmed');
    assert.ok((await found('алаңы')).includes(kk), 'Kazakh by substring');
    assert.ok((await found('газоснабжениее')).includes(gas), 'a typo by similarity');
    assert.ok(!(await found('газоснабжение')).includes(kk));
    const byTopic = (await call('GET', '/qa?topic=housing')).json.items.map((x: Json) => x.id);
    assert.ok(byTopic.includes(gas) && !byTopic.includes(kk), 'a topic with its sub-topics');
    assert.deepEqual((await call('GET', '/qa?body=akimat-almaty')).json.items, []);
    assert.equal((await call('GET', '/qa?body=no-such-body')).status, 404);
    assert.equal((await call('GET', '/qa?cursor=garbage')).status, 400);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Json = (await call('GET', `/qa?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json;
      seen.push(...page.items.map((x: Json) => x.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await call('GET', '/qa?limit=100')).json.items.map((x: Json) => x.id);
    assert.deepEqual(seen, all);
  });

  test('daily figures by topic: received, published, answered, on time', async () => {
    const before = (await call('GET', '/qa/monitoring', { role: 'head' })).json;
    const { json: q } = await ask({ topicCode: 'improvement.garbage', text: 'Когда вывезут мусор со двора на улице Абая, 10?' });
    await call('POST', `/qa/moderation/${q.id}/approve`, { role: 'moderator', payload: { question: 'Когда вывезут мусор со двора на улице Абая, 10?' } });
    await answer(q.id, 'Уважаемый заявитель! Мусор со двора на улице Абая, 10 вывезен 25 ноября, график вывоза восстановлен.');
    const after = await call('GET', '/qa/monitoring', { role: 'head' });
    assert.equal(after.status, 200, JSON.stringify(after.json));
    const day = after.json.days.find((d: Json) => d.topicCode === 'improvement.garbage');
    assert.deepEqual([day.received, day.published, day.answered, day.onTime], [1, 1, 1, 1]);
    assert.equal(after.json.total.received, before.total.received + 1);
    assert.equal((await call('GET', '/qa/monitoring', { role: 'executor' })).status, 403);
    assert.equal((await call('GET', '/qa/monitoring?from=2026-02-30', { role: 'head' })).status, 400);
  });
});
