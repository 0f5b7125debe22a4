import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { PREPARED } from './database.ts';

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

test('SQL marked PREPARED is prepared once per connection and reused; other SQL is not prepared', async () => {
  await env.ctx.db.connection().execute(async (conn) => {
    for (let i = 0; i < 3; i++) {
      const { rows } = await sql<{ n: number }>`${sql.raw(PREPARED)} select ${i}::int + 1 as n`.execute(conn);
      assert.equal(rows[0].n, i + 1);
    }
    await sql`select 1`.execute(conn);
    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn);
    assert.equal(prepared.rows.length, 1);
    assert.ok(prepared.rows[0].statement.startsWith(PREPARED));
  });
});
