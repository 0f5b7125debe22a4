// The city app on a phone-sized screen, in kk/ru/en, with axe: the public map and its list,
// the QR posters of city objects, and the phone flow — a poster's link fills the form, a
// camera photo is scaled on the device, the place is picked on the map, and an appeal sent
// without a network is kept and sent once when the network returns.
import zlib from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, LANGS, msg, signIn, snap } from './helpers.ts';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

/** A camera-sized PNG (3000×2000), made here so the test needs no file. */
function bigPng(): Buffer {
  const [w, h] = [3000, 2000];
  const row = Buffer.alloc(1 + w * 3);
  for (let x = 0; x < w; x++) row.set([(x * 7) % 256, 120, (x * 3) % 256], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

async function fillAppeal(page: Page, lang: (typeof LANGS)[number], text: string) {
  await page.getByRole('radio', { name: msg(lang, 'enum.kind.complaint') }).check();
  await page.getByLabel(msg(lang, 'appeal.text')).fill(text);
  await page.getByLabel(msg(lang, 'appeal.name')).fill('Тест Тестов');
}

for (const lang of LANGS) {
  test.describe(`city app in ${lang}`, () => {
    test.describe.configure({ timeout: 240_000 });

    test(`public map and its list (${lang})`, async ({ page }, testInfo) => {
      await page.goto(`/${lang}/map`);
      await expect(page.locator('h1')).toHaveText(msg(lang, 'citymap.map.title'));
      // The demo appeals from the city app, around Astana: markers and the same rows in the table.
      await expect(page.getByTestId('map-table')).toBeVisible();
      const rows = await page.getByTestId('map-table').locator('tbody tr').count();
      expect(rows).toBeGreaterThan(0);
      await expect(page.locator('.tyndau-cell')).toHaveCount(rows);
      await page.waitForLoadState('networkidle');
      await snap(page, testInfo, `${lang}-map`);
      await expectAccessible(page, testInfo, `${lang} map`);
      // Nothing is solved yet in the demo: the status filter empties the list.
      await page.getByRole('checkbox', { name: msg(lang, 'citymap.colour.solved'), exact: true }).check();
      await expect(page.getByText(msg(lang, 'citymap.map.none'))).toBeVisible();
      await expect(page.locator('.tyndau-cell')).toHaveCount(0);
    });

    test(`QR posters and a poster's form (${lang})`, async ({ browser }, testInfo) => {
      const page = await signIn(browser, lang, 'comms_officer', 'akimat-astana');
      await page.setViewportSize(PHONE);
      await page.goto(`/${lang}/staff/qr`);
      await expect(page.locator('h1')).toHaveText(msg(lang, 'citymap.qr.title'));
      await expect(page.getByTestId('qr-table')).toContainText('AST-PLAY-0021');
      const code = `E2E-${lang.toUpperCase()}-${Date.now() % 100000}`;
      await page.getByLabel(msg(lang, 'citymap.qr.code'), { exact: true }).fill(code);
      await page.getByLabel(msg(lang, 'citymap.qr.name'), { exact: true }).fill('Аялдама / Остановка');
      await page.getByLabel(`${msg(lang, 'citymap.qr.lat')} ${msg(lang, 'common.optional')}`).fill('51.1283');
      await page.getByLabel(`${msg(lang, 'citymap.qr.lon')} ${msg(lang, 'common.optional')}`).fill('71.4305');
      await page.getByLabel(`${msg(lang, 'citymap.qr.topic')} ${msg(lang, 'common.optional')}`).selectOption('improvement.lighting');
      await page.getByRole('button', { name: msg(lang, 'citymap.qr.save') }).click();
      await expect(page.getByRole('status')).toHaveText(msg(lang, 'citymap.qr.created', { code }));
      await page.getByRole('button', { name: msg(lang, 'citymap.qr.posterIn', { code, language: msg(lang, `citymap.qr.language.${lang}`) }) }).click();
      const poster = page.getByTestId('qr-poster');
      await expect(poster).toContainText(code);
      await expect(poster.locator('img')).toHaveJSProperty('complete', true);
      expect(await poster.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      await snap(page, testInfo, `${lang}-qr`);
      await expectAccessible(page, testInfo, `${lang} QR posters`);

      // Scanning the poster: the form comes filled with the body, topic and place.
      await page.goto(`/${lang}/appeal?object=${code}`);
      await expect(page.getByTestId('object-notice')).toBeVisible();
      await expect(page.getByLabel(msg(lang, 'appeal.body'))).toHaveValue('akimat-astana');
      await expect(page.getByLabel(`${msg(lang, 'appeal.topic')} ${msg(lang, 'common.optional')}`)).toHaveValue('improvement.lighting');
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, testInfo, `${lang} appeal from a poster`);
      await page.context().close();
    });
  });
}

test.describe('the phone flow', () => {
  test.describe.configure({ timeout: 240_000 });

  test('photo scaled on the device, place on the map, sent offline when the network returns', async ({ page, context }, testInfo) => {
    const lang = 'ru';
    await page.goto(`/${lang}/appeal?object=AST-PLAY-0021`);
    await expect(page.getByTestId('object-notice')).toBeVisible();
    await fillAppeal(page, lang, 'Сломаны качели на детской площадке, опасно для детей (проверка с телефона).');

    // The place: the object's, moved by a tap on the map.
    await page.getByTestId('pick-on-map').click();
    await expect(page.getByRole('region', { name: msg(lang, 'citymap.place.mapLabel') })).toBeVisible();
    await page.getByRole('button', { name: msg(lang, 'citymap.place.centre') }).click();

    // A 3000×2000 photo leaves the phone as a JPEG of at most 1600 px.
    const uploads: { type: string; size: number }[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/v1/attachments') && r.method() === 'POST') uploads.push({ type: r.headers()['content-type'] ?? '', size: r.postDataBuffer()?.length ?? 0 });
    });
    const png = bigPng();
    await page.getByTestId('photo-input').setInputFiles({ name: 'camera.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByTestId('photo-list')).toContainText(msg(lang, 'appeal.fileDone'));
    expect(uploads).toHaveLength(1);
    expect(uploads[0].type).toBe('image/jpeg');
    expect(uploads[0].size).toBeLessThan(png.length);

    await page.waitForLoadState('networkidle');
    await snap(page, testInfo, 'phone-form');
    await expectAccessible(page, testInfo, 'phone form');

    // No network: the appeal is kept on the phone.
    await context.setOffline(true);
    await page.getByTestId('appeal-submit').click();
    await expect(page.getByTestId('appeal-kept')).toBeVisible();
    await expect(page.getByTestId('offline-outbox')).toContainText(msg(lang, 'citymap.offline.waiting'));
    await expectAccessible(page, testInfo, 'kept offline');

    // The network returns: it is sent, once, and its number and code are shown.
    await context.setOffline(false);
    const sent = page.getByTestId('offline-sent');
    await expect(sent).toBeVisible();
    const text = (await sent.textContent()) ?? '';
    const number = /[A-Z]+-\d{4}-\d{6}/.exec(text)?.[0];
    const code = /[A-Z0-9]{8,}(?=\.)/.exec(text.replace(number ?? '', ''))?.[0];
    expect(number && code).toBeTruthy();
    const track = await page.request.get(`/api/v1/track/${number}?code=${code}`);
    expect(track.status()).toBe(200);
    expect((await track.json()).status).toBe('registered');
    await page.getByRole('button', { name: msg(lang, 'citymap.offline.noted') }).click();
    await expect(page.getByTestId('offline-sent')).toHaveCount(0);
  });

  test('an answer lost on the way: sent again with the same Idempotency-Key, one appeal', async ({ page }) => {
    const lang = 'kk';
    await page.goto(`/${lang}/appeal?object=AST-BUS-0417`);
    await expect(page.getByTestId('object-notice')).toBeVisible();
    await fillAppeal(page, lang, 'Аялдамадағы орындық сынған, қарттар отыра алмайды (жауап жоғалған жағдай).');
    // The server registers the appeal, but its answer never reaches the phone.
    const first: { number?: string; key?: string } = {};
    await page.route('**/api/v1/appeals', async (route) => {
      const res = await route.fetch();
      first.number = (await res.json()).number;
      first.key = route.request().headers()['idempotency-key'];
      await route.abort('connectionreset');
    });
    await page.getByTestId('appeal-submit').click();
    await expect(page.getByTestId('appeal-kept')).toBeVisible();
    expect(first.number).toBeTruthy();
    await page.unroute('**/api/v1/appeals');

    // The next visit sends what was kept: the same key, so the same appeal comes back.
    const resent = page.waitForRequest((r) => r.url().endsWith('/api/v1/appeals') && r.method() === 'POST');
    await page.goto(`/${lang}/appeal`);
    expect((await resent).headers()['idempotency-key']).toBe(first.key);
    await expect(page.getByTestId('offline-sent')).toContainText(first.number!);
  });
});
