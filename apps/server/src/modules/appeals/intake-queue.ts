// Intake under load: appeals to one body that arrive while its last ones are being written
// go to the database together, in one statement and one commit (insertRegisteredAppeals).
// A body's number counter is locked from its statement until the commit's disk flush, so
// with a statement per appeal a busy body's appeals queue one flush apart; together they
// take their numbers at once, and the database does the per-statement work once. Bodies
// never wait for each other: each has at most one statement in flight, and an appeal to a
// body with none goes at once, alone, so a quiet platform answers as fast as ever.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { AppError, isDatabaseUnavailable } from '../../platform/errors.ts';
import { insertRegisteredAppeals, type IntakeRow, type WrittenAppeal } from './appeals.repository.ts';

/** Appeals per statement at most, so one statement never holds a counter for long. */
const MAX_BATCH = 64;

interface Waiting {
  row: IntakeRow;
  since: number;
  resolve(written: WrittenAppeal | undefined): void;
  reject(err: unknown): void;
}

class IntakeQueue {
  /** Per body: the appeals waiting for its statement in flight (a body is here while one is). */
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly write: (rows: IntakeRow[]) => Promise<Map<string, WrittenAppeal>>;

  /**
   * `limit`: appeals at most waiting per body; `maxWaitMs`: an appeal that waited longer is
   * refused before it is written (its request has had its 503 by then). When the database
   * cannot take work (a locked register) the queue stays short and every caller hears 503
   * in seconds instead of waiting without end.
   */
  private readonly limit: number;
  private readonly maxWaitMs: number;

  constructor(write: (rows: IntakeRow[]) => Promise<Map<string, WrittenAppeal>>, limit = Infinity, maxWaitMs = Infinity) {
    this.write = write;
    this.limit = limit;
    this.maxWaitMs = maxWaitMs;
  }

  /** The appeal once committed; undefined when its calendar revision was stale (count the terms again). */
  submit(row: IntakeRow): Promise<WrittenAppeal | undefined> {
    return new Promise((resolve, reject) => {
      const queued = this.waiting.get(row.bodyId);
      if (queued) {
        if (queued.length >= this.limit) return reject(new AppError('SERVICE_BUSY', 'the body’s intake queue is full'));
        return queued.push({ row, since: Date.now(), resolve, reject });
      }
      this.waiting.set(row.bodyId, []);
      void this.flush(row.bodyId, [{ row, since: Date.now(), resolve, reject }]);
    });
  }

  /** Appeals waiting per body now (tests, diagnostics). */
  depth(bodyId: string): number {
    return this.waiting.get(bodyId)?.length ?? 0;
  }

  private async flush(bodyId: string, batch: Waiting[]): Promise<void> {
    const now = Date.now();
    const stale = batch.filter((w) => now - w.since > this.maxWaitMs);
    for (const w of stale) w.reject(new AppError('SERVICE_BUSY', 'waited too long for the body’s intake statement'));
    batch = stale.length ? batch.filter((w) => !stale.includes(w)) : batch;
    try {
      if (batch.length) {
        const written = await this.write(batch.map((w) => w.row));
        for (const w of batch) w.resolve(written.get(w.row.id));
      }
    } catch (err) {
      // The database could not take the statement (nothing was written): every appeal in it hears so.
      if (batch.length === 1 || isDatabaseUnavailable(err)) for (const w of batch) w.reject(err);
      // One appeal's failure (its Idempotency-Key taken meanwhile) undid the whole statement:
      // each goes again alone and gets its own answer.
      else await Promise.all(batch.map((w) => this.write([w.row]).then((written) => w.resolve(written.get(w.row.id)), w.reject)));
    }
    const next = this.waiting.get(bodyId)!;
    if (next.length === 0) this.waiting.delete(bodyId);
    else void this.flush(bodyId, next.splice(0, MAX_BATCH));
  }
}

const queues = new WeakMap<Db, IntakeQueue>();

/** This process's intake queue for the database, writing with the event's inline subscribers. */
export function intakeQueue(ctx: AppContext): IntakeQueue {
  let queue = queues.get(ctx.db);
  if (!queue) {
    const { intakeQueuePerBody, handlerMs, statementMs } = ctx.config.limits;
    // An appeal that has waited so long that its statement could outlast the request's
    // deadline is refused unwritten rather than written after its client heard 503.
    const maxWaitMs = Math.max(1_000, handlerMs - statementMs);
    queue = new IntakeQueue((rows) => insertRegisteredAppeals(ctx.db, rows, ctx.events.inlineSubscribers('appeal.registered')), intakeQueuePerBody, maxWaitMs);
    queues.set(ctx.db, queue);
  }
  return queue;
}
