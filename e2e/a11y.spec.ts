// axe on every page of the portal and the staff workspace, in all three languages, with a
// screenshot of each kept as an artifact.
import { expect, test } from '@playwright/test';
import { expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

for (const lang of LANGS) {
  test.describe(`pages in ${lang}`, () => {
    // Several pages and an axe run each: give them time on a busy machine.
    test.describe.configure({ timeout: 240_000 });
    test(`portal pages (${lang})`, async ({ page }, testInfo) => {
      const pages: Array<[string, string, string]> = [
        ['home', `/${lang}/`, msg(lang, 'home.title')],
        ['appeal', `/${lang}/appeal`, msg(lang, 'appeal.title')],
        ['track', `/${lang}/track`, msg(lang, 'track.title')],
        ['body', `/${lang}/bodies/akimat-astana`, ''],
        ['login', `/${lang}/staff/login`, msg(lang, 'login.title')],
        ['not-found', `/${lang}/no-such-page`, msg(lang, 'notFound.title')],
      ];
      for (const [name, url, heading] of pages) {
        await page.goto(url);
        await expect(page.locator('h1')).toBeVisible();
        if (heading) await expect(page.locator('h1')).toHaveText(heading);
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        await snap(page, testInfo, `${lang}-${name}`);
        await expectAccessible(page, testInfo, `${lang} ${name}`);
      }
    });

    test(`form states: errors, receipt, tracking result (${lang})`, async ({ page }, testInfo) => {
      await page.goto(`/${lang}/appeal`);
      await page.getByRole('button', { name: msg(lang, 'appeal.submit') }).click();
      await expect(page.getByTestId('error-summary')).toBeFocused();
      await snap(page, testInfo, `${lang}-appeal-errors`);
      await expectAccessible(page, testInfo, `${lang} appeal with errors`);

      await page.getByLabel(msg(lang, 'appeal.body')).selectOption('akimat-shymkent');
      await page.getByRole('radio', { name: msg(lang, 'enum.kind.inquiry') }).check();
      await page.getByLabel(msg(lang, 'appeal.text')).fill('Когда откроют новую поликлинику в микрорайоне Нурсат?');
      await page.getByLabel(msg(lang, 'appeal.name')).fill('Тест Тестов');
      await page.getByRole('button', { name: msg(lang, 'appeal.submit') }).click();
      await expect(page.getByTestId('receipt')).toBeVisible();
      await snap(page, testInfo, `${lang}-appeal-receipt`);
      await expectAccessible(page, testInfo, `${lang} receipt`);
      const number = (await page.getByTestId('receipt-number').textContent())!.trim();
      const code = (await page.getByTestId('receipt-code').textContent())!.trim();

      await page.getByRole('link', { name: msg(lang, 'receipt.track') }).click();
      await expect(page.getByLabel(msg(lang, 'track.number'))).toHaveValue(number);
      await page.getByLabel(msg(lang, 'track.code')).fill(code);
      await page.getByRole('button', { name: msg(lang, 'track.submit') }).click();
      await expect(page.getByTestId('track-result')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await snap(page, testInfo, `${lang}-track-result`);
      await expectAccessible(page, testInfo, `${lang} tracking result`);
    });

    test(`staff pages (${lang})`, async ({ browser }, testInfo) => {
      const page = await signIn(browser, lang, 'admin', 'akimat-astana');
      await page.waitForLoadState('networkidle');
      await snap(page, testInfo, `${lang}-staff-queue`);
      await expectAccessible(page, testInfo, `${lang} staff queue`);

      await page.getByTestId('queue-table').getByRole('link').first().click();
      await expect(page.getByTestId('timeline')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await snap(page, testInfo, `${lang}-staff-card`);
      await expectAccessible(page, testInfo, `${lang} appeal card`);

      for (const [name, path, heading] of [
        ['register', 'register', msg(lang, 'register.title')],
        ['monitoring', 'monitoring', msg(lang, 'monitoring.title')],
        ['outbox', 'outbox', msg(lang, 'outbox.title')],
        ['letters', 'letters', msg(lang, 'letters.title')],
        ['settings', 'settings', msg(lang, 'settings.title')],
        ['account', 'account', msg(lang, 'account.title')],
      ] as const) {
        await page.goto(`/${lang}/staff/${path}`);
        await expect(page.locator('h1')).toHaveText(heading);
        await page.waitForLoadState('networkidle');
        await snap(page, testInfo, `${lang}-staff-${name}`);
        await expectAccessible(page, testInfo, `${lang} staff ${name}`);
      }
      await page.context().close();
    });
  });
}

test('the version for the visually impaired passes axe too', async ({ page }, testInfo) => {
  await page.goto('/ru/');
  await page.getByRole('switch', { name: msg('ru', 'layout.visuallyImpaired') }).check();
  for (const path of ['/ru/', '/ru/appeal', '/ru/bodies/min-health']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await snap(page, testInfo, `vi${path.replace(/\//g, '-')}`);
    await expectAccessible(page, testInfo, `visually impaired ${path}`);
  }
});
