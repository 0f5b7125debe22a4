// How the pages behave for people: the language of the first page, the language switch,
// the version for the visually impaired, errors that are announced and lead to their field,
// visible focus, and the staff workspace's keyboard shortcuts.
import { expect, test } from '@playwright/test';
import { demoLogin, demoTotpCode, focused, msg, signIn, snap, tabTo } from './helpers.ts';

test.describe('language', () => {
  test('/ opens the browser’s preferred language, else Kazakh', async ({ browser }) => {
    for (const [locale, lang] of [['ru-RU', 'ru'], ['en-GB', 'en'], ['kk-KZ', 'kk'], ['de-DE', 'kk']] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`/${lang}/?$`));
      await expect(page.locator('h1')).toHaveText(msg(lang, 'home.title'));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await context.close();
    }
  });

  test('the switch keeps the page and its query, and sets <html lang>', async ({ page }) => {
    await page.goto('/kk/track?number=AST-2026-000001');
    await expect(page.locator('h1')).toHaveText(msg('kk', 'track.title'));
    await page.getByTestId('lang-ru').click();
    await expect(page).toHaveURL(/\/ru\/track\?number=AST-2026-000001$/);
    await expect(page.locator('h1')).toHaveText(msg('ru', 'track.title'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await expect(page.getByLabel(msg('ru', 'track.number'))).toHaveValue('AST-2026-000001');
    await page.getByTestId('lang-en').click();
    await expect(page.locator('h1')).toHaveText(msg('en', 'track.title'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // Each language is named in itself and marked as the current one.
    await expect(page.getByTestId('lang-en')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('lang-kk')).toHaveAttribute('lang', 'kk');
  });

  test('dates and plural forms follow the page’s language', async ({ page }) => {
    await page.goto('/ru/');
    await expect(page.getByText(msg('ru', 'home.bodiesFound', { count: 21 }))).toBeVisible();
    await page.getByLabel(msg('ru', 'home.searchLabel')).fill('Астана');
    await expect(page.getByText(msg('ru', 'home.bodiesFound', { count: 1 }))).toBeVisible();
    await page.goto('/en/');
    await expect(page.getByText('21 bodies found')).toBeVisible();
  });

  test('bodies are found by their name in any language', async ({ page }) => {
    await page.goto('/kk/');
    await page.getByLabel(msg('kk', 'home.searchLabel')).fill('Ministry of Health');
    await expect(page.getByRole('link', { name: /Денсаулық сақтау министрлігі/ })).toBeVisible();
    await page.getByLabel(msg('kk', 'home.searchLabel')).fill('Уральск');
    await expect(page.getByRole('link', { name: /Орал қаласының әкімдігі/ })).toBeVisible();
    await page.getByRole('link', { name: /Орал қаласының әкімдігі/ }).click();
    await expect(page.locator('h1')).toHaveText('Орал қаласының әкімдігі');
    await expect(page.locator('h1')).toBeFocused();
    await expect(page.getByRole('heading', { name: msg('kk', 'enum.channel.personal_reception') })).toBeVisible();
    await expect(page.getByRole('link', { name: /\+7/ }).first()).toHaveAttribute('href', /^tel:\+7/);
  });
});

test('the version for the visually impaired is kept across pages and visits', async ({ page }, testInfo) => {
  await page.goto('/en/');
  const normal = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByRole('switch', { name: msg('en', 'layout.visuallyImpaired') }).check();
  await expect(page.locator('html')).toHaveAttribute('data-vi', '');
  const large = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(large).toBeGreaterThan(normal * 1.2);
  await page.getByRole('link', { name: msg('en', 'nav.track') }).click();
  await expect(page.locator('html')).toHaveAttribute('data-vi', '');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-vi', '');
  await expect(page.getByRole('switch', { name: msg('en', 'layout.visuallyImpaired') })).toBeChecked();
  await snap(page, testInfo, 'visually-impaired-track');
  await page.getByRole('switch', { name: msg('en', 'layout.visuallyImpaired') }).uncheck();
  await page.reload();
  await expect(page.locator('html')).not.toHaveAttribute('data-vi', '');
});

test('form errors are announced, tied to their fields, and lead to them', async ({ page }) => {
  await page.goto('/ru/appeal');
  await page.getByLabel(msg('ru', 'enum.answerMethod.email')).check();
  await page.getByRole('button', { name: msg('ru', 'appeal.submit') }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toHaveAttribute('role', 'alert');
  await expect(summary).toContainText(msg('ru', 'errors.summaryTitle', { count: 5 }));

  const email = page.getByLabel(msg('ru', 'appeal.email'));
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await email.getAttribute('aria-describedby'))!.split(' ');
  const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(descriptions.join(' ')).toContain(msg('ru', 'errors.contactEmail'));

  // The summary's link takes the keyboard to the field.
  await summary.getByRole('link', { name: new RegExp(msg('ru', 'errors.contactEmail')) }).click();
  await expect(email).toBeFocused();

  // A wrong value is explained in the page's language; fixing it clears the error.
  await email.fill('not-an-address');
  await page.getByRole('button', { name: msg('ru', 'appeal.submit') }).click();
  await expect(page.getByText(msg('ru', 'errors.email')).first()).toBeVisible();
  await email.fill('person@example.kz');
  await expect(email).not.toHaveAttribute('aria-invalid', 'true');

  // A wrong IIN checksum is caught before sending.
  await page.getByLabel(`${msg('ru', 'appeal.iin')} ${msg('ru', 'common.optional')}`).fill('123456789012');
  await page.getByRole('button', { name: msg('ru', 'appeal.submit') }).click();
  await expect(page.getByTestId('error-summary')).toContainText(msg('ru', 'errors.iin'));
});

test('the tracking page says so when the number or the code is wrong', async ({ page }) => {
  await page.goto('/kk/track');
  await page.getByLabel(msg('kk', 'track.number')).fill('AST-2026-999999');
  await page.getByLabel(msg('kk', 'track.code')).fill('WRONG1');
  await page.getByRole('button', { name: msg('kk', 'track.submit') }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByTestId('error-summary')).toContainText(msg('kk', 'track.notFound'));
});

test('keyboard focus is always visible', async ({ page }) => {
  await page.goto('/en/appeal');
  await expect(page.locator('h1')).toHaveText(msg('en', 'appeal.title'));
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      // A hidden file input (and a switch) shows its focus on the visible part beside it.
      const shown = el.matches('input.visually-hidden, input[role=switch]') ? (el.nextElementSibling as HTMLElement) : el;
      const s = getComputedStyle(shown);
      return { tag: el.tagName, width: parseFloat(s.outlineWidth), style: s.outlineStyle, shadow: s.boxShadow };
    });
    // Past the last control, focus leaves the page for the browser's own toolbar.
    if (ring.tag === 'BODY') continue;
    expect((ring.style !== 'none' && ring.width >= 2) || ring.shadow !== 'none', `focus ring on ${ring.tag}`).toBe(true);
  }
});

test('staff work the queue and the card with single keys, listed on the page', async ({ browser }) => {
  const page = await signIn(browser, 'en', 'comms_officer', 'akimat-astana');
  await expect(page.getByRole('heading', { name: msg('en', 'shortcuts.title') })).toBeVisible();
  await expect(page.getByTestId('count-overdue')).toBeVisible();

  await page.keyboard.press('/');
  await expect(page.locator('#queue-search')).toBeFocused();
  await page.keyboard.type('крыш');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId('queue-table').getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: msg('en', 'queue.clear') }).click();

  await page.locator('h1').click();
  await page.keyboard.press('j');
  const first = await focused(page);
  expect(first.tag).toBe('A');
  expect(first.text).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
  await page.keyboard.press('j');
  expect((await focused(page)).text).not.toBe(first.text);
  await page.keyboard.press('k');
  expect((await focused(page)).text).toBe(first.text);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(msg('en', 'card.title', { number: first.text }));
  await expect(page.locator('h1')).toBeFocused();

  // Every action on the page names its key; turning single keys off is one switch away.
  await expect(page.getByRole('region', { name: msg('en', 'card.clocks') })).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.locator('h1')).toHaveText(msg('en', 'queue.title'));
  await page.getByRole('switch', { name: msg('en', 'shortcuts.enabled') }).uncheck();
  await page.locator('h1').click();
  await page.keyboard.press('m');
  await expect(page.locator('h1')).toHaveText(msg('en', 'queue.title'));
  await page.getByRole('switch', { name: msg('en', 'shortcuts.enabled') }).check();
  await page.locator('h1').click();
  await page.keyboard.press('m');
  await expect(page.locator('h1')).toHaveText(msg('en', 'monitoring.title'));
  await page.context().close();
});

test('a staff page asks for sign-in and comes back after it', async ({ page }) => {
  await page.goto('/ru/staff/monitoring');
  await expect(page.locator('h1')).toHaveText(msg('ru', 'login.title'));
  await page.getByLabel(msg('ru', 'login.email')).fill('head@min-health.example.kz');
  await page.getByLabel(msg('ru', 'login.password'), { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: msg('ru', 'login.submit') }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await expect(page.getByTestId('error-summary')).toContainText('Неверный адрес почты или пароль.');
  await page.getByLabel(msg('ru', 'login.password'), { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: msg('ru', 'login.submit') }).click();
  // A head must give the second factor: the page asks for the code, focused.
  await expect(page.getByLabel(msg('ru', 'login.code'), { exact: true })).toBeFocused();
  await page.getByLabel(msg('ru', 'login.code'), { exact: true }).fill(demoTotpCode());
  await page.getByRole('button', { name: msg('ru', 'login.verify') }).click();
  await expect(page.locator('h1')).toHaveText(msg('ru', 'monitoring.title'));
  await tabTo(page, page.getByRole('button', { name: msg('ru', 'staffNav.logout') }));
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(msg('ru', 'login.title'));
});

test('the applicant answers the body’s request for information on the tracking page', async ({ page, playwright, baseURL }) => {
  // Staff steps through the API (the browser journeys cover them in the workspace).
  const as = async (role: string) => {
    const c = await playwright.request.newContext({ baseURL });
    expect((await c.post('/api/v1/auth/login', { data: demoLogin(role, 'min-labour') })).ok()).toBe(true);
    return c;
  };
  const citizen = await playwright.request.newContext({ baseURL });
  const bodyId = (await (await citizen.get('/api/v1/bodies/min-labour')).json()).id as string;
  const reg = await (
    await citizen.post('/api/v1/appeals', {
      data: { bodyId, kind: 'inquiry', text: 'Как рассчитывается пенсия при стаже 30 лет?', applicant: { type: 'individual', name: 'Бахыт Оспанов' }, preferredAnswer: 'portal' },
    })
  ).json();
  const comms = await as('comms_officer');
  expect((await comms.post(`/api/v1/appeals/${reg.id}/triage`, { data: { competence: 'own', difficulty: 'medium' } })).ok()).toBe(true);
  // The demo executor works in one unit: the appeal moves there with the assignment.
  const [person] = (await (await comms.get('/api/v1/staff?role=executor')).json()).items as Array<{ id: string; unitId: string | null }>;
  expect((await comms.post(`/api/v1/appeals/${reg.id}/assign`, { data: { executorId: person.id, unitId: person.unitId ?? undefined } })).ok()).toBe(true);
  const executor = await as('executor');
  expect((await executor.post(`/api/v1/appeals/${reg.id}/request-info`, { data: { text: 'Приложите, пожалуйста, справку о стаже.' } })).ok()).toBe(true);

  await page.goto(`/ru/track?number=${reg.number}`);
  await page.getByLabel(msg('ru', 'track.code')).fill(reg.accessCode);
  await page.getByRole('button', { name: msg('ru', 'track.submit') }).click();
  await expect(page.getByTestId('status')).toHaveText(msg('ru', 'enum.status.awaiting_applicant'));
  await expect(page.getByRole('heading', { name: msg('ru', 'track.replyTitle') })).toBeVisible();
  await expect(page.getByText('Приложите, пожалуйста, справку о стаже.').first()).toBeVisible();
  await page.getByLabel(msg('ru', 'track.replyText')).fill('Справку принесу в четверг, стаж 30 лет подтверждён трудовой книжкой.');
  await page.getByRole('button', { name: msg('ru', 'track.replySend') }).click();
  await expect(page.getByText(msg('ru', 'track.replySent'))).toBeFocused();
  await expect(page.getByTestId('status')).toHaveText(msg('ru', 'enum.status.in_work'));
});

test('a paper answer waits in the print queue until it is printed and posted', async ({ browser, playwright, baseURL }) => {
  const as = async (role: string) => {
    const c = await playwright.request.newContext({ baseURL });
    expect((await c.post('/api/v1/auth/login', { data: demoLogin(role, 'akimat-shymkent') })).ok()).toBe(true);
    return c;
  };
  const citizen = await playwright.request.newContext({ baseURL });
  const bodyId = (await (await citizen.get('/api/v1/bodies/akimat-shymkent')).json()).id as string;
  const reg = await (
    await citizen.post('/api/v1/appeals', {
      data: { bodyId, kind: 'application', text: 'Прошу установить скамейки во дворе дома 5 по улице Тауке хана.', applicant: { type: 'individual', name: 'Ержан Ахметов' }, preferredAnswer: 'paper', address: 'г. Шымкент, ул. Тауке хана, 5, кв. 12' },
    })
  ).json();
  const comms = await as('comms_officer');
  expect((await comms.post(`/api/v1/appeals/${reg.id}/triage`, { data: { competence: 'own' } })).ok()).toBe(true);
  expect((await comms.post(`/api/v1/appeals/${reg.id}/answer`, { data: { text: 'Уважаемый Ержан Ахметов! Скамейки будут установлены в апреле 2026 года.', resolution: 'resolved' } })).ok()).toBe(true);
  expect((await (await as('head')).post(`/api/v1/appeals/${reg.id}/sign`, { data: {} })).ok()).toBe(true);

  const page = await signIn(browser, 'ru', 'comms_officer', 'akimat-shymkent');
  await page.getByRole('link', { name: msg('ru', 'staffNav.letters') }).click();
  await expect(page.locator('h1')).toHaveText(msg('ru', 'letters.title'));
  const letter = page.getByRole('article').filter({ hasText: reg.number });
  await expect(async () => {
    await page.reload();
    await expect(letter).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(letter.getByRole('link', { name: new RegExp(msg('ru', 'letters.pdf')) })).toHaveAttribute('href', /\/api\/v1\/letters\/.+\/pdf$/);
  const pdf = await page.request.get((await letter.getByRole('link', { name: new RegExp(msg('ru', 'letters.pdf')) }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  await letter.getByRole('button', { name: msg('ru', 'letters.markPrinted') }).click();
  await expect(letter).toHaveCount(0);
  await page.getByText(msg('ru', 'outbox.statuses.printed'), { exact: true }).click();
  await letter.getByRole('button', { name: msg('ru', 'letters.markPosted') }).click();
  await expect(letter).toHaveCount(0);
  await page.getByText(msg('ru', 'outbox.statuses.posted'), { exact: true }).click();
  await expect(letter).toBeVisible();
  await page.context().close();
});
