// The demo installation's accounts: one per demo role in every body, all with the published
// demo password, and the published TOTP secret where the role must have a second factor.
// The bodies module lists the people; accounts are written here, by their owner.
import { totpRequired } from '@tyndau/contracts';
import type { Tx } from '../../platform/events.ts';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, type DemoPerson } from '../bodies/index.ts';
import { hashPassword } from './passwords.ts';

/** The writer `seedDemo` calls inside its transaction; the password is hashed before it opens. */
export async function demoAccountWriter(): Promise<(tx: Tx, people: DemoPerson[]) => Promise<void>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return async (tx, people) => {
    const rows = people.map((p) => (totpRequired(p.role) ? { ...p, passwordHash, totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : { ...p, passwordHash }));
    await tx.insertInto('staffUser').values(rows).execute();
  };
}
