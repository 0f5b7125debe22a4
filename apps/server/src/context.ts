// Builds the AppContext the server and the CLI share: the same config, database and clock.
import type { AppContext } from './app-context.ts';
import type { Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateDatabase } from './db/roles.ts';
import { clockStartingAt, systemClock, type Clock } from './platform/clock.ts';
import { EventLog } from './platform/events.ts';
import { diskStorage } from './platform/storage.ts';
import { loadDemoData } from './demo.ts';
import { subscribeModules } from './subscriptions.ts';

export async function createContext(config: Config, opts: { seedDemoIfEmpty?: boolean; migrate?: boolean; clock?: Clock; shareRunningDatabase?: boolean } = {}) {
  const database = await openDatabase(config, { shareRunning: opts.shareRunningDatabase });
  if (opts.migrate !== false) await migrateDatabase(config, database.db, database.url);
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
