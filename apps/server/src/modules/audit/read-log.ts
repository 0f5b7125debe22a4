// Reads of personal data are recorded without slowing the read: a request adds its entry to
// this process's buffer and goes on; the buffer is written as one INSERT every half second
// (or at 200 entries), and on a clean stop before the database closes (app.ts onClose), so
// nothing is lost then. A hard kill loses at most the last half second; a failed write keeps
// the entries for the next attempt.
import type { AppContext } from '../../app-context.ts';
import type { ReadKind } from './audit.policy.ts';
import * as repo from './audit.repository.ts';
import type { ReadEntry } from './audit.repository.ts';


const FLUSH_MS = 500;
const FLUSH_AT = 200;
/** Beyond this many unwritten entries (the database away for long) a read is refused rather than unaudited. */
const MAX_PENDING = 50_000;

export class ReadLog {
  private pending: ReadEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private readonly ctx: AppContext;
  constructor(ctx: AppContext) {
    this.ctx = ctx;
  }

  record(entry: ReadEntry): void {
    if (this.pending.length >= MAX_PENDING) throw new Error('the audit of reads cannot be written: reads are refused until it can');
    this.pending.push(entry);
    if (this.pending.length >= FLUSH_AT) void this.flush().catch(() => {});
    else this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_MS);
  }

  /** Writes everything recorded so far (waits for a write already under way). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing) await this.writing;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    this.writing = repo.insertReads(this.ctx.db, batch).catch((err: unknown) => {
      this.pending = batch.concat(this.pending);
      this.timer ??= setTimeout(() => void this.flush().catch(() => {}), FLUSH_MS * 4);
      throw err;
    });
    try {
      await this.writing;
    } finally {
      this.writing = null;
    }
  }
}

const logs = new WeakMap<AppContext, ReadLog>();

/** The read log of a context (one per process and database). */
export function readLogOf(ctx: AppContext): ReadLog {
  let log = logs.get(ctx);
  if (!log) logs.set(ctx, (log = new ReadLog(ctx)));
  return log;
}

/** Records that `staff` opened personal data of an appeal. */
export function auditRead(ctx: AppContext, staff: { id: string; role: string }, appealId: string, what: ReadKind, objectId?: string | null): void {
  readLogOf(ctx).record({ staffId: staff.id, staffRole: staff.role, appealId, what, objectId: objectId ?? null, at: ctx.clock.now() });
}
