import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { applyDiscussionRules } from './index.ts';
import { comment, confirmedCode, publishDraft } from './drafts.fixtures.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

const staff = async (method: 'GET' | 'POST', url: string, role: string, body = 'akimat-astana', payload?: object) =>
  env.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: await env.login(role, body) }, ...(payload ? { payload } : {}) });
const page = async (id: string) => (await env.app.inject({ method: 'GET', url: `/api/v1/drafts/${id}` })).json();

describe('publishing a draft', () => {
  test('Markdown is split into articles and paragraphs; subscribers are told the same day; the body lists it', async () => {
    const who = { contact: 'reader@example.kz', ...(await confirmedCode(env, 'reader@example.kz')) };
    const sub = await env.app.inject({ method: 'POST', url: '/api/v1/drafts/subscriptions', payload: { email: who.contact, codeId: who.codeId, code: who.code, bodyCode: 'akimat-astana', language: 'kk' } });
    assert.equal(sub.statusCode, 201, sub.body);

    const d = await publishDraft(env);
    assert.equal(d.state, 'open');
    const p = await page(d.id);
    assert.equal(p.paragraphs.length, 4);
    assert.equal(p.paragraphs[0].article, 'Статья 1. Общие положения');
    assert.equal(p.paragraphs[3].article, 'Статья 2. Уборка');
    assert.match(p.paragraphs[3].text, /Вывоз мусора/);

    const sent = await env.ctx.db.selectFrom('notification').select(['address', 'language', 'channel', 'sendAfter']).where('template', '=', 'drafts.announced').execute();
    assert.deepEqual(sent, [{ address: 'reader@example.kz', language: 'kk', channel: 'email', sendAfter: null }]);

    const list = await env.app.inject({ method: 'GET', url: '/api/v1/drafts?bodyCode=akimat-astana&open=true' });
    assert.ok(list.json().items.some((x: { id: string }) => x.id === d.id));
    const other = await env.app.inject({ method: 'GET', url: '/api/v1/drafts?bodyCode=akimat-almaty' });
    assert.ok(!other.json().items.some((x: { id: string }) => x.id === d.id));
  });

  test('a DOCX is read by mammoth; an operator may not publish; bad input changes nothing', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
    zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
    const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para('1-бап. Жалпы ережелер')}${para('Бұл Қағидалар аулаларды күтіп ұстау тәртібін айқындайды.')}${para('2-бап. Тазалау')}${para('Қар жауғаннан кейін бір тәулік ішінде тазаланады.')}</w:body></w:document>`);
    const docxBase64 = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    const d = await publishDraft(env, { markdown: undefined, docxBase64, language: 'kk', title: 'Аулаларды күтіп ұстау қағидалары' });
    const p = await page(d.id);
    assert.deepEqual(p.paragraphs.map((x: { article: string }) => x.article), ['1-бап. Жалпы ережелер', '2-бап. Тазалау']);

    const before = await env.ctx.db.selectFrom('discussion').select(env.ctx.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const payload = { title: 'Проект', language: 'ru', closesAt: '2026-12-10', markdown: 'Текст' };
    assert.equal((await staff('POST', '/drafts', 'operator', 'akimat-astana', payload)).statusCode, 403);
    assert.equal((await env.app.inject({ method: 'POST', url: '/api/v1/drafts', payload })).statusCode, 401);
    const broken = await staff('POST', '/drafts', 'comms_officer', 'akimat-astana', { ...payload, markdown: undefined, docxBase64: 'bm90IGEgemlw' });
    assert.equal(broken.statusCode, 422);
    assert.equal(broken.json().error.code, 'DOCUMENT_UNREADABLE');
    assert.equal((await staff('POST', '/drafts', 'comms_officer', 'akimat-astana', { ...payload, closesAt: '2026-11-01' })).statusCode, 400);
    const after = await env.ctx.db.selectFrom('discussion').select(env.ctx.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
  });
});

describe('commenting', () => {
  test('a confirmed commenter comments on a paragraph; a wrong code counts, five kill the code', async () => {
    const d = await publishDraft(env);
    const p = await page(d.id);
    const who = { contact: '+7 701 555 11 22', ...(await confirmedCode(env, '+77015551122')) };
    const sms = await env.ctx.db.selectFrom('notification').select(['channel', 'address']).where('template', '=', 'drafts.code').where('address', '=', '+77015551122').executeTakeFirstOrThrow();
    assert.equal(sms.channel, 'sms');

    const ok = await comment(env, d.id, { paragraphId: p.paragraphs[2].id, stance: 'against', text: 'Предлагаю изложить пункт так: уборка в течение 6 часов.' }, who);
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().hidden, false);
    // A concrete proposal on Wednesday 25 November: 3 working days -> Monday 30 November, 23:59:59 Almaty.
    assert.equal(ok.json().answerDueAt, '2026-11-30T18:59:59.000Z');
    const shown = (await page(d.id)).paragraphs[2].comments;
    assert.equal(shown.length, 1);
    assert.equal(shown[0].authorName, 'Айгерим Садыкова');
    assert.equal(shown[0].contact, undefined, 'the contact is never public');

    // Support without a proposal is answered the same day.
    const plain = await comment(env, d.id, { stance: 'for', text: 'Поддерживаю проект полностью.' }, who);
    assert.equal(plain.json().answerDueAt, '2026-11-25T18:59:59.000Z');

    const stranger = { contact: 'x@example.kz', ...(await confirmedCode(env, 'x@example.kz')) };
    const wrongContact = await comment(env, d.id, {}, { ...stranger, contact: 'y@example.kz' });
    assert.equal(wrongContact.json().error.code, 'CONTACT_CODE_INVALID', 'a code confirms only its own contact');
    for (let i = 0; i < 5; i++) assert.equal((await comment(env, d.id, {}, { ...stranger, code: '000000' === stranger.code ? '111111' : '000000' })).statusCode, 400);
    assert.equal((await comment(env, d.id, {}, stranger)).statusCode, 400, 'after five wrong tries the right code is dead too');

    const otherDraft = await publishDraft(env);
    const foreign = await comment(env, otherDraft.id, { paragraphId: p.paragraphs[0].id }, who);
    assert.equal(foreign.statusCode, 404);
    assert.equal(foreign.json().error.code, 'PARAGRAPH_NOT_FOUND');
    assert.equal((await comment(env, '00000000-0000-0000-0000-000000000000', {}, who)).statusCode, 404);
  });

  test('moderation: impolite words, personal data, spam hidden with the reason; three reports hide until a moderator looks', async () => {
    const d = await publishDraft(env);
    const who = { contact: 'citizen@example.kz', ...(await confirmedCode(env, 'citizen@example.kz')) };
    const rude = await comment(env, d.id, { text: 'Авторы проекта — идиоты.' }, who);
    assert.equal(rude.json().hiddenReason, 'impolite');
    const kkRude = await comment(env, d.id, { text: 'Бұл жобаны ақымақ жазған.' }, who);
    assert.equal(kkRude.json().hiddenReason, 'impolite');
    assert.equal((await comment(env, d.id, { text: 'Мой ИИН 880516300374, прошу учесть.' }, who)).json().hiddenReason, 'personal_data');
    assert.equal((await comment(env, d.id, { text: 'Звоните мне: +7 701 123 45 67' }, who)).json().hiddenReason, 'personal_data');
    assert.equal((await comment(env, d.id, { text: 'Смотрите http://a.example и http://b.example' }, who)).json().hiddenReason, 'spam');
    const fine = await comment(env, d.id, { text: 'Предлагаю дополнить пункт о вывозе мусора.' }, who);
    assert.equal(fine.json().hidden, false);
    assert.equal((await comment(env, d.id, { text: 'Предлагаю  дополнить пункт о вывозе мусора.' }, who)).json().hiddenReason, 'spam', 'the same text again');
    assert.equal((await page(d.id)).stats.comments, 1, 'only the clean comment is public');

    const id = fine.json().id;
    const report = (ip: string) => env.app.inject({ method: 'POST', url: `/api/v1/drafts/comments/${id}/reports`, remoteAddress: ip });
    assert.equal((await report('10.0.0.1')).json().reports, 1);
    assert.equal((await report('10.0.0.1')).json().reports, 1, 'one reader reports once');
    await report('10.0.0.2');
    const third = await report('10.0.0.3');
    assert.deepEqual(third.json(), { reports: 3, hidden: true });
    assert.equal((await page(d.id)).stats.comments, 0);

    const queue = await staff('GET', '/drafts/moderation', 'moderator');
    assert.equal(queue.statusCode, 200, queue.body);
    const reasons = queue.json().items.filter((c: { discussionId: string }) => c.discussionId === d.id).map((c: { hiddenReason: string }) => c.hiddenReason).sort();
    assert.deepEqual(reasons, ['impolite', 'impolite', 'personal_data', 'personal_data', 'reports', 'spam', 'spam']);
    assert.equal((await staff('GET', '/drafts/moderation', 'operator')).statusCode, 403);
    assert.equal((await staff('GET', '/drafts/moderation', 'moderator', 'akimat-almaty')).json().items.length, 0, 'another body’s moderator sees none');
    assert.equal((await staff('POST', `/drafts/comments/${id}/moderation`, 'moderator', 'akimat-almaty', { action: 'show' })).statusCode, 404);

    const shown = await staff('POST', `/drafts/comments/${id}/moderation`, 'moderator', 'akimat-astana', { action: 'show' });
    assert.deepEqual(shown.json(), { id, hidden: false, hiddenReason: null });
    assert.equal((await page(d.id)).stats.comments, 1);
    assert.equal((await report('10.0.0.4')).json().hidden, false, 'after a moderator’s look reports do not hide it again');
  });
});

describe('answers of the developer body', () => {
  test('the form is checked: the address and thanks, no «Принято к сведению», a decision with its reason', async () => {
    const d = await publishDraft(env);
    const who = { contact: 'answer@example.kz', ...(await confirmedCode(env, 'answer@example.kz')) };
    const c = (await comment(env, d.id, { text: 'Предлагаю заменить «суток» на «6 часов».' }, who)).json();
    const answer = (payload: object, role = 'comms_officer', body = 'akimat-astana') => staff('POST', `/drafts/comments/${c.id}/answer`, role, body, payload);
    const good = { text: 'Уважаемая Айгерим! Благодарим за предложение. Срок уборки сокращён до 12 часов.', decision: 'partly_accepted', reason: 'Шесть часов недостаточно для уборки крупных дворов.' };

    const noGreeting = await answer({ ...good, text: 'Ваше предложение рассмотрено и частично учтено.' });
    assert.equal(noGreeting.statusCode, 422);
    assert.equal(noGreeting.json().error.code, 'ANSWER_FORM');
    assert.match(noGreeting.json().error.message, /Құрметті/, 'the message in the reader’s language (kk by default)');
    const dismissal = await answer({ ...good, text: 'Уважаемая Айгерим! Благодарим за предложение. Принято к сведению.' });
    assert.equal(dismissal.json().error.code, 'ANSWER_DISMISSAL');
    const dismissal2 = await answer({ ...good, text: 'Уважаемая Айгерим! Благодарим за предложение. Принято во внимание.' });
    assert.equal(dismissal2.json().error.code, 'ANSWER_DISMISSAL');
    assert.equal((await answer({ ...good, reason: '' })).json().error.code, 'ANSWER_REASON');
    assert.equal((await answer({ ...good, decision: 'noted' })).statusCode, 400);
    assert.equal((await answer(good, 'comms_officer', 'akimat-almaty')).statusCode, 404, 'another body cannot answer');
    assert.equal((await answer(good, 'operator')).statusCode, 403);

    const ok = await answer(good);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().late, false);
    assert.equal((await answer(good)).json().error.code, 'COMMENT_ALREADY_ANSWERED');
    const shown = (await page(d.id)).general[0];
    assert.equal(shown.answer.decision, 'partly_accepted');
    assert.match(shown.answer.text, /^Уважаемая Айгерим!/);

    const kk = (await comment(env, d.id, { text: 'Мерзімді қысқартуды ұсынамын.' }, who)).json();
    const kkAnswer = await staff('POST', `/drafts/comments/${kk.id}/answer`, 'head', 'akimat-astana', { text: 'Құрметті Айгерим! Ұсынысыңыз үшін рахмет. Мерзім қысқартылды.', decision: 'accepted', reason: 'Ұсыныс қала тұрғындарының мүддесіне сай.' });
    assert.equal(kkAnswer.statusCode, 200, kkAnswer.body);
    const en = (await comment(env, d.id, { text: 'I propose to shorten the term.' }, who)).json();
    const enAnswer = await staff('POST', `/drafts/comments/${en.id}/answer`, 'executor', 'akimat-astana', { text: 'Dear Aigerim! Thank you for the proposal. We keep the term.', decision: 'rejected', reason: 'The city’s crews cannot clear every yard faster.' });
    assert.equal(enAnswer.statusCode, 200, enAnswer.body);

    const list = await staff('GET', `/drafts/${d.id}/comments`, 'comms_officer');
    assert.equal(list.json().items.length, 3);
    assert.equal((await staff('GET', `/drafts/${d.id}/comments`, 'comms_officer', 'akimat-almaty')).statusCode, 404);
  });
});

describe('rules the platform applies and the end of the discussion', () => {
  test('no comments by half of the term -> announced again; over 100 -> extended by 3 days; mostly against -> outreach alert', async () => {
    const quiet = await publishDraft(env, { closesAt: '2026-12-05' });
    const busy = await publishDraft(env, { closesAt: '2026-12-05' });
    const who = { contact: 'rules@example.kz', ...(await confirmedCode(env, 'rules@example.kz')) };
    // 101 comments, 60 of them against (written straight into the table: the rules only count).
    const db = env.ctx.db;
    const now = env.clock.now();
    await db
      .insertInto('discussionComment')
      .values(Array.from({ length: 101 }, (_, i) => ({ discussionId: busy.id, paragraphId: null, authorName: `Житель ${i}`, contact: who.contact, contactKind: 'email', stance: i < 60 ? 'against' : 'for', text: `Комментарий ${i}`, proposal: false, createdAt: now, answerDueAt: now, hiddenReason: null, moderatedAt: null, moderatedBy: null, answerText: null, decision: null, decisionReason: null, answeredAt: null, answeredBy: null })))
      .execute();
    let out = await applyDiscussionRules(env.ctx);
    assert.ok(!out.reannounced.includes(quiet.id), 'not yet half of the term');
    assert.ok(out.extended.includes(busy.id));
    const extended = await page(busy.id);
    assert.equal(new Date(extended.closesAt).getTime() - new Date(busy.closesAt).getTime(), 3 * 86_400_000);
    assert.equal(extended.extended, true);

    out = await applyDiscussionRules(env.ctx);
    assert.ok(out.outreach.includes(busy.id), 'over half against');
    assert.ok(!out.extended.includes(busy.id), 'extended once');
    const alerts = await db.selectFrom('notification as n').innerJoin('staffUser as u', 'u.id', 'n.recipientUserId').select(['u.role']).where('n.template', '=', 'staff.drafts_outreach').execute();
    assert.deepEqual(alerts.map((a) => a.role).sort(), ['comms_officer', 'head']);

    env.clock.set(new Date('2026-12-01T00:00:00Z'));
    out = await applyDiscussionRules(env.ctx);
    assert.ok(out.reannounced.includes(quiet.id));
    assert.equal((await applyDiscussionRules(env.ctx)).reannounced.includes(quiet.id), false, 'once');
    env.clock.set(new Date('2026-12-06T00:00:00Z'));
    out = await applyDiscussionRules(env.ctx);
    assert.ok(out.closed.includes(quiet.id));
    assert.ok(!out.closed.includes(busy.id), 'the extended one runs 3 days longer');
    env.clock.set(new Date('2026-11-25T05:00:00Z'));
  });

  test('at the end: a summary table as PDF and XLSX, the revised text and what changed', async () => {
    const d = await publishDraft(env, { closesAt: '2026-12-02' });
    const who = { contact: 'end@example.kz', ...(await confirmedCode(env, 'end@example.kz')) };
    const p = await page(d.id);
    const c = (await comment(env, d.id, { paragraphId: p.paragraphs[3].id, stance: 'against', text: 'Предлагаю вывозить мусор ежедневно.' }, who)).json();
    await staff('POST', `/drafts/comments/${c.id}/answer`, 'comms_officer', 'akimat-astana', { text: 'Уважаемая Айгерим! Благодарим за предложение. Вывоз будет ежедневным.', decision: 'accepted', reason: 'Жители многоквартирных домов просят того же.' });
    assert.equal((await env.app.inject({ method: 'GET', url: `/api/v1/drafts/${d.id}/summary.pdf` })).json().error.code, 'DISCUSSION_NOT_ENDED');

    env.clock.set(new Date('2026-12-03T05:00:00Z'));
    try {
      const late = await comment(env, d.id, {}, who);
      assert.equal(late.json().error.code, 'DISCUSSION_CLOSED');
      const pdf = await env.app.inject({ method: 'GET', url: `/api/v1/drafts/${d.id}/summary.pdf`, headers: { 'accept-language': 'ru' } });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })).text;
      assert.match(text, /Сводная таблица/);
      assert.match(text, /ежедневно/);
      assert.match(text, /принято/);

      const xlsx = await env.app.inject({ method: 'GET', url: `/api/v1/drafts/${d.id}/summary.xlsx`, headers: { 'accept-language': 'en' } });
      assert.equal(xlsx.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.getRow(1).getCell(5).value, 'Comment');
      assert.equal(ws.getRow(2).getCell(3).value, 'Айгерим Садыкова');
      assert.equal(ws.getRow(2).getCell(4).value, 'against');
      assert.match(String(ws.getRow(2).getCell(7).value), /^accepted: Жители/);
      assert.match(String(ws.getRow(2).getCell(2).value), /Статья 2/);

      const revised = await staff('POST', `/drafts/${d.id}/versions`, 'comms_officer', 'akimat-astana', { markdown: (await import('./drafts.fixtures.ts')).DRAFT_MD.replace('не реже двух раз в неделю', 'ежедневно') });
      assert.equal(revised.statusCode, 201, revised.body);
      assert.deepEqual(revised.json(), { version: 2 });
      const diff = (await env.app.inject({ method: 'GET', url: `/api/v1/drafts/${d.id}/diff` })).json();
      assert.equal(diff.changed, true);
      assert.deepEqual(diff.changes.filter((x: { kind: string }) => x.kind !== 'same').map((x: { kind: string; text: string }) => [x.kind, x.text.trim()]), [
        ['removed', 'не реже двух раз в неделю'],
        ['added', 'ежедневно'],
      ]);
      assert.equal((await page(d.id)).version, 2);
      assert.equal((await staff('POST', `/drafts/${d.id}/versions`, 'comms_officer', 'akimat-almaty', { markdown: 'x' })).statusCode, 404);
    } finally {
      env.clock.set(new Date('2026-11-25T05:00:00Z'));
    }
  });
});
