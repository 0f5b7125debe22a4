// Perception surveys in the browser: the communications officer makes a survey from the
// study's template, opens it and creates invitations (QR); a respondent answers by the link;
// the results show the cross-tabulation. kk, ru and en, axe on every page.
import { expect, test } from '@playwright/test';
import { expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

test.describe.configure({ timeout: 240_000 });

for (const lang of LANGS) {
  test(`a survey from the study's template is answered by invitation and its results shown (${lang})`, async ({ browser }, testInfo) => {
    const officer = await signIn(browser, lang, 'comms_officer', 'akimat-astana');
    await officer.getByRole('link', { name: msg(lang, 'surveys.nav') }).click();
    await expect(officer.locator('h1')).toHaveText(msg(lang, 'surveys.title'));
    await officer.getByRole('button', { name: msg(lang, 'surveys.fromTemplate') }).click();
    await expect(officer.getByTestId('surveys-message')).toBeFocused();
    const detail = officer.getByTestId('survey-detail');
    await detail.getByRole('button', { name: msg(lang, 'surveys.open') }).click();
    await expect(detail.getByText(msg(lang, 'surveys.status.open'), { exact: false })).toBeVisible();
    await detail.locator('#invite-count').fill('2');
    await detail.getByRole('button', { name: msg(lang, 'surveys.invite') }).click();
    const links = detail.getByTestId('survey-invitations').locator('a');
    await expect(links).toHaveCount(2);
    await expect(detail.getByTestId('survey-invitations').locator('img').first()).toBeVisible();
    await officer.waitForLoadState('networkidle');
    await snap(officer, testInfo, `${lang}-surveys`);
    await expectAccessible(officer, testInfo, `${lang} surveys`);
    const url = new URL((await links.first().getAttribute('href'))!);

    // The respondent: nothing filled in is refused with the list of problems.
    const context = await browser.newContext();
    const respondent = await context.newPage();
    await respondent.goto(url.pathname);
    await expect(respondent.locator('h1')).toBeVisible();
    await respondent.getByTestId('survey-submit').click();
    await expect(respondent.getByTestId('error-summary')).toBeFocused();
    await expectAccessible(respondent, testInfo, `${lang} survey with errors`);
    await respondent.locator('#profile-ageGroup').selectOption('61+');
    await respondent.locator('#profile-region').selectOption('astana');
    await respondent.locator('#profile-occupation').selectOption('retired');
    await respondent.locator('#profile-education').selectOption('secondary');
    await respondent.locator('#profile-sex').selectOption('female');
    // Every awareness question is required: answer "no" to each.
    const no = lang === 'kk' ? 'Жоқ' : lang === 'ru' ? 'Нет' : 'No';
    for (const group of await respondent.locator('[data-question$="_aware"]').all()) await group.getByLabel(no, { exact: true }).check();
    await respondent.getByTestId('survey-submit').click();
    await expect(respondent.getByTestId('survey-done')).toBeFocused();
    await snap(respondent, testInfo, `${lang}-survey-done`);
    await expectAccessible(respondent, testInfo, `${lang} survey answered`);
    await context.close();

    await officer.reload();
    await officer.getByRole('button', { name: new RegExp(`^${msg(lang, 'surveys.openSurvey')}:`) }).first().click();
    const results = officer.getByTestId('survey-results');
    await expect(results).toContainText(msg(lang, 'surveys.responses', { count: 1 }));
    await expect(results.locator('table').first()).toBeVisible();
    await officer.waitForLoadState('networkidle');
    await expectAccessible(officer, testInfo, `${lang} survey results`);
    await officer.context().close();
  });
}
