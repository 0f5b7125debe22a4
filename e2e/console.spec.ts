// The operator console, end to end: the PBX posts Generic CTI events (newCall, answer,
// hangup) for akimat-astana's call-centre line; the demo operator takes one call to a
// consultation answered from the knowledge base (first-call resolution) and another to an
// appeal, by keyboard. Then axe on each new page (console, knowledge base, call monitoring,
// telephony settings) in kk, ru and en.
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { demoLogin, expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let admin: APIRequestContext;
let token: string;
let line: string;
let seq = 0;

async function apiAs(role: string, body = 'akimat-astana'): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const res = await ctx.post('/api/v1/auth/login', { data: demoLogin(role, body) });
  expect(res.status()).toBe(200);
  return ctx;
}

/** Posts one Generic CTI event as the PBX would. */
async function cti(event: 'newCall' | 'answer' | 'hangup', callId: string, from: string, extra: Record<string, string> = {}) {
  const res = await admin.post(`/api/v1/cti/${token}`, { data: { event, callId, direction: 'in', from, to: line, ...extra } });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** A call that rings and is answered by the operator. */
async function answeredCall(from: string): Promise<string> {
  const callId = `e2e-${Date.now()}-${++seq}`;
  await cti('newCall', callId, from);
  await cti('answer', callId, from, { user: 'Operator' });
  return callId;
}

test.beforeAll(async () => {
  admin = await apiAs('admin');
  const tok = await admin.get('/api/v1/cti/token');
  expect(tok.status(), await tok.text()).toBe(200);
  token = (await tok.json()).token;
  const lines = (await (await admin.get('/api/v1/cti/lines')).json()).items as { number: string; channel: string }[];
  line = lines.find((l) => l.channel === 'call_centre')!.number;
});
test.afterAll(() => admin.dispose());

test('an operator takes a call to a consultation from the knowledge base, and another to an appeal', async ({ browser }, testInfo) => {
  const lang = 'ru';
  const first = '+77015550111';
  const firstId = await answeredCall(first);
  const page = await signIn(browser, lang, 'operator', 'akimat-astana');
  await page.getByRole('link', { name: msg(lang, 'staffNav.calls') }).click();
  await expect(page.locator('h1')).toHaveText(msg(lang, 'console.title'));

  // The answered call opens by itself, with the caller's history.
  const panel = page.getByTestId('call-panel');
  await expect(panel).toContainText('7015550111');
  await expect(panel.getByTestId('call-state')).toContainText(msg(lang, 'console.states.answered'));
  await expect(page.getByTestId('earlier-appeals')).toBeVisible();

  // Language and sign language are recorded on the call.
  await panel.getByLabel(msg(lang, 'console.language')).selectOption('ru');
  await expect(panel.getByLabel(msg(lang, 'console.language'))).toHaveValue('ru');

  // c: consultation; the text field takes focus; the knowledge base fills it.
  await page.locator('h1').focus();
  await page.keyboard.press('c');
  await expect(page.locator('#call-text')).toBeFocused();
  await page.keyboard.type('Спросили, как получить справку о регистрации. ');
  await page.locator('#kb-search').fill('справки');
  await page.getByRole('button', { name: msg(lang, 'knowledge.insertNamed', { title: 'Как получить справку через портал eGov' }) }).click();
  await expect(page.locator('#call-text')).toBeFocused();
  await expect(page.locator('#call-text')).toHaveValue(/egov\.kz/);
  await snap(page, testInfo, 'console-consultation');
  await expectAccessible(page, testInfo, 'console with a consultation');
  await page.getByTestId('call-submit').click();
  const message = page.getByTestId('call-message');
  await expect(message).toBeFocused();
  await expect(message).toContainText(/[A-Z]+-\d{4}-\d{6}/);
  const number = (await message.textContent())!.match(/[A-Z]+-\d{4}-\d{6}/)![0];

  // The consultation is an inquiry, explained and closed: a first-call resolution.
  const found = await (await admin.get(`/api/v1/appeals?q=${number}`)).json();
  expect(found.items).toHaveLength(1);
  const card = await (await admin.get(`/api/v1/appeals/${found.items[0].id}`)).json();
  expect(card.kind).toBe('inquiry');
  expect(card.status).toBe('closed');
  expect(card.resolution).toBe('explained');
  await expect(panel.getByRole('link', { name: number })).toBeVisible();

  // The first call ends; the second rings and is answered: l opens it, a starts an appeal.
  await cti('hangup', firstId, first, { cause: 'normalClearing' });
  const second = '+77015550122';
  await answeredCall(second);
  await expect(page.getByTestId('calls-list')).toContainText('7015550122');
  await page.locator('h1').focus();
  await page.keyboard.press('l');
  await expect(panel).toContainText('7015550122');
  await page.keyboard.press('a');
  await expect(page.locator('#call-text')).toBeFocused();
  await page.keyboard.type('Во дворе дома по улице Кенесары, 40 третий день не вывозят мусор, контейнеры переполнены.');
  await page.locator('#call-kind').selectOption('complaint');
  await page.locator('#call-name').fill('Айжан Сейтова');
  await page.getByTestId('call-submit').click();
  await expect(message).toBeFocused();
  await expect(message).toContainText(/[A-Z]+-\d{4}-\d{6}/);
  const appealNumber = (await message.textContent())!.match(/[A-Z]+-\d{4}-\d{6}/)![0];
  const appeal = (await (await admin.get(`/api/v1/appeals?q=${appealNumber}`)).json()).items[0];
  expect(appeal.kind).toBe('complaint');
  expect(appeal.channel).toBe('call_centre');
  await snap(page, testInfo, 'console-appeal');

  // b: a callback for the same caller; it waits in the queue until an attempt reaches them.
  await page.locator('h1').focus();
  await page.keyboard.press('b');
  await expect(page.locator('#call-dueAt')).toBeFocused();
  await page.getByTestId('call-submit').click();
  await expect(message).toHaveText(msg(lang, 'console.callbackDone'));
  const waiting = page.getByTestId('callback-queue').getByRole('article').filter({ hasText: '7015550122' });
  await expect(waiting).toHaveCount(1);
  await waiting.getByRole('button', { name: new RegExp(msg(lang, 'console.recordAttempt')) }).click();
  await expect(waiting).toHaveCount(0);
  await page.context().close();
});

for (const lang of LANGS) {
  test(`new pages pass axe (${lang})`, async ({ browser }, testInfo) => {
    // The console with a call open.
    await answeredCall(`+7701555${String(200 + LANGS.indexOf(lang))}0`);
    const operator = await signIn(browser, lang, 'operator', 'akimat-astana');
    await operator.goto(`/${lang}/staff/calls`);
    await expect(operator.locator('h1')).toHaveText(msg(lang, 'console.title'));
    await expect(operator.getByTestId('call-panel')).toBeVisible();
    await operator.waitForLoadState('networkidle');
    await snap(operator, testInfo, `${lang}-console`);
    await expectAccessible(operator, testInfo, `${lang} console`);
    await operator.goto(`/${lang}/staff/knowledge`);
    await expect(operator.locator('h1')).toHaveText(msg(lang, 'knowledge.title'));
    await expect(operator.getByTestId('knowledge-list').locator('article').first()).toBeVisible();
    await expectAccessible(operator, testInfo, `${lang} knowledge (operator)`);
    await operator.context().close();

    const officer = await signIn(browser, lang, 'comms_officer', 'akimat-astana');
    await officer.goto(`/${lang}/staff/calls/stats`);
    await expect(officer.locator('h1')).toHaveText(msg(lang, 'callStats.title'));
    await expect(officer.getByTestId('call-stats-table')).toBeVisible();
    // The server's week holds the calls posted above (the total row's first figure).
    await expect.poll(async () => Number(await officer.getByTestId('call-stats-table').locator('tbody tr').last().locator('td').first().textContent())).toBeGreaterThan(0);
    await officer.waitForLoadState('networkidle');
    await snap(officer, testInfo, `${lang}-call-stats`);
    await expectAccessible(officer, testInfo, `${lang} call monitoring`);
    await officer.context().close();

    const adminPage = await signIn(browser, lang, 'admin', 'akimat-astana');
    await adminPage.goto(`/${lang}/staff/cti`);
    await expect(adminPage.locator('h1')).toHaveText(msg(lang, 'cti.title'));
    await expect(adminPage.getByTestId('cti-url')).toContainText('/api/v1/cti/');
    await expect(adminPage.getByTestId('cti-lines')).toBeVisible();
    await adminPage.locator('#cti-block-number').fill(`+7701555990${LANGS.indexOf(lang)}`);
    await adminPage.getByRole('button', { name: msg(lang, 'cti.addBlock') }).click();
    await expect(adminPage.getByTestId('cti-message')).toBeFocused();
    await expect(adminPage.getByTestId('cti-blocks')).toContainText(`990${LANGS.indexOf(lang)}`);
    await adminPage.waitForLoadState('networkidle');
    await snap(adminPage, testInfo, `${lang}-cti`);
    await expectAccessible(adminPage, testInfo, `${lang} telephony settings`);
    await adminPage.context().close();
  });
}
