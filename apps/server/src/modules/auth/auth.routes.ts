import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../app-context.ts';
import { requireStaff } from '../../platform/http.ts';
import { sessionCookieName } from '../../platform/edge.ts';
import { SESSION_TTL_MS, findStaffBySession, listColleagues, login, logout } from './auth.service.ts';

const StaffView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: Type.String(),
  bodyId: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  language: Type.String(),
});

/** Puts the signed-in staff member (if any) on every request of the scope it is added to. */
export function sessionHook(ctx: AppContext) {
  const cookieName = sessionCookieName(ctx.config);
  return async (req: FastifyRequest) => {
    const token = req.cookies[cookieName];
    if (token) req.staff = await findStaffBySession(ctx, token);
  };
}

export function authRoutes(ctx: AppContext): FastifyPluginAsyncTypebox {
  // `__Host-tyndau_session` in production, `tyndau_session` over http in development.
  const cookieName = sessionCookieName(ctx.config);
  return async (app) => {
    app.post(
      '/auth/login',
      {
        config: { rateLimit: { max: ctx.config.loginRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags: ['auth'],
          summary: 'Sign in as staff; sets an HTTP-only session cookie',
          body: Type.Object({ email: Type.String({ minLength: 3, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 200 }) }),
          response: { 200: Type.Object({ staff: StaffView }) },
        },
      },
      async (req, reply) => {
        const { token, staff } = await login(ctx, req.body.email, req.body.password);
        reply.setCookie(cookieName, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: ctx.config.env === 'production',
          maxAge: SESSION_TTL_MS / 1000,
        });
        return { staff };
      },
    );

    app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: Type.Null() } } }, async (req, reply) => {
      const token = req.cookies[cookieName];
      if (token) await logout(ctx, token);
      reply.clearCookie(cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.env === 'production' });
      return reply.status(204).send(null);
    });

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
  };
}
