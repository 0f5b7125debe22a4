// A staff member's own sign-in security in the browser: enrolling the second factor with
// the QR code, keeping the recovery codes, signing in with one of them, changing the
// password and signing out everywhere. Keyboard focus and axe are checked on each step.
import { expect, test } from '@playwright/test';
import { generateSync } from 'otplib';
import { demoEmail, expectAccessible, msg, signIn, snap } from './helpers.ts';

test('a moderator enrols a second factor, signs in with a recovery code, changes the password and signs out everywhere', async ({ browser }, testInfo) => {
  const lang = 'en';
  const email = demoEmail('moderator', 'wko');
  const page = await signIn(browser, lang, 'moderator', 'wko');
  await page.getByRole('link', { name: msg(lang, 'staffNav.account') }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'account.title') })).toBeFocused();
  await expect(page.getByTestId('totp-state')).toHaveText(msg(lang, 'account.totpOff'));

  await page.getByRole('button', { name: msg(lang, 'account.enrol') }).click();
  await expect(page.getByRole('img', { name: msg(lang, 'account.qrAlt') })).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  await expectAccessible(page, testInfo, 'account enrolment');
  await snap(page, testInfo, 'account-enrolment');
  await page.getByLabel(msg(lang, 'login.code')).first().fill(generateSync({ secret }));
  await page.getByRole('button', { name: msg(lang, 'account.confirm') }).click();
  const codesHeading = page.getByRole('heading', { name: msg(lang, 'account.recoveryTitle') });
  await expect(codesHeading).toBeFocused();
  const codes = (await page.getByTestId('recovery-codes').locator('code').allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await expect(page.getByTestId('totp-state')).toHaveText(msg(lang, 'account.totpOn', { count: 10 }));

  // Signing in again now asks for the second step; a recovery code does instead of the app.
  await page.getByRole('button', { name: msg(lang, 'staffNav.logout'), exact: true }).click();
  await page.getByLabel(msg(lang, 'login.email')).fill(email);
  await page.getByLabel(msg(lang, 'login.password'), { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: msg(lang, 'login.submit') }).click();
  await expect(page.getByLabel(msg(lang, 'login.code'), { exact: true })).toBeFocused();
  await expectAccessible(page, testInfo, 'sign-in code step');
  await page.getByRole('button', { name: msg(lang, 'login.useRecovery') }).click();
  await expect(page.getByLabel(msg(lang, 'login.recoveryCode'), { exact: true })).toBeFocused();
  await page.getByLabel(msg(lang, 'login.recoveryCode'), { exact: true }).fill('AAAAA-BBBBB');
  await page.getByRole('button', { name: msg(lang, 'login.verify') }).click();
  await expect(page.getByTestId('error-summary')).toBeFocused();
  await page.getByLabel(msg(lang, 'login.recoveryCode'), { exact: true }).fill(codes[0]);
  await page.getByRole('button', { name: msg(lang, 'login.verify') }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'queue.title') })).toBeVisible();

  // Password change: a common password is refused, a good one accepted.
  await page.goto(`/${lang}/staff/account`);
  await page.getByLabel(msg(lang, 'account.currentPassword'), { exact: true }).fill('demo-password');
  await page.getByLabel(msg(lang, 'login.newPassword'), { exact: true }).fill('password123');
  await page.getByRole('button', { name: msg(lang, 'account.passwordSubmit') }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'common password' })).toBeFocused();
  await page.getByLabel(msg(lang, 'login.newPassword'), { exact: true }).fill('the moderator of wko chose this');
  await page.getByRole('button', { name: msg(lang, 'account.passwordSubmit') }).click();
  await expect(page.getByRole('status').filter({ hasText: msg(lang, 'account.passwordChanged') })).toBeFocused();
  await expectAccessible(page, testInfo, 'account page');

  // Sign out everywhere: this browser and any other lose their session.
  const other = await browser.newContext();
  const api = other.request;
  const viaApi = await api.post('/api/v1/auth/login', { data: { email, password: 'the moderator of wko chose this', recoveryCode: codes[1] } });
  expect(viaApi.ok()).toBe(true);
  expect((await api.get('/api/v1/me')).ok()).toBe(true);
  await page.getByRole('button', { name: msg(lang, 'account.logoutEverywhere') }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'login.title') })).toBeVisible();
  expect((await api.get('/api/v1/me')).status()).toBe(401);
  await other.close();
  await page.context().close();
});
