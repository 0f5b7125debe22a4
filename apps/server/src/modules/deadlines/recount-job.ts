// The recount of open terms after a calendar change, as a job that can stop and resume. It
// walks the open appeals running over the changed date in id order, a batch at a time; each
// appeal's new terms, its event and the job's cursor commit together, so a run stopped at
// any point (a crash, a deploy) leaves the job exactly where it was. The job is held by a
// lease: the run that started it renews it per batch; a stopped run's lease runs out and
// the next start of the platform, or the delivery worker's sweep, takes the job on.
import type { AppContext } from '../../app-context.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import { changedTerms, recordTerms } from './recalculate.ts';
import { endOfAlmatyDay, startOfAlmatyDay } from './dates.ts';

const LEASE_MS = 60_000;
const BATCH = 100;

export interface RecountRun {
  /** Called after each appeal is committed; throwing stops the run there (tests stop it half-way). */
  afterAppeal?: (processed: number) => void;
}

/** Takes the job if no live run holds it; false when another run does (or it is done). */
async function claim(ctx: AppContext, jobId: string): Promise<boolean> {
  const now = ctx.clock.now();
  const res = await ctx.db
    .updateTable('calendarRecountJob')
    .set({ leaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where('id', '=', jobId)
    .where('status', '=', 'running')
    .where((eb) => eb.or([eb('leaseUntil', 'is', null), eb('leaseUntil', '<', now)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Runs a job to its end (from its cursor); the count of appeals whose terms changed, or null if another run holds it. */
export async function runRecountJob(ctx: AppContext, jobId: string, run: RecountRun = {}): Promise<number | null> {
  if (!(await claim(ctx, jobId))) return null;
  for (;;) {
    const job = await ctx.db.selectFrom('calendarRecountJob').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    const actor = job.actorId ? await ctx.db.selectFrom('staffUser').select(['id', 'role']).where('id', '=', job.actorId).executeTakeFirst() : undefined;
    let q = ctx.db
      .selectFrom('appeal')
      .select(['id', 'bodyId', 'channel', 'difficulty', 'receivedAt', 'legalDueAt', 'targetDueAt', 'redirectDueAt', 'extended'])
      .where('status', 'in', OPEN_STATUSES)
      .where('receivedAt', '<=', endOfAlmatyDay(job.date))
      .where('legalDueAt', '>=', startOfAlmatyDay(job.date))
      .orderBy('id')
      .limit(BATCH);
    if (job.cursor) q = q.where('id', '>', job.cursor);
    const appeals = await q.execute();
    if (appeals.length === 0) {
      await ctx.db.updateTable('calendarRecountJob').set({ status: 'done', finishedAt: ctx.clock.now(), leaseUntil: null }).where('id', '=', jobId).execute();
      return job.changed;
    }
    let processed = job.processed;
    for (const a of appeals) {
      const next = await changedTerms(ctx, a);
      await ctx.db.transaction().execute(async (tx) => {
        const changed = await recordTerms(ctx, tx, a, next, job.date, actor ?? null);
        await tx
          .updateTable('calendarRecountJob')
          .set((eb) => ({ cursor: a.id, processed: eb('processed', '+', 1), changed: eb('changed', '+', changed ? 1 : 0) }))
          .where('id', '=', jobId)
          .execute();
      });
      run.afterAppeal?.(++processed);
    }
    await ctx.db.updateTable('calendarRecountJob').set({ leaseUntil: new Date(ctx.clock.now().getTime() + LEASE_MS) }).where('id', '=', jobId).execute();
  }
}

/** Takes on every unfinished job no live run holds (at start, and from the sweep); the count finished. */
export async function resumeRecountJobs(ctx: AppContext, log: (msg: string, err?: unknown) => void = () => {}): Promise<number> {
  const jobs = await ctx.db.selectFrom('calendarRecountJob').select('id').where('status', '=', 'running').orderBy('id').execute();
  let finished = 0;
  for (const j of jobs) {
    try {
      if ((await runRecountJob(ctx, j.id)) !== null) finished++;
    } catch (err) {
      log(`the recount of terms (job ${j.id}) stopped; it resumes on the next sweep`, err);
    }
  }
  return finished;
}
