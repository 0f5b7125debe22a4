// Every change to an appeal is an event in appeal_event, written in the transaction
// that makes the change. Other modules subscribe (notifications, analytics) and do
// their part in that same transaction, so nothing is half-done.
import type { Db } from '../db/database.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export type Tx = Transaction<Database> | Db;

export interface AppealEventInput {
  appealId: string;
  type: string;
  at: Date;
  actor?: { id: string; role: string } | null;
  reason?: string | null;
  public?: boolean;
  data?: Record<string, unknown>;
  /** Handed to subscribers but never stored (e.g. the access code for the first message). */
  transient?: Record<string, unknown>;
}

export type EventSubscriber = (tx: Tx, event: AppealEventInput & { id: number }) => Promise<void>;

export class EventLog {
  private readonly subscribers = new Map<string, EventSubscriber[]>();

  /** Subscribe to one event type, or '*' for all. */
  on(type: string, fn: EventSubscriber): void {
    this.subscribers.set(type, [...(this.subscribers.get(type) ?? []), fn]);
  }

  async record(tx: Tx, e: AppealEventInput): Promise<number> {
    const row = await tx
      .insertInto('appealEvent')
      .values({
        appealId: e.appealId,
        type: e.type,
        at: e.at,
        actorId: e.actor?.id ?? null,
        actorRole: e.actor?.role ?? null,
        reason: e.reason ?? null,
        public: e.public ?? false,
        data: e.data ?? {},
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const fn of [...(this.subscribers.get(e.type) ?? []), ...(this.subscribers.get('*') ?? [])]) {
      await fn(tx, { ...e, id: row.id });
    }
    return row.id;
  }
}
