// The web app under its Content-Security-Policy: the header is on every page, and the
// citizen pages, the staff sign-in and the queue render without a single violation
// (Mantine's style tags are allowed by `style-src 'unsafe-inline'`; scripts only from the site).
import { expect, test, type Page } from '@playwright/test';
import { msg, signIn } from './helpers.ts';

/** Collects the page's CSP violations (the browser fires `securitypolicyviolation`). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)), ...console];
}

test('citizen pages render under the CSP without violations', async ({ page }) => {
  const violations = await watchViolations(page);
  const res = await page.goto('/en/');
  const csp = res!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  await expect(page.locator('h1')).toHaveText(msg('en', 'home.title'));
  for (const path of ['/kk/appeal', '/ru/track', '/en/bodies/akimat-astana', '/en/reception?body=akimat-astana']) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
  }
  expect(await violations()).toEqual([]);
});

test('the staff sign-in and queue render under the CSP without violations', async ({ browser }) => {
  const page = await signIn(browser, 'en', 'comms_officer', 'akimat-astana');
  const violations = await watchViolations(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: msg('en', 'queue.title') })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.context().close();
});
