// Open311 GeoReport v2, checked the way a city app meets it: every JSON answer against the
// standard's JSON Schemas (../shared/open311, ajv), every XML form read by an XML parser,
// over a real HTTP server for the client written from the spec alone.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { addApiKey } from './keys.ts';

const SCHEMAS = process.env.OPEN311_SCHEMAS ?? '/work/shared/open311';
let env: TestEnv;
let base: string;
let apiKey: string;
const schema: Record<string, ValidateFunction> = {};
const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format', 'request_update'].includes(name) });

// A real 1×1 PNG (its signature is what the register checks).
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

before(async () => {
  env = await createTestEnv();
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
  apiKey = (await addApiKey(env.ctx, null, 'test app')).key;
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  for (const f of ['request', 'service', 'service-definition', 'requests', 'services']) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS, `${f}.json`), 'utf8')), `${f}.json`);
  for (const f of ['requests', 'services', 'service-definition', 'request']) schema[f] = ajv.getSchema(`${f}.json`)!;
});
after(() => env.close());

function valid(name: string, data: unknown) {
  const v = schema[name];
  assert.ok(v(data), `${name}: ${JSON.stringify(v.errors)} in ${JSON.stringify(data).slice(0, 500)}`);
}

async function get(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/open311/v2/${url}`, { headers });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
}

async function post(file: string, body: URLSearchParams | FormData | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/open311/v2/${file}`, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const staffCall = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, role: string, body: string, payload?: unknown) => {
  const res = await env.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await env.login(role, body) }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  return { status: res.statusCode, json: () => res.json() };
};
const sid = async (role: string, bodyCode: string) =>
  env.ctx.db.selectFrom('staffUser').select(['id', 'unitId']).where('email', '=', `${role.replace('_', '-')}@${bodyCode}.example.kz`).executeTakeFirstOrThrow();
const appealByNumber = (n: string) => env.ctx.db.selectFrom('appeal').selectAll().where('number', '=', n).executeTakeFirstOrThrow();

describe('a client written from the spec alone', () => {
  test('discovers, lists services, files with a photo, finds its request by id and follows its updates', async () => {
    // 1. Discovery: where the endpoint is and which formats it speaks.
    const disc = await get('discovery.json');
    assert.equal(disc.status, 200);
    const endpoint = disc.json().endpoints.find((e: { specification: string }) => e.specification === 'http://wiki.open311.org/GeoReport_v2');
    assert.ok(endpoint.formats.includes('application/json') && endpoint.formats.includes('text/xml'));

    // 2. Services, in the language asked for.
    const services = await get('services.json?jurisdiction_id=akimat-astana', { 'accept-language': 'en' });
    assert.equal(services.status, 200);
    valid('services', services.json());
    const garbage = services.json().find((s: { service_code: string }) => s.service_code === 'improvement.garbage');
    assert.ok(garbage, 'the topic taxonomy is the service list');
    assert.equal(garbage.type, 'realtime');
    assert.match(garbage.service_name, /[A-Za-z]/);
    const ru = (await get('services.json?locale=ru')).json().find((s: { service_code: string }) => s.service_code === 'improvement.garbage');
    assert.match(ru.service_name, /[А-Яа-я]/);

    // 3. Its definition (no attributes configured: an empty list, still the standard's shape).
    const def = await get('services/improvement.garbage.json');
    assert.equal(def.status, 200);
    valid('service-definition', def.json());

    // 4. File with a photo (multipart), no jurisdiction: the place decides.
    const fd = new FormData();
    for (const [k, v] of Object.entries({ api_key: apiKey, service_code: 'improvement.garbage', lat: '51.1605', long: '71.4704', address_string: 'Астана, ул. Кенесары, 40', description: 'Переполнены мусорные баки во дворе, не вывозят неделю.', first_name: 'Асель', last_name: 'Нурланова', email: 'asel@example.kz' }))
      fd.append(k, v);
    fd.append('media', new Blob([PNG], { type: 'image/png' }), 'bins.png');
    const filed = await post('requests.json', fd);
    assert.equal(filed.status, 200, filed.text);
    const [answer] = filed.json();
    assert.match(answer.service_request_id, /^[A-Z]+-\d{4}-\d{6}$/);
    assert.match(answer.service_notice, /15/);
    assert.match(answer.access_code, /^\S{6,}$/);

    // 5. Find it by id: public fields only, the photo reachable, no personal data.
    const found = await get(`requests/${answer.service_request_id}.json`);
    assert.equal(found.status, 200, found.text);
    valid('requests', found.json());
    const [req] = found.json();
    assert.equal(req.status, 'open');
    assert.equal(req.service_code, 'improvement.garbage');
    assert.match(req.requested_datetime, /\+05:00$/);
    assert.match(req.expected_datetime, /\+05:00$/);
    assert.equal(req.lat, 51.16);
    assert.equal(req.address, 'Астана, ул. Кенесары, 40');
    assert.ok(!/Асель|Нурланова|asel@/.test(found.text), 'no personal data');
    const photo = await fetch(req.media_url.replace(/^https?:\/\/[^/]+/, base));
    assert.equal(photo.status, 200);
    assert.equal(photo.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await photo.arrayBuffer()), PNG);

    // The register's own intake took it: channel mobile_app, the body routed by place with its reason.
    const appeal = await appealByNumber(answer.service_request_id);
    assert.equal(appeal.channel, 'mobile_app');
    const [registered] = await env.ctx.db.selectFrom('appealEvent').select('data').where('appealId', '=', appeal.id).where('type', '=', 'appeal.registered').execute();
    assert.equal((registered.data.routedByPlace as { bodyCode: string }).bodyCode, 'akimat-astana');
    assert.match((registered.data.routedByPlace as { reason: string }).reason, /boundary of akimat-astana/);

    // 6. Follow its updates while the akimat works it: in work, then fixed.
    const since = new Date(env.ctx.clock.now().getTime() - 60_000).toISOString();
    const executor = await sid('executor', 'akimat-astana');
    assert.equal((await staffCall('POST', `/appeals/${appeal.id}/triage`, 'comms_officer', 'akimat-astana', { competence: 'own', unitId: executor.unitId })).status, 200);
    assert.equal((await staffCall('POST', `/appeals/${appeal.id}/assign`, 'comms_officer', 'akimat-astana', { executorId: executor.id })).status, 200);
    const inWork = (await get(`requests/${answer.service_request_id}.json?extensions=true`)).json()[0];
    assert.equal(inWork.status, 'open');
    assert.equal(inWork.extended_status, 'ACTION_SCHEDULED');
    assert.equal(inWork.channel, 'mobile_app');
    const text = 'Уважаемая Асель! Баки во дворе по ул. Кенесары, 40 вывезены 5 декабря, график вывоза восстановлен; подрядчику направлена претензия.';
    const drafted = await staffCall('POST', `/appeals/${appeal.id}/answer`, 'executor', 'akimat-astana', { text, resolution: 'resolved' });
    assert.equal(drafted.status, 201, JSON.stringify(drafted.json()));
    const signed = await staffCall('POST', `/appeals/${appeal.id}/sign`, 'head', 'akimat-astana');
    assert.equal(signed.status, 200, JSON.stringify(signed.json()));

    const updates = await get(`servicerequestupdates.json?start_date=${encodeURIComponent(since)}`);
    assert.equal(updates.status, 200, updates.text);
    const mine = updates.json().filter((u: { service_request_id: string }) => u.service_request_id === answer.service_request_id);
    assert.deepEqual(
      mine.map((u: { status: string }) => u.status),
      ['IN_PROGRESS', 'FIXED'], // the assignment itself is internal (not a public event)
    );
    assert.ok(mine.every((u: { updated_datetime: string; update_id: string }) => /\+05:00$/.test(u.updated_datetime) && u.update_id));
    const closed = (await get(`requests/${answer.service_request_id}.json`, { 'accept-language': 'en' })).json()[0];
    assert.equal(closed.status, 'closed');
    assert.match(closed.status_notes, /^Resolved/);
    assert.ok(!closed.status_notes.includes('претензия'), 'the answer letter itself is not published');

    // The XML forms say the same.
    const x = xml.parse((await get(`requests/${answer.service_request_id}.xml`)).text);
    assert.equal(x.service_requests.request[0].service_request_id, answer.service_request_id);
    assert.equal(x.service_requests.request[0].status, 'closed');
    const ux = xml.parse((await get(`servicerequestupdates.xml?start_date=${encodeURIComponent(since)}`)).text);
    assert.ok(ux.service_request_updates.request_update.some((u: { status: string }) => u.status === 'FIXED'));
  });
});

describe('JSON and XML forms of every resource', () => {
  test('discovery, services, definitions, requests: XML parses to the spec’s elements', async () => {
    const d = await get('discovery.xml');
    assert.match(d.type, /text\/xml/);
    assert.equal(xml.parse(d.text).discovery.endpoints.endpoint[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    const s = xml.parse((await get('services.xml')).text);
    assert.ok(s.services.service.length > 20);
    assert.ok(s.services.service.every((x: { service_code: string; type: string }) => x.service_code && x.type === 'realtime'));
    const def = xml.parse((await get('services/housing.heating.xml')).text);
    assert.equal(def.service_definition.service_code, 'housing.heating');
    const list = await get('requests.json');
    assert.equal(list.status, 200);
    valid('requests', list.json());
    const lx = xml.parse((await get('requests.xml')).text);
    assert.equal((lx.service_requests.request ?? []).length, list.json().length);
  });

  test('errors exactly as the spec: a list of {code, description}; 400, 403, 404, in JSON and XML', async () => {
    const bad = await post('requests.json', form({ api_key: 'wrong', service_code: 'improvement.garbage', lat: '51.16', long: '71.47', first_name: 'A' }));
    assert.equal(bad.status, 403);
    assert.deepEqual(Object.keys(bad.json()[0]).sort(), ['code', 'description']);
    assert.equal(bad.json()[0].code, 403);
    const badXml = await post('requests.xml', form({ service_code: 'improvement.garbage' }));
    assert.equal(badXml.status, 403);
    assert.equal(xml.parse(badXml.text).errors.error[0].code, '403');

    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ lat: '51.16', long: '71.47', first_name: 'A' }, /service_code/],
      [{ service_code: 'no.such', lat: '51.16', long: '71.47', first_name: 'A' }, /service_code/],
      [{ service_code: 'improvement.garbage', first_name: 'A' }, /location/],
      [{ service_code: 'improvement.garbage', lat: '95', long: '71.47', first_name: 'A' }, /lat/],
      [{ service_code: 'improvement.garbage', lat: '51.16', long: '71.47' }, /anonymous/],
      [{ service_code: 'improvement.garbage', lat: '51.16', long: '71.47', first_name: 'A', description: 'x'.repeat(4001) }, /4,000/],
      [{ service_code: 'improvement.garbage', lat: '51.16', long: '71.47', first_name: 'A', media_url: 'javascript:alert(1)' }, /media_url/],
      [{ service_code: 'improvement.garbage', lat: '10', long: '10', first_name: 'A' }, /jurisdiction_id/],
      [{ service_code: 'improvement.garbage', address_string: 'somewhere', first_name: 'A' }, /jurisdiction_id/],
    ];
    const before = await env.ctx.db.selectFrom('appeal').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    for (const [fields, why] of cases) {
      const res = await post('requests.json', form({ api_key: apiKey, ...fields }));
      assert.equal(res.status, 400, `${JSON.stringify(fields)}: ${res.text}`);
      assert.equal(res.json()[0].code, 400);
      assert.match(res.json()[0].description, why);
    }
    const after = await env.ctx.db.selectFrom('appeal').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(after.n, before.n, 'bad input changes nothing');

    const unknown = await post('requests.json', form({ api_key: apiKey, service_code: 'improvement.garbage', jurisdiction_id: 'nowhere', address_string: 'x', first_name: 'A' }));
    assert.equal(unknown.status, 404);
    assert.equal((await get('requests/NOPE-2026-000001.json')).status, 404);
    assert.equal((await get('services/no.such.json')).status, 404);
    assert.equal((await get('requests.json?start_date=yesterday')).status, 400);
    assert.equal((await get('requests.json?status=pending')).status, 400);
    assert.equal((await get('requests.csv')).status, 404);
  });

  test('form-encoded and JSON filing, with jurisdiction_id; the same Idempotency-Key files once', async () => {
    const fields = { api_key: apiKey, service_code: 'roads_transport', jurisdiction_id: 'akimat-almaty', address_string: 'Алматы, пр. Абая / ул. Тургут Озала', description: 'Яма на перекрёстке, машины объезжают по встречной.', first_name: 'Ерлан', phone: '+77017654321' };
    const a = await post('requests.json', form(fields), { 'idempotency-key': 'open311-test-key-1' });
    assert.equal(a.status, 200, a.text);
    const again = await post('requests.json', form(fields), { 'idempotency-key': 'open311-test-key-1' });
    assert.equal(again.json()[0].service_request_id, a.json()[0].service_request_id);
    const j = await post('requests.json', JSON.stringify({ ...fields, media_url: 'https://photos.example.org/pothole.jpg' }), { 'content-type': 'application/json' });
    assert.equal(j.status, 200, j.text);
    const [req] = (await get(`requests/${j.json()[0].service_request_id}.json`)).json();
    assert.equal(req.media_url, 'https://photos.example.org/pothole.jpg');
    assert.equal(req.agency_responsible, (await get(`requests/${a.json()[0].service_request_id}.json`)).json()[0].agency_responsible);
    const row = await appealByNumber(a.json()[0].service_request_id);
    assert.equal(row.preferredAnswer, 'sms');
    const body = await env.ctx.db.selectFrom('body').select('code').where('id', '=', row.bodyId).executeTakeFirstOrThrow();
    assert.equal(body.code, 'akimat-almaty');
  });
});

describe('never personal data, never a confidential appeal', () => {
  test('GET lists and finds no confidential appeal; the applicant never appears', async () => {
    const astana = await env.bodyId('akimat-astana');
    const open = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { location: { lat: 51.15, lon: 71.44 } }) });
    assert.equal(open.statusCode, 201, open.body);
    const secret = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: 'Конфиденциально: взятка в отделе земельных отношений.' }) });
    const secretNumber = secret.json().number as string;
    const res = await staffCall('POST', `/appeals/${secret.json().id}/confidential`, 'ethics_commissioner', 'akimat-astana', { reason: 'коррупция' });
    assert.equal(res.status, 200, JSON.stringify(res.json()));

    assert.equal((await get(`requests/${secretNumber}.json`)).status, 404);
    const list = await get(`requests.json?service_request_id=${open.json().number},${secretNumber}&extensions=true`);
    valid('requests', list.json());
    assert.deepEqual(list.json().map((r: { service_request_id: string }) => r.service_request_id), [open.json().number]);
    const all = await get('requests.json?service_code=improvement&extensions=true');
    assert.ok(!all.json().some((r: { service_request_id: string }) => r.service_request_id === secretNumber));
    for (const text of [list.text, all.text, (await get('requests.xml')).text]) {
      assert.ok(!/Айгерим|Садыкова|880516300374|aigerim@|77011234567|Абая, 10/.test(text), 'no applicant, no postal address of another channel');
    }
    // The point of a website appeal is rounded (about a kilometre), its postal address absent.
    const [r] = list.json();
    assert.equal(r.address, null);
    assert.equal(r.lat, 51.15);
    assert.equal(r.description, null);
  });
});

describe('API keys', () => {
  test('the central body’s administrator issues, lists and revokes; a revoked key files nothing', async () => {
    const other = await staffCall('POST', '/open311/keys', 'admin', 'akimat-astana', { name: 'x' });
    assert.equal(other.status, 403);
    assert.equal((await staffCall('GET', '/open311/keys', 'operator', 'min-info')).status, 403);
    const made = await staffCall('POST', '/open311/keys', 'admin', 'min-info', { name: 'Astana city app' });
    assert.equal(made.status, 201, JSON.stringify(made.json()));
    const { id, key } = made.json();
    const stored = await env.ctx.db.selectFrom('open311ApiKey').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.notEqual(stored.keyHash, key);
    assert.ok(!JSON.stringify(stored).includes(key), 'only the hash is stored');
    const listed = (await staffCall('GET', '/open311/keys', 'admin', 'min-info')).json().items;
    assert.ok(listed.some((k: { id: string; name: string }) => k.id === id && k.name === 'Astana city app'));
    assert.ok(!JSON.stringify(listed).includes(key));

    const fields = { service_code: 'improvement.garbage', jurisdiction_id: 'akimat-astana', address_string: 'Астана, ул. Сарайшык, 5', first_name: 'Бекзат' };
    assert.equal((await post('requests.json', form({ api_key: key, ...fields }))).status, 200);
    assert.equal((await staffCall('DELETE', `/open311/keys/${id}`, 'admin', 'min-info')).status, 200);
    assert.equal((await post('requests.json', form({ api_key: key, ...fields }))).status, 403);
  });
});

describe('service definitions a body configures', () => {
  test('attributes: metadata true, the definition in the standard’s shape, required and list values checked', async () => {
    const put = await staffCall('PUT', '/open311/attributes/roads_transport/DAMAGE', 'admin', 'akimat-astana', {
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
      description: { kk: 'Ақау түрі', ru: 'Вид повреждения', en: 'Kind of damage' },
      values: [
        { key: 'pothole', name: { kk: 'Шұңқыр', ru: 'Яма', en: 'Pothole' } },
        { key: 'crack', name: { kk: 'Жарық', ru: 'Трещина', en: 'Crack' } },
      ],
    });
    assert.equal(put.status, 200, JSON.stringify(put.json()));
    assert.equal((await staffCall('PUT', '/open311/attributes/roads_transport/X', 'executor', 'akimat-astana', { datatype: 'string', description: { kk: 'a', ru: 'a', en: 'a' } })).status, 403);

    const services = (await get('services.json?jurisdiction_id=akimat-astana')).json();
    assert.equal(services.find((s: { service_code: string }) => s.service_code === 'roads_transport').metadata, true);
    const def = (await get('services/roads_transport.json?jurisdiction_id=akimat-astana&locale=en')).json();
    valid('service-definition', def);
    assert.deepEqual(def.attributes[0].values, [{ key: 'pothole', name: 'Pothole' }, { key: 'crack', name: 'Crack' }]);
    const defXml = xml.parse((await get('services/roads_transport.xml?jurisdiction_id=akimat-astana')).text);
    assert.equal(defXml.service_definition.attributes.attribute[0].values.value.length, 2);

    const fields = { api_key: apiKey, service_code: 'roads_transport', jurisdiction_id: 'akimat-astana', address_string: 'Астана, пр. Республики, 1', first_name: 'Дана' };
    const missing = await post('requests.json', form(fields));
    assert.equal(missing.status, 400);
    assert.match(missing.json()[0].description, /DAMAGE/);
    assert.equal((await post('requests.json', form({ ...fields, 'attribute[DAMAGE]': 'volcano' }))).status, 400);
    assert.equal((await post('requests.json', form({ ...fields, 'attribute[OTHER]': 'x', 'attribute[DAMAGE]': 'crack' }))).status, 400);
    const ok = await post('requests.json', form({ ...fields, 'attribute[DAMAGE]': 'crack' }));
    assert.equal(ok.status, 200, ok.text);
    const row = await appealByNumber(ok.json()[0].service_request_id);
    const extras = await env.ctx.db.selectFrom('open311Request').selectAll().where('appealId', '=', row.id).executeTakeFirstOrThrow();
    assert.deepEqual(extras.attributes, { DAMAGE: 'crack' });
  });
});
