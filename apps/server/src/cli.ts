// `npm run tyndau -- <command>`: administration with the server's own configuration.
// Works while the server is stopped (it opens the same database itself).
import { parseArgs } from 'node:util';
import type { Readable } from 'node:stream';
import { read } from 'read';
import { loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { addStaff } from './modules/auth/index.ts';
import { seedBodies } from './modules/bodies/index.ts';
import { loadDemoData } from './demo.ts';
import { listDaysOff, removeCalendarDay, setCalendarDay } from './modules/deadlines/index.ts';
import { AppError } from './platform/errors.ts';
import { addBlock, addLine, getCtiToken, rotateCtiToken, LINE_CHANNELS, type LineChannel } from './modules/calls/index.ts';
import { connectAccount, NETWORKS, type Network } from './modules/social/index.ts';
import { addSystem, listSystems, removeSystem, SYSTEMS } from './modules/exchange/index.ts';
import { openDatabase } from './db/database.ts';
import { addApiKey, listApiKeys, revokeApiKey } from './modules/open311/index.ts';
import { trainRoutingModel, TRAIN_LIMIT } from './modules/routing/index.ts';
import { backupDatabase, restoreDatabase } from './db/backup.ts';

const HELP = `Tyndau command line

  npm run tyndau -- migrate                     apply database migrations
  npm run tyndau -- seed --demo                 load the demo bodies, topics and staff (empty database only;
                                                refused when NODE_ENV=production: demo passwords are public)
  npm run tyndau -- seed --bodies               load the topic taxonomy and the 21 bodies with their units and
                                                competence, no accounts (empty database only; for production)
  npm run tyndau -- user add --email E --role R --body CODE [--unit CODE] [--name N] [--password-stdin]
                                                add a staff account; the password is read from standard
                                                input (a prompt without echo on a terminal, else the first
                                                line); its owner must change it at first sign-in.
                                                --password P still works but leaves P in the shell history
  npm run tyndau -- calendar add-day-off DATE --reason R [--kind holiday|transfer_day_off|moved_day_off]
                                                make DATE (YYYY-MM-DD) a day off: a transfer by decree
                                                (default) or the official Kurban Ait date (--kind holiday)
  npm run tyndau -- calendar add-working-day DATE --reason R
                                                make DATE a working day (a Saturday worked by decree)
  npm run tyndau -- calendar remove DATE [--reason R]  drop the stored entry of DATE (back to the five-day week)
  npm run tyndau -- calendar days-off YEAR      list the year's days off on weekdays and working weekend days
  npm run tyndau -- cti token --body CODE [--rotate]
                                                print the body's CTI token and the address its PBX posts
                                                events to (--rotate: a new token; the old one stops at once)
  npm run tyndau -- cti line add --body CODE --number N --channel call_centre|contact_centre|trust_phone [--language kk|ru|en]
                                                add a phone line of the body (the line called decides the channel)
  npm run tyndau -- cti block --body CODE --number N
                                                refuse calls from N to the body (answered busy)
  npm run tyndau -- open311 key add --name APP   issue an Open311 API key for a city app; the key is printed
                                                once (only its hash is stored)
  npm run tyndau -- open311 key list            the keys: id, name, issued, revoked
  npm run tyndau -- open311 key revoke ID|NAME  revoke a key (refused at once)
  npm run tyndau -- social add --body CODE --network telegram|vk|instagram|facebook --secret S [--confirmation C] [--token T] [--account ID]
                                                connect the body's account (again: new secrets): S checks the
                                                network's calls (Telegram secret_token, VK secret, Meta app secret),
                                                C is VK's confirmation string or Meta's verify token, T the API
                                                token for replies, ID the group/page/account id; prints the
                                                webhook address. Secrets are stored sealed and never printed
  npm run tyndau -- exchange add --system eotinish|egov --secret S --url URL
                                                exchange with a national system: its address and the shared
                                                secret both sides sign with (kept sealed, never printed)
  npm run tyndau -- exchange list               the national systems configured (no secrets)
  npm run tyndau -- exchange remove --system eotinish|egov
                                                stop exchanging with a system
  npm run tyndau -- backup FILE                 write the whole database to FILE (gzip'd; one consistent snapshot,
                                                the server may keep running)
  npm run tyndau -- restore FILE                load FILE into this configuration's database, which must hold no
                                                appeals (a new TYNDAU_DATA_DIR or an empty DATABASE_URL); migrations first
  npm run tyndau -- routing train [--limit N]    retrain the routing suggestions on the register's decided appeals
                                                (at most N, default ${TRAIN_LIMIT}), added to the shipped base model
  npm run tyndau -- help                        this text

Configuration comes from the environment, as for the server (DATABASE_URL, TYNDAU_DATA_DIR, ...).
Works whether the server is stopped or running (it then shares the server's embedded PostgreSQL).`;

/** The server's database and clock; the embedded PostgreSQL is shared when the server runs. */
const open = () => createContext(loadConfig(), { shareRunningDatabase: true });

type Command = (args: string[], stdin: Readable) => Promise<void>;

/**
 * The new account's password from standard input: typed at a prompt that does not echo it,
 * or the first line of a pipe (`printf '%s\n' "$P" | … --password-stdin`).
 */
async function readPassword(stdin: Readable & { isTTY?: boolean }): Promise<string> {
  if (stdin.isTTY) {
    const first = await read({ input: stdin, output: process.stderr, prompt: 'Password: ', silent: true, replace: '' });
    const again = await read({ input: stdin, output: process.stderr, prompt: 'Password again: ', silent: true, replace: '' });
    if (first !== again) throw new AppError('VALIDATION_FAILED', 'the two passwords differ');
    return first;
  }
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
}

const commands: Record<string, Command> = {
  async backup([file]) {
    if (!file) throw new AppError('VALIDATION_FAILED', 'usage: backup FILE');
    const database = await openDatabase(loadConfig(), { shareRunning: true });
    try {
      const header = await backupDatabase(database.url, file);
      const rows = header.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`backup written to ${file}: ${header.tables.length} tables, ${rows} rows (PostgreSQL ${header.serverVersion}, ${header.migrations.length} migrations)`);
    } finally {
      await database.close();
    }
  },
  async restore([file]) {
    if (!file) throw new AppError('VALIDATION_FAILED', 'usage: restore FILE');
    const { close, url } = await open();
    try {
      const header = await restoreDatabase(url, file);
      console.log(`restored ${file} (made ${header.createdAt}): ${header.tables.reduce((n, t) => n + t.rows, 0)} rows`);
    } finally {
      await close();
    }
  },
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
  async user(args, stdin) {
    const [sub, ...rest] = args;
    if (sub !== 'add') throw new AppError('VALIDATION_FAILED', 'usage: user add --email E --role R --body CODE [--password-stdin]');
    const { values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        role: { type: 'string' },
        body: { type: 'string' },
        unit: { type: 'string' },
        name: { type: 'string' },
      },
    });
    if (!values.email || !values.role || !values.body) throw new AppError('VALIDATION_FAILED', 'user add needs --email, --role and --body');
    if (values.password !== undefined && values['password-stdin']) throw new AppError('VALIDATION_FAILED', 'give --password or --password-stdin, not both');
    if (values.password !== undefined) console.error('note: --password leaves the password in the shell history and the process list; --password-stdin is preferred');
    const password = values.password ?? (await readPassword(stdin));
    const { ctx, close } = await open();
    try {
      const staff = await addStaff(ctx, { email: values.email, password, role: values.role, bodyCode: values.body, unitCode: values.unit, name: values.name });
      console.log(`staff account ${staff.email} (${staff.role}) added; the password must be changed at first sign-in`);
    } finally {
      await close();
    }
  },
  async routing(args) {
    const [sub, ...rest] = args;
    const { values } = parseArgs({ args: rest, options: { limit: { type: 'string' } } });
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (sub !== 'train' || (limit !== undefined && !(Number.isInteger(limit) && limit >= 0))) throw new AppError('VALIDATION_FAILED', 'usage: routing train [--limit N]');
    const { ctx, close } = await open();
    try {
      const m = await trainRoutingModel(ctx, { limit });
      console.log(`routing model ${m.id} trained at ${m.trainedAt} on ${m.appeals} decided appeal(s) of the register (${m.topics} topic(s)), added to the shipped base model`);
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
  async cti(args) {
    const [sub, ...rest] = args;
    const lineAdd = sub === 'line' && rest[0] === 'add';
    const { values } = parseArgs({
      args: lineAdd ? rest.slice(1) : rest,
      options: { body: { type: 'string' }, rotate: { type: 'boolean' }, number: { type: 'string' }, channel: { type: 'string' }, language: { type: 'string' } },
    });
    const usage = 'usage: cti token --body CODE [--rotate] | cti line add --body CODE --number N --channel C [--language L] | cti block --body CODE --number N';
    if (!values.body || !(sub === 'token' || lineAdd || sub === 'block')) throw new AppError('VALIDATION_FAILED', usage);
    if (sub !== 'token' && !values.number) throw new AppError('VALIDATION_FAILED', `${usage} (--number is required)`);
    if (lineAdd && !(LINE_CHANNELS as readonly string[]).includes(values.channel ?? '')) throw new AppError('VALIDATION_FAILED', `--channel is one of ${LINE_CHANNELS.join(', ')}`);
    if (values.language && !['kk', 'ru', 'en'].includes(values.language)) throw new AppError('VALIDATION_FAILED', '--language is kk, ru or en');
    const { ctx, close } = await open();
    try {
      if (sub === 'token') {
        const t = values.rotate ? await rotateCtiToken(ctx, null, values.body) : await getCtiToken(ctx, null, values.body);
        console.log(t.token);
        console.error(`PBX address: ${t.url}${values.rotate ? ' (the previous token no longer works)' : ''}`);
      } else if (lineAdd) {
        const line = await addLine(ctx, null, { bodyCode: values.body, number: values.number!, channel: values.channel as LineChannel, language: values.language as 'kk' | 'ru' | 'en' | undefined });
        console.log(`line ${line.number} (${line.channel}${line.language ? `, ${line.language}` : ''}) added to ${values.body}`);
      } else {
        const block = await addBlock(ctx, null, { bodyCode: values.body, number: values.number! });
        console.log(`${block.number} blocked for ${values.body}`);
      }
    } finally {
      await close();
    }
  },
  async open311(args) {
    const [what, sub, ...rest] = args;
    const usage = 'usage: open311 key add --name APP | open311 key list | open311 key revoke ID|NAME';
    if (what !== 'key' || !['add', 'list', 'revoke'].includes(sub ?? '')) throw new AppError('VALIDATION_FAILED', usage);
    const { values, positionals } = parseArgs({ args: rest, options: { name: { type: 'string' } }, allowPositionals: true });
    if (sub === 'add' && !values.name) throw new AppError('VALIDATION_FAILED', `${usage} (--name is required)`);
    if (sub === 'revoke' && positionals.length !== 1) throw new AppError('VALIDATION_FAILED', usage);
    const { ctx, close } = await open();
    try {
      if (sub === 'add') {
        const k = await addApiKey(ctx, null, values.name!);
        console.log(k.key);
        console.error(`Open311 key for ${k.name} (id ${k.id}); shown this once, only its hash is stored`);
      } else if (sub === 'list') {
        for (const k of await listApiKeys(ctx, null)) console.log(`${k.id}\t${k.name}\t${k.createdAt}\t${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}`);
      } else {
        for (const k of await revokeApiKey(ctx, null, positionals[0])) console.log(`revoked ${k.name} (${k.id})`);
      }
    } finally {
      await close();
    }
  },
  async exchange(args) {
    const [sub, ...rest] = args;
    const { values } = parseArgs({ args: rest, options: { system: { type: 'string' }, secret: { type: 'string' }, url: { type: 'string' } } });
    const usage = `usage: exchange add --system ${SYSTEMS.join('|')} --secret S --url URL | exchange list | exchange remove --system S`;
    if (sub === 'add' && (!values.system || !values.secret || !values.url)) throw new AppError('VALIDATION_FAILED', usage);
    if (sub === 'remove' && !values.system) throw new AppError('VALIDATION_FAILED', usage);
    if (!['add', 'list', 'remove'].includes(sub ?? '')) throw new AppError('VALIDATION_FAILED', usage);
    const { ctx, close } = await open();
    try {
      if (sub === 'add') {
        const s = await addSystem(ctx, { system: values.system!, secret: values.secret!, url: values.url! });
        console.log(`${s.system}: exchanging with ${s.url} (secret kept sealed)`);
      } else if (sub === 'remove') {
        await removeSystem(ctx, values.system!);
        console.log(`${values.system}: removed`);
      } else {
        const list = await listSystems(ctx);
        if (!list.length) console.log('no national system configured');
        for (const s of list) console.log(`${s.system.padEnd(9)} ${s.url}  (since ${s.createdAt}, changed ${s.updatedAt})`);
      }
    } finally {
      await close();
    }
  },
  async social(args) {
    const [sub, ...rest] = args;
    const { values } = parseArgs({
      args: rest,
      options: { body: { type: 'string' }, network: { type: 'string' }, secret: { type: 'string' }, confirmation: { type: 'string' }, token: { type: 'string' }, account: { type: 'string' } },
    });
    const usage = 'usage: social add --body CODE --network telegram|vk|instagram|facebook --secret S [--confirmation C] [--token T] [--account ID]';
    if (sub !== 'add' || !values.body || !values.network || !values.secret) throw new AppError('VALIDATION_FAILED', usage);
    if (!(NETWORKS as readonly string[]).includes(values.network)) throw new AppError('VALIDATION_FAILED', `--network is one of ${NETWORKS.join(', ')}`);
    const { ctx, close } = await open();
    try {
      const a = await connectAccount(ctx, null, values.body, { network: values.network as Network, secret: values.secret, confirmation: values.confirmation, token: values.token, accountRef: values.account });
      console.log(`${a.network} account${a.accountRef ? ` ${a.accountRef}` : ''} connected to ${values.body}`);
      console.log(`webhook: ${a.webhookUrl}`);
    } finally {
      await close();
    }
  },
  async help() {
    console.log(HELP);
  },
};

export async function runCli(argv: string[], stdin: Readable = process.stdin): Promise<number> {
  const [name = 'help', ...args] = argv;
  const command = commands[name];
  if (!command) {
    console.error(`unknown command: ${name}\n\n${HELP}`);
    return 2;
  }
  try {
    await command(args, stdin);
    return 0;
  } catch (e) {
    console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

// Exit with the command's own status, even while pools or timers would keep the process alive.
if (import.meta.main) process.exit(await runCli(process.argv.slice(2)));
