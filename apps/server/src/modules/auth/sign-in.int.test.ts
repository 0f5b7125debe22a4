// Staff sign-in security walked as an attacker would: the second factor for the roles that
// must have it, recovery codes, forced and voluntary password change, per-account lock-out
// with its notice, the idle timeout, purging and signing out everywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { generateSync } from 'otplib';
import { createTestEnv, demoSignIn, type TestEnv } from '../../../test/harness.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoEmail } from '../bodies/demo-seed.ts';
import { addStaff, purgeExpiredSessions } from './index.ts';
import { lockedUntil } from './throttle.ts';
import { sha256 } from '../../platform/ids.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

const login = (payload: Record<string, unknown>) => env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
const step = (payload: Record<string, unknown>) => env.app.inject({ method: 'POST', url: '/api/v1/auth/login/step', payload });
const cookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => {
  const c = res.cookies.find((x) => x.name === 'tyndau_session');
  return c ? `tyndau_session=${c.value}` : undefined;
};
const me = (cookie: string | undefined) => env.app.inject({ method: 'GET', url: '/api/v1/me', headers: cookie ? { cookie } : {} });
const demoCode = () => generateSync({ secret: DEMO_TOTP_SECRET });
// A code of another 30-second window than now and its neighbours: wrong but well-formed.
const staleCode = (secret: string) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) - 3600 });

test('a head signs in with a password and a TOTP code; the password alone gives no session', async () => {
  const email = demoEmail('head', 'akimat-astana');
  const first = await login({ email, password: DEMO_PASSWORD });
  assert.equal(first.statusCode, 200);
  assert.equal(first.json().step, 'totp');
  assert.equal(cookieOf(first), undefined, 'no session before the second factor');
  assert.equal(first.json().staff, undefined);
  const wrong = await step({ challenge: first.json().challenge, code: staleCode(DEMO_TOTP_SECRET) });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error.code, 'INVALID_CODE');
  const ok = await step({ challenge: first.json().challenge, code: demoCode() });
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.json().staff.role, 'head');
  assert.equal((await me(cookieOf(ok))).statusCode, 200);
  // The challenge is spent with the session.
  assert.equal((await step({ challenge: first.json().challenge, code: demoCode() })).json().error.code, 'SIGN_IN_EXPIRED');
  // A code may come with the password (API clients).
  assert.equal((await login(demoSignIn('head', 'akimat-astana'))).json().staff.role, 'head');
  // Roles without the obligation and without a second factor get a session at once.
  const officer = await login(demoSignIn('comms_officer', 'akimat-astana'));
  assert.ok(cookieOf(officer));
});

test('a challenge gives one session: two requests racing with the same code get one session between them', async () => {
  const first = await login({ email: demoEmail('ethics_commissioner', 'akimat-astana'), password: DEMO_PASSWORD });
  assert.equal(first.json().step, 'totp');
  const code = demoCode();
  const both = await Promise.all([step({ challenge: first.json().challenge, code }), step({ challenge: first.json().challenge, code })]);
  assert.deepEqual(both.map((r) => r.statusCode).sort(), [200, 401]);
  assert.equal(both.filter((r) => cookieOf(r)).length, 1);
});

test('an admin without a second factor enrols at sign-in (QR code, then a code) and gets ten one-time recovery codes', async () => {
  await env.ctx.db.updateTable('staffUser').set({ totpSecret: null, totpEnabledAt: null }).where('email', '=', demoEmail('admin', 'akimat-shymkent')).execute();
  const first = await login({ email: demoEmail('admin', 'akimat-shymkent'), password: DEMO_PASSWORD });
  assert.equal(first.json().step, 'enrol_totp');
  const { secret, uri, qrCode } = first.json().enrolment;
  assert.match(uri, /^otpauth:\/\/totp\/Tyndau:admin%40akimat-shymkent\.example\.kz\?/);
  assert.ok(uri.includes(`secret=${secret}`));
  assert.match(qrCode, /^data:image\/svg\+xml;base64,/);
  assert.match(Buffer.from(qrCode.split(',')[1], 'base64').toString(), /<svg/);
  // Asking again shows the same secret (a reload of the page must not change what was scanned).
  assert.equal((await step({ challenge: first.json().challenge })).json().enrolment.secret, secret);
  assert.equal((await step({ challenge: first.json().challenge, code: staleCode(secret) })).json().error.code, 'INVALID_CODE');
  const done = await step({ challenge: first.json().challenge, code: generateSync({ secret }) });
  assert.equal(done.statusCode, 200);
  const codes: string[] = done.json().recoveryCodes;
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  assert.ok(cookieOf(done));
  const stored = await env.ctx.db.selectFrom('staffRecoveryCode as r').innerJoin('staffUser as u', 'u.id', 'r.userId').select('r.codeHash').where('u.email', '=', demoEmail('admin', 'akimat-shymkent')).execute();
  assert.equal(stored.length, 10);
  assert.ok(stored.every((r) => !codes.includes(r.codeHash)), 'kept only as hashes');
  assert.ok(stored.some((r) => r.codeHash === sha256(codes[0].replace('-', ''))));

  // A recovery code signs in once, in place of the app's code.
  const again = await login({ email: demoEmail('admin', 'akimat-shymkent'), password: DEMO_PASSWORD, recoveryCode: codes[0].toLowerCase() });
  assert.equal(again.statusCode, 200);
  assert.ok(cookieOf(again));
  const reuse = await login({ email: demoEmail('admin', 'akimat-shymkent'), password: DEMO_PASSWORD, recoveryCode: codes[0] });
  assert.equal(reuse.statusCode, 401);
  assert.equal(reuse.json().error.code, 'INVALID_CODE');
  const security = await env.app.inject({ method: 'GET', url: '/api/v1/me/security', headers: { cookie: cookieOf(again)! } });
  assert.deepEqual({ ...(security.json() as object), passwordChangedAt: null }, { totpEnabled: true, totpRequired: true, recoveryCodesLeft: 9, passwordChangedAt: null });
  // Roles that must have the factor cannot turn it off.
  const off = await env.app.inject({ method: 'POST', url: '/api/v1/me/totp/disable', headers: { cookie: cookieOf(again)! }, payload: { code: generateSync({ secret }) } });
  assert.equal(off.statusCode, 409);
  assert.equal(off.json().error.code, 'TOTP_REQUIRED');
});

test('other roles may enrol on their account page, and turn it off again with a code', async () => {
  const cookie = await env.login('executor', 'akimat-astana');
  const headers = { cookie };
  const enrol = await env.app.inject({ method: 'POST', url: '/api/v1/me/totp/enrol', headers });
  assert.equal(enrol.statusCode, 200);
  const { secret } = enrol.json();
  assert.equal((await env.app.inject({ method: 'POST', url: '/api/v1/me/totp/confirm', headers, payload: { code: staleCode(secret) } })).json().error.code, 'INVALID_CODE');
  const confirm = await env.app.inject({ method: 'POST', url: '/api/v1/me/totp/confirm', headers, payload: { code: generateSync({ secret }) } });
  assert.equal(confirm.json().recoveryCodes.length, 10);
  // From now on the password alone is not enough.
  const next = await login({ email: demoEmail('executor', 'akimat-astana'), password: DEMO_PASSWORD });
  assert.equal(next.json().step, 'totp');
  const renew = await env.app.inject({ method: 'POST', url: '/api/v1/me/recovery-codes', headers, payload: { code: generateSync({ secret }) } });
  assert.notDeepEqual(renew.json().recoveryCodes, confirm.json().recoveryCodes);
  assert.equal((await login({ email: demoEmail('executor', 'akimat-astana'), password: DEMO_PASSWORD, recoveryCode: confirm.json().recoveryCodes[0] })).statusCode, 401, 'old codes stop working');
  const off = await env.app.inject({ method: 'POST', url: '/api/v1/me/totp/disable', headers, payload: { code: generateSync({ secret }) } });
  assert.equal(off.statusCode, 204);
  assert.ok(cookieOf(await login({ email: demoEmail('executor', 'akimat-astana'), password: DEMO_PASSWORD })));
});

test('an account made by user add must change its password at first sign-in; the new one must be good', async () => {
  await addStaff(env.ctx, { email: 'first.time@example.kz', password: 'given-by-admin-1', role: 'operator', bodyCode: 'akimat-astana' });
  const first = await login({ email: 'first.time@example.kz', password: 'given-by-admin-1' });
  assert.equal(first.json().step, 'change_password');
  assert.equal(cookieOf(first), undefined);
  const challenge = first.json().challenge;
  for (const [newPassword, reason] of [
    ['short', 'too_short'],
    ['qwertyuiop', 'common'],
    ['1234567890', 'common'],
    ['first.time@example.kz', 'email'],
    ['given-by-admin-1', 'unchanged'],
  ]) {
    const res = await step({ challenge, newPassword });
    assert.equal(res.statusCode, 422, newPassword);
    assert.equal(res.json().error.code, 'WEAK_PASSWORD');
    assert.equal(res.json().error.details.reason, reason);
  }
  const done = await step({ challenge, newPassword: 'my own long passphrase' });
  assert.equal(done.statusCode, 200);
  assert.ok(cookieOf(done));
  assert.equal((await login({ email: 'first.time@example.kz', password: 'given-by-admin-1' })).statusCode, 401);
  assert.ok(cookieOf(await login({ email: 'first.time@example.kz', password: 'my own long passphrase' })), 'asked once only');
});

test('a forced change comes before enrolment for a new head', async () => {
  await addStaff(env.ctx, { email: 'new.head@example.kz', password: 'given-by-admin-2', role: 'head', bodyCode: 'akimat-astana' });
  const first = await login({ email: 'new.head@example.kz', password: 'given-by-admin-2' });
  assert.equal(first.json().step, 'change_password');
  const second = await step({ challenge: first.json().challenge, newPassword: 'a head chose this one' });
  assert.equal(second.json().step, 'enrol_totp');
  assert.equal(cookieOf(second), undefined);
  const done = await step({ challenge: first.json().challenge, code: generateSync({ secret: second.json().enrolment.secret }) });
  assert.ok(cookieOf(done));
});

test('password change checks the current password, refuses weak ones and ends every other session', async () => {
  await addStaff(env.ctx, { email: 'changer@example.kz', password: 'initial-password-1', role: 'operator', bodyCode: 'akimat-astana', mustChangePassword: false });
  const a = cookieOf(await login({ email: 'changer@example.kz', password: 'initial-password-1' }))!;
  const b = cookieOf(await login({ email: 'changer@example.kz', password: 'initial-password-1' }))!;
  const change = (payload: Record<string, string>) => env.app.inject({ method: 'POST', url: '/api/v1/me/password', headers: { cookie: a }, payload });
  const wrong = await change({ currentPassword: 'not-the-password', newPassword: 'a brand new passphrase' });
  assert.equal(wrong.statusCode, 422);
  assert.equal(wrong.json().error.code, 'WRONG_CURRENT_PASSWORD');
  assert.equal((await change({ currentPassword: 'initial-password-1', newPassword: 'password123' })).json().error.code, 'WEAK_PASSWORD');
  assert.equal((await me(b)).statusCode, 200, 'refused changes change nothing');
  const ok = await change({ currentPassword: 'initial-password-1', newPassword: 'a brand new passphrase' });
  assert.equal(ok.statusCode, 204);
  assert.equal((await me(a)).statusCode, 401, 'the old cookie of this browser is gone too');
  assert.equal((await me(b)).statusCode, 401, 'another device is signed out');
  assert.equal((await me(cookieOf(ok))).statusCode, 200, 'this browser has a fresh session');
  assert.equal((await login({ email: 'changer@example.kz', password: 'initial-password-1' })).statusCode, 401);
});

test('five wrong passwords lock the account: even the right one is refused, the owner is told by e-mail', async () => {
  const email = demoEmail('operator', 'min-health');
  for (let i = 0; i < 4; i++) assert.equal((await login({ email, password: `wrong-password-${i}` })).json().error.code, 'INVALID_CREDENTIALS');
  const fifth = await login({ email, password: 'wrong-password-5' });
  assert.equal(fifth.statusCode, 429);
  assert.equal(fifth.json().error.code, 'ACCOUNT_LOCKED');
  const right = await login({ email, password: DEMO_PASSWORD });
  assert.equal(right.statusCode, 429, 'the right password during a lock-out');
  const wrongNow = await login({ email, password: 'yet-another-wrong-one' });
  assert.deepEqual([right.statusCode, right.json().error.code, right.json().error.message], [wrongNow.statusCode, wrongNow.json().error.code, wrongNow.json().error.message], 'right and wrong look the same');
  assert.equal(cookieOf(right), undefined);
  const notices = await env.ctx.db.selectFrom('notification').select(['template', 'address', 'channel', 'payload']).where('template', '=', 'staff.sign_in_locked').execute();
  assert.equal(notices.length, 1);
  assert.equal(notices[0].address, email);
  assert.equal(notices[0].channel, 'email');
  // An e-mail without an account locks the same way (nothing tells whether it exists) and nobody is e-mailed.
  for (let i = 0; i < 5; i++) await login({ email: 'nobody@example.kz', password: `wrong-password-${i}` });
  assert.equal((await login({ email: 'nobody@example.kz', password: 'whatever-else' })).json().error.code, 'ACCOUNT_LOCKED');
  assert.equal((await env.ctx.db.selectFrom('notification').select('id').where('template', '=', 'staff.sign_in_locked').execute()).length, 1);
  // Fifteen minutes later the right password works (the failures are moved back in time).
  await env.ctx.db.updateTable('staffSignInFailure').set({ at: sql<Date>`at - interval '16 minutes'` }).where('email', '=', email).execute();
  assert.ok(cookieOf(await login({ email, password: DEMO_PASSWORD })));
});

test('wrong TOTP codes count towards the lock-out too', async () => {
  const email = demoEmail('deputy', 'min-health');
  for (let i = 0; i < 4; i++) assert.equal((await login({ email, password: DEMO_PASSWORD, code: staleCode(DEMO_TOTP_SECRET) })).json().error.code, 'INVALID_CODE');
  assert.equal((await login({ email, password: DEMO_PASSWORD, code: staleCode(DEMO_TOTP_SECRET) })).json().error.code, 'ACCOUNT_LOCKED');
  assert.equal((await login({ email, password: DEMO_PASSWORD, code: demoCode() })).json().error.code, 'ACCOUNT_LOCKED');
});

test('lock-outs grow: 15 minutes, then 30, then an hour, at most four', () => {
  const t0 = Date.parse('2026-12-04T10:00:00Z');
  const at = (min: number) => new Date(t0 + min * 60_000);
  assert.equal(lockedUntil([at(0), at(1), at(2), at(3)]), null);
  assert.equal(lockedUntil([at(0), at(1), at(2), at(3), at(30)]), null, 'five failures, but not within 15 minutes');
  assert.deepEqual(lockedUntil([at(0), at(1), at(2), at(3), at(4)]), at(19));
  assert.deepEqual(lockedUntil([at(0), at(1), at(2), at(3), at(4), at(20), at(21), at(22), at(23), at(24)]), at(54));
  const many = Array.from({ length: 60 }, (_, i) => at(Math.floor(i / 5) * 300 + (i % 5)));
  assert.deepEqual(lockedUntil(many), at(11 * 300 + 4 + 240));
});

test('a session ends after 30 minutes without a request, slides while used, and ended sessions are purged', async () => {
  const cookie = cookieOf(await login(demoSignIn('executor', 'min-health')))!;
  const token = cookie.split('=')[1];
  const setLastSeen = (minutesAgo: number) =>
    env.ctx.db.updateTable('staffSession').set({ lastSeenAt: new Date(Date.now() - minutesAgo * 60_000) }).where('tokenHash', '=', sha256(token)).execute();
  await setLastSeen(29);
  assert.equal((await me(cookie)).statusCode, 200);
  const seen = await env.ctx.db.selectFrom('staffSession').select('lastSeenAt').where('tokenHash', '=', sha256(token)).executeTakeFirstOrThrow();
  assert.ok(Date.now() - seen.lastSeenAt.getTime() < 5000, 'a request moves the idle deadline');
  await setLastSeen(31);
  assert.equal((await me(cookie)).statusCode, 401);
  const { sessions } = await purgeExpiredSessions(env.ctx);
  assert.ok(sessions >= 1);
  assert.equal(await env.ctx.db.selectFrom('staffSession').select('userId').where('tokenHash', '=', sha256(token)).executeTakeFirst(), undefined);
});

test('sign out everywhere ends every session of the account and only of that account', async () => {
  const one = cookieOf(await login(demoSignIn('moderator', 'min-health')))!;
  const two = cookieOf(await login(demoSignIn('moderator', 'min-health')))!;
  const other = cookieOf(await login(demoSignIn('operator', 'akimat-astana')))!;
  assert.equal((await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere' })).statusCode, 401);
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout-everywhere', headers: { cookie: one } });
  assert.equal(res.statusCode, 204);
  assert.equal((await me(one)).statusCode, 401);
  assert.equal((await me(two)).statusCode, 401);
  assert.equal((await me(other)).statusCode, 200);
});

test('sign-in answers are never cached, and the methods say whether OIDC is on', async () => {
  const res = await login(demoSignIn('head', 'min-health'));
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.deepEqual((await env.app.inject({ method: 'GET', url: '/api/v1/auth/methods' })).json(), { password: true, oidc: false });
  assert.equal((await env.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })).json().error.code, 'OIDC_NOT_CONFIGURED');
});
