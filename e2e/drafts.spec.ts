// Public discussion of a draft act in the browser, in kk, ru and en with axe at each step:
// a reader finds the body's drafts, reads the demo draft paragraph by paragraph with its
// comments and answers, asks for a one-time code to comment; the communications officer
// publishes a new draft and answers a comment (the server refuses the wrong form first);
// the moderator looks at the hidden comments.
import { expect, test } from '@playwright/test';
import { expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

test.describe.configure({ timeout: 240_000 });
const DEMO_TITLE = 'Правила содержания дворовых территорий города Астаны';

for (const lang of LANGS) {
  test(`a whole discussion (${lang})`, async ({ page, browser }, testInfo) => {
    // The reader: the body's page links to its drafts.
    await page.goto(`/${lang}/bodies/akimat-astana`);
    await page.getByRole('link', { name: msg(lang, 'drafts.bodyLink') }).click();
    await expect(page.locator('h1')).toHaveText(msg(lang, 'drafts.listTitle'));
    await page.getByRole('link', { name: DEMO_TITLE }).click();
    await expect(page.locator('h1')).toHaveText(DEMO_TITLE);
    await expect(page.getByTestId('draft-comment').first()).toBeVisible();
    await expect(page.getByText('Авторы проекта — идиоты')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await snap(page, testInfo, `${lang}-draft-page`);
    await expectAccessible(page, testInfo, `${lang} draft page`);

    await page.getByRole('button', { name: msg(lang, 'drafts.commentOn', { n: 1 }) }).click();
    const form = page.getByTestId('comment-form');
    await form.getByRole('button', { name: msg(lang, 'drafts.getCode') }).click();
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await expectAccessible(page, testInfo, `${lang} comment form with errors`);
    await form.getByLabel(msg(lang, 'drafts.name')).fill('Тест Тестов');
    await form.getByLabel(msg(lang, 'drafts.contact')).fill(`reader-${lang}@example.kz`);
    await form.getByRole('button', { name: msg(lang, 'drafts.getCode') }).click();
    await expect(form.getByText(msg(lang, 'drafts.codeSent'))).toBeVisible();
    await expect(form.getByLabel(msg(lang, 'drafts.code'))).toBeFocused();
    await expectAccessible(page, testInfo, `${lang} comment form with the code field`);

    // The developer body: publish a draft, answer a comment.
    const officer = await signIn(browser, lang, 'comms_officer', 'akimat-astana');
    await officer.getByRole('link', { name: msg(lang, 'drafts.nav') }).click();
    await expect(officer.locator('h1')).toHaveText(msg(lang, 'drafts.staffTitle'));
    const publish = officer.getByTestId('publish-form');
    await publish.getByRole('button', { name: msg(lang, 'drafts.publish') }).click();
    await expect(officer.getByTestId('error-summary')).toBeFocused();
    await expectAccessible(officer, testInfo, `${lang} publish form with errors`);
    const title = `Правила выгула собак (${lang})`;
    await officer.locator('#draft-title').fill(title);
    await officer.locator('#draft-closesAt').fill('2026-12-20');
    await officer.locator('#draft-markdown').fill('# Статья 1. Общие положения\nВыгул собак разрешён на специальных площадках.\nСобаки крупных пород выгуливаются в наморднике.');
    await publish.getByRole('button', { name: msg(lang, 'drafts.publish') }).click();
    await expect(officer.getByTestId('drafts-message')).toHaveText(msg(lang, 'drafts.publishedMessage', { title }));
    await expect(officer.getByTestId('own-drafts')).toContainText(title);
    await expectAccessible(officer, testInfo, `${lang} drafts editor`);

    await officer.getByRole('link', { name: DEMO_TITLE }).click();
    await expect(officer.locator('h1')).toHaveText(msg(lang, 'drafts.commentsTitle'));
    const answerForm = officer.locator('form').filter({ has: officer.getByRole('button', { name: msg(lang, 'drafts.sendAnswer') }) }).first();
    await answerForm.getByLabel(msg(lang, 'drafts.answerText')).fill('Ваше предложение рассмотрено.');
    await answerForm.getByLabel(msg(lang, 'drafts.reason')).fill('Срок согласован с коммунальными службами.');
    await answerForm.getByRole('button', { name: msg(lang, 'drafts.sendAnswer') }).click();
    await expect(officer.getByTestId('error-summary')).toBeFocused();
    await expectAccessible(officer, testInfo, `${lang} answer form with the server's refusal`);
    const before = await officer.getByTestId('given-answer').count();
    await answerForm.getByLabel(msg(lang, 'drafts.answerText')).fill('Уважаемый заявитель! Благодарим за предложение. Срок уборки сокращён до 12 часов.');
    await answerForm.getByLabel(msg(lang, 'drafts.decisionLabel'), { exact: true }).selectOption('partly_accepted');
    await answerForm.getByRole('button', { name: msg(lang, 'drafts.sendAnswer') }).click();
    await expect(officer.getByTestId('given-answer')).toHaveCount(before + 1);
    await snap(officer, testInfo, `${lang}-draft-answers`);
    await expectAccessible(officer, testInfo, `${lang} comments and answers`);
    await officer.context().close();

    // The moderator looks at the hidden comments.
    const moderator = await signIn(browser, lang, 'moderator', 'akimat-astana');
    await moderator.goto(`/${lang}/staff/drafts-moderation`);
    await expect(moderator.locator('h1')).toHaveText(msg(lang, 'drafts.moderationTitle'));
    await moderator.waitForLoadState('networkidle');
    await expectAccessible(moderator, testInfo, `${lang} moderation`);
    const keep = moderator.getByRole('button', { name: msg(lang, 'drafts.keepHiddenNamed', { name: 'Аноним' }) });
    if (await keep.count()) {
      await keep.click();
      await expect(moderator.getByText(msg(lang, 'drafts.moderationEmpty'))).toBeVisible();
    }
    await moderator.context().close();
  });
}
