// Staff accounts and sessions. Passwords are argon2id; a session is a random token in
// an HTTP-only cookie, stored only as its hash.
import { hash, verify } from '@node-rs/argon2';
import type { Role } from '@tyndau/contracts';
import { ROLES } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { newToken, sha256 } from '../../platform/ids.ts';

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: Role;
  bodyId: string;
  unitId: string | null;
  language: string;
}

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

// A fixed hash to verify against when the e-mail is unknown, so timing does not tell
// which e-mails have accounts.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function login(ctx: AppContext, email: string, password: string): Promise<{ token: string; staff: Staff }> {
  const user = await ctx.db
    .selectFrom('staffUser')
    .select(['id', 'email', 'name', 'role', 'bodyId', 'unitId', 'language', 'passwordHash', 'active'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || !user.active) {
    await verify(await (dummyHash ??= hash('not-a-password')), password).catch(() => false);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!(await verify(user.passwordHash, password))) throw new AppError('INVALID_CREDENTIALS');
  const token = newToken();
  // Sessions live in real time, not the platform's business clock: TYNDAU_NOW or a test's
  // manual clock must not sign people out (or keep them signed in).
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await ctx.db.insertInto('staffSession').values({ tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt }).execute();
  const { passwordHash: _, active: __, ...staff } = user;
  return { token, staff: staff as Staff };
}

export async function logout(ctx: AppContext, token: string): Promise<void> {
  await ctx.db.deleteFrom('staffSession').where('tokenHash', '=', sha256(token)).execute();
}

export async function findStaffBySession(ctx: AppContext, token: string): Promise<Staff | undefined> {
  const row = await ctx.db
    .selectFrom('staffSession as s')
    .innerJoin('staffUser as u', 'u.id', 's.userId')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.bodyId', 'u.unitId', 'u.language'])
    .where('s.tokenHash', '=', sha256(token))
    .where('s.expiresAt', '>', new Date())
    .where('u.active', '=', true)
    .executeTakeFirst();
  return row as Staff | undefined;
}

export async function addStaff(
  ctx: AppContext,
  input: { email: string; password: string; role: string; bodyCode: string; unitCode?: string; name?: string },
): Promise<Staff> {
  if (!(ROLES as readonly string[]).includes(input.role)) throw new AppError('VALIDATION_FAILED', `role must be one of ${ROLES.join(', ')}`);
  if (input.password.length < 10) throw new AppError('VALIDATION_FAILED', 'password must have at least 10 characters');
  const body = await ctx.db.selectFrom('body').select('id').where('code', '=', input.bodyCode).executeTakeFirst();
  if (!body) throw new AppError('BODY_NOT_FOUND', `no body with code ${input.bodyCode}`);
  let unitId: string | null = null;
  if (input.unitCode) {
    const unit = await ctx.db.selectFrom('unit').select('id').where('bodyId', '=', body.id).where('code', '=', input.unitCode).executeTakeFirst();
    if (!unit) throw new AppError('UNIT_NOT_FOUND', `no unit ${input.unitCode} in ${input.bodyCode}`);
    unitId = unit.id;
  }
  const email = input.email.trim().toLowerCase();
  // The e-mail is the login and where staff alerts go: one address, one account.
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new AppError('VALIDATION_FAILED', `not an e-mail address: ${input.email}`, { field: 'email' });
  const staffExists = () => new AppError('STAFF_EXISTS', `a staff account with e-mail ${email} already exists`, { field: 'email' });
  if (await ctx.db.selectFrom('staffUser').select('id').where('email', '=', email).executeTakeFirst()) throw staffExists();
  const row = await ctx.db
    .insertInto('staffUser')
    .values({ email, passwordHash: await hashPassword(input.password), name: input.name ?? email, role: input.role, bodyId: body.id, unitId })
    .returning(['id', 'email', 'name', 'role', 'bodyId', 'unitId', 'language'])
    .executeTakeFirstOrThrow()
    .catch((e: { code?: string }) => {
      throw e.code === '23505' ? staffExists() : e;
    });
  return row as Staff;
}

/**
 * The active staff of a body, for choosing an executor or reading a timeline: names and
 * roles only (no e-mails). Staff see their own body's people.
 */
export async function listColleagues(ctx: AppContext, staff: Staff, opts: { role?: string } = {}) {
  const rows = await ctx.db
    .selectFrom('staffUser')
    .select(['id', 'name', 'role', 'unitId'])
    .where('bodyId', '=', staff.bodyId)
    .where('active', '=', true)
    .$if(!!opts.role, (q) => q.where('role', 'in', opts.role!.split(',').map((r) => r.trim())))
    .orderBy('name')
    .limit(1000)
    .execute();
  return { items: rows };
}
