// Builds the AppContext the server and the CLI share: the same config, database and clock.
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { createDb, dbTimeouts, openDatabase } from './db/database.ts';
import { migrateDatabase } from './db/roles.ts';
import { clockStartingAt, systemClock, type Clock } from './platform/clock.ts';
import { EventLog } from './platform/events.ts';
import { diskStorage } from './platform/storage.ts';
import { loadDemoData } from './demo.ts';
import { subscribeModules } from './subscriptions.ts';

/**
 * `serverLimits`: the server's pool gets the time limits of `config.limits` (acquire,
 * statement and idle-in-transaction timeouts); migrations then run on a connection of
 * their own without them (an index built on a large register may take minutes).
 */
export async function createContext(
  config: Config,
  opts: { seedDemoIfEmpty?: boolean; migrate?: boolean; clock?: Clock; shareRunningDatabase?: boolean; serverLimits?: boolean } = {},
) {
  const database = await openDatabase(config, { shareRunning: opts.shareRunningDatabase, timeouts: opts.serverLimits ? dbTimeouts(config.limits) : undefined });
  if (opts.migrate !== false) {
    const unlimited = opts.serverLimits ? createDb(database.url, 1) : undefined;
    try {
      await migrateDatabase(config, unlimited?.db ?? database.db, database.url);
    } finally {
      await unlimited?.db.destroy();
    }
  }
  const ctx: AppContext = {
    config,
    db: database.db,
    clock: opts.clock ?? (config.now ? clockStartingAt(config.now) : systemClock),
    events: new EventLog(),
    storage: diskStorage(config.storageDir),
  };
  subscribeModules(ctx);
  if (opts.seedDemoIfEmpty) {
    const any = await ctx.db.selectFrom('body').select('id').limit(1).executeTakeFirst();
    if (!any) await loadDemoData(ctx, { appeals: true });
  }
  return { ctx, close: database.close, url: database.url };
}
