import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';

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

describe('the head’s blog', () => {
  test('the head’s page, news and events; only the body’s editors write', async () => {
    const page = await call('GET', '/blog/astana-akim');
    assert.equal(page.status, 200);
    assert.ok(page.json.biography && page.json.contacts && page.json.body.code === 'akimat-astana');
    const posts = (await call('GET', '/blog/astana-akim/posts')).json.items;
    assert.deepEqual(posts.map((p: Json) => p.kind).sort(), ['event', 'news']);
    assert.ok(posts.find((p: Json) => p.kind === 'event').eventAt);

    const post = { kind: 'news', language: 'ru', title: 'Отчёт акима перед населением', text: 'Отчётная встреча пройдёт 15 декабря.' };
    assert.equal((await call('POST', '/blog/astana-akim/posts', { payload: post })).status, 401);
    assert.equal((await call('POST', '/blog/astana-akim/posts', { role: 'executor', payload: post })).status, 403);
    assert.equal((await call('POST', '/blog/astana-akim/posts', { role: 'head', body: 'akimat-almaty', payload: post })).status, 404, 'another body’s head');
    assert.equal((await call('POST', '/blog/astana-akim/posts', { role: 'head', payload: { ...post, kind: 'event' } })).status, 400, 'an event needs its date');
    assert.equal((await call('POST', '/blog/astana-akim/posts', { role: 'head', payload: post })).status, 201);
    assert.ok((await call('GET', '/blog/astana-akim/posts')).json.items.some((p: Json) => p.title === post.title));
    // Editing the head's page; a slug of another body is not taken over.
    assert.equal((await call('PUT', '/blog/astana-akim', { role: 'comms_officer', payload: { name: 'Аким', biography: 'Новая биография' } })).status, 200);
    assert.equal((await call('PUT', '/blog/astana-akim', { role: 'admin', body: 'akimat-almaty', payload: { name: 'Захват' } })).status, 404);
    assert.equal((await call('GET', '/blog/astana-akim')).json.biography, 'Новая биография');
  });

  test('a question to the head enters the register as head_blog, is triaged with its term, and is published under the post with consent', async () => {
    const posts = (await call('GET', '/blog/astana-akim/posts')).json.items;
    const postId = posts[0].id;
    const asked = await call('POST', '/blog/astana-akim/questions', {
      payload: { text: 'Будут ли отремонтированы дворы в микрорайоне Сарыарка в следующем году?', name: 'Ерлан Жумабаев', phone: '+77015550102', preferredAnswer: 'sms', consentToPublish: true, postId },
    });
    assert.equal(asked.status, 201, JSON.stringify(asked.json));
    const appeal = await env.ctx.db.selectFrom('appeal').selectAll().where('id', '=', asked.json.id).executeTakeFirstOrThrow();
    assert.deepEqual([appeal.channel, appeal.preferredAnswer, appeal.bodyId], ['head_blog', 'sms', await env.bodyId('akimat-astana')]);
    // The existing triage classifies it light/medium/heavy with its term.
    const t = await call('POST', `/appeals/${asked.json.id}/triage`, { role: 'comms_officer', payload: { competence: 'own', difficulty: 'medium' } });
    assert.equal(t.status, 200, JSON.stringify(t.json));
    const triaged = await env.ctx.db.selectFrom('appeal').select(['difficulty', 'targetDueAt', 'legalDueAt']).where('id', '=', asked.json.id).executeTakeFirstOrThrow();
    assert.equal(triaged.difficulty, 'medium');
    assert.ok(triaged.targetDueAt && triaged.targetDueAt <= triaged.legalDueAt!);

    // The head (or the communications department) publishes it under the post.
    const queue = (await call('GET', '/qa/moderation?channel=head_blog', { role: 'head' })).json.items;
    assert.ok(queue.some((q: Json) => q.id === asked.json.id));
    assert.equal((await call('POST', `/qa/moderation/${asked.json.id}/approve`, { role: 'head', payload: { question: 'Будут ли отремонтированы дворы в микрорайоне Сарыарка?' } })).status, 200);
    const under = (await call('GET', `/qa?postId=${postId}`)).json.items;
    assert.deepEqual(under.map((q: Json) => q.id), [asked.json.id]);
    assert.equal(under[0].channel, 'head_blog');

    assert.equal((await call('POST', '/blog/astana-akim/questions', { payload: { text: 'Вопрос без согласия о дворах', name: 'Иван', email: 'ivan@example.kz', preferredAnswer: 'email', consentToPublish: false, postId: '00000000-0000-4000-8000-000000000000' } })).status, 404);
    assert.equal((await call('POST', '/blog/no-such-head/questions', { payload: { text: 'Вопрос', name: 'Иван', email: 'ivan@example.kz', preferredAnswer: 'email', consentToPublish: false } })).status, 404);
    assert.equal((await call('GET', '/blog/NOT_A_SLUG')).status, 404);
  });
});
