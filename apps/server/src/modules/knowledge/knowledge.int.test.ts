import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

type Method = 'GET' | 'POST' | 'PUT';
const call = async (method: Method, url: string, role?: string, body = 'akimat-astana', payload?: unknown) =>
  env.app.inject({ method, url: `/api/v1${url}`, headers: role ? { cookie: await env.login(role, body) } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });
const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((a) => a.title);

describe('knowledge base: articles of a body and shared ones', () => {
  test('the operator reads the body’s published articles and the shared ones, never drafts or another body’s', async () => {
    const res = await call('GET', '/knowledge?limit=100', 'operator');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as { title: string; status: string; shared: boolean; bodyId: string | null; editable: boolean }[];
    assert.ok(items.length >= 8);
    assert.ok(items.every((a) => a.status === 'published'));
    assert.ok(items.some((a) => a.shared && a.bodyId === null));
    const astana = await env.bodyId('akimat-astana');
    assert.ok(items.every((a) => a.shared || a.bodyId === astana));
    assert.ok(items.every((a) => !a.editable));
    assert.ok(!titles(res).includes('Уборка снега во дворах'), 'the draft is hidden');

    // Asking for drafts gives none; another body sees the shared articles but not Astana's.
    assert.deepEqual((await call('GET', '/knowledge?status=draft', 'operator')).json().items, []);
    const almaty = await call('GET', '/knowledge?limit=100', 'operator', 'akimat-almaty');
    assert.ok(titles(almaty).includes('Как получить справку через портал eGov'));
    assert.ok(!titles(almaty).includes('Запись на личный приём к акиму'));
  });

  test('search: Russian by stem, Kazakh by substring, a typo by similarity, with language and paging', async () => {
    const ru = await call('GET', `/knowledge?q=${encodeURIComponent('справки')}`, 'operator');
    assert.ok(titles(ru).includes('Как получить справку через портал eGov'), 'справки finds справку (stemming)');
    const kk = await call('GET', `/knowledge?q=${encodeURIComponent('анықтама')}`, 'operator');
    assert.deepEqual(titles(kk), ['eGov порталы арқылы анықтаманы қалай алуға болады']);
    const typo = await call('GET', `/knowledge?q=${encodeURIComponent('тарифф')}`, 'operator');
    assert.ok(titles(typo).includes('Тарифы на коммунальные услуги в Астане'));
    const en = await call('GET', '/knowledge?q=akimat&language=en', 'operator');
    assert.deepEqual(titles(en), ['Opening hours of the akimat']);
    // A pattern character is text, not a wildcard.
    assert.deepEqual((await call('GET', `/knowledge?q=${encodeURIComponent('%_')}`, 'operator')).json().items, []);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await call('GET', `/knowledge?limit=3${cursor ? `&cursor=${cursor}` : ''}`, 'operator')).json();
      assert.ok(page.items.length <= 3);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await call('GET', '/knowledge?limit=100', 'operator')).json().items.map((a: { id: string }) => a.id);
    assert.deepEqual(seen, all, 'keyset pages give every article once, in order');
    assert.equal((await call('GET', '/knowledge?cursor=garbage', 'operator')).statusCode, 400);
    assert.equal((await call('GET', '/knowledge?language=de', 'operator')).statusCode, 400);
  });

  test('the communications officer writes a draft, edits it, publishes it; the operator then finds it', async () => {
    const created = await call('POST', '/knowledge', 'comms_officer', 'akimat-astana', { title: 'Вывоз крупногабаритного мусора', body: 'Заявку принимает 109; машина приезжает в течение двух рабочих дней.', language: 'ru', topicCode: 'improvement.garbage' });
    assert.equal(created.statusCode, 201, created.body);
    const a = created.json();
    assert.equal(a.status, 'draft');
    assert.equal(a.shared, false);
    assert.equal(a.editable, true);
    assert.equal((await call('GET', `/knowledge/${a.id}`, 'operator')).statusCode, 404, 'a draft does not exist for the operator');
    assert.equal((await call('GET', `/knowledge?status=draft&q=${encodeURIComponent('мусора')}`, 'comms_officer')).json().items[0].id, a.id);

    const edited = await call('PUT', `/knowledge/${a.id}`, 'comms_officer', 'akimat-astana', { title: 'Вывоз крупногабаритного мусора', body: 'Заявку принимает 109 или сайт; машина приезжает в течение двух рабочих дней.', language: 'ru', topicCode: 'improvement.garbage' });
    assert.equal(edited.statusCode, 200, edited.body);
    assert.match(edited.json().body, /или сайт/);

    const published = await call('POST', `/knowledge/${a.id}/publish`, 'comms_officer');
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().status, 'published');
    assert.ok(published.json().publishedAt);
    const read = await call('GET', `/knowledge/${a.id}`, 'operator');
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().editable, false);
    assert.ok(titles(await call('GET', `/knowledge?q=${encodeURIComponent('мусор')}`, 'operator')).includes('Вывоз крупногабаритного мусора'));

    const unpublished = await call('POST', `/knowledge/${a.id}/unpublish`, 'admin');
    assert.equal(unpublished.json().status, 'draft');
    assert.equal(unpublished.json().publishedAt, null);
    assert.equal((await call('GET', `/knowledge/${a.id}`, 'operator')).statusCode, 404);
  });

  test('an attacker’s walk: roles, other bodies, shared articles, bad input change nothing', async () => {
    const payload = { title: 'Проверка', body: 'Текст статьи', language: 'ru' };
    assert.equal((await call('POST', '/knowledge', undefined, 'akimat-astana', payload)).statusCode, 401);
    assert.equal((await call('GET', '/knowledge')).statusCode, 401);
    for (const role of ['operator', 'executor', 'head', 'analyst']) {
      const body = role === 'analyst' ? 'min-info' : 'akimat-astana';
      assert.equal((await call('POST', '/knowledge', role, body, payload)).statusCode, 403, role);
    }
    // Shared: only the central body's administrator.
    assert.equal((await call('POST', '/knowledge', 'admin', 'akimat-astana', { ...payload, shared: true })).statusCode, 403);
    assert.equal((await call('POST', '/knowledge', 'comms_officer', 'min-info', { ...payload, shared: true })).statusCode, 403);
    const shared = await call('POST', '/knowledge', 'admin', 'min-info', { ...payload, title: 'Общая статья', shared: true });
    assert.equal(shared.statusCode, 201, shared.body);
    assert.equal(shared.json().bodyId, null);
    assert.equal((await call('GET', `/knowledge/${shared.json().id}`, 'admin', 'akimat-astana')).statusCode, 404, 'a shared draft exists only for its editors');
    assert.equal((await call('POST', `/knowledge/${shared.json().id}/publish`, 'admin', 'akimat-astana')).statusCode, 404);
    assert.equal((await call('POST', `/knowledge/${shared.json().id}/publish`, 'admin', 'min-info')).statusCode, 200);
    const sharedRead = await call('GET', `/knowledge/${shared.json().id}`, 'comms_officer', 'akimat-astana');
    assert.equal(sharedRead.statusCode, 200);
    assert.equal(sharedRead.json().editable, false);
    assert.equal((await call('PUT', `/knowledge/${shared.json().id}`, 'comms_officer', 'akimat-astana', payload)).statusCode, 403, 'readable, not editable');
    assert.equal((await call('POST', `/knowledge/${shared.json().id}/unpublish`, 'admin', 'akimat-astana')).statusCode, 403);

    // Another body's article is 404 for reading and writing.
    const own = (await call('POST', '/knowledge', 'comms_officer', 'akimat-astana', payload)).json();
    await call('POST', `/knowledge/${own.id}/publish`, 'comms_officer');
    for (const [method, url, body] of [['GET', `/knowledge/${own.id}`, undefined], ['PUT', `/knowledge/${own.id}`, payload], ['POST', `/knowledge/${own.id}/unpublish`, undefined]] as const) {
      const res = await call(method, url, 'comms_officer', 'akimat-almaty', body);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.equal(res.json().error.code, 'ARTICLE_NOT_FOUND');
    }
    assert.equal((await call('GET', '/knowledge/not-a-uuid', 'operator')).statusCode, 404);

    // Bad input: a stable code, nothing written.
    const before = await env.ctx.db.selectFrom('knowledgeArticle').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const bad = [
      { ...payload, language: 'de' },
      { ...payload, title: '   ' },
      { ...payload, body: 12345 },
      { ...payload, topicCode: 'no.such.topic' },
      { ...payload, extra: true },
      { title: 'Без текста', language: 'ru' },
    ];
    for (const b of bad) {
      const res = await call('POST', '/knowledge', 'comms_officer', 'akimat-astana', b);
      assert.ok(res.statusCode === 400 || res.statusCode === 422, `${JSON.stringify(b)} → ${res.statusCode}`);
      assert.ok(['VALIDATION_FAILED', 'TOPIC_NOT_FOUND'].includes(res.json().error.code), res.body);
    }
    const put = await call('PUT', `/knowledge/${own.id}`, 'comms_officer', 'akimat-astana', { ...payload, body: ' ' });
    assert.equal(put.statusCode, 400);
    const after = await env.ctx.db.selectFrom('knowledgeArticle').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
    assert.equal((await call('GET', `/knowledge/${own.id}`, 'operator')).json().body, 'Текст статьи');
    // Messages in the caller's language.
    const ru = await env.app.inject({ method: 'GET', url: '/api/v1/knowledge/00000000-0000-4000-8000-000000000000?lang=ru', headers: { cookie: await env.login('operator', 'akimat-astana') } });
    assert.equal(ru.json().error.message, 'Статья базы знаний не найдена.');
  });
});
