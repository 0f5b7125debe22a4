// Two roles: the owner, who runs migrations, and the application, which reads and writes rows
// but may not change the event log. With DATABASE_MIGRATION_URL set, migrations run through
// it and the owner then grants the role of DATABASE_URL what it needs: every table's rows,
// except appeal_event, which it may only INSERT and SELECT. (The trigger of migration
// 2026_12_04_1600 refuses UPDATE, DELETE and TRUNCATE for the owner too.)
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { createDb, type Db } from './database.ts';
import { migrateToLatest } from './migrate.ts';

/** Tables the application may only append to and read. */
export const APPEND_ONLY_TABLES = ['appeal_event', 'personal_data_read', 'calendar_change'] as const;

/** The role a connection string signs in as. */
export function roleOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new Error('DATABASE_URL must name its role (postgres://role:password@host/db) when DATABASE_MIGRATION_URL is set');
  return user;
}

/** Grants the application's role its rights; run by the owner after every migration (new tables). */
export async function grantApplicationRole(owner: Db, role: string): Promise<void> {
  const r = sql.id(role);
  await sql`grant usage on schema public to ${r}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema public to ${r}`.execute(owner);
  await sql`grant usage, select, update on all sequences in schema public to ${r}`.execute(owner);
  for (const t of APPEND_ONLY_TABLES) await sql`revoke update, delete, truncate, references, trigger on ${sql.table(t)} from ${r}`.execute(owner);
}

/**
 * Migrations as the owner (DATABASE_MIGRATION_URL when set, else the application's own
 * connection), then the application's grants when the two differ.
 */
export async function migrateDatabase(config: Pick<Config, 'databaseMigrationUrl' | 'databaseUrl'>, db: Db, appUrl: string): Promise<string[]> {
  if (!config.databaseMigrationUrl) return migrateToLatest(db);
  const { db: owner } = createDb(config.databaseMigrationUrl, 1);
  try {
    const done = await migrateToLatest(owner);
    const app = roleOf(appUrl);
    if (app !== roleOf(config.databaseMigrationUrl)) await grantApplicationRole(owner, app);
    return done;
  } finally {
    await owner.destroy();
  }
}
