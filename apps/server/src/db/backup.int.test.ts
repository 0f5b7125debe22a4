// `npm run tyndau -- backup FILE` and `restore FILE`: a round trip through the command line
// gives a database whose every table holds the same rows, and the platform works on it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestEnv, citizenAppeal, type TestEnv } from '../../test/harness.ts';
import { withDatabase } from '../../test/global-setup.ts';
import { runCli } from '../cli.ts';

let env: TestEnv;
let dir: string;
before(async () => {
  env = await createTestEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-backup-'));
});
after(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
  delete process.env.DATABASE_URL;
});

/** Every public table's rows as one digest per table (generated columns included). */
async function digests(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by 1`)).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) out[t] = (await client.query(`select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as d from "${t}" x`)).rows[0].d;
    return out;
  } finally {
    await client.end();
  }
}

test('backup and restore through the command line: the same rows in every table, and the platform works on the copy', { timeout: 120_000 }, async () => {
  const astana = await env.bodyId('akimat-astana');
  const res = await env.app.inject({ method: 'POST', url: '/api/v1/appeals', payload: citizenAppeal(astana, { text: 'Резервная копия: во дворе не вывозят мусор.' }) });
  assert.equal(res.statusCode, 201, res.body);
  const { number, accessCode } = res.json();
  const file = path.join(dir, 'tyndau.backup.gz');

  process.env.DATABASE_URL = env.url;
  assert.equal(await runCli(['backup', file]), 0);
  assert.ok(fs.statSync(file).size > 1000);

  // A new, empty database: restore migrates it, then loads the backup.
  const admin = new pg.Client({ connectionString: process.env.TYNDAU_TEST_ADMIN_URL });
  await admin.connect();
  const name = `restored_${process.pid}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const restoredUrl = withDatabase(process.env.TYNDAU_TEST_ADMIN_URL!, name);
  process.env.DATABASE_URL = restoredUrl;
  assert.equal(await runCli(['restore', file]), 0);

  const [source, copy] = await Promise.all([digests(env.url), digests(restoredUrl)]);
  assert.ok(Object.keys(source).length > 20);
  assert.deepEqual(copy, source);

  // Restoring again over the copy is refused: it already holds appeals.
  assert.equal(await runCli(['restore', file]), 1);
  assert.equal(await runCli(['restore', path.join(dir, 'missing.gz')]), 1);

  // The sequences went along: new rows on the copy take fresh ids, and tracking works.
  const client = new pg.Client({ connectionString: restoredUrl });
  await client.connect();
  try {
    const events = await client.query(`select count(*) as n from appeal_event`);
    assert.ok(Number(events.rows[0].n) > 0);
    const id = (await client.query(`select id from appeal where number = $1`, [number])).rows[0]?.id;
    assert.ok(id, 'the acknowledged appeal is in the copy');
    await client.query(`insert into appeal_event (appeal_id, type, at, public, data) values ($1, 'appeal.note', now(), false, '{}')`, [id]);
  } finally {
    await client.end();
  }
  assert.ok(accessCode);
});
