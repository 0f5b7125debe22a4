// OpenID Connect sign-in against a real provider on loopback (panva's oidc-provider, the
// certified implementation): authorisation code with PKCE, state and nonce; the e-mail
// matched to an existing staff account; the second factor still asked where due.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { generateSync } from 'otplib';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { DEMO_TOTP_SECRET, demoEmail } from '../bodies/demo-seed.ts';

const REDIRECT = 'http://127.0.0.1:3999/api/v1/auth/oidc/callback';
let env: TestEnv;
let server: http.Server;
let issuer: string;
/** Who the provider signs in at the next interaction, and whether it vouches for the e-mail. */
let account = { email: '', verified: true };

before(async () => {
  const op: { provider?: Provider } = {};
  server = http.createServer((req, res) => {
    // The provider's login and consent pages, answered at once for `account`.
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        const details = await op.provider!.interactionDetails(req, res);
        const grant = new op.provider!.Grant({ accountId: account.email, clientId: String(details.params.client_id) });
        grant.addOIDCScope('openid email profile');
        const grantId = await grant.save();
        await op.provider!.interactionFinished(req, res, { login: { accountId: account.email }, consent: { grantId } }, { mergeWithLastSubmission: false });
      })().catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
      return;
    }
    op.provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  op.provider = new Provider(issuer, {
    clients: [{ client_id: 'tyndau', client_secret: 'a-test-client-secret', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    scopes: ['openid', 'email', 'profile'],
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: sub, email_verified: account.verified }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['a-test-cookie-key'] },
  });
  env = await createTestEnv({ env: { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'tyndau', OIDC_CLIENT_SECRET: 'a-test-client-secret', OIDC_REDIRECT_URI: REDIRECT } });
});
after(async () => {
  await env.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Start at Tyndau, walk the provider's redirects like a browser, come back to the callback. */
async function signInThroughProvider(email: string, verified = true, tamper?: (callback: URL) => void, otherBrowser = false) {
  account = { email, verified };
  const start = await env.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start?lang=ru' });
  assert.equal(start.statusCode, 302);
  let location = new URL(start.headers.location as string);
  assert.equal(location.origin, issuer);
  assert.equal(location.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(location.searchParams.get('state') && location.searchParams.get('nonce') && location.searchParams.get('code_challenge'));
  const jar = new Map<string, string>();
  for (let hops = 0; hops < 10 && location.origin === issuer; hops++) {
    const res = await fetch(location, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    assert.ok(res.status >= 300 && res.status < 400, `provider answered ${res.status}: ${await res.text()}`);
    location = new URL(res.headers.get('location')!, location);
  }
  assert.equal(location.origin + location.pathname, REDIRECT);
  tamper?.(location);
  const state = start.cookies.find((c) => c.name === 'tyndau_oidc_state')!;
  assert.equal(state.httpOnly, true);
  return env.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${location.search}`, headers: otherBrowser ? {} : { cookie: `tyndau_oidc_state=${state.value}` } });
}

test('the sign-in page learns that OIDC is on', async () => {
  assert.deepEqual((await env.app.inject({ method: 'GET', url: '/api/v1/auth/methods' })).json(), { password: true, oidc: true });
});

test('a staff member signs in through the provider and gets a session', async () => {
  const res = await signInThroughProvider(demoEmail('executor', 'akimat-astana').toUpperCase());
  assert.equal(res.statusCode, 302);
  assert.equal(res.headers.location, '/ru/staff');
  const cookie = res.cookies.find((c) => c.name === 'tyndau_session')!;
  const me = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `tyndau_session=${cookie.value}` } });
  assert.equal(me.json().staff.email, demoEmail('executor', 'akimat-astana'));
});

test('a head still gives the TOTP code after the provider: the step goes on in the sign-in page', async () => {
  const res = await signInThroughProvider(demoEmail('head', 'akimat-astana'));
  assert.equal(res.statusCode, 302);
  assert.equal(res.cookies.find((c) => c.name === 'tyndau_session'), undefined);
  const m = /^\/ru\/staff\/login#challenge=(.+)$/.exec(res.headers.location as string);
  assert.ok(m, String(res.headers.location));
  const step = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login/step', payload: { challenge: decodeURIComponent(m[1]) } });
  assert.equal(step.json().step, 'totp', 'no password change is asked after OIDC');
  const done = await env.app.inject({ method: 'POST', url: '/api/v1/auth/login/step', payload: { challenge: decodeURIComponent(m[1]), code: generateSync({ secret: DEMO_TOTP_SECRET }) } });
  assert.equal(done.json().staff.role, 'head');
});

test('no account for the e-mail, an unverified e-mail, a replayed or forged state: no session', async () => {
  const none = await signInThroughProvider('stranger@example.kz');
  assert.equal(none.headers.location, '/ru/staff/login#error=oidc_no_account');
  assert.equal(none.cookies.find((c) => c.name === 'tyndau_session'), undefined);
  const unverified = await signInThroughProvider(demoEmail('operator', 'akimat-astana'), false);
  assert.equal(unverified.headers.location, '/ru/staff/login#error=oidc_no_account');
  let query = '';
  const first = await signInThroughProvider(demoEmail('operator', 'akimat-astana'), true, (u) => {
    query = u.search;
  });
  assert.ok(first.cookies.find((c) => c.name === 'tyndau_session'));
  const replay = await env.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${query}`, headers: { cookie: `tyndau_oidc_state=${new URLSearchParams(query).get('state')}` } });
  assert.equal(replay.headers.location, '/kk/staff/login#error=oidc_failed');
  assert.equal(replay.cookies.find((c) => c.name === 'tyndau_session'), undefined);
  const forged = await signInThroughProvider(demoEmail('operator', 'akimat-astana'), true, (u) => u.searchParams.set('state', 'forged-state-value'));
  assert.match(String(forged.headers.location), /#error=oidc_failed$/);
  assert.equal(forged.cookies.find((c) => c.name === 'tyndau_session'), undefined);
});

test('a callback URL finished in another browser (login CSRF) gives no session', async () => {
  const res = await signInThroughProvider(demoEmail('operator', 'akimat-astana'), true, undefined, true);
  assert.equal(res.headers.location, '/kk/staff/login#error=oidc_failed');
  assert.equal(res.cookies.find((c) => c.name === 'tyndau_session'), undefined);
});
