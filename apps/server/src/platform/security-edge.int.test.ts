// The HTTP security edge, walked as an attacker would: forged client addresses, several
// server processes, pages and cards in caches, forged cross-site requests, the cookie, ids
// that are not ids, secrets in the log, files that lie about their type.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import type { Config } from '../config.ts';
import { loadConfig, parseTrustProxy } from '../config.ts';
import { loggableError } from './edge.ts';
import { redactUrl } from './log.ts';
import { runEdgeUpkeep } from '../edge-upkeep.ts';
import { DEMO_PASSWORD, demoEmail } from '../modules/bodies/demo-seed.ts';

let env: TestEnv;
let astana: string;
const extraApps: FastifyInstance[] = [];
let webDist: string;

/** Another server process over the same database, with its own configuration. */
async function app(over: Partial<Config>, opts: { logStream?: NodeJS.WritableStream } = {}) {
  const a = await buildApp({ ...env.ctx, config: { ...env.ctx.config, webDist, ...over } }, opts);
  extraApps.push(a);
  return a;
}

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-web-'));
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
});
after(async () => {
  for (const a of extraApps) await a.close();
  await env.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

// A new e-mail each time: these tests count the per-address limit, not the account's lock-out.
let attempt = 0;
const wrongSignIn = (a: FastifyInstance, headers: Record<string, string> = {}, remoteAddress = '127.0.0.1') =>
  a.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers, payload: { email: `nobody-${++attempt}@example.kz`, password: 'wrong-password' } });

describe('client address and shared limits', () => {
  test('TRUST_PROXY unset: 25 wrong sign-ins with a new X-Forwarded-For each are limited after 10', async () => {
    const prod = await app({ env: 'production', loginRateLimit: 10, trustProxy: parseTrustProxy(undefined) });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await wrongSignIn(prod, { 'x-forwarded-for': `198.51.100.${i + 1}` }, '192.0.2.10')).statusCode);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
    assert.deepEqual(statuses.slice(10), Array(15).fill(429));
  });

  test('TRUST_PROXY names the proxy: the forwarded address is the client, each its own limit', async () => {
    const behindProxy = await app({ env: 'production', loginRateLimit: 10, trustProxy: parseTrustProxy('192.0.2.20') });
    for (let i = 0; i < 25; i++) assert.equal((await wrongSignIn(behindProxy, { 'x-forwarded-for': `203.0.113.${i + 1}` }, '192.0.2.20')).statusCode, 401);
    // …and an address the proxy forwards too often is limited all the same.
    const same = [];
    for (let i = 0; i < 12; i++) same.push((await wrongSignIn(behindProxy, { 'x-forwarded-for': '203.0.113.200' }, '192.0.2.20')).statusCode);
    assert.equal(same.filter((s) => s === 429).length, 2);
  });

  test('TRUST_PROXY refuses "trust everyone" and junk; takes hop counts and CIDR lists', () => {
    assert.throws(() => loadConfig({ TRUST_PROXY: 'true' }), /TRUST_PROXY/);
    assert.throws(() => loadConfig({ TRUST_PROXY: 'evil.example' }), /TRUST_PROXY/);
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy, ['10.0.0.0/8', '127.0.0.1']);
  });

  test('two server processes share one sign-in limit (counted in PostgreSQL)', async () => {
    const a = await app({ loginRateLimit: 10 });
    const b = await app({ loginRateLimit: 10 });
    for (let i = 0; i < 6; i++) assert.equal((await wrongSignIn(a, {}, '192.0.2.30')).statusCode, 401);
    for (let i = 0; i < 4; i++) assert.equal((await wrongSignIn(b, {}, '192.0.2.30')).statusCode, 401);
    assert.equal((await wrongSignIn(b, {}, '192.0.2.30')).statusCode, 429);
    assert.equal((await wrongSignIn(a, {}, '192.0.2.30')).statusCode, 429);
  });

  test('intake counts in the process and flushes in batches: the other process sees the hits', async () => {
    const a = await app({ intakeRateLimit: 150 });
    const b = await app({ intakeRateLimit: 150 });
    // Invalid bodies are cheap and count all the same (the limit is checked first).
    const post = (x: FastifyInstance) => x.inject({ method: 'POST', url: '/api/v1/appeals', remoteAddress: '192.0.2.40', payload: {} });
    for (let i = 0; i < 100; i++) assert.equal((await post(a)).statusCode, 400);
    await new Promise((r) => setTimeout(r, 400)); // a's flush (every 250 ms)
    const fromB: number[] = [];
    for (let i = 0; i < 60; i++) fromB.push((await post(b)).statusCode);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(fromB.filter((s) => s === 429).length, 10, fromB.join(','));
    const rows = await sql<{ hits: number }>`select hits from rate_limit_counter where bucket like ${'% 192.0.2.40'}`.execute(env.ctx.db);
    assert.equal(rows.rows.reduce((n, r) => n + r.hits, 0), 160);
  });
});

describe('security headers', () => {
  test('pages have a strict CSP; HSTS only in production; API answers are no-store', async () => {
    const dev = await app({});
    const page = await dev.inject('/en/');
    assert.equal(page.statusCode, 200);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /script-src[^;]*unsafe/);
    assert.equal(page.headers['strict-transport-security'], undefined);
    assert.equal(page.headers['x-frame-options'], 'DENY');

    const prod = await app({ env: 'production' });
    const prodPage = await prod.inject('/en/');
    assert.match(String(prodPage.headers['strict-transport-security']), /max-age=31536000; includeSubDomains/);
    assert.match(String(prodPage.headers['content-security-policy']), /upgrade-insecure-requests/);

    // The API documentation carries its own CSP, over http without the upgrade.
    const docs = await dev.inject('/api/v1/docs');
    assert.equal(docs.statusCode, 200);
    assert.match(String(docs.headers['content-security-policy']), /script-src 'self'/);
    assert.doesNotMatch(String(docs.headers['content-security-policy']), /upgrade-insecure-requests/);
  });

  test('a card with personal data is Cache-Control: no-store', async () => {
    const reg = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) });
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const card = await env.app.inject({ url: `/api/v1/appeals/${reg.json().id}`, headers: { cookie } });
    assert.equal(card.statusCode, 200);
    assert.equal(card.json().applicantIin, '880516300374');
    assert.equal(card.headers['cache-control'], 'no-store');
    const tracked = await env.app.inject(`/api/v1/track/${reg.json().number}?code=${reg.json().accessCode}`);
    assert.equal(tracked.headers['cache-control'], 'no-store');
  });
});

describe('Origin of state-changing requests with a staff cookie', () => {
  const count = async () => Number((await env.ctx.db.selectFrom('appeal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const staffPost = async (headers: Record<string, string>) =>
    env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie: await env.login('operator', 'akimat-astana'), host: 'tyndau.example.kz', 'accept-language': 'en', ...headers }, payload: citizenAppeal(astana, { channel: 'call_centre' }) });

  test('a foreign Origin is 403 FOREIGN_ORIGIN and changes nothing', async () => {
    const before = await count();
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/form' }, { origin: 'http://tyndau.example.kz.evil.example' }] as Array<Record<string, string>>) {
      const res = await staffPost(headers);
      assert.equal(res.statusCode, 403, JSON.stringify(headers));
      assert.equal(res.json().error.code, 'FOREIGN_ORIGIN');
      assert.equal(res.json().error.message, 'The request came from another site and was not carried out.');
    }
    assert.equal(await count(), before);
  });

  test('the platform’s own origin (from Host), or its Referer, is carried out', async () => {
    assert.equal((await staffPost({ origin: 'http://tyndau.example.kz' })).statusCode, 201);
    assert.equal((await staffPost({ referer: 'http://tyndau.example.kz/en/staff/appeals' })).statusCode, 201);
  });

  test('PUBLIC_ORIGIN decides when set', async () => {
    const pinned = await app({ publicOrigins: ['https://appeals.gov.kz'] });
    const cookie = await env.login('operator', 'akimat-astana');
    const post = (origin: string) => pinned.inject({ method: 'POST', url: '/api/v1/appeals', headers: { cookie, origin, host: 'tyndau.example.kz' }, payload: citizenAppeal(astana, { channel: 'call_centre' }) });
    assert.equal((await post('https://appeals.gov.kz')).statusCode, 201);
    assert.equal((await post('http://tyndau.example.kz')).statusCode, 403);
  });

  test('without the cookie (public intake from another site) the Origin does not matter', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { origin: 'https://partner.example' }, payload: citizenAppeal(astana) });
    assert.equal(res.statusCode, 201);
  });
});

describe('the session cookie', () => {
  test('production: __Host-tyndau_session, Secure, HttpOnly, Path=/, no Domain; the plain name is not a session there', async () => {
    const prod = await app({ env: 'production' });
    const res = await prod.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.50', payload: { email: demoEmail('comms_officer', 'akimat-astana'), password: DEMO_PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    const c = res.cookies.find((x) => x.name === '__Host-tyndau_session');
    assert.ok(c, JSON.stringify(res.cookies));
    assert.equal(c.secure, true);
    assert.equal(c.httpOnly, true);
    assert.equal(c.path, '/');
    assert.equal(c.domain, undefined);
    assert.equal((await prod.inject({ url: '/api/v1/me', headers: { cookie: `${c.name}=${c.value}` } })).statusCode, 200);
    assert.equal((await prod.inject({ url: '/api/v1/me', headers: { cookie: `tyndau_session=${c.value}` } })).statusCode, 401);
  });

  test('the OpenAPI document names both cookies', async () => {
    const doc = (await env.app.inject('/api/v1/openapi.json')).json();
    assert.equal(doc.components.securitySchemes.session.name, '__Host-tyndau_session');
    assert.equal(doc.components.securitySchemes.sessionDevelopment.name, 'tyndau_session');
  });
});

describe('malformed ids, cursors, dates and characters are 4xx', () => {
  test('every one of them', async () => {
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const urls = [
      '/api/v1/appeals/------------------------------------',
      '/api/v1/appeals/00000000-0000-0000-0000-00000000000g',
      '/api/v1/appeals/------------------------------------/answers',
      '/api/v1/bodies/------------------------------------',
      '/api/v1/bodies/------------------------------------/contact-line',
      '/api/v1/receptions/schedules/------------------------------------',
      '/api/v1/appeals?cursor=eyJ4IjoxfQ',
      '/api/v1/appeals?cursor=!!!',
      '/api/v1/appeals?from=2026-02-30',
      '/api/v1/appeals?from=9999-99-99',
      '/api/v1/bodies?cursor=%E0%A4%A',
      '/api/v1/staff?role=%00',
      '/api/v1/track/%00?code=x',
      '/api/v1/stats?from=0000-00-00',
      '/api/v1/bodies?limit=Infinity',
      '/api/v1/bodies?limit=1e999',
      '/api/v1/stats?from=0000-01-01',
      '/api/v1/appeals?to=0000-01-01',
      '/api/v1/calendar/days-off?year=-1',
    ];
    for (const url of urls) {
      const res = await env.app.inject({ url, headers: { cookie } });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url} → ${res.statusCode} ${res.body}`);
    }
    const nul = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: 'Мусор \u0000 не вывозят неделю' }) });
    assert.equal(nul.statusCode, 400);
    assert.equal(nul.json().error.code, 'VALIDATION_FAILED');
  });
});

describe('the request log', () => {
  test('no access code, password, cookie or applicant field reaches the log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await app({}, { logStream: stream });
    const reg = await logged.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) });
    assert.equal(reg.statusCode, 201);
    const { number, accessCode } = reg.json();
    await logged.inject(`/api/v1/track/${number}?code=${accessCode}&lang=en`);
    await logged.inject(`/api/v1/track/${number}/messages?code=${accessCode}`);
    await logged.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: demoEmail('comms_officer', 'akimat-astana'), password: DEMO_PASSWORD } });
    const cookie = await env.login('comms_officer', 'akimat-astana');
    await logged.inject({ url: `/api/v1/appeals/${reg.json().id}`, headers: { cookie } });
    await logged.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { applicant: { type: 'individual', name: 'Айгерим Садыкова', iin: '123456789012', email: 'aigerim@example.kz' } }) });
    const log = lines.join('');
    assert.ok(lines.length >= 10, log);
    assert.match(log, /\/api\/v1\/track\/[^"]*code=…/);
    for (const secret of [accessCode, DEMO_PASSWORD, cookie.split('=')[1], '880516300374', '123456789012', 'aigerim@example.kz', 'Айгерим', '+77011234567', 'вывозят']) {
      assert.ok(!log.includes(secret), `the log holds ${secret}`);
    }
  });

  test('errors keep their kind but not PostgreSQL’s details or quoted values', () => {
    const pgError = Object.assign(new Error('invalid input syntax for type uuid: "880516300374"'), { code: '22P02', severity: 'ERROR', detail: 'Key (email)=(a@example.kz) already exists.' });
    const out = loggableError(pgError);
    assert.equal(out.code, '22P02');
    assert.ok(!JSON.stringify(out).includes('880516300374'));
    assert.ok(!JSON.stringify(out).includes('a@example.kz'));
    assert.equal(redactUrl('/api/v1/track/AST-2026-000001?lang=en&code=ABCDEFGHJK'), '/api/v1/track/AST-2026-000001?lang=…&code=…');
  });
});

describe('uploads', () => {
  const upload = (type: string, data: Buffer, name = 'file') =>
    env.app.inject({ method: 'POST', url: `/api/v1/attachments?name=${name}`, headers: { 'content-type': type }, payload: data });
  const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0e3a3ab0000000049454e44ae426082', 'hex');

  test('the type is read from the bytes: a page or a program claiming to be an image is refused', async () => {
    assert.equal((await upload('image/png', PNG, 'dot.png')).statusCode, 201);
    for (const [type, data] of [
      ['image/png', Buffer.from('<html><script>alert(1)</script></html>')],
      ['application/pdf', PNG],
      ['text/plain', Buffer.from('MZ\u0000\u0001binary')],
      ['image/jpeg', Buffer.from('%PDF-1.4\n')],
    ] as const) {
      const res = await upload(type, data);
      assert.equal(res.statusCode, 415, `${type}: ${res.body}`);
      assert.equal(res.json().error.code, 'FILE_TYPE_MISMATCH');
    }
  });

  test('10 MB on the upload route only; other bodies keep 1 MB whatever their type', async () => {
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(5 * 1024 * 1024, 0x20)]);
    assert.equal((await upload('application/pdf', big, 'big.pdf')).statusCode, 201);
    const asIntake = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { 'content-type': 'application/pdf' }, payload: big });
    assert.equal(asIntake.statusCode, 413, asIntake.body);
    const json = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(citizenAppeal(astana, { text: 'x'.repeat(1_100_000) })) });
    assert.equal(json.statusCode, 413);
  });

  test('unclaimed uploads are purged after 24 hours with their files; claimed ones stay', async () => {
    const text = (s: string) => upload('text/plain', Buffer.from(s), 'note.txt');
    const kept = (await text('a photo of the yard')).json().id;
    const lost = (await text('never sent')).json().id;
    assert.equal((await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { attachments: [kept] }) })).statusCode, 201);
    const keyOf = async (id: string) => (await env.ctx.db.selectFrom('attachment').select('storageKey').where('id', '=', id).executeTakeFirst())?.storageKey;
    const lostKey = (await keyOf(lost))!;
    await env.ctx.storage.get(lostKey);
    env.clock.advance(23 * 3600_000);
    await runEdgeUpkeep(env.ctx);
    assert.ok(await keyOf(lost), 'purged too early');
    env.clock.advance(2 * 3600_000);
    await runEdgeUpkeep(env.ctx);
    assert.equal(await keyOf(lost), undefined);
    await assert.rejects(env.ctx.storage.get(lostKey));
    assert.ok(await keyOf(kept));
  });
});
