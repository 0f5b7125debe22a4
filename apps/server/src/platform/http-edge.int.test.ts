// The HTTP edge every module shares: how bodies, query strings and errors are read and
// answered, and how the OpenAPI document describes them.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../test/harness.ts';

let env: TestEnv;
let astana: string;

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
});
after(() => env.close());

const appeals = async () => Number((await env.ctx.db.selectFrom('appeal').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const postAppeal = (payload: unknown) => env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', 'accept-language': 'en' } });

describe('JSON bodies keep their types', () => {
  const wrong: Array<[string, Record<string, unknown>, string]> = [
    ['a number as the text (long enough once converted)', { text: 1234567 }, '/text'],
    ['a boolean as the text', { text: true }, '/text'],
    ['an array holding the text', { text: ['Во дворе третью неделю не вывозят мусор.'] }, '/text'],
    ['a number as the applicant’s name', { applicant: { type: 'individual', name: 12345, email: 'a@example.kz' } }, '/applicant/name'],
    ['a number as the ИИН', { applicant: { type: 'individual', name: 'Айгерим', iin: 880516300374, email: 'a@example.kz' } }, '/applicant/iin'],
    ['text as coordinates', { location: { lat: '51.1', lon: '71.4' } }, '/location/lat'],
    ['null as the address', { address: null }, '/address'],
  ];
  for (const [name, over, field] of wrong) {
    test(`${name} → 400 VALIDATION_FAILED, nothing written`, async () => {
      const before = await appeals();
      const res = await postAppeal(citizenAppeal(astana, over));
      assert.equal(res.statusCode, 400, res.body);
      const { error } = res.json();
      assert.equal(error.code, 'VALIDATION_FAILED');
      assert.ok(error.details.some((d: { field: string }) => d.field === field), res.body);
      assert.equal(await appeals(), before);
    });
  }

  test('the same appeal with the right types is registered', async () => {
    const res = await postAppeal(citizenAppeal(astana, { location: { lat: 51.1, lon: 71.4 } }));
    assert.equal(res.statusCode, 201, res.body);
  });

  test('a score sent as text is refused', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/track/AST-2026-000001/feedback', payload: { code: 'WHATEVER', score: '5' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.details[0].field, '/score');
  });

  test('query strings are still read as numbers and booleans', async () => {
    const page = await env.app.inject('/api/v1/bodies?limit=2');
    assert.equal(page.statusCode, 200);
    assert.equal(page.json().items.length, 2);
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const overdue = await env.app.inject({ url: '/api/v1/appeals?overdue=false&limit=1', headers: { cookie } });
    assert.equal(overdue.statusCode, 200, overdue.body);
  });
});

describe('empty and broken JSON', () => {
  test('an action without input works when the client sends Content-Type: application/json and no body', async () => {
    const cookie = await env.login('executor', 'akimat-almaty');
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await env.app.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode, 401);
  });

  test('a required body that is empty is a validation error, not broken JSON', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', headers: { 'content-type': 'application/json' } });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
  });

  test('broken JSON and prototype poisoning are still refused as INVALID_JSON', async () => {
    for (const payload of ['{"bodyId":', '{"__proto__":{"admin":true}}']) {
      const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload, headers: { 'content-type': 'application/json', 'accept-language': 'ru' } });
      assert.equal(res.statusCode, 400, payload);
      assert.equal(res.json().error.code, 'INVALID_JSON');
      assert.equal(res.json().error.message, 'Запрос не является корректным JSON.');
    }
  });
});

describe('validation messages', () => {
  test('a value outside a list of literals is one problem that names the allowed values', async () => {
    const res = await postAppeal(citizenAppeal(astana, { kind: 'rant' }));
    assert.equal(res.statusCode, 400);
    const { details } = res.json().error;
    assert.equal(details.length, 1, res.body);
    assert.equal(details[0].field, '/kind');
    assert.equal(details[0].rule, 'enum');
    assert.ok(details[0].allowed.includes('complaint'));
    assert.match(details[0].message, /must be one of: .*complaint/);
  });
});

describe('OpenAPI', () => {
  test('a query parameter with a default (limit) is optional in the document, and the default still applies', async () => {
    const doc = (await env.app.inject('/api/v1/openapi.json')).json();
    const withDefault: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean; schema?: { default?: unknown } }> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const p of op.parameters ?? []) {
          if (p.in !== 'query' || p.schema?.default === undefined) continue;
          withDefault.push(`${method} ${path} ${p.name}`);
          assert.notEqual(p.required, true, `${method} ${path} ${p.name}`);
        }
      }
    }
    assert.ok(withDefault.includes('get /api/v1/appeals limit'), withDefault.join('\n'));
    const bodies = (await env.app.inject('/api/v1/bodies')).json();
    assert.equal(bodies.items.length, 21);
  });
});

describe('requests HTTP cannot read', () => {
  test('raw Cyrillic in the URL is a 400 in the usual error shape, not the framework’s', async () => {
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = env.app.server.address() as net.AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.from('GET /api/v1/bodies?q=астана HTTP/1.1\r\nHost: localhost\r\n\r\n', 'utf8')));
      let data = '';
      socket.on('data', (d) => (data += d.toString('utf8')));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    assert.match(raw, /^HTTP\/1\.1 400 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    assert.equal(body.error.code, 'BAD_REQUEST');
    assert.match(body.error.message, /кодталмаған/);
  });
});
