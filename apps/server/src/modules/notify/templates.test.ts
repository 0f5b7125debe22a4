import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MASK, render, TEMPLATES } from './templates.ts';
import { splitSms } from './sms-encoding.ts';

const LANGS = ['kk', 'ru', 'en'] as const;
const appeal = { id: '5f0c2f4e-0000-4000-8000-000000000001', number: 'AST-2026-000123', applicantName: 'Айгерим Садыкова', legalDueAt: new Date('2026-12-16T18:59:59Z'), bodyName: { kk: 'Астана қаласының әкімдігі', ru: 'Акимат города Астаны', en: 'Akimat of Astana City' } };
// Long values on purpose: the SMS must still fit two segments.
const payload = {
  number: appeal.number,
  accessCode: 'ABCDE23456',
  targetBodyName: { kk: 'Қазақстан Республикасы Денсаулық сақтау министрлігінің Медициналық және фармацевтикалық бақылау комитеті', ru: 'Комитет медицинского и фармацевтического контроля Министерства здравоохранения Республики Казахстан', en: 'Committee for Medical and Pharmaceutical Control of the Ministry of Healthcare of the Republic of Kazakhstan' },
  newNumber: 'MZ-2026-000045',
  until: '2027-01-25T18:59:59Z',
  reason: 'Требуется выезд на место, запрос сведений в трёх организациях и заключение экспертизы, что займёт больше времени, чем отведено законом.',
  text: 'Уважаемая Айгерим Садыкова! Мусор во дворе вывезен 26 ноября, график вывоза восстановлен.',
  resolution: 'resolved',
  startsAt: '2026-12-01T05:00:00Z',
  place: 'г. Астана, ул. Бейбітшілік, 11, кабинет 305 (вход со двора, второй этаж)',
  officialName: 'Оспанов Бақытжан Серікұлы',
  videoUrl: 'https://meet.example.kz/reception/2026-12-01-305',
  level: 1,
  executorName: 'executor',
  date: '2026-11-25T04:00:00Z',
  dueSoon: 2,
  overdue: 1,
  items: [{ number: 'AST-2026-000001', legalDueAt: '2026-11-20T18:59:59Z', overdue: true }],
  more: 0,
};

/** Messages about one appeal carry its number in the subject; digests, reports, drafts' discussions and a body page's subscriptions do not. */
const aboutOneAppeal = (t: string) =>
  t !== 'reception.reminder' && t !== 'staff.digest' && t !== 'staff.sign_in_locked' && t !== 'staff.drafts_outreach' && !t.startsWith('staff.kpi_') && !t.startsWith('drafts.') && !t.startsWith('site.');

test('every template renders in every language: number in the subject, text, HTML, and an SMS within two segments', () => {
  for (const template of [...Object.keys(TEMPLATES), 'some.future_template']) {
    for (const language of LANGS) {
      const m = render({ template, language, payload, appeal, recipientName: 'Ержан', publicUrl: 'https://tyndau.kz/' });
      const where = `${template}/${language}`;
      if (aboutOneAppeal(template)) assert.ok(m.subject.includes(appeal.number), `${where}: subject ${m.subject}`);
      assert.ok(m.text.length > 20 && m.html.startsWith('<!doctype html>'), where);
      assert.ok(m.html.includes(`lang="${language}"`), where);
      const sms = splitSms(m.sms);
      assert.ok(sms.parts.length <= 2, `${where}: ${sms.units} units in ${sms.encoding}: ${m.sms}`);
      assert.ok(!m.sms.includes('{…}'), where);
    }
  }
});

test('each language speaks its own: Kazakh letters in Kazakh, polite address in each', () => {
  const kk = render({ template: 'appeal.registered', language: 'kk', payload, appeal, publicUrl: 'https://tyndau.kz' });
  assert.match(kk.text, /^Құрметті Айгерим Садыкова!/);
  assert.match(kk.subject, /тіркелді/);
  const ru = render({ template: 'appeal.extended', language: 'ru', payload, appeal, publicUrl: 'https://tyndau.kz' });
  assert.match(ru.text, /^Уважаемый\(ая\) Айгерим Садыкова!/);
  assert.match(ru.text, /продлён до 25\.01\.2027/, 'dates are Almaty dates');
  const en = render({ template: 'appeal.redirected', language: 'en', payload, appeal, publicUrl: 'https://tyndau.kz' });
  assert.match(en.text, /Committee for Medical/);
  assert.match(en.text, /MZ-2026-000045/);
});

test('an answer carries its own address: no second greeting; the outcome is named', () => {
  const m = render({ template: 'appeal.answered', language: 'ru', payload, appeal, publicUrl: 'https://tyndau.kz' });
  assert.ok(m.paragraphs[0].startsWith('Уважаемая Айгерим'));
  assert.match(m.text, /Результат рассмотрения: Вопрос решён по существу/);
});

test('the access code is masked for the outbox and the tracking page', () => {
  const m = render({ template: 'appeal.registered', language: 'ru', payload, appeal, publicUrl: 'https://tyndau.kz', maskSecrets: true });
  assert.ok(!m.text.includes('ABCDE23456') && !m.html.includes('ABCDE23456') && !m.sms.includes('ABCDE23456'));
  assert.ok(m.text.includes(MASK));
});

test('HTML escapes what people wrote', () => {
  const m = render({ template: 'appeal.answered', language: 'en', payload: { ...payload, text: 'Dear <b>Aigerim</b> & co' }, appeal, publicUrl: 'https://tyndau.kz' });
  assert.ok(m.html.includes('Dear &lt;b&gt;Aigerim&lt;/b&gt; &amp; co'));
});

test('links: the tracking page for applicants, the staff card for staff', () => {
  assert.equal(render({ template: 'appeal.registered', language: 'kk', payload, appeal, publicUrl: 'https://tyndau.kz/' }).link, 'https://tyndau.kz/kk/track?number=AST-2026-000123');
  assert.equal(render({ template: 'staff.overdue', language: 'ru', payload, appeal, publicUrl: 'https://tyndau.kz' }).link, `https://tyndau.kz/ru/staff/appeals/${appeal.id}`);
});

test('the digest lists what is due and overdue', () => {
  const m = render({ template: 'staff.digest', language: 'ru', payload, recipientName: 'Ержан', publicUrl: 'https://tyndau.kz' });
  assert.match(m.subject, /Сводка на 25\.11\.2026: истекает срок — 2, просрочено — 1/);
  assert.match(m.text, /AST-2026-000001 — 20\.11\.2026 \(просрочено\)/);
  assert.match(m.text, /^Уважаемый\(ая\) Ержан!/);
});

test('a booking confirmation carries the time, the place and the access code', () => {
  const m = render({ template: 'reception.booked', language: 'ru', payload, appeal, publicUrl: 'https://tyndau.kz' });
  assert.match(m.text, /Вы записаны на личный приём 01\.12\.2026 в 10:00: Оспанов Бақытжан Серікұлы\./);
  assert.match(m.text, /Место: г\. Астана/);
  assert.ok(m.text.includes('ABCDE23456') && m.sms.includes('ABCDE23456'));
});

test('the sign-in lock-out notice says until when, in Astana time, in each language', () => {
  const at = (language: string) => render({ template: 'staff.sign_in_locked', language, payload: { until: '2026-12-04T10:15:00Z' }, recipientName: 'Ержан', publicUrl: 'https://tyndau.kz/' });
  assert.match(at('ru').text, /заблокирован до 04\.12\.2026, 15:15/);
  assert.match(at('en').text, /locked until 04\/12\/2026, 15:15/);
  assert.match(at('kk').text, /15:15/);
  assert.match(at('kk').text, /бұғатталды/);
});

test('the KPI messages: a surge names its topic and counts, a report carries its links', () => {
  const surge = render({ template: 'staff.kpi_surge', language: 'kk', payload: { day: '2026-06-15', count: 6, baseline: 0.2, topic: { kk: 'Қоқыс', ru: 'Мусор', en: 'Garbage' } }, recipientName: 'Ержан', publicUrl: 'https://tyndau.kz' });
  assert.match(surge.subject, /Қоқыс.*6/);
  assert.match(surge.text, /15\.06\.2026/);
  const report = render({ template: 'staff.kpi_report', language: 'en', payload: { bodyName: 'Akimat', from: '2026-06-01', to: '2026-06-07', received: 7, overdue: 1, onTime: '66.7 %', pdfUrl: 'https://tyndau.kz/api/v1/kpi/reports/x.pdf', xlsxUrl: 'https://tyndau.kz/api/v1/kpi/reports/x.xlsx' }, publicUrl: 'https://tyndau.kz' });
  assert.match(report.subject, /KPI report: Akimat, 01\.06\.2026 – 07\.06\.2026/);
  assert.match(report.text, /reports\/x\.pdf/);
  assert.match(report.text, /reports\/x\.xlsx/);
});
