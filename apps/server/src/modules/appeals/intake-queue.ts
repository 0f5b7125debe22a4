// Intake under load: appeals to one body that arrive while its last ones are being written
// go to the database together, in one statement and one commit (insertRegisteredAppeals).
// A body's number counter is locked from its statement until the commit's disk flush, so
// with a statement per appeal a busy body's appeals queue one flush apart; together they
// take their numbers at once, and the database does the per-statement work once. Bodies
// never wait for each other: each has at most one statement in flight, and an appeal to a
// body with none goes at once, alone, so a quiet platform answers as fast as ever.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { insertRegisteredAppeals, type IntakeRow, type WrittenAppeal } from './appeals.repository.ts';

/** Appeals per statement at most, so one statement never holds a counter for long. */
const MAX_BATCH = 64;

interface Waiting {
  row: IntakeRow;
  resolve(written: WrittenAppeal | undefined): void;
  reject(err: unknown): void;
}

class IntakeQueue {
  /** Per body: the appeals waiting for its statement in flight (a body is here while one is). */
  private readonly waiting = new Map<string, Waiting[]>();
  private readonly write: (rows: IntakeRow[]) => Promise<Map<string, WrittenAppeal>>;

  constructor(write: (rows: IntakeRow[]) => Promise<Map<string, WrittenAppeal>>) {
    this.write = write;
  }

  /** The appeal once committed; undefined when its calendar revision was stale (count the terms again). */
  submit(row: IntakeRow): Promise<WrittenAppeal | undefined> {
    return new Promise((resolve, reject) => {
      const queued = this.waiting.get(row.bodyId);
      if (queued) return queued.push({ row, resolve, reject });
      this.waiting.set(row.bodyId, []);
      void this.flush(row.bodyId, [{ row, resolve, reject }]);
    });
  }

  private async flush(bodyId: string, batch: Waiting[]): Promise<void> {
    try {
      const written = await this.write(batch.map((w) => w.row));
      for (const w of batch) w.resolve(written.get(w.row.id));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
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
  if (!queue) queues.set(ctx.db, (queue = new IntakeQueue((rows) => insertRegisteredAppeals(ctx.db, rows, ctx.events.inlineSubscribers('appeal.registered')))));
  return queue;
}
