// The KPI dashboard and the public statistics in the browser, in kk, ru and en: the head
// of a body sees the totals, the charts with their tables, the league table, overlap and
// surges, and drills down from a channel to its appeals (axe on each); the public page
// shows the same KPIs with no personal data. Also the daily monitoring page's two tables
// side by side on a laptop screen, neither spilling over the other.
import { expect, test } from '@playwright/test';
import { expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

test.describe.configure({ timeout: 180_000 });

for (const lang of LANGS) {
  test(`the KPI dashboard (${lang})`, async ({ browser }, testInfo) => {
    const head = await signIn(browser, lang, 'head', 'akimat-astana');
    await head.getByRole('link', { name: msg(lang, 'kpi.nav') }).click();
    await expect(head.locator('h1')).toHaveText(msg(lang, 'kpi.title'));
    await expect(head.getByTestId('kpi-totals')).toBeVisible();
    await expect(head.getByTestId('kpi-group-table')).toBeVisible();
    await expect(head.getByTestId('kpi-league-table')).toBeVisible();
    await head.waitForLoadState('networkidle');
    await snap(head, testInfo, `${lang}-kpi`);
    await expectAccessible(head, testInfo, `${lang} KPI dashboard`);

    // Drill-down: a channel's row leads to the staff list filtered by it.
    const firstChannel = head.getByTestId('kpi-group-table').locator('tbody th a').first();
    if ((await firstChannel.count()) > 0) {
      await firstChannel.click();
      await expect(head).toHaveURL(/\/staff\?.*channel=/);
      await expect(head.locator('h1')).toHaveText(msg(lang, 'queue.title'));
    }
    await head.context().close();
  });

  test(`public statistics (${lang})`, async ({ page }, testInfo) => {
    await page.goto(`/${lang}/stats`);
    await expect(page.locator('h1')).toHaveText(msg(lang, 'kpi.publicTitle'));
    await expect(page.getByTestId('stats-totals')).toBeVisible();
    await expect(page.getByTestId('stats-table')).toBeVisible();
    await page.getByLabel(msg(lang, 'kpi.groupBy')).selectOption('topic');
    await expect(page.getByTestId('stats-table')).toBeVisible();
    await page.waitForLoadState('networkidle');
    await snap(page, testInfo, `${lang}-stats`);
    await expectAccessible(page, testInfo, `${lang} public statistics`);
  });
}

test('the daily monitoring tables do not overlap on a laptop screen', async ({ browser }) => {
  const officer = await signIn(browser, 'ru', 'comms_officer', 'akimat-astana');
  await officer.setViewportSize({ width: 1366, height: 768 });
  await officer.goto('/ru/staff/monitoring');
  const tables = officer.locator('section[aria-label] table');
  await expect(tables.first()).toBeVisible();
  const boxes = await officer.locator('section[aria-label]').evaluateAll((els) =>
    els.slice(0, 2).map((e) => {
      const r = e.getBoundingClientRect();
      const t = e.querySelector('table')?.getBoundingClientRect();
      const region = e.querySelector('[role=region]')?.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, regionRight: region?.right ?? r.right, tableRight: t?.right ?? r.right };
    }),
  );
  expect(boxes.length).toBe(2);
  const [a, b] = boxes as [(typeof boxes)[number], (typeof boxes)[number]];
  // Either stacked, or side by side with each table's visible frame inside its own section.
  const sideBySide = Math.abs(a.top - b.top) < 5;
  if (sideBySide) expect(a.regionRight).toBeLessThanOrEqual(b.left);
  else expect(a.bottom).toBeLessThanOrEqual(b.top + 1);
  await officer.context().close();
});
