// A clean stop has a deadline (SHUTDOWN_TIMEOUT_MS): a request stuck behind a locked register
// does not keep a stopping server alive; the request is never acknowledged and never leaves half an appeal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestEnv, citizenAppeal, type TestEnv } from '../test/harness.ts';
import { portFor } from './db/embedded.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const MARK = 'Остановка сервера с зависшим запросом';
let env: TestEnv;
let dataDir: string;
before(async () => {
  env = await createTestEnv();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-stop-'));
});
after(async () => {
  await env.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});


test('SIGTERM with a request stuck on a lock: the process exits by the deadline, and the request leaves no half appeal', { timeout: 90_000 }, async () => {
  const port = await portFor(0);
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(path.join(root, 'node_modules/.bin/node'), ['apps/server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: env.url,
      TYNDAU_DATA_DIR: dataDir,
      SHUTDOWN_TIMEOUT_MS: '1500',
      // Long enough that only the shutdown deadline can end the stuck request.
      DATABASE_STATEMENT_TIMEOUT_MS: '60000',
      HANDLER_TIMEOUT_MS: '60000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  server.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));

  const locker = new pg.Client({ connectionString: env.url });
  await locker.connect();
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false);
      if (up) break;
      assert.ok(i < 300, `the server did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const astana = await env.bodyId('akimat-astana');
    await locker.query('begin');
    await locker.query('lock table appeal in access exclusive mode');
    const stuck = fetch(`${base}/api/v1/appeals`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(citizenAppeal(astana, { text: `${MARK}: во дворе не горит фонарь.` })) }).catch(() => 'cut off');
    await new Promise((r) => setTimeout(r, 500));

    const stoppedAt = Date.now();
    server.kill('SIGTERM');
    const code = await exited;
    const took = Date.now() - stoppedAt;
    assert.ok(took < 5_000, `stopped after ${took} ms, not at the 1.5 s deadline`);
    assert.equal(code, 1, 'a stop cut short by its deadline is not a clean exit');
    assert.match(stderr, /clean stop took longer than 1500 ms/);
    assert.equal(await stuck, 'cut off', 'the stuck request was never acknowledged');
  } finally {
    await locker.query('rollback').catch(() => {});
    await locker.end();
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  // PostgreSQL does not see the client leave while the statement waits for the lock, so the
  // statement may still commit once the lock is gone: never acknowledged, but whole (the
  // appeal with its registration event), never half an appeal.
  await new Promise((r) => setTimeout(r, 1_000));
  const written = await env.ctx.db.selectFrom('appeal').select('id').where('text', 'like', `${MARK}%`).execute();
  assert.ok(written.length <= 1);
  for (const a of written) {
    const events = await env.ctx.db.selectFrom('appealEvent').select('id').where('appealId', '=', a.id).where('type', '=', 'appeal.registered').execute();
    assert.equal(events.length, 1, 'a written appeal is whole');
  }
});
