// Optional staff sign-in through an OpenID Connect provider (Keycloak or any other):
// authorisation code flow with PKCE (S256), state and nonce; the provider's verified e-mail
// must belong to an existing active staff account (no self-registration). What follows is
// the same as after a right password (sign-in.ts), except that no password change is asked.
import * as oidc from 'openid-client';
import type { AppContext } from '../../app-context.ts';
import type { OidcConfig } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { normaliseEmail, openChallenge, type SignInResult } from './sign-in.ts';

const REQUEST_TTL_MS = 10 * 60 * 1000;
// The provider's metadata, discovered once per configuration (and again after a failure).
const discovered = new WeakMap<OidcConfig, Promise<oidc.Configuration>>();

function providerOf(ctx: AppContext): Promise<oidc.Configuration> {
  const conf = ctx.config.oidc;
  if (!conf) throw new AppError('OIDC_NOT_CONFIGURED');
  let p = discovered.get(conf);
  if (!p) {
    // config.ts allows plain http only to loopback and never in production.
    const insecure = new URL(conf.issuer).protocol === 'http:';
    p = oidc.discovery(new URL(conf.issuer), conf.clientId, conf.clientSecret, undefined, { timeout: 10, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}) });
    p.catch(() => discovered.delete(conf));
    discovered.set(conf, p);
  }
  return p;
}

/**
 * The provider's authorisation URL for a new request; its state, verifier and nonce are kept.
 * The caller also gives the state to the browser in a cookie: only the browser that started
 * a sign-in may finish it (no login CSRF with someone else's callback URL).
 */
export async function startOidcSignIn(ctx: AppContext, language: string): Promise<{ url: URL; state: string }> {
  const provider = await providerOf(ctx);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const now = new Date();
  await ctx.db
    .insertInto('staffOidcRequest')
    .values({ stateHash: sha256(state), codeVerifier, nonce, language, createdAt: now, expiresAt: new Date(now.getTime() + REQUEST_TTL_MS) })
    .execute();
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: ctx.config.oidc!.redirectUri,
    scope: 'openid email profile',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state };
}

/**
 * The provider sent the browser back with `query` (code and state): the request is taken
 * (once), the code exchanged with the verifier, the ID token checked (issuer, audience,
 * nonce, signature), and the e-mail matched to a staff account.
 */
export async function finishOidcSignIn(ctx: AppContext, query: string, browserState: string | undefined): Promise<{ language: string; result: SignInResult }> {
  const provider = await providerOf(ctx);
  const callback = new URL(ctx.config.oidc!.redirectUri);
  callback.search = query;
  const state = callback.searchParams.get('state');
  if (!state) throw new AppError('OIDC_FAILED', 'no state');
  if (state !== browserState) throw new AppError('OIDC_FAILED', 'the state is not the one this browser started with');
  const request = await ctx.db
    .deleteFrom('staffOidcRequest')
    .where('stateHash', '=', sha256(state))
    .where('expiresAt', '>', new Date())
    .returning(['codeVerifier', 'nonce', 'language'])
    .executeTakeFirst();
  if (!request) throw new AppError('OIDC_FAILED', 'unknown or expired state');
  let claims: { email?: unknown; email_verified?: unknown } | undefined;
  try {
    const tokens = await oidc.authorizationCodeGrant(provider, callback, { pkceCodeVerifier: request.codeVerifier, expectedState: state, expectedNonce: request.nonce, idTokenExpected: true });
    const idToken = tokens.claims()!;
    // Providers that keep the ID token small (strict OIDC conformance) give the e-mail at the
    // userinfo endpoint, for the same subject.
    claims = (idToken.email !== undefined ? idToken : await oidc.fetchUserInfo(provider, tokens.access_token, idToken.sub)) as typeof claims;
  } catch (e) {
    throw new AppError('OIDC_FAILED', e instanceof Error ? e.message : String(e), { language: request.language });
  }
  const email = typeof claims?.email === 'string' ? normaliseEmail(claims.email) : '';
  // An address the provider has not verified could be anyone's.
  if (!email || claims?.email_verified === false) throw new AppError('OIDC_NO_ACCOUNT', 'the provider gave no verified e-mail', { language: request.language });
  const user = await ctx.db.selectFrom('staffUser').select(['id', 'active']).where('email', '=', email).executeTakeFirst();
  if (!user || !user.active) throw new AppError('OIDC_NO_ACCOUNT', `no active staff account for ${email}`, { language: request.language });
  return { language: request.language, result: await openChallenge(ctx, user.id, 'oidc') };
}
