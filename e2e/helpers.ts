// Shared steps of the browser tests: messages in each language, axe, screenshots kept as
// artifacts, keyboard navigation and staff sign-in.
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { IntlMessageFormat } from 'intl-messageformat';
import { generateSync } from 'otplib';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

type Tree = { [k: string]: string | Tree };
const messages = Object.fromEntries(
  LANGS.map((l) => [l, JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../apps/web/src/i18n/${l}.json`), 'utf8')) as Tree]),
) as Record<Lang, Tree>;

/** A message of the web app, as the page shows it. */
export function msg(lang: Lang, key: string, params?: Record<string, unknown>): string {
  const text = key.split('.').reduce<string | Tree | undefined>((t, k) => (t && typeof t === 'object' ? t[k] : undefined), messages[lang]);
  if (typeof text !== 'string') throw new Error(`no message ${lang}:${key}`);
  return params ? String(new IntlMessageFormat(text, lang).format(params as Record<string, string>)) : text;
}

/** axe (WCAG 2.1 A/AA): no serious or critical violation. */
export async function expectAccessible(page: Page, testInfo: TestInfo, label: string): Promise<void> {
  // Legacy mode runs axe inside the page itself: no extra tab per check (Chromium on a busy
  // machine sometimes refuses to open one), and the pages have no cross-origin frames.
  const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(bad, null, 2), contentType: 'application/json' });
  }
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`),
    `axe on ${label}`,
  ).toEqual([]);
}

/** A full-page screenshot kept with the test's results. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Press Tab until the element has focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target} with Tab`);
}

export const demoEmail = (role: string, body: string) => `${role.replace('_', '-')}@${body}.example.kz`;

/** Roles that must have a second factor; their demo accounts share the published demo TOTP secret (README). */
const TOTP_ROLES = ['admin', 'head', 'deputy', 'ethics_commissioner', 'oversight'];
export const DEMO_TOTP_SECRET = 'TYNDAUDEMOTOTPSECRETKAZAKHSTANQZ';
export const demoTotpCode = () => generateSync({ secret: DEMO_TOTP_SECRET });

/** The body of POST /api/v1/auth/login for a demo account (with a TOTP code where its role needs one). */
export const demoLogin = (role: string, body: string) => ({
  email: demoEmail(role, body),
  password: 'demo-password',
  ...(TOTP_ROLES.includes(role) ? { code: demoTotpCode() } : {}),
});

/** A new browser session signed in through the login page. */
export async function signIn(browser: Browser, lang: Lang, role: string, body: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/${lang}/staff/login`);
  await page.getByLabel(msg(lang, 'login.email')).fill(demoEmail(role, body));
  await page.getByLabel(msg(lang, 'login.password'), { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: msg(lang, 'login.submit') }).click();
  if (TOTP_ROLES.includes(role)) {
    await page.getByLabel(msg(lang, 'login.code'), { exact: true }).fill(demoTotpCode());
    await page.getByRole('button', { name: msg(lang, 'login.verify') }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'queue.title') })).toBeVisible();
  return page;
}

/** The element that has focus, described for assertions. */
export const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName, id: document.activeElement?.id, text: document.activeElement?.textContent?.trim().slice(0, 80) ?? '' }));
