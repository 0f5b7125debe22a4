// `npm start` that cannot start says why in one line and leaves nothing running.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestEnv, type TestEnv } from '../test/harness.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);
let env: TestEnv;

before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

async function start(vars: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const res = await run(path.join(root, 'node_modules/.bin/node'), ['apps/server/src/main.ts'], { cwd: root, env: { ...process.env, ...vars }, timeout: 60_000 }).catch((e: { code: number; stderr: string }) => e);
  return { code: (res as { code?: number }).code ?? 0, stderr: (res as { stderr: string }).stderr };
}

test('TYNDAU_NOW in production: one line, exit code 1, no stack trace', async () => {
  const { code, stderr } = await start({ NODE_ENV: 'production', TYNDAU_NOW: '2026-03-20T06:00:00Z', DATABASE_URL: env.url });
  assert.equal(code, 1);
  assert.equal(stderr.trim(), 'Tyndau did not start: TYNDAU_NOW is refused when NODE_ENV=production');
});

test('a taken HTTP port: says which and how to choose another, exit code 1', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    const { code, stderr } = await start({ NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: env.url });
    assert.equal(code, 1);
    assert.match(stderr, new RegExp(`Tyndau did not start: port ${port} is in use \\(PORT=… chooses another\\)`));
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
  } finally {
    blocker.close();
  }
});
