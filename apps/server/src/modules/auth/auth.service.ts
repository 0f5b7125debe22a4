// Staff accounts: adding one (the CLI's `user add`) and listing a body's colleagues.
// Signing in is sign-in.ts, sessions sessions.ts, passwords passwords.ts.
import { ROLES } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { assertAcceptablePassword, hashPassword } from './passwords.ts';


export async function addStaff(
  ctx: AppContext,
  input: { email: string; password: string; role: string; bodyCode: string; unitCode?: string; name?: string; mustChangePassword?: boolean },
): Promise<Staff> {
  if (!(ROLES as readonly string[]).includes(input.role)) throw new AppError('VALIDATION_FAILED', `role must be one of ${ROLES.join(', ')}`);
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
  assertAcceptablePassword(input.password, email, 'password');
  if (await ctx.db.selectFrom('staffUser').select('id').where('email', '=', email).executeTakeFirst()) throw staffExists();
  const row = await ctx.db
    .insertInto('staffUser')
    // Someone else chose this password: its owner replaces it at first sign-in.
    .values({ email, passwordHash: await hashPassword(input.password), name: input.name ?? email, role: input.role, bodyId: body.id, unitId, mustChangePassword: input.mustChangePassword ?? true })
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
