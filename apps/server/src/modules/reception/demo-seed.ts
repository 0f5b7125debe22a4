// Demo reception schedules: for the head and the deputy of every body, approved
// schedules for the current and the next quarter (by the clock at seed time), so a new
// user can book at once. The head receives on Thursdays 10:00–13:00, the deputy on
// Tuesdays 15:00–17:00, one-hour slots of three seats, at the body's address; public
// holidays are skipped.
import type { AppContext } from '../../app-context.ts';
import { isWorkingDay } from '../deadlines/index.ts';
import * as repo from './reception.repository.ts';
import { almatyInstant, nextQuarter, quarterOf, type Quarter } from './quarters.ts';

const PLAN = {
  head: { weekday: 4, hours: ['10:00', '11:00', '12:00'] },
  deputy: { weekday: 2, hours: ['15:00', '16:00'] },
} as const;
const DAY_MS = 86_400_000;

async function working(ctx: AppContext, date: string): Promise<boolean> {
  try {
    return await isWorkingDay(ctx, date);
  } catch {
    return true;
  }
}

/** Calendar dates (YYYY-MM-DD) of a weekday (0 = Sunday) in a quarter. */
function datesOf(q: Quarter, weekday: number): string[] {
  const out: string[] = [];
  for (let t = q.start.getTime() + 5 * 3_600_000; t < q.end.getTime() + 5 * 3_600_000; t += DAY_MS) {
    const d = new Date(t);
    if (d.getUTCDay() === weekday) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

export async function seedDemoReceptions(ctx: AppContext): Promise<{ schedules: number; slots: number }> {
  const current = quarterOf(ctx.clock.now());
  const quarters = [current, nextQuarter(current)];
  const bodies = await ctx.db.selectFrom('body').select(['id', 'code', 'settings']).execute();
  const staff = await ctx.db.selectFrom('staffUser').select(['id', 'bodyId', 'role']).where('role', 'in', ['head', 'deputy', 'comms_officer']).where('active', '=', true).execute();
  const workingDays = new Map<string, boolean>();
  for (const q of quarters) {
    for (const plan of Object.values(PLAN)) for (const d of datesOf(q, plan.weekday)) if (!workingDays.has(d)) workingDays.set(d, await working(ctx, d));
  }
  let schedules = 0;
  let slots = 0;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (tx) => {
    for (const body of bodies) {
      const address = (body.settings as { contacts?: { address?: { ru?: string } } }).contacts?.address?.ru ?? body.code;
      const officer = staff.find((s) => s.bodyId === body.id && s.role === 'comms_officer');
      const head = staff.find((s) => s.bodyId === body.id && s.role === 'head');
      if (!officer || !head) continue;
      for (const role of ['head', 'deputy'] as const) {
        const official = staff.find((s) => s.bodyId === body.id && s.role === role);
        if (!official) continue;
        for (const q of quarters) {
          if (await repo.findScheduleOf(tx, official.id, q.code)) continue;
          const scheduleId = await repo.insertSchedule(tx, {
            bodyId: body.id,
            officialId: official.id,
            quarter: q.code,
            note: null,
            draftedBy: officer.id,
            draftedAt: now,
            status: 'approved',
            approvedBy: head.id,
            approvedAt: now,
          });
          const plan = PLAN[role];
          const rows = datesOf(q, plan.weekday)
            .filter((d) => workingDays.get(d))
            .flatMap((d) =>
              plan.hours.map((h) => {
                const startsAt = almatyInstant(d, h);
                return { scheduleId, bodyId: body.id, officialId: official.id, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), place: address, videoUrl: null, capacity: 3, languages: ['kk', 'ru'] };
              }),
            );
          await repo.insertSlots(tx, rows);
          schedules++;
          slots += rows.length;
        }
      }
    }
  });
  return { schedules, slots };
}
