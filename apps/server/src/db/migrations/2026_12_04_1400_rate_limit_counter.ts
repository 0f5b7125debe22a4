// Per-address request limits shared by every server process: one row per limited route,
// key (the client's address) and fixed window. UNLOGGED: a counter is worth no disk
// flush, and after a crash of PostgreSQL the limits simply start again (replicas never
// need them). Old windows are deleted by the server's upkeep.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create unlogged table rate_limit_counter (
      bucket text not null,
      window_start timestamptz not null,
      hits integer not null check (hits >= 0),
      primary key (bucket, window_start)
    );
    create index rate_limit_counter_window_idx on rate_limit_counter (window_start);
  `.execute(db);
}
