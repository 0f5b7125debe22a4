// Each body's channel standard: the answer term per difficulty, in working days, per
// channel (defaults 1 / 3 / 10, the study's social-media map). The legal term of 15
// working days always caps it (see channelTargetDueAt).
import { CHANNELS, DIFFICULTIES, type Difficulty } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { getBody } from '../bodies/index.ts';
import { canEditStandards, canReadBody } from './deadlines.policy.ts';
import * as repo from './deadlines.repository.ts';

export type ChannelStandard = Record<Difficulty, number>;

export const DEFAULT_CHANNEL_STANDARD: Readonly<ChannelStandard> = { light: 1, medium: 3, heavy: 10 };
/** Art. 76: no channel may promise more than the statutory 15 working days. */
export const LEGAL_TERM_DAYS = 15;

function assertChannel(channel: string): void {
  if (!(CHANNELS as readonly string[]).includes(channel)) throw new AppError('VALIDATION_FAILED', `channel must be one of ${CHANNELS.join(', ')}`, { field: 'channel' });
}

/** The body's standard for a channel, or the default; for any module, no access check. */
export async function getChannelStandard(ctx: AppContext, bodyId: string, channel: string): Promise<ChannelStandard & { isDefault: boolean }> {
  const row = await repo.findChannelStandard(ctx.db, bodyId, channel);
  return row ? { light: row.light, medium: row.medium, heavy: row.heavy, isDefault: false } : { ...DEFAULT_CHANNEL_STANDARD, isDefault: true };
}

/** Every channel's standard of a body, for its staff (and analyst/oversight). */
export async function listChannelStandards(ctx: AppContext, staff: Staff, bodyIdOrCode: string) {
  const body = await getBody(ctx, bodyIdOrCode);
  if (!canReadBody(staff, body.id)) throw new AppError('FORBIDDEN');
  const stored = new Map((await repo.findChannelStandards(ctx.db, body.id)).map((r) => [r.channel, r]));
  return {
    bodyId: body.id,
    items: CHANNELS.map((channel) => {
      const r = stored.get(channel);
      return r
        ? { channel, light: r.light, medium: r.medium, heavy: r.heavy, isDefault: false, updatedAt: r.updatedAt.toISOString() }
        : { channel, ...DEFAULT_CHANNEL_STANDARD, isDefault: true, updatedAt: null };
    }),
  };
}

export async function setChannelStandard(ctx: AppContext, staff: Staff, bodyIdOrCode: string, channel: string, value: ChannelStandard) {
  const body = await getBody(ctx, bodyIdOrCode);
  if (!canEditStandards(staff, body.id)) throw new AppError('FORBIDDEN');
  assertChannel(channel);
  for (const d of DIFFICULTIES) {
    const v = value[d];
    if (!Number.isInteger(v) || v < 0 || v > LEGAL_TERM_DAYS) throw new AppError('VALIDATION_FAILED', `${d} must be 0–${LEGAL_TERM_DAYS} working days`, { field: d });
  }
  if (!(value.light <= value.medium && value.medium <= value.heavy)) throw new AppError('VALIDATION_FAILED', 'light ≤ medium ≤ heavy', { field: 'medium' });
  const row = await repo.upsertChannelStandard(ctx.db, { bodyId: body.id, channel, light: value.light, medium: value.medium, heavy: value.heavy, updatedAt: ctx.clock.now(), updatedBy: staff.id });
  return { bodyId: body.id, channel, light: row.light, medium: row.medium, heavy: row.heavy, isDefault: false, updatedAt: row.updatedAt.toISOString() };
}
