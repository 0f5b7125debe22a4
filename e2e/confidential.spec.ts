// The head marks an ethics case that came by letter confidential from its card: the badge
// appears, the caller's name leaves the page, and the decisions pass to the ethics
// commissioner (the head is offered no triage any more).
import { expect, test } from '@playwright/test';
import { msg, signIn, snap } from './helpers.ts';

test('the head marks an appeal confidential and no longer sees the applicant', async ({ browser, request }, testInfo) => {
  const lang = 'ru';
  const body = (await (await request.get('/api/v1/bodies/akimat-astana')).json()) as { id: string };
  const res = await request.post('/api/v1/appeals', {
    data: {
      bodyId: body.id, kind: 'complaint', topicCode: 'improvement.garbage', preferredAnswer: 'email',
      text: 'Сотрудник отдела благоустройства грубо разговаривает с заявителями и требует подарки.',
      applicant: { type: 'individual', name: 'Гульнара Жумабаева', email: 'gulnara@example.kz' },
    },
  });
  expect(res.status()).toBe(201);
  const { id, number } = (await res.json()) as { id: string; number: string };

  const head = await signIn(browser, lang, 'head', 'akimat-astana');
  await head.goto(`/${lang}/staff/appeals/${id}`);
  await expect(head.getByRole('heading', { level: 1, name: msg(lang, 'card.title', { number }) })).toBeVisible();
  await expect(head.getByText('Гульнара Жумабаева')).toBeVisible();
  await expect(head.getByTestId('action-triage')).toBeVisible();

  await head.getByTestId('mark-confidential').click();
  await expect(head.getByTestId('action-message')).toContainText(msg(lang, 'card.markedConfidential'));
  await expect(head.getByText(msg(lang, 'card.confidential'), { exact: true })).toBeVisible();
  await expect(head.getByText('Гульнара Жумабаева')).toHaveCount(0);
  await expect(head.getByText('gulnara@example.kz')).toHaveCount(0);
  await expect(head.getByTestId('action-triage')).toHaveCount(0);
  await expect(head.getByTestId('mark-confidential')).toHaveCount(0);
  await snap(head, testInfo, 'ru-card-confidential');
  await head.context().close();

  const ethics = await signIn(browser, lang, 'ethics_commissioner', 'akimat-astana');
  await ethics.goto(`/${lang}/staff/appeals/${id}`);
  await expect(ethics.getByText('Гульнара Жумабаева')).toBeVisible();
  await expect(ethics.getByTestId('action-triage')).toBeVisible();
  await ethics.context().close();
});
