import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { checkCompleteness } from './site.service.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function call(method: 'GET' | 'POST' | 'PUT', url: string, opts: { role?: string; body?: string; payload?: unknown } = {}): Promise<{ status: number; json: Json }> {
  const headers = opts.role ? { cookie: await env.login(opts.role, opts.body ?? 'akimat-astana') } : {};
  const res = await env.app.inject({ method, url: `/api/v1${url}`, headers, ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}) });
  return { status: res.statusCode, json: res.body ? res.json() : {} };
}
const mails = (template: string) => env.ctx.db.selectFrom('notification').selectAll().where('template', '=', template).orderBy('createdAt').execute();

describe('the body’s public page: the single source', () => {
  test('contacts and channels from the bodies module, with about, documents, news, social, heads’ blogs and completeness', async () => {
    const res = await call('GET', '/site/bodies/akimat-astana');
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const p = res.json;
    assert.equal(p.body.code, 'akimat-astana');
    assert.ok(p.body.contacts.phone && p.body.channels.length > 3);
    assert.ok(p.about.ru && p.social.length === 2 && p.documents.length === 1);
    assert.deepEqual(p.heads.map((h: Json) => h.slug), ['astana-akim']);
    assert.deepEqual(p.completeness, { score: 100, missing: [] });
    const labour = (await call('GET', '/site/bodies/min-labour')).json;
    assert.ok(labour.completeness.missing.includes('social'));
    assert.ok(labour.completeness.score < 100);
    assert.equal((await call('GET', '/site/bodies/no-such-body')).status, 404);
  });

  test('a change is dated in the public log at once and mailed to confirmed subscribers only, each with an unsubscribe link', async () => {
    // Two subscribe; one confirms. The answer is the same for a repeated address.
    const sub = (email: string) => call('POST', '/site/bodies/akimat-astana/subscribe', { payload: { email, language: 'ru' } });
    assert.equal((await sub('reader@example.kz')).status, 202);
    assert.equal((await sub('lazy@example.kz')).status, 202);
    assert.deepEqual((await sub('READER@example.kz')).json, { status: 'confirmation_sent' });
    const confirmations = await mails('site.confirm_subscription');
    assert.equal(confirmations.length, 2, 'one confirmation per address');
    const link = String((confirmations[0].payload as Json).confirmUrl);
    const token = new URL(link).searchParams.get('token')!;
    assert.equal((await call('POST', '/site/subscriptions/confirm', { payload: { token: 'wrong-token-123' } })).status, 404);
    assert.equal((await call('POST', '/site/subscriptions/confirm', { payload: { token } })).status, 200);

    const page = (await call('GET', '/site/bodies/akimat-astana')).json;
    const edit = { about: page.about, documents: page.documents, news: [...page.news, { title: 'Новый график приёма', text: 'С января приём по средам.', date: '2026-11-25' }], social: page.social };
    assert.equal((await call('PUT', '/site/bodies/akimat-astana', { payload: edit })).status, 401);
    assert.equal((await call('PUT', '/site/bodies/akimat-astana', { role: 'executor', payload: edit })).status, 403);
    assert.equal((await call('PUT', '/site/bodies/akimat-astana', { role: 'comms_officer', body: 'akimat-almaty', payload: edit })).status, 403, 'another body’s page');
    assert.equal((await call('PUT', '/site/bodies/akimat-astana', { role: 'comms_officer', payload: { ...edit, social: [{ network: 'x', url: 'javascript:alert(1)' }] } })).status, 400);
    const saved = await call('PUT', '/site/bodies/akimat-astana', { role: 'comms_officer', payload: edit });
    assert.equal(saved.status, 200, JSON.stringify(saved.json));
    assert.deepEqual(saved.json.changed, ['news']);
    const log = (await call('GET', '/site/bodies/akimat-astana/changes')).json.items;
    assert.equal(log.length, 1);
    assert.deepEqual(log[0].sections, ['news']);
    assert.equal(log[0].at, env.clock.now().toISOString());
    const changed = await mails('site.changed');
    assert.equal(changed.length, 1, 'only the confirmed subscriber');
    assert.equal(changed[0].address, 'reader@example.kz');
    const unsubscribeUrl = String((changed[0].payload as Json).unsubscribeUrl);
    // The same page again changes nothing and mails nobody.
    assert.deepEqual((await call('PUT', '/site/bodies/akimat-astana', { role: 'comms_officer', payload: edit })).json.changed, []);
    assert.equal((await mails('site.changed')).length, 1);

    // Unsubscribed: the next change mails nobody.
    const unsubscribeToken = new URL(unsubscribeUrl).searchParams.get('token')!;
    assert.equal((await call('POST', '/site/subscriptions/unsubscribe', { payload: { token: unsubscribeToken } })).status, 200);
    assert.equal((await call('POST', '/site/subscriptions/unsubscribe', { payload: { token: unsubscribeToken } })).status, 404);
    await call('PUT', '/site/bodies/akimat-astana', { role: 'comms_officer', payload: { ...edit, news: [] } });
    assert.equal((await mails('site.changed')).length, 1);
    assert.equal((await call('GET', '/site/bodies/akimat-astana/changes')).json.items.length, 2);
  });

  test('“was this page useful?” counted per page and body, with the answers’ ratings', async () => {
    for (const useful of [true, true, false]) assert.equal((await call('POST', '/site/ratings', { payload: { page: '/ru/bodies/akimat-astana', body: 'akimat-astana', useful } })).status, 201);
    await call('POST', '/site/ratings', { payload: { page: '/kk/bodies/akimat-astana', body: 'akimat-astana', useful: true } });
    assert.equal((await call('POST', '/site/ratings', { payload: { page: 'https://evil.example', useful: true } })).status, 400);
    const summary = await call('GET', '/site/ratings', { role: 'comms_officer' });
    assert.equal(summary.status, 200, JSON.stringify(summary.json));
    assert.deepEqual(summary.json.pages, [{ page: '/bodies/akimat-astana', useful: 3, notUseful: 1 }], 'one page whatever the language');
    assert.ok('average' in summary.json.answers);
    assert.deepEqual((await call('GET', '/site/ratings', { role: 'comms_officer', body: 'akimat-almaty' })).json.pages, []);
    assert.equal((await call('GET', '/site/ratings', { role: 'executor' })).status, 403);
  });

  test('completeness is checked daily, one row per body and day', async () => {
    assert.ok((await checkCompleteness(env.ctx)) > 5);
    await checkCompleteness(env.ctx);
    const mine = (await call('GET', '/site/completeness', { role: 'head' })).json.items;
    assert.equal(mine.length, 1);
    assert.equal(mine[0].bodyCode, 'akimat-astana');
    const all = (await call('GET', '/site/completeness?all=true', { role: 'admin' })).json.items;
    assert.ok(all.some((r: Json) => r.bodyCode === 'min-labour' && r.missing.includes('social')));
  });
});

describe('“How can I help you?”', () => {
  test('one search over topics, bodies and the knowledge base, naming the body and the channel', async () => {
    const res = await call('GET', `/help?q=${encodeURIComponent('освещение')}`);
    assert.equal(res.status, 200, JSON.stringify(res.json));
    const topic = res.json.topics.find((t: Json) => t.code === 'improvement.lighting');
    assert.ok(topic, JSON.stringify(res.json.topics));
    assert.ok(topic.bodies.length > 0);
    assert.ok(topic.bodies.every((b: Json) => b.code && b.channel?.channel), 'each body names a channel');
    const bodies = (await call('GET', `/help?q=${encodeURIComponent('Астана')}`)).json.bodies;
    assert.ok(bodies.some((b: Json) => b.code === 'akimat-astana'));
    const articles = (await call('GET', `/help?q=${encodeURIComponent('справку')}`)).json.articles;
    assert.ok(articles.some((a: Json) => a.title === 'Как получить справку через портал eGov'));
    assert.ok(!(await call('GET', `/help?q=${encodeURIComponent('Уборка снега во дворах')}`)).json.articles.some((a: Json) => a.title === 'Уборка снега во дворах'), 'drafts never');
    assert.deepEqual((await call('GET', '/help?q=a')).json, { topics: [], bodies: [], articles: [], questions: [] });
  });
});
