// The whole life of an appeal in the browser, once in each language: a citizen submits it
// and tracks it; the communications officer triages and assigns it, the executor writes the
// answer, the head signs and sends it, the officer closes it; the citizen reads the answer
// and rates it. In Kazakh the citizen uses only the keyboard.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { msg, signIn, snap, tabTo, type Lang } from './helpers.ts';

interface Case {
  lang: Lang;
  body: string;
  /** A topic handled by the unit of the body's demo executor. */
  topic: string;
  text: string;
  name: string;
  answer: string;
  disagree: boolean;
}

const CASES: Case[] = [
  {
    lang: 'kk',
    body: 'akimat-astana',
    topic: 'housing.heating',
    text: 'Біздің үйде үш күннен бері жылу жоқ, пәтерде 14 градус. Жылу беруді қалпына келтіруді сұраймыз.',
    name: 'Айгүл Серікова',
    answer: 'Жылу беру 5 наурызда қалпына келтірілді, басқарушы компанияға ескерту жасалды.',
    disagree: false,
  },
  {
    lang: 'ru',
    body: 'akimat-almaty',
    topic: 'housing.water',
    text: 'Во дворе дома по улице Абая, 10 уже неделю течёт вода из люка. Просим устранить аварию.',
    name: 'Мария Ким',
    answer: 'Авария на сетях водоснабжения устранена 3 марта, люк закрыт.',
    disagree: true,
  },
  {
    lang: 'en',
    body: 'min-health',
    topic: 'health.clinic',
    text: 'The polyclinic in our district has had no therapist for a month. Please tell us when one will be appointed.',
    name: 'Dana Akhmetova',
    answer: 'A therapist has been appointed to the polyclinic and receives patients from 10 March.',
    disagree: false,
  },
];

/** The legal due date of an appeal received on 2 March 2026, as each language writes it. */
const DUE: Record<Lang, RegExp> = { kk: /2026 ж\. 27 наурыз/, ru: /27 марта 2026/, en: /27 March 2026/ };

/** Choose an option of a native select with the arrow keys only. */
async function selectByKeyboard(page: Page, select: Locator, value: string) {
  await tabTo(page, select);
  for (let i = 0; i < 60 && (await select.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe(value);
}

async function submitAppeal(page: Page, c: Case, keyboardOnly: boolean): Promise<{ number: string; code: string }> {
  const { lang } = c;
  await page.goto(`/${lang}/`);
  const submitLink = page.getByRole('link', { name: msg(lang, 'home.submitTitle') }).last();
  if (keyboardOnly) {
    await tabTo(page, submitLink);
    await page.keyboard.press('Enter');
  } else {
    await submitLink.click();
  }
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'appeal.title') })).toBeFocused();

  const body = page.getByLabel(msg(lang, 'appeal.body'));
  const topic = page.getByLabel(`${msg(lang, 'appeal.topic')} ${msg(lang, 'common.optional')}`);
  const kind = page.getByRole('radio', { name: msg(lang, 'enum.kind.complaint') });
  const text = page.getByLabel(msg(lang, 'appeal.text'));
  const name = page.getByLabel(msg(lang, 'appeal.name'));
  const send = page.getByRole('button', { name: msg(lang, 'appeal.submit') });

  if (keyboardOnly) {
    await selectByKeyboard(page, body, c.body);
    await expect(page.getByTestId('body-hint')).toBeVisible();
    await selectByKeyboard(page, topic, c.topic);
    // Into the radio group: the arrow keys move the choice.
    await tabTo(page, page.getByRole('radio', { name: msg(lang, 'enum.kind.application') }));
    await page.keyboard.press('ArrowDown');
    await expect(kind).toBeChecked();
    await tabTo(page, text);
    await page.keyboard.type(c.text);
    await tabTo(page, name);
    await page.keyboard.type(c.name);
    await tabTo(page, send);
    await page.keyboard.press('Enter');
  } else {
    await body.selectOption(c.body);
    await expect(page.getByTestId('body-hint')).toBeVisible();
    await topic.selectOption(c.topic);
    await kind.check();
    await text.fill(c.text);
    await name.fill(c.name);
    await send.click();
  }

  // Focus moves to the result; the number and the code are shown large.
  await expect(page.getByRole('heading', { name: msg(lang, 'receipt.title') })).toBeFocused();
  const number = (await page.getByTestId('receipt-number').textContent())!.trim();
  const code = (await page.getByTestId('receipt-code').textContent())!.trim();
  expect(number).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
  expect(code.length).toBeGreaterThanOrEqual(6);
  expect(await page.getByTestId('receipt-number').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(32);
  return { number, code };
}

async function track(page: Page, lang: Lang, number: string, code: string) {
  await page.goto(`/${lang}/track?number=${encodeURIComponent(number)}`);
  await expect(page.getByLabel(msg(lang, 'track.number'))).toHaveValue(number);
  await page.getByLabel(msg(lang, 'track.code')).fill(code);
  await page.getByRole('button', { name: msg(lang, 'track.submit') }).click();
  await expect(page.getByRole('heading', { level: 2, name: msg(lang, 'track.resultTitle', { number }) })).toBeFocused();
}

/** Open the appeal's card from the queue, by its number. */
async function openCard(page: Page, lang: Lang, number: string) {
  await page.goto(`/${lang}/staff?view=body`);
  await page.getByRole('link', { name: number, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: msg(lang, 'card.title', { number }) })).toBeVisible();
}

/** Run an action of the card by its shortcut key, fill its form, and see the result announced. */
async function act(page: Page, lang: Lang, key: string, action: string, fill: (form: Locator) => Promise<void>, done: string) {
  // The action is offered (the card has loaded) before its key is pressed.
  await expect(page.getByTestId(`action-${action}`)).toBeVisible();
  await page.locator('body').press(key);
  const form = page.getByTestId(`action-form-${action}`);
  await expect(form).toBeVisible();
  // The first field of the form has focus, ready to type (moved there just after the form renders).
  await expect.poll(() => form.evaluate((f) => f.contains(document.activeElement))).toBe(true);
  await fill(form);
  await form.getByTestId('action-submit').click();
  const message = page.getByTestId('action-message');
  await expect(message).toContainText(msg(lang, done));
  await expect(message).toBeFocused();
}

async function staffWork(browser: Browser, c: Case, number: string) {
  const { lang, body } = c;
  const officer = await signIn(browser, lang, 'comms_officer', body);
  await openCard(officer, lang, number);
  await expect(officer.getByTestId('clock-legal')).toContainText(/2026/);
  await act(officer, lang, 't', 'triage', async (f) => {
    await expect(f.getByRole('radio', { name: msg(lang, 'enum.competence.own') })).toBeChecked();
  }, 'action.done.triaged');
  await expect(officer.getByTestId('status')).toHaveText(msg(lang, 'enum.status.in_work'));
  await act(officer, lang, 'a', 'assign', async (f) => {
    const select = f.getByLabel(msg(lang, 'action.executor'));
    const value = await select.locator('option', { hasText: `executor (${body})` }).getAttribute('value');
    await select.selectOption(value!);
  }, 'action.done.assigned');
  await snap(officer, test.info(), `${lang}-journey-card-assigned`);

  const executor = await signIn(browser, lang, 'executor', body);
  // The executor's own queue lists it.
  await expect(executor.getByRole('link', { name: number, exact: true })).toBeVisible();
  await executor.getByRole('link', { name: number, exact: true }).click();
  await act(executor, lang, 'w', 'answer', async (f) => {
    const text = f.getByLabel(msg(lang, 'action.answerText'));
    await expect(text).toHaveValue(new RegExp(c.name));
    await text.press('End');
    await text.pressSequentially(c.answer);
    await f.getByRole('radio', { name: msg(lang, 'enum.resolution.resolved') }).check();
  }, 'action.done.drafted');

  const head = await signIn(browser, lang, 'head', body);
  await openCard(head, lang, number);
  await act(head, lang, 's', 'sign', async (f) => {
    await expect(f).toContainText(c.answer);
  }, 'action.done.signed');
  await expect(head.getByTestId('status')).toHaveText(msg(lang, 'enum.status.answered'));

  await officer.reload();
  await act(officer, lang, 'c', 'close', async () => {}, 'action.done.closed');
  await expect(officer.getByTestId('status')).toHaveText(msg(lang, 'enum.status.closed'));
  await expect(officer.getByTestId('timeline')).toContainText(msg(lang, 'event.appeal_answered', { resolution: msg(lang, 'enum.resolution.resolved') }));
  await snap(officer, test.info(), `${lang}-journey-card-closed`);
  for (const p of [officer, executor, head]) await p.context().close();
}

test.describe.configure({ timeout: 240_000 });

for (const c of CASES) {
  test(`an appeal from submission to rated answer, in ${c.lang}`, async ({ browser }, testInfo) => {
    const { lang } = c;
    const citizen = await (await browser.newContext()).newPage();
    const { number, code } = await submitAppeal(citizen, c, lang === 'kk');
    await snap(citizen, testInfo, `${lang}-journey-receipt`);

    await track(citizen, lang, number, code);
    await expect(citizen.getByTestId('status')).toHaveText(msg(lang, 'enum.status.registered'));
    // Received on Monday 2 March 2026: 15 working days around Nauryz (21–25 March off).
    await expect(citizen.getByTestId('track-due')).toContainText(DUE[lang]);
    await snap(citizen, testInfo, `${lang}-journey-tracked`);

    await staffWork(browser, c, number);

    await track(citizen, lang, number, code);
    await expect(citizen.getByTestId('status')).toHaveText(msg(lang, 'enum.status.closed'));
    await expect(citizen.getByTestId('track-answer')).toContainText(c.answer);
    await expect(citizen.getByTestId('track-resolution')).toHaveText(msg(lang, 'enum.resolution.resolved'));
    await citizen.getByRole('radio', { name: msg(lang, c.disagree ? 'feedback.scoreLabel.2' : 'feedback.scoreLabel.5') }).check();
    if (c.disagree) {
      await citizen.getByLabel(`${msg(lang, 'feedback.comment')} ${msg(lang, 'common.optional')}`).fill('Вода всё ещё течёт.');
      await citizen.getByRole('checkbox', { name: msg(lang, 'feedback.disagree') }).check();
    }
    await citizen.getByRole('button', { name: msg(lang, 'feedback.send') }).click();
    await expect(citizen.getByRole('heading', { name: msg(lang, 'feedback.thanks') })).toBeFocused();
    if (c.disagree) await expect(citizen.getByTestId('feedback-thanks')).toContainText(/[A-Z]+-\d{4}-\d{6}/);
    await snap(citizen, testInfo, `${lang}-journey-rated`);
    await citizen.context().close();
  });
}
