// Everything a service needs from the outside world, built once in main.ts (or a test)
// and passed down. Tests swap the clock, the mailer or the storage here.
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { Clock } from './platform/clock.ts';
import type { EventLog } from './platform/events.ts';
import type { FileStorage } from './platform/storage.ts';

export interface AppContext {
  config: Config;
  db: Db;
  clock: Clock;
  events: EventLog;
  storage: FileStorage;
}
