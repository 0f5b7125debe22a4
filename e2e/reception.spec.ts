// Personal reception in the browser: a citizen books a meeting with the head in Russian from
// the body's page and checks the booking with the access code; the communications officer
// confirms it in the weekly review; once the meeting has begun the head records it with a
// follow-up task; the citizen sees the outcome. Then the front office logs a consultation in
// one click and registers a visitor's appeal with a printable receipt.
import { expect, test } from '@playwright/test';
import { expectAccessible, msg, signIn, snap } from './helpers.ts';

const lang = 'ru';
const body = 'akimat-astana';

test('a citizen books a reception; the office confirms it; the head records the meeting', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const officer = await signIn(browser, lang, 'comms_officer', body);
  const head = await signIn(browser, lang, 'head', body);

  // The platform's business clock (TYNDAU_NOW, running on): a consultation logged at the desk says what time it is.
  const logged = await officer.request.post('/api/v1/receptions/contacts', { data: { desk: 'front_office', language: 'ru' } });
  expect(logged.status()).toBe(201);
  const loggedAt = new Date((await logged.json()).at).getTime();
  const realAt = Date.now();
  const businessNow = () => loggedAt + (Date.now() - realAt);

  // The head adds an extra reception starting in a minute to the approved demo schedule.
  const local = new Date(loggedAt + 5 * 3_600_000);
  const quarter = `${local.getUTCFullYear()}-Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
  const schedules = (await (await head.request.get(`/api/v1/receptions/schedules?quarter=${quarter}`)).json()).items as Array<{ id: string; status: string; official: { role: string } }>;
  const own = schedules.find((s) => s.official.role === 'head' && s.status === 'approved');
  expect(own, 'the demo data has an approved schedule for the head').toBeTruthy();
  const startsAt = new Date(Math.ceil((loggedAt + 60_000) / 60_000) * 60_000);
  const added = await head.request.post(`/api/v1/receptions/schedules/${own!.id}/slots`, {
    data: { slots: [{ startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), place: 'Астана, ул. Бейбитшилик, 11, каб. 101', capacity: 2 }] },
  });
  expect(added.status(), await added.text()).toBe(200);

  // The citizen books from the body's page.
  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/${lang}/bodies/${body}`);
  await citizen.getByRole('link', { name: msg(lang, 'reception.bookHere') }).click();
  await expect(citizen.getByRole('heading', { level: 1, name: msg(lang, 'reception.title') })).toBeVisible();
  await expect(citizen.getByLabel(msg(lang, 'appeal.body'))).toHaveValue(body);
  const officials = citizen.getByRole('radiogroup', { name: msg(lang, 'reception.official') });
  await officials.getByRole('radio').first().check();
  const slots = citizen.getByRole('radiogroup', { name: msg(lang, 'reception.slot') });
  await expect(slots.getByRole('radio').first()).toBeVisible();
  await expectAccessible(citizen, testInfo, 'ru reception form');
  await slots.getByRole('radio').first().check();
  await citizen.getByLabel(msg(lang, 'reception.question')).fill('Прошу принять по вопросу очереди на арендное жильё: стою в очереди с 2015 года.');
  await citizen.getByLabel(msg(lang, 'appeal.name')).fill('Жанар Омарова');
  await citizen.getByLabel(msg(lang, 'appeal.phone')).fill('+77011234567');
  await citizen.getByRole('button', { name: msg(lang, 'reception.submit') }).click();
  await expect(citizen.getByRole('heading', { name: msg(lang, 'reception.bookedTitle') })).toBeFocused();
  const number = (await citizen.getByTestId('booking-number').textContent())!.trim();
  const code = (await citizen.getByTestId('booking-code').textContent())!.trim();
  expect(number).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
  await snap(citizen, testInfo, 'ru-reception-booked');
  await expectAccessible(citizen, testInfo, 'ru reception booked');

  // The citizen finds the booking with the code.
  await citizen.getByRole('link', { name: msg(lang, 'reception.manageLink') }).click();
  await citizen.getByLabel(msg(lang, 'track.code')).fill(code);
  await citizen.getByRole('button', { name: msg(lang, 'reception.find') }).click();
  await expect(citizen.getByTestId('citizen-booking-status')).toHaveText(msg(lang, 'reception.status.booked'));

  // The weekly review: the communications officer confirms it (the question needs the head).
  await officer.goto(`/${lang}/staff/reception`);
  await officer.getByRole('link', { name: number, exact: true }).click();
  await expect(officer.getByRole('heading', { level: 1, name: msg(lang, 'receptionStaff.cardTitle', { number }) })).toBeVisible();
  await expectAccessible(officer, testInfo, 'ru booking card');
  await officer.getByRole('radio', { name: msg(lang, 'receptionStaff.decisions.confirm') }).check();
  await officer.getByRole('button', { name: msg(lang, 'receptionStaff.reviewSubmit') }).click();
  await expect(officer.getByTestId('booking-status')).toHaveText(msg(lang, 'reception.status.confirmed'));

  // The meeting: once it has begun, the head records it with a follow-up task.
  const wait = startsAt.getTime() - businessNow() + 1000;
  if (wait > 0) await head.waitForTimeout(wait);
  await head.goto(`/${lang}/staff/reception/${encodeURIComponent(number)}`);
  await head.getByLabel(msg(lang, 'reception.decision')).fill('Поручено проверить очередь заявителя и сообщить результат до 20 марта.');
  await head.getByLabel(`${msg(lang, 'receptionStaff.followUps')} ${msg(lang, 'common.optional')}`).fill('Проверить очерёдность заявителя на арендное жильё и сообщить результат.');
  await head.getByRole('button', { name: msg(lang, 'receptionStaff.outcomeSubmit') }).click();
  await expect(head.getByTestId('booking-status')).toHaveText(msg(lang, 'reception.status.attended'));
  await expect(head.getByRole('heading', { name: msg(lang, 'receptionStaff.followUps') })).toBeVisible();
  await snap(head, testInfo, 'ru-reception-outcome');

  // The citizen sees what was decided.
  await citizen.getByRole('button', { name: msg(lang, 'reception.find') }).click();
  await expect(citizen.getByTestId('citizen-booking-status')).toHaveText(msg(lang, 'reception.status.attended'));
  await expect(citizen.getByTestId('citizen-booking')).toContainText('Поручено проверить очередь');
  for (const p of [officer, head, citizen]) await p.context().close();
});

test('the front office logs a consultation in one click and registers a visitor with a receipt', async ({ browser }, testInfo) => {
  const operator = await signIn(browser, 'en', 'operator', body);
  await operator.goto('/en/staff/front-office');
  await expect(operator.getByRole('heading', { level: 1, name: msg('en', 'desk.title') })).toBeVisible();
  await operator.getByTestId('log-consultation').click();
  await expect(operator.getByTestId('consultation-logged')).toBeVisible();
  await operator.getByLabel(msg('en', 'appeal.text')).fill('The bus stop shelter on Kenesary street is broken. Please repair it before winter.');
  await operator.getByLabel(msg('en', 'appeal.name'), { exact: true }).fill('Dana Akhmetova');
  await operator.getByRole('button', { name: msg('en', 'desk.register') }).click();
  await expect(operator.getByTestId('desk-receipt')).toBeVisible();
  const number = (await operator.getByTestId('desk-number').textContent())!.trim();
  await expectAccessible(operator, testInfo, 'en front office receipt');
  await snap(operator, testInfo, 'en-front-office');
  const [receipt] = await Promise.all([operator.context().waitForEvent('page'), operator.getByTestId('desk-print').click()]);
  await receipt.waitForLoadState();
  await expect(receipt.locator('body')).toContainText(number);
  await expect(receipt.locator('h1')).toHaveText('Receipt of your appeal');
  await operator.context().close();
});

test('a citizen moves their booking to another time with the same official, with the access code', async ({ browser, request }, testInfo) => {
  const kk = 'kk';
  const astana = (await (await request.get(`/api/v1/bodies/${body}`)).json()) as { id: string };
  const slots = (await (await request.get(`/api/v1/bodies/${astana.id}/reception-slots`)).json()).items as Array<{ id: string; officialId: string; startsAt: string; available: number }>;
  // An official with at least two open times: book the first one through the API.
  const official = slots.find((s) => s.available > 0 && slots.filter((o) => o.officialId === s.officialId && o.available > 0).length > 1)!;
  expect(official, 'the demo schedules have an official with two open times').toBeTruthy();
  const booked = await request.post('/api/v1/receptions/bookings', {
    data: { slotId: official.id, question: 'Ауладағы балалар алаңын жөндеу туралы сұрағым бар.', applicant: { type: 'individual', name: 'Айгүл Серікова', phone: '+77017654321' } },
  });
  expect(booked.status(), await booked.text()).toBe(201);
  const { number, accessCode } = (await booked.json()) as { number: string; accessCode: string };

  const citizen = await (await browser.newContext()).newPage();
  await citizen.goto(`/${kk}/reception/booking?number=${encodeURIComponent(number)}`);
  await citizen.getByLabel(msg(kk, 'track.code')).fill(accessCode);
  await citizen.getByRole('button', { name: msg(kk, 'reception.find') }).click();
  await expect(citizen.getByTestId('citizen-booking-status')).toHaveText(msg(kk, 'reception.status.booked'));
  const before = await citizen.getByTestId('citizen-booking').textContent();

  // Submitting without a choice says what is missing; then the next open time is chosen.
  await citizen.getByRole('button', { name: msg(kk, 'reception.moveSubmit') }).click();
  await expect(citizen.getByText(msg(kk, 'reception.chooseSlot'))).toBeVisible();
  const times = citizen.getByRole('radiogroup', { name: msg(kk, 'reception.slot') });
  await times.getByRole('radio', { disabled: false }).first().check();
  await expectAccessible(citizen, testInfo, 'kk reception move');
  await citizen.getByRole('button', { name: msg(kk, 'reception.moveSubmit') }).click();
  await expect(citizen.getByRole('heading', { level: 2, name: msg(kk, 'reception.bookingOf', { number }) })).toBeFocused();
  await expect(citizen.getByTestId('citizen-booking-status')).toHaveText(msg(kk, 'reception.status.booked'));
  await expect(citizen.getByTestId('citizen-booking')).not.toHaveText(before!);
  await snap(citizen, testInfo, 'kk-reception-moved');

  // The register agrees: the booking now sits in another slot of the same official.
  const now = (await (await request.get(`/api/v1/receptions/bookings/${encodeURIComponent(number)}?code=${accessCode}`)).json()) as { slotId: string; officialId: string };
  expect(now.slotId).not.toBe(official.id);
  expect(now.officialId).toBe(official.officialId);
  await citizen.context().close();
});
