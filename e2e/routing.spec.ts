// Routing in the browser: the suggestion shown at triage on the staff card (kk, ru, en, axe),
// taken with one click, and the decision recorded against it.
import { expect, request, test } from '@playwright/test';
import { demoEmail, expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

for (const lang of LANGS) {
  test(`the triage form suggests the topic and the officer takes it (${lang})`, async ({ browser }, testInfo) => {
    const api = await request.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await api.post('/api/v1/auth/login', { data: { email: demoEmail('comms_officer', 'akimat-astana'), password: 'demo-password' } })).status()).toBe(200);
    const bodyId = (await (await api.get('/api/v1/bodies/akimat-astana')).json()).id as string;
    const registered = await api.post('/api/v1/appeals', {
      data: { bodyId, kind: 'complaint', text: 'Во дворе дома третью неделю не вывозят мусор, контейнеры переполнены', applicant: { type: 'individual', name: 'Ерлан Касымов' }, preferredAnswer: 'portal' },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const appeal = (await registered.json()) as { id: string };

    const officer = await signIn(browser, lang, 'comms_officer', 'akimat-astana');
    await officer.goto(`/${lang}/staff/appeals/${appeal.id}`);
    await officer.getByTestId('action-triage').click();
    const panel = officer.getByTestId('routing-suggestion');
    await expect(panel).toBeVisible();
    await expect(panel.getByRole('heading', { name: msg(lang, 'routing.suggested') })).toBeVisible();
    const topicName = (await (await api.get('/api/v1/topics')).json()).items.find((x: { code: string }) => x.code === 'improvement.garbage').name[lang] as string;
    await expect(panel).toContainText(topicName);
    await officer.waitForLoadState('networkidle');
    await snap(officer, testInfo, `${lang}-routing-suggestion`);
    await expectAccessible(officer, testInfo, `${lang} triage with suggestion`);

    await panel.getByRole('button', { name: msg(lang, 'routing.useTopic', { name: topicName }) }).click();
    await expect(officer.locator('#action-topicCode')).toHaveValue('improvement.garbage');
    await officer.getByTestId('action-submit').click();
    await expect.poll(async () => (await (await api.get(`/api/v1/routing/appeals/${appeal.id}`)).json()).decision?.accepted).toBe(true);
    await officer.context().close();
    await api.dispose();
  });
}
