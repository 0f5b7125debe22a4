import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../../test/harness.ts';
import { createDeliveryWorker } from './delivery-worker.ts';

let env: TestEnv;
let astana: string;
let comms: string;

const KAZAKH = 'әғқңөұүһіӘҒҚҢӨҰҮҺІ';
const ANSWER =
  'Құрметті Айгерим Садыкова! Сіздің өтінішіңіз қаралды. Ауладағы қоқыс 26 қарашада шығарылды. ' +
  `Барлық әріптер: ${KAZAKH}. ` +
  'Уважаемая Айгерим Садыкова! Мусор во дворе вывезен, график восстановлен. Ёжик съел щи.';

before(async () => {
  env = await createTestEnv();
  astana = await env.bodyId('akimat-astana');
  comms = await env.login('comms_officer', 'akimat-astana');
});
after(() => env.close());

/** An appeal answered on paper, the answer's event recorded as the process module records it. */
async function answeredOnPaper(language = 'kk') {
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { preferredAnswer: 'paper', language, address: 'Астана қ., Абай даңғылы, 10, 25-пәтер' }) });
  assert.equal(res.statusCode, 201, res.body);
  const a = res.json() as { id: string; number: string };
  await env.ctx.db.transaction().execute((tx) =>
    env.ctx.events.record(tx, { appealId: a.id, type: 'appeal.answered', at: env.clock.now(), public: true, data: { resolution: 'resolved', deliveryMethod: 'paper' }, transient: { text: ANSWER } }),
  );
  const worker = createDeliveryWorker(env.ctx, { log: () => {} });
  await worker.drain();
  await worker.stop();
  const letter = await env.ctx.db.selectFrom('notification').selectAll().where('appealId', '=', a.id).where('channel', '=', 'paper').executeTakeFirstOrThrow();
  return { ...a, letter };
}

/** The PDF's text as a reader extracts it (pdf.js, so `npm test` needs no system tool). */
async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
  return text;
}

describe('paper letters and the print queue', () => {
  test('an answer on paper waits in the print queue of the communications office', async () => {
    const a = await answeredOnPaper();
    assert.equal(a.letter.status, 'to_print');
    assert.equal(a.letter.address, 'Астана қ., Абай даңғылы, 10, 25-пәтер');
    const res = await env.app.inject({ url: '/api/v1/letters?limit=50', headers: { cookie: comms } });
    assert.equal(res.statusCode, 200, res.body);
    const item = res.json().items.find((l: { id: string }) => l.id === a.letter.id);
    assert.ok(item);
    assert.equal(item.appealNumber, a.number);
    assert.equal(item.addressee, 'Айгерим Садыкова');
    assert.equal(item.subject, `Өтініш № ${a.number} бойынша жауап`);
  });

  test('the PDF is on the body’s letterhead and renders every Kazakh letter, upper and lower, and Russian', async () => {
    const a = await answeredOnPaper();
    const res = await env.app.inject({ url: `/api/v1/letters/${a.letter.id}/pdf`, headers: { cookie: comms } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    // Lines break where the PDF does; compare with whitespace folded.
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    for (const letter of KAZAKH) assert.ok(text.includes(letter), `the letter ${letter} is in the PDF's text`);
    assert.ok(text.includes('Ёжик съел щи'), 'Russian, ё included');
    assert.ok(text.includes('АСТАНА ҚАЛАСЫНЫҢ ӘКІМДІГІ'), 'letterhead in Kazakh');
    assert.ok(text.includes('АКИМАТ ГОРОДА АСТАНЫ'), 'letterhead in Russian');
    assert.ok(text.includes(a.number), 'the number');
    assert.ok(text.includes('25.11.2026'), 'the date (Almaty)');
    assert.ok(text.includes('Айгерим Садыкова') && text.includes('Абай даңғылы'), 'the addressee');
    assert.ok(text.includes('Басшы') && text.includes('Оспанов Бақытжан Серікұлы'), 'the signer: the head of the body');
  });

  test('printed, then posted: each an event; posting is shown to the applicant; no other order', async () => {
    const a = await answeredOnPaper('ru');
    const post = (what: string, cookie = comms) => env.app.inject({ method: 'POST', url: `/api/v1/letters/${a.letter.id}/${what}`, headers: { cookie } });
    assert.equal((await post('posted')).statusCode, 409, 'not posted before it is printed');
    const printed = await post('printed');
    assert.equal(printed.statusCode, 200, printed.body);
    assert.equal(printed.json().status, 'printed');
    assert.equal((await post('printed')).statusCode, 409);
    assert.equal((await post('posted')).statusCode, 200);
    const n = await env.ctx.db.selectFrom('notification').selectAll().where('id', '=', a.letter.id).executeTakeFirstOrThrow();
    assert.equal(n.status, 'posted');
    assert.ok(n.printedAt && n.sentAt);
    const events = await env.ctx.db.selectFrom('appealEvent').select(['type', 'public', 'actorRole']).where('appealId', '=', a.id).where('type', 'like', 'letter.%').orderBy('id').execute();
    assert.deepEqual(events.map((e) => [e.type, e.public, e.actorRole]), [
      ['letter.printed', false, 'comms_officer'],
      ['letter.posted', true, 'comms_officer'],
    ]);
    const posted = (await env.app.inject({ url: '/api/v1/letters?status=posted&limit=100', headers: { cookie: comms } })).json();
    assert.ok(posted.items.some((l: { id: string; postedAt: string }) => l.id === a.letter.id && l.postedAt));
  });

  test('only the communications office and the administrator work the queue; another body’s letter does not exist', async () => {
    const a = await answeredOnPaper();
    const executor = await env.login('executor', 'akimat-astana');
    assert.equal((await env.app.inject({ url: '/api/v1/letters', headers: { cookie: executor } })).statusCode, 403);
    assert.equal((await env.app.inject({ method: 'POST', url: `/api/v1/letters/${a.letter.id}/printed`, headers: { cookie: executor } })).statusCode, 403);
    const other = await env.login('comms_officer', 'akimat-almaty');
    assert.equal((await env.app.inject({ url: `/api/v1/letters/${a.letter.id}/pdf`, headers: { cookie: other } })).statusCode, 404);
    assert.ok(!(await env.app.inject({ url: '/api/v1/letters', headers: { cookie: other } })).json().items.some((l: { id: string }) => l.id === a.letter.id));
    assert.equal((await env.app.inject({ url: '/api/v1/letters' })).statusCode, 401);
    assert.equal((await env.app.inject({ url: `/api/v1/letters?cursor=${Buffer.from('["x","y"]').toString('base64url')}`, headers: { cookie: comms } })).statusCode, 400, 'a forged cursor is a 400');
  });
});
