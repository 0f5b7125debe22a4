// Every change to an appeal is an event in appeal_event, written in the transaction
// that makes the change. Other modules subscribe (notifications, analytics) and do
// their part in that same transaction, so nothing is half-done.
import type { Db } from '../db/database.ts';
import type { RawBuilder, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export type Tx = Transaction<Database> | Db;

/**
 * The context with its reads going through `tx`: for services called inside a transaction.
 * A read through the pool there holds one connection while waiting for a second, and
 * enough such transactions at once wait for each other for ever. (Per-process caches keyed
 * by the database are not shared with it: it reads what it needs afresh.)
 */
export function inTransaction<C extends { db: Db }>(ctx: C, tx: Tx): C {
  return { ...ctx, db: tx };
}

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

/** The appeal_event row of an event. */
export function eventRow(e: AppealEventInput) {
  return {
    appealId: e.appealId,
    type: e.type,
    at: e.at,
    actorId: e.actor?.id ?? null,
    actorRole: e.actor?.role ?? null,
    reason: e.reason ?? null,
    public: e.public ?? false,
    data: e.data ?? {},
  };
}

export type EventSubscriber = (tx: Tx, event: AppealEventInput & { id: number }) => Promise<void>;

/**
 * The same work as a subscriber, written as one more INSERT in the statement that records
 * the events (intake, where every round trip while the body's number counter is locked
 * counts). The statement may record many events at once, so the subscriber gives a row
 * per event and one INSERT for all of them, whose text never varies.
 */
export interface InlineSubscriber {
  /** What the subscriber adds for this event (a JSON object), or null for nothing. */
  row(event: Omit<AppealEventInput, 'appealId'>): Record<string, unknown> | null;
  /**
   * `insert … select … from jsonb_to_recordset(rows) … join a on a.id = x.appeal_id`: `rows`
   * is the jsonb array of the rows, each with the appeal's `appeal_id`; `a` is the new
   * appeals (id, number, body_id).
   */
  insert(rows: RawBuilder<unknown>): RawBuilder<unknown>;
}

export class EventLog {
  private readonly subscribers = new Map<string, EventSubscriber[]>();
  private readonly inline = new Map<EventSubscriber, InlineSubscriber>();

  /**
   * Subscribe to one event type, or '*' for all. `inline`, if given, does the same work
   * inside the event's own statement for writers that use `inlineSubscribers`.
   */
  on(type: string, fn: EventSubscriber, inline?: InlineSubscriber): void {
    this.subscribers.set(type, [...(this.subscribers.get(type) ?? []), fn]);
    if (inline) this.inline.set(fn, inline);
  }

  /** The inline forms for an event type: a writer adds their INSERTs to its statement, then calls publish with `inlined`. */
  inlineSubscribers(type: string): InlineSubscriber[] {
    return this.subscribersOf(type).flatMap((fn) => this.inline.get(fn) ?? []);
  }

  /** Whether every subscriber of the type has an inline form (the writer's statement then does everything). */
  allInline(type: string): boolean {
    return this.subscribersOf(type).every((fn) => this.inline.has(fn));
  }

  private subscribersOf(type: string): EventSubscriber[] {
    return [...(this.subscribers.get(type) ?? []), ...(this.subscribers.get('*') ?? [])];
  }

  async record(tx: Tx, e: AppealEventInput): Promise<number> {
    const row = await tx.insertInto('appealEvent').values(eventRow(e)).returning('id').executeTakeFirstOrThrow();
    await this.publish(tx, { ...e, id: row.id });
    return row.id;
  }

  /**
   * Hand an event to its subscribers when the caller wrote its row itself, in one statement
   * with the change it records (intake does: see appeals.repository insertRegisteredAppeals).
   * `inlined`: the statement also ran the inline forms, so those subscribers are done.
   */
  async publish(tx: Tx, e: AppealEventInput & { id: number }, opts: { inlined?: boolean } = {}): Promise<void> {
    for (const fn of this.subscribersOf(e.type)) {
      if (opts.inlined && this.inline.has(fn)) continue;
      await fn(tx, e);
    }
  }
}
