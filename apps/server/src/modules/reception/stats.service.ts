// Personal reception statistics per body, official and quarter, counted the same way in
// every body: supply (slots, seats) against demand (bookings), receptions held, citizens
// received, no-shows, questions by topic and the share resolved by the unified criteria.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import * as repo from './reception.repository.ts';
import { statsBodyFilter } from './reception.policy.ts';
import { parseQuarter, quarterOf } from './quarters.ts';
import { isUuid } from '../../platform/ids.ts';

type BookingRow = Awaited<ReturnType<typeof repo.bookingsForStats>>[number];
type SlotRow = Awaited<ReturnType<typeof repo.slotsForStats>>[number];

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function tally(slots: SlotRow[], bookings: BookingRow[], followUps: { bookingId: string; resolution: string | null }[]) {
  // A rescheduled row is the same request as the row it moved to: count each request once.
  const requests = bookings.filter((b) => b.status !== 'rescheduled');
  const attended = requests.filter((b) => b.status === 'attended');
  const heldSlots = new Set(attended.map((b) => b.slotId));
  const count = (status: string) => requests.filter((b) => b.status === status).length;
  const capacity = slots.reduce((s, x) => s + x.capacity, 0);
  const topics: Record<string, number> = {};
  for (const b of requests) {
    const raised = b.status === 'attended' && b.topics?.length ? b.topics : [b.topicCode ?? 'unknown'];
    for (const t of raised) topics[t] = (topics[t] ?? 0) + 1;
  }
  const resolutions: Record<string, number> = {};
  for (const b of requests) if (b.resolution) resolutions[b.resolution] = (resolutions[b.resolution] ?? 0) + 1;
  const withResolution = Object.values(resolutions).reduce((s, n) => s + n, 0);
  const ids = new Set(requests.map((b) => b.id));
  const ownFollowUps = followUps.filter((f) => ids.has(f.bookingId));
  return {
    slots: slots.length,
    capacity,
    bookings: requests.length,
    bookingsPerSlot: ratio(requests.length, slots.length),
    demandPerSeat: ratio(requests.length, capacity),
    fullSlots: slots.filter((s) => s.booked >= s.capacity).length,
    receptionsHeld: heldSlots.size,
    citizensReceived: attended.length,
    noShows: count('no_show'),
    solvedWithoutMeeting: count('solved_without_meeting'),
    redirected: count('redirected'),
    cancelled: count('cancelled'),
    pending: count('booked') + count('confirmed'),
    bySource: Object.fromEntries(['portal', 'phone', 'front_office', 'public_reception'].map((s) => [s, requests.filter((b) => b.source === s).length])),
    questionsByTopic: topics,
    resolutions,
    resolvedShare: ratio(resolutions.resolved ?? 0, withResolution),
    followUps: ownFollowUps.length,
    followUpsResolved: ownFollowUps.filter((f) => f.resolution === 'resolved').length,
  };
}

export async function receptionStats(ctx: AppContext, staff: Staff, q: { quarter?: string; bodyId?: string; officialId?: string }) {
  const bodyId = statsBodyFilter(staff, q.bodyId);
  if (q.officialId && !isUuid(q.officialId)) throw new AppError('VALIDATION_FAILED', 'officialId must be a uuid', { field: 'officialId' });
  const quarter = q.quarter ? parseQuarter(q.quarter) : quarterOf(ctx.clock.now());
  const range = { bodyId, officialId: q.officialId, from: quarter.start, to: quarter.end };
  const [slots, bookings] = await Promise.all([repo.slotsForStats(ctx.db, range), repo.bookingsForStats(ctx.db, range)]);
  const followUps = await repo.countFollowUps(ctx.db, bookings.filter((b) => b.status === 'attended').map((b) => b.id));
  const officials = new Map<string, { id: string; bodyId: string; name: string; role: string }>();
  for (const s of slots) officials.set(s.officialId, { id: s.officialId, bodyId: s.bodyId, name: s.officialName, role: s.officialRole });
  return {
    quarter: quarter.code,
    bodyId: bodyId ?? null,
    total: tally(slots, bookings, followUps),
    officials: [...officials.values()].map((o) => ({
      official: o,
      ...tally(
        slots.filter((s) => s.officialId === o.id),
        bookings.filter((b) => b.officialId === o.id),
        followUps,
      ),
    })),
  };
}
