// The knowledge base in the browser: the communications officer writes, fixes and publishes
// an article (axe on the list, the form with errors, the result) in kk, ru and en, and
// inserts a published article into an answer draft on the appeal card.
import { expect, request, test } from '@playwright/test';
import { demoEmail, expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

for (const lang of LANGS) {
  test(`the editor writes and publishes an article (${lang})`, async ({ browser }, testInfo) => {
    const officer = await signIn(browser, lang, 'comms_officer', 'akimat-astana');
    await officer.getByRole('link', { name: msg(lang, 'staffNav.knowledge') }).click();
    await expect(officer.locator('h1')).toHaveText(msg(lang, 'knowledge.title'));
    await expect(officer.getByTestId('knowledge-list').locator('article').first()).toBeVisible();
    await officer.waitForLoadState('networkidle');
    await expectAccessible(officer, testInfo, `${lang} knowledge list`);

    await officer.getByRole('button', { name: msg(lang, 'knowledge.new') }).click();
    await expect(officer.locator('#article-form-title')).toBeFocused();
    await officer.getByRole('button', { name: msg(lang, 'knowledge.save') }).click();
    await expect(officer.getByTestId('error-summary')).toBeFocused();
    await expect(officer.locator('#article-title')).toHaveAttribute('aria-invalid', 'true');
    await snap(officer, testInfo, `${lang}-knowledge-errors`);
    await expectAccessible(officer, testInfo, `${lang} knowledge form with errors`);

    const title = `Приём документов в канцелярии (${lang})`;
    await officer.locator('#article-title').fill(title);
    await officer.locator('#article-body').fill('Документы принимает канцелярия с 09:00 до 18:00, перерыв с 13:00 до 14:30.');
    await officer.getByRole('button', { name: msg(lang, 'knowledge.save') }).click();
    const message = officer.getByTestId('knowledge-message');
    await expect(message).toBeFocused();
    await expect(message).toHaveText(msg(lang, 'knowledge.savedMessage', { title }));
    await officer.getByRole('button', { name: `${msg(lang, 'knowledge.publish')}: ${title}` }).click();
    await expect(message).toHaveText(msg(lang, 'knowledge.publishedMessage', { title }));

    // Found by a stemmed word, published, and visible to the operator.
    await officer.getByRole('search').getByLabel(msg(lang, 'knowledge.search')).fill('канцелярией');
    await expect(officer.getByTestId('knowledge-list')).toContainText(title);
    await snap(officer, testInfo, `${lang}-knowledge`);
    await expectAccessible(officer, testInfo, `${lang} knowledge after publishing`);
    await officer.context().close();

    const operator = await signIn(browser, lang, 'operator', 'akimat-astana');
    await operator.goto(`/${lang}/staff/knowledge`);
    await operator.getByRole('search').getByLabel(msg(lang, 'knowledge.search')).fill('канцелярия');
    await expect(operator.getByTestId('knowledge-list')).toContainText(title);
    await expect(operator.getByRole('button', { name: msg(lang, 'knowledge.new') })).toHaveCount(0);
    await operator.context().close();
  });
}

test('an article is inserted into an answer draft on the appeal card', async ({ browser }, testInfo) => {
  const lang = 'ru';
  // An appeal of akimat-astana taken into work (triage, through the API).
  const api = await request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await api.post('/api/v1/auth/login', { data: { email: demoEmail('comms_officer', 'akimat-astana'), password: 'demo-password' } })).status()).toBe(200);
  // A new appeal of its own: the demo's registered ones are taken by other journeys, and a
  // confidential one would be the ethics commissioner's to triage.
  const bodyId = (await (await api.get('/api/v1/bodies/akimat-astana')).json()).id as string;
  const registered = await api.post('/api/v1/appeals', {
    data: { bodyId, kind: 'inquiry', text: 'Какие тарифы на коммунальные услуги действуют в Астане в этом году?', applicant: { type: 'individual', name: 'Динара Сейтова' }, preferredAnswer: 'portal' },
  });
  expect(registered.status(), await registered.text()).toBe(201);
  const appeal = (await registered.json()) as { id: string };
  const triaged = await api.post(`/api/v1/appeals/${appeal.id}/triage`, { data: { competence: 'own' } });
  expect(triaged.status(), await triaged.text()).toBe(200);
  await api.dispose();

  const officer = await signIn(browser, lang, 'comms_officer', 'akimat-astana');
  await officer.goto(`/${lang}/staff/appeals/${appeal.id}`);
  await expect(officer.getByTestId('action-answer')).toBeVisible();
  await officer.getByTestId('action-answer').click();
  const form = officer.getByTestId('action-form-answer');
  await expect(form).toBeVisible();
  const picker = form.getByTestId('article-picker');
  await picker.getByLabel(msg(lang, 'knowledge.search')).fill('тарифы');
  // Enter in the search never sends the answer form.
  await picker.getByLabel(msg(lang, 'knowledge.search')).press('Enter');
  await expect(officer.getByTestId('error-summary')).toHaveCount(0);
  await picker.getByLabel(msg(lang, 'knowledge.language')).selectOption('');
  await picker.getByRole('button', { name: msg(lang, 'knowledge.insertNamed', { title: 'Тарифы на коммунальные услуги в Астане' }) }).click();
  const text = form.getByLabel(msg(lang, 'action.answerText'));
  await expect(text).toBeFocused();
  await expect(text).toHaveValue(/Департамент Комитета по регулированию естественных монополий/);
  await snap(officer, testInfo, 'answer-with-article');
  await expectAccessible(officer, testInfo, 'answer draft with the knowledge base');
  await officer.context().close();
});
