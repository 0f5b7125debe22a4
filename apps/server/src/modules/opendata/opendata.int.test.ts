import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import jsonld from 'jsonld';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { SMALL_GROUP } from './dataset.ts';

let env: TestEnv;
let astana: string;
const numbers: Record<string, string> = {};
before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  const register = async (over: Record<string, unknown> = {}) => {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, over) });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string; number: string };
  };
  // Six appeals about one yard (the same ~100 m cell), one at a lone place, one anonymous, one confidential.
  const yard: { id: string; number: string }[] = [];
  for (let i = 0; i < 6; i++) yard.push(await register());
  const lone = await register();
  const anonymous = await register();
  const secret = await register();
  const db = env.ctx.db;
  for (const [i, a] of yard.entries()) await db.updateTable('appeal').set({ lat: 51.12811 + i * 0.00005, lon: 71.43049 }).where('id', '=', a.id).execute();
  await db.updateTable('appeal').set({ lat: 43.2389, lon: 76.8897 }).where('id', '=', lone.id).execute();
  await db.updateTable('appeal').set({ confidential: true }).where('id', '=', secret.id).execute();
  // The web form takes no anonymous appeals; other channels (the trust line, the box) do.
  await db.updateTable('appeal').set({ applicantType: 'anonymous', applicantName: null, applicantIin: null, applicantEmail: null, applicantPhone: null }).where('id', '=', anonymous.id).execute();
  Object.assign(numbers, { yard: yard[0]!.number, lone: lone.number, anonymous: anonymous.number, secret: secret.number });
  // The release of tomorrow holds today's appeals.
  env.clock.set(new Date('2026-11-26T05:00:00Z'));
  numbers.tomorrow = (await register()).number;
});
after(() => env.close());

const csvRows = (text: string) => {
  const [head, ...lines] = text.trim().split('\r\n');
  const cols = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
};

describe('open data of the register', () => {
  test('a body’s dataset: one de-identified row per appeal, no confidential or anonymous ones, small groups suppressed; CSV and JSON agree', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/open-data/datasets/appeals-akimat-astana.csv' });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.headers['content-type'] as string, /^text\/csv/);
    assert.match(res.headers['content-disposition'] as string, /appeals-akimat-astana-2026-11-26\.csv/);
    assert.equal(res.body.split('\r\n')[0], 'number,received,closed,due,body,topic,channel,status,resolution,district,lat,lon');
    const rows = csvRows(res.body);
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    assert.ok(byNumber.has(numbers.yard!));
    assert.ok(byNumber.has(numbers.lone!));
    assert.ok(!byNumber.has(numbers.anonymous!), 'no anonymous appeals');
    assert.ok(!byNumber.has(numbers.secret!), 'no confidential appeals');
    assert.ok(!byNumber.has(numbers.tomorrow!), 'only appeals received before the release day');
    const yard = byNumber.get(numbers.yard!)!;
    assert.equal(yard.received, '2026-11-25');
    assert.equal(yard.body, 'akimat-astana');
    assert.equal(yard.topic, 'improvement.garbage');
    assert.equal(yard.lat, '51.128');
    assert.equal(yard.lon, '71.43');
    assert.equal(byNumber.get(numbers.lone!)!.lat, '', `a point shared by fewer than ${SMALL_GROUP} appeals is suppressed`);
    // Nothing personal leaves the register.
    for (const secret of ['Айгерим', '880516300374', 'aigerim@example.kz', '+77011234567', 'Абая', 'мусор']) assert.ok(!res.body.includes(secret), secret);

    const json = await env.app.inject({ method: 'GET', url: '/open-data/datasets/appeals-akimat-astana.json' });
    assert.equal(json.statusCode, 200);
    const items = json.json() as { number: string; lat: number | null }[];
    assert.equal(items.length, rows.length);
    assert.equal(items.find((r) => r.number === numbers.yard)!.lat, 51.128);

    // The same bytes all day: a later appeal waits for tomorrow's release.
    await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana) });
    assert.equal((await env.app.inject({ method: 'GET', url: '/open-data/datasets/appeals-akimat-astana.csv' })).body, res.body);
  });

  test('downloads are counted; an unknown dataset is 404 and a format other than CSV or JSON is refused', async () => {
    const counts = await env.app.inject({ method: 'GET', url: '/api/v1/open-data/datasets' });
    const astanaSet = counts.json().items.find((d: { id: string }) => d.id === 'appeals-akimat-astana');
    assert.deepEqual(astanaSet.downloads, { csv: 2, json: 1 });
    assert.equal((await env.app.inject({ method: 'GET', url: '/open-data/datasets/appeals-nowhere.csv' })).statusCode, 404);
    assert.equal((await env.app.inject({ method: 'GET', url: '/open-data/datasets/appeals-akimat-astana.xml' })).statusCode, 400);
    assert.equal((await env.app.inject({ method: 'GET', url: '/open-data/datasets/../../etc/passwd.csv' })).statusCode, 404);
  });

  test('the DCAT-AP catalogue is JSON-LD a harvester can read: expanded, it holds a dcat:Catalog of datasets with downloadable distributions', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/open-data/catalog.jsonld' });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/ld\+json/);
    const DCAT = 'http://www.w3.org/ns/dcat#';
    const DCT = 'http://purl.org/dc/terms/';
    const expanded = (await jsonld.expand(res.json())) as Record<string, unknown[]>[];
    const catalog = expanded.find((n) => (n['@type'] as unknown as string[])?.includes(`${DCAT}Catalog`))!;
    assert.ok(catalog, 'a dcat:Catalog');
    assert.ok((catalog[`${DCT}title`] as { '@language': string }[]).some((t) => t['@language'] === 'kk'));
    const datasets = catalog[`${DCAT}dataset`] as Record<string, unknown[]>[];
    assert.ok(datasets.length >= 2);
    const astanaSet = datasets.find((d) => (d[`${DCT}identifier`] as { '@value': string }[])[0]!['@value'] === 'appeals-akimat-astana')!;
    assert.deepEqual(astanaSet['@type'], [`${DCAT}Dataset`]);
    assert.deepEqual((astanaSet[`${DCT}accrualPeriodicity`] as { '@id': string }[])[0]!['@id'], 'http://publications.europa.eu/resource/authority/frequency/DAILY');
    assert.ok(astanaSet[`${DCT}publisher`] && astanaSet[`${DCAT}contactPoint`] && astanaSet[`${DCT}description`]);
    const dists = astanaSet[`${DCAT}distribution`] as Record<string, { '@id': string }[]>[];
    assert.equal(dists.length, 2);
    for (const d of dists) {
      const url = new URL(d[`${DCAT}downloadURL`]![0]!['@id']);
      assert.ok(d[`${DCAT}mediaType`] && d[`${DCT}format`]);
      const file = await env.app.inject({ method: 'GET', url: url.pathname });
      assert.equal(file.statusCode, 200, `${url.pathname} downloads`);
    }
    // Canonical N-Quads: the catalogue is valid RDF (what rdflib in ckanext-dcat parses).
    const nquads = (await jsonld.toRDF(res.json(), { format: 'application/n-quads' })) as unknown as string;
    assert.match(nquads, /<http:\/\/www\.w3\.org\/ns\/dcat#downloadURL>/);
  });

  test('a dataset is discussed with the same comment engine and answer rules', async () => {
    const d = await env.app.inject({ method: 'GET', url: '/api/v1/open-data/datasets/appeals-akimat-astana/discussion' });
    assert.equal(d.statusCode, 200, d.body);
    const { discussionId } = d.json();
    const again = await env.app.inject({ method: 'GET', url: '/api/v1/open-data/datasets/appeals-akimat-astana/discussion' });
    assert.equal(again.json().discussionId, discussionId, 'one discussion per dataset');
    const code = await env.app.inject({ method: 'POST', url: '/api/v1/drafts/codes', payload: { contact: 'data@example.kz' } });
    const msg = await env.ctx.db.selectFrom('notification').select('payload').where('address', '=', 'data@example.kz').executeTakeFirstOrThrow();
    const c = await env.app.inject({
      method: 'POST',
      url: `/api/v1/drafts/${discussionId}/comments`,
      payload: { name: 'Ержан', contact: 'data@example.kz', codeId: code.json().codeId, code: (msg.payload as { accessCode: string }).accessCode, stance: 'neutral', text: 'Предлагаю добавить в набор подтему обращения.' },
    });
    assert.equal(c.statusCode, 201, c.body);
    const cookie = await env.login('comms_officer', 'akimat-astana');
    const bad = await env.app.inject({ method: 'POST', url: `/api/v1/drafts/comments/${c.json().id}/answer`, headers: { cookie }, payload: { text: 'Принято к сведению, спасибо.', decision: 'accepted', reason: 'Будет сделано в следующем выпуске.' } });
    assert.equal(bad.statusCode, 422);
    const ok = await env.app.inject({ method: 'POST', url: `/api/v1/drafts/comments/${c.json().id}/answer`, headers: { cookie }, payload: { text: 'Уважаемый Ержан! Благодарим за предложение. Подтема появится в наборе.', decision: 'accepted', reason: 'Подтема не называет заявителя.' } });
    assert.equal(ok.statusCode, 200, ok.body);
    const list = await env.app.inject({ method: 'GET', url: '/api/v1/drafts?kind=dataset' });
    assert.ok(list.json().items.some((x: { id: string }) => x.id === discussionId));
  });
});
