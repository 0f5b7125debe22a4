// The body's exchange settings and its outbound queue, for its administrator.
import type { AppContext } from '../../app-context.ts';
import type { Staff } from '../../platform/staff.ts';
import * as repo from './exchange.repository.ts';
import { assertExchangeAdmin } from './exchange.policy.ts';
import { listSystems } from './systems.ts';

export async function getExchangeSettings(ctx: AppContext, staff: Staff) {
  assertExchangeAdmin(staff);
  return { systems: await listSystems(ctx), registerOwnInEotinish: await repo.registersOwn(ctx.db, staff.bodyId) };
}

export async function setExchangeSettings(ctx: AppContext, staff: Staff, input: { registerOwnInEotinish: boolean }) {
  assertExchangeAdmin(staff);
  await repo.setRegisterOwn(ctx.db, staff.bodyId, input.registerOwnInEotinish, ctx.clock.now());
  return getExchangeSettings(ctx, staff);
}

export async function listOutboundQueue(ctx: AppContext, staff: Staff, q: { status?: string; limit: number }) {
  assertExchangeAdmin(staff);
  const rows = await repo.listOutbound(ctx.db, staff.bodyId, q);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      system: r.system,
      kind: r.kind,
      type: r.kind === 'register' ? 'appeal.registered' : String(r.payload.type ?? ''),
      eventId: String(r.eventId),
      number: r.number,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
  };
}
