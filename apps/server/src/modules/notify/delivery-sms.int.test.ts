import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { startSmsc, type SmscTestServer } from '../../../test/delivery-servers.ts';
import { createDeliveryWorker, BACKOFF_MS, type DeliveryWorker } from './delivery-worker.ts';
import { render } from './templates.ts';
import { splitSms } from './sms-encoding.ts';

let env: TestEnv;
let smsc: SmscTestServer;
let worker: DeliveryWorker;
let astana: string;

before(async () => {
  smsc = await startSmsc();
  env = await createTestEnv({ env: { SMPP_URL: `${smsc.url}?source=Tyndau`, PUBLIC_URL: 'https://tyndau.kz' } });
  astana = await env.bodyId('akimat-astana');
  worker = createDeliveryWorker(env.ctx, { log: () => {} });
});
after(async () => {
  await worker.stop();
  await env.close();
  await smsc.close();
});

const register = async (over: Record<string, unknown> = {}) => {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { preferredAnswer: 'sms', ...over }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; number: string; accessCode: string };
};
const smsOf = (appealId: string) => env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', appealId).where('channel', '=', 'sms').executeTakeFirstOrThrow();
async function waitForStatus(appealId: string, status: string) {
  let n = await smsOf(appealId);
  for (let i = 0; i < 200 && n.status !== status; i++) {
    await new Promise((r) => setTimeout(r, 20));
    n = await smsOf(appealId);
  }
  return n;
}
const submitsFor = (number: string, from: number) => smsc.submits.slice(from).filter((s) => s.destination === '77011234567' || s.text.includes(number));

describe('SMS over a real SMPP session', () => {
  test('a Kazakh text goes as UCS-2 (data_coding 8), within the segments the text needs, asking for a receipt', async () => {
    const from = smsc.submits.length;
    const a = await register({ language: 'kk', text: 'Біздің ауладағы балалар алаңы бұзылған, жөндеуге көмектесіңіздерші.' });
    await worker.drain();
    const n = await smsOf(a.id);
    assert.equal(n.status, 'sent');
    const expected = render({ template: 'appeal.registered', language: 'kk', payload: { number: a.number, accessCode: a.accessCode }, publicUrl: 'https://tyndau.kz' }).sms;
    assert.ok(expected.includes(a.accessCode) && expected.includes(a.number));
    const split = splitSms(expected);
    assert.equal(split.encoding, 'ucs2');
    assert.ok(split.units <= 134, `two UCS-2 segments at most (${split.units})`);
    const parts = smsc.submits.slice(from);
    assert.equal(parts.length, split.parts.length);
    assert.equal(n.parts, parts.length);
    for (const [i, p] of parts.entries()) {
      assert.equal(p.dataCoding, 8, 'UCS-2');
      assert.equal(p.destination, '77011234567', 'international number without +');
      assert.equal(p.source, 'Tyndau');
      assert.equal(p.registeredDelivery, 1, 'a delivery receipt is requested');
      if (parts.length > 1) {
        assert.ok(p.esmClass & 0x40, 'UDH indicator');
        assert.deepEqual(p.concat!.slice(1), [parts.length, i + 1]);
        assert.equal(p.concat![0], parts[0].concat![0], 'one reference for all parts');
      } else assert.equal(p.concat, null);
    }
    assert.equal(parts.map((p) => p.text).join(''), expected, 'the parts put together are the text');
    assert.equal(n.providerRef, parts.map((p) => p.messageId).join(' '));
  });

  test('an English text goes as GSM 7-bit (data_coding 0) in one part', async () => {
    const from = smsc.submits.length;
    const a = await register({ language: 'en', text: 'The playground in our yard is broken, please repair it.' });
    await worker.drain();
    const parts = submitsFor(a.number, from);
    assert.equal(parts.length, 1);
    assert.equal(parts[0].dataCoding, 0);
    assert.ok(parts[0].text.includes(a.accessCode));
    assert.ok(parts[0].text.length <= 160);
  });

  test('delivery receipts for every part make the message delivered', async () => {
    const from = smsc.submits.length;
    const a = await register({ language: 'ru' });
    await worker.drain();
    const parts = smsc.submits.slice(from);
    assert.equal(parts.length, 2, 'the Russian receipt is two UCS-2 parts');
    for (const [i, p] of parts.entries()) {
      await smsc.receipt(p.messageId, 'DELIVRD');
      if (i < parts.length - 1) {
        await new Promise((r) => setTimeout(r, 100));
        assert.equal((await smsOf(a.id)).status, 'sent', 'not delivered before every part is');
      }
    }
    const n = await waitForStatus(a.id, 'delivered');
    assert.equal(n.status, 'delivered');
    assert.ok(n.deliveredAt);
  });

  test('an UNDELIV receipt fails the message with the reason', async () => {
    const from = smsc.submits.length;
    const a = await register({ language: 'ru' });
    await worker.drain();
    await smsc.receipt(smsc.submits[from].messageId, 'UNDELIV', '001');
    const n = await waitForStatus(a.id, 'failed');
    assert.equal(n.status, 'failed');
    assert.match(n.lastError!, /UNDELIV.*001/);
  });

  test('with the SMSC down the message waits and retries; it goes once when the SMSC is back', async () => {
    const port = smsc.port;
    await smsc.close();
    const a = await register({ language: 'ru' });
    await worker.drain();
    const n1 = await smsOf(a.id);
    assert.equal(n1.status, 'queued');
    assert.equal(n1.attempts, 1);
    assert.ok(n1.lastError);
    smsc = await startSmsc({ port, autoReceipt: 'DELIVRD' });
    env.clock.advance(BACKOFF_MS[0]);
    await worker.drain();
    const n2 = await smsOf(a.id);
    assert.equal(n2.attempts, 2);
    assert.ok(['sent', 'delivered'].includes(n2.status), n2.status);
    assert.equal(smsc.submits.length, n2.parts);
    const n = await waitForStatus(a.id, 'delivered');
    assert.equal(n.status, 'delivered', 'receipts that arrive right after submit_sm_resp are not lost');
  });
});
