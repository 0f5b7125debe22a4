// Every process action works on one appeal of the staff member's own body, locked for the
// length of its transaction so two people cannot move it at once.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../app-context.ts';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { inTransaction } from '../../platform/events.ts';
import type { Staff } from '../../platform/staff.ts';
import { lockOwnAppeal } from '../appeals/index.ts';

export type LockedAppeal = Awaited<ReturnType<typeof lockOwnAppeal>>;

/**
 * Runs `fn` in a transaction holding the appeal's row lock. `fn` gets the context whose
 * reads go through that transaction (`txCtx`) and must use it for every read: a read
 * through the pool would hold this connection while waiting for a second one, and enough
 * actions at once (20 heads signing at the morning round) would wait for each other for
 * ever. `small-pool.int.test.ts` runs every action 50 at once on a pool of two.
 */
export function withOwnAppeal<T>(
  ctx: AppContext,
  staff: Staff,
  id: string,
  fn: (tx: Transaction<Database>, appeal: LockedAppeal, txCtx: AppContext) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (tx) => fn(tx, await lockOwnAppeal(tx, staff, id), inTransaction(ctx, tx)));
}

/** An action that is impossible in the appeal's current state. */
export function impossible(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('INVALID_TRANSITION', message, details);
}

export const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
