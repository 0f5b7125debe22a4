// Logical backup and restore of the whole database through the platform's own connection
// (PostgreSQL's COPY protocol), so it works on a machine that has only `npm ci`: the
// embedded PostgreSQL package ships no pg_dump/pg_restore. The file is gzip'd text:
//
//   {"format":"tyndau-backup","version":1,...header...}
//   {"table":"appeal","columns":["id",...]}
//   <COPY text-format rows, one a line>
//   \.
//   ... the next table ...
//
// The schema is not in the file: restore builds it by the migrations the backup names
// (the same code's), then loads the rows in foreign-key order and sets the sequences.
// Point-in-time recovery is a matter of WAL archiving in production (README, "Backups").
import fs from 'node:fs';
import readline from 'node:readline';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import pg from 'pg';
import { to as copyTo, from as copyFrom } from 'pg-copy-streams';

const FORMAT = 'tyndau-backup';
const END = '\\.';
/** Migration bookkeeping is written by the migrations themselves on restore. */
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock']);

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  tables: Array<{ name: string; rows: number }>;
  sequences: Array<{ name: string; value: number | null }>;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The public schema's tables in an order where every referenced table comes first. */
async function tablesInOrder(client: pg.Client): Promise<string[]> {
  const tables = (await client.query<{ name: string }>(`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`)).rows
    .map((r) => r.name)
    .filter((t) => !SKIP.has(t));
  const refs = (
    await client.query<{ child: string; parent: string }>(
      `select distinct c.relname as child, p.relname as parent from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace where k.contype = 'f' and n.nspname = 'public' and c.oid <> p.oid`,
    )
  ).rows;
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new Error(`foreign keys form a cycle through ${t}: restore cannot order the tables`);
    state.set(t, 'visiting');
    for (const r of refs) if (r.child === t && tables.includes(r.parent)) visit(r.parent);
    state.set(t, 'done');
    order.push(t);
  };
  tables.forEach(visit);
  return order;
}

/** Stored columns (generated ones are computed again on restore). */
async function columnsOf(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select attname as name from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`,
    [`public.${ident(table)}`],
  );
  return rows.map((r) => r.name);
}

/**
 * Writes the whole database to `file` from one REPEATABLE READ snapshot: a consistent copy
 * while the platform keeps working.
 */
export async function backupDatabase(url: string, file: string): Promise<Header> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(`${file}.partial`);
  const done = pipeline(gzip, out);
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await tablesInOrder(client);
    const migrations = (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((r) => r.name);
    const counts = await Promise.all(tables.map(async (name) => ({ name, rows: Number((await client.query(`select count(*) as n from public.${ident(name)}`)).rows[0].n) })));
    const sequences = (await client.query<{ name: string; value: number | null }>(`select sequencename as name, last_value as value from pg_sequences where schemaname = 'public' order by 1`)).rows.map((s) => ({
      name: s.name,
      value: s.value === null ? null : Number(s.value),
    }));
    const header: Header = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      serverVersion: (await client.query('show server_version')).rows[0].server_version,
      migrations,
      tables: counts,
      sequences,
    };
    await write(`${JSON.stringify(header)}\n`);
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      await write(`${JSON.stringify({ table, columns })}\n`);
      const rows = client.query(copyTo(`copy public.${ident(table)} (${columns.map(ident).join(', ')}) to stdout`));
      for await (const chunk of rows) await write(chunk as Buffer as unknown as string);
      await write(`${END}\n`);
    }
    await client.query('commit');
    gzip.end();
    await done;
    fs.renameSync(`${file}.partial`, file);
    return header;
  } catch (err) {
    gzip.destroy();
    await done.catch(() => {});
    fs.rmSync(`${file}.partial`, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

/**
 * Loads a backup into `url`, whose schema the caller has migrated (the same migrations as
 * the backup's) and which holds no appeals yet. One transaction: the database has all of
 * the backup or nothing of it.
 */
export async function restoreDatabase(url: string, file: string): Promise<Header> {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    return r.done ? undefined : (r.value as string);
  };
  try {
    const first = await next();
    const header = first ? (JSON.parse(first) as Header) : undefined;
    if (!header || header.format !== FORMAT || header.version !== 1) throw new Error(`${file} is not a Tyndau backup`);
    const applied = new Set((await client.query<{ name: string }>('select name from kysely_migration')).rows.map((r) => r.name));
    const missing = header.migrations.filter((m) => !applied.has(m));
    if (missing.length) throw new Error(`the backup was made by a newer version (migrations ${missing.join(', ')} are unknown here)`);
    const { rows: present } = await client.query(`select 1 from appeal limit 1`);
    if (present.length) throw new Error('the database already holds appeals: restore goes into a new, empty database');
    await client.query('begin');
    const tables = header.tables.map((t) => t.name);
    // Migrations and the server's first start may have written rows (demo data, the calendar): the backup's replace them.
    // The append-only logs refuse TRUNCATE even to the owner. A restore replaces the whole
    // register of a database without appeals, so their refusal is lifted for this one
    // statement, inside the transaction (tgtype bit 32: a TRUNCATE trigger).
    const { rows: guards } = await client.query<{ tbl: string; name: string }>(
      `select c.relname as tbl, t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
        join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and not t.tgisinternal and (t.tgtype & 32) <> 0`,
    );
    const lifted = guards.filter((g) => tables.includes(g.tbl));
    for (const g of lifted) await client.query(`alter table public.${ident(g.tbl)} disable trigger ${ident(g.name)}`);
    await client.query(`truncate ${tables.map((t) => `public.${ident(t)}`).join(', ')} cascade`);
    for (const g of lifted) await client.query(`alter table public.${ident(g.tbl)} enable trigger ${ident(g.name)}`);
    for (;;) {
      const line = await next();
      if (line === undefined) break;
      const { table, columns } = JSON.parse(line) as { table: string; columns: string[] };
      const sink = client.query(copyFrom(`copy public.${ident(table)} (${columns.map(ident).join(', ')}) from stdin`));
      const rows = async function* () {
        for (;;) {
          const row = await next();
          if (row === undefined) throw new Error(`${file} ends inside table ${table}`);
          if (row === END) return;
          yield `${row}\n`;
        }
      };
      await pipeline(Readable.from(rows()), sink);
    }
    for (const s of header.sequences) {
      await client.query(`select setval($1::regclass, $2, $3)`, [`public.${ident(s.name)}`, s.value ?? 1, s.value !== null]);
    }
    for (const t of header.tables) {
      const n = Number((await client.query(`select count(*) as n from public.${ident(t.name)}`)).rows[0].n);
      if (n !== t.rows) throw new Error(`table ${t.name}: ${n} rows restored, the backup has ${t.rows}`);
    }
    await client.query('commit');
    return header;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    lines.close();
    await client.end();
  }
}
