import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { LANGUAGES } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { requireStaff } from '../../platform/http.ts';
import { sessionCookieName } from '../../platform/edge.ts';
import { listColleagues } from './auth.service.ts';
import { changePassword, confirmTotpEnrolment, disableTotp, getAccountSecurity, renewRecoveryCodes, startTotpEnrolment } from './account.service.ts';
import { finishOidcSignIn, startOidcSignIn } from './oidc.ts';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';
import { SESSION_TTL_MS, endAllSessions, endSession, findStaffBySession } from './sessions.ts';
import { continueSignIn, signInWithPassword, type SignInResult } from './sign-in.ts';

const StaffView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  bodyId: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  language: Type.String(),
});

const EnrolmentView = Type.Object({
  secret: Type.String({ description: 'Base32 TOTP secret, for typing into an app by hand' }),
  uri: Type.String({ description: 'otpauth:// URI (what the QR code holds)' }),
  qrCode: Type.String({ description: 'QR code of the URI as an SVG data URL' }),
});

const RecoveryCodes = Type.Array(Type.String(), { description: 'ten one-time recovery codes, shown only now' });

const SignInView = Type.Object({
  staff: Type.Optional(StaffView),
  recoveryCodes: Type.Optional(RecoveryCodes),
  step: Type.Optional(Type.Union([Type.Literal('change_password'), Type.Literal('enrol_totp'), Type.Literal('totp')], { description: 'what is still due before a session is given' })),
  challenge: Type.Optional(Type.String({ description: 'token of the sign-in in progress, for POST /auth/login/step' })),
  expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  enrolment: Type.Optional(EnrolmentView),
});

const Code = Type.String({ minLength: 6, maxLength: 12, description: 'the 6-digit code of the authenticator app' });
const RecoveryCode = Type.String({ minLength: 10, maxLength: 20 });
const NewPassword = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });

/** Puts the signed-in staff member (if any) on every request of the scope it is added to. */
export function sessionHook(ctx: AppContext) {
  const cookieName = sessionCookieName(ctx.config);
  return async (req: FastifyRequest) => {
    const token = req.cookies[cookieName];
    if (token) req.staff = await findStaffBySession(ctx, token);
  };
}

function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(sessionCookieName(ctx.config), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.env === 'production',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

/** A session sets the cookie; a step answers with the challenge and never a cookie. */
function answer(ctx: AppContext, reply: FastifyReply, result: SignInResult) {
  if (result.kind === 'session') {
    setSessionCookie(ctx, reply, result.token);
    return { staff: result.staff, ...(result.recoveryCodes ? { recoveryCodes: result.recoveryCodes } : {}) };
  }
  return { step: result.step, challenge: result.challenge, expiresAt: result.expiresAt.toISOString(), ...(result.enrolment ? { enrolment: result.enrolment } : {}) };
}

/** The state of the browser's OpenID Connect sign-in in progress (oidc.ts). */
const OIDC_STATE_COOKIE = 'tyndau_oidc_state';

const webLanguage = (value: unknown) => ((LANGUAGES as readonly string[]).includes(String(value)) ? String(value) : 'kk');

export function authRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  // `__Host-tyndau_session` in production, `tyndau_session` over http in development.
  const cookieName = sessionCookieName(ctx.config);
  return async (app) => {
    // Secrets, recovery codes and session state are never kept by a cache.
    app.addHook('onSend', async (_req, reply) => {
      reply.header('cache-control', 'no-store');
    });
    const loginLimit = { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } };

    app.post(
      '/auth/login',
      {
        config: loginLimit,
        schema: {
          tags: ['auth'],
          summary: 'Sign in as staff: a session (HTTP-only cookie) or the next step (password change, TOTP enrolment or code)',
          description:
            'Five wrong passwords or codes within 15 minutes lock the account (ACCOUNT_LOCKED, 429) for 15 minutes, doubling with each further lock-out within a day; its owner is e-mailed. ' +
            'A `code` (TOTP) or `recoveryCode` may be sent with the password to take the second-factor step at once.',
          body: Type.Object({
            email: Type.String({ minLength: 3, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
            code: Type.Optional(Code),
            recoveryCode: Type.Optional(RecoveryCode),
          }),
          response: { 200: SignInView },
        },
      },
      async (req, reply) => answer(ctx, reply, await signInWithPassword(ctx, req.body.email, req.body.password, { code: req.body.code, recoveryCode: req.body.recoveryCode })),
    );

    app.post(
      '/auth/login/step',
      {
        config: loginLimit,
        schema: {
          tags: ['auth'],
          summary: 'Take the step due on a sign-in in progress (or, with only the challenge, describe it)',
          body: Type.Object({ challenge: Type.String({ minLength: 10, maxLength: 100 }), code: Type.Optional(Code), recoveryCode: Type.Optional(RecoveryCode), newPassword: Type.Optional(NewPassword) }),
          response: { 200: SignInView },
        },
      },
      async (req, reply) => {
        const { challenge, ...input } = req.body;
        return answer(ctx, reply, await continueSignIn(ctx, challenge, input));
      },
    );

    app.get(
      '/auth/methods',
      { schema: { tags: ['auth'], summary: 'How staff may sign in here', response: { 200: Type.Object({ password: Type.Boolean(), oidc: Type.Boolean() }) } } },
      async () => ({ password: true, oidc: !!ctx.config.oidc }),
    );

    app.get(
      '/auth/oidc/start',
      {
        config: loginLimit,
        schema: { tags: ['auth'], summary: 'Sign in through the OpenID Connect provider: redirects there (PKCE, state, nonce)', querystring: Type.Object({ lang: Type.Optional(Type.String({ maxLength: 5 })) }) },
      },
      async (req, reply) => {
        const { url, state } = await startOidcSignIn(ctx, webLanguage(req.query.lang ?? req.lang));
        reply.setCookie(OIDC_STATE_COOKIE, state, { path: '/api/v1/auth/oidc/', httpOnly: true, sameSite: 'lax', secure: ctx.config.env === 'production', maxAge: 600 });
        return reply.redirect(url.toString(), 302);
      },
    );

    app.get(
      '/auth/oidc/callback',
      { config: loginLimit, schema: { tags: ['auth'], summary: 'Where the OpenID Connect provider sends the browser back; redirects to the workspace or the next sign-in step' } },
      async (req, reply) => {
        const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
        try {
          reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/v1/auth/oidc/' });
          const { language, result } = await finishOidcSignIn(ctx, query, req.cookies[OIDC_STATE_COOKIE]);
          if (result.kind === 'session') {
            setSessionCookie(ctx, reply, result.token);
            return reply.redirect(`/${language}/staff`, 302);
          }
          // The challenge rides in the fragment: never sent to a server, never in a Referer.
          return reply.redirect(`/${language}/staff/login#challenge=${encodeURIComponent(result.challenge)}`, 302);
        } catch (e) {
          if (!(e instanceof AppError) || e.code === 'OIDC_NOT_CONFIGURED') throw e;
          req.log.warn({ code: e.code, reason: e.message }, 'OpenID Connect sign-in refused');
          return reply.redirect(`/${webLanguage(e.details?.language ?? req.lang)}/staff/login#error=${e.code === 'OIDC_NO_ACCOUNT' ? 'oidc_no_account' : 'oidc_failed'}`, 302);
        }
      },
    );

    app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } } }, async (req, reply) => {
      const token = req.cookies[cookieName];
      if (token) await endSession(ctx, token);
      reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.env === 'production' });
      return reply.status(204).send(null);
    });

    app.post(
      '/auth/logout-everywhere',
      { schema: { tags: ['auth'], summary: 'Sign out on every device: ends all sessions of the account', response: { 204: Type.Null() } } },
      async (req, reply) => {
        await endAllSessions(ctx, requireStaff(req).id);
        reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.env === 'production' });
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/staff',
      {
        schema: {
          tags: ['auth'],
          summary: 'Active staff of my body (name, role, unit): whom an appeal can be given to',
          querystring: Type.Object({ role: Type.Optional(Type.String({ maxLength: 200, description: 'comma-separated roles' })) }),
          response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String(), unitId: Type.Union([Type.String(), Type.Null()]) })) }) },
        },
      },
      async (req) => listColleagues(ctx, requireStaff(req), req.query),
    );

    app.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in staff member', response: { 200: Type.Object({ staff: StaffView }) } } }, async (req) => {
      return { staff: requireStaff(req) };
    });

    app.get(
      '/me/security',
      {
        schema: {
          tags: ['auth'],
          summary: 'My sign-in security: second factor, recovery codes left',
          response: { 200: Type.Object({ totpEnabled: Type.Boolean(), totpRequired: Type.Boolean(), recoveryCodesLeft: Type.Integer(), passwordChangedAt: Type.Union([Type.String(), Type.Null()]) }) },
        },
      },
      async (req) => getAccountSecurity(ctx, requireStaff(req)),
    );

    app.post(
      '/me/password',
      {
        config: loginLimit,
        schema: {
          tags: ['auth'],
          summary: 'Change my password: ends every session of the account and gives this browser a new one',
          body: Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }), newPassword: NewPassword }),
          response: { 204: Type.Null() },
        },
      },
      async (req, reply) => {
        setSessionCookie(ctx, reply, await changePassword(ctx, requireStaff(req), req.body.currentPassword, req.body.newPassword));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/me/totp/enrol',
      { schema: { tags: ['auth'], summary: 'Start enrolling a second factor: a new secret and its QR code (on after confirm)', response: { 200: EnrolmentView } } },
      async (req) => startTotpEnrolment(ctx, requireStaff(req)),
    );

    app.post(
      '/me/totp/confirm',
      { config: loginLimit, schema: { tags: ['auth'], summary: 'Confirm enrolment with a code; returns ten recovery codes, shown once', body: Type.Object({ code: Code }), response: { 200: Type.Object({ recoveryCodes: RecoveryCodes }) } } },
      async (req) => confirmTotpEnrolment(ctx, requireStaff(req), req.body.code),
    );

    app.post(
      '/me/totp/disable',
      { config: loginLimit, schema: { tags: ['auth'], summary: 'Turn my second factor off (refused for roles that must have one)', body: Type.Object({ code: Code }), response: { 204: Type.Null() } } },
      async (req, reply) => {
        await disableTotp(ctx, requireStaff(req), req.body.code);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/me/recovery-codes',
      { config: loginLimit, schema: { tags: ['auth'], summary: 'Ten new recovery codes (the old ones stop working)', body: Type.Object({ code: Code }), response: { 200: Type.Object({ recoveryCodes: RecoveryCodes }) } } },
      async (req) => renewRecoveryCodes(ctx, requireStaff(req), req.body.code),
    );
  };
}
