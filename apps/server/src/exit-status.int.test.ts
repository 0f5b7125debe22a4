// Every process the project starts reports failure in its exit status, on the embedded
// PostgreSQL too (whose library once ended every process with 0, so a failing `npm test`
// passed CI): the test command with a failing test, the CLI with a failing command,
// `npm start` that cannot start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'node_modules/.bin');

interface Exit { code: number; output: string }

/** Runs a command line as npm would (its .bin first on PATH), never inside this test run's context. */
function run(command: string, vars: Record<string, string> = {}): Promise<Exit> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, ...vars };
  // Without these the child would report to this runner, or reuse this run's database.
  delete env.NODE_TEST_CONTEXT;
  delete env.TEST_DATABASE_URL;
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { cwd: root, env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-exit-'));
  fs.chmodSync(dir, 0o755);
  return dir;
}

test('`npm test`’s command, global setup included, exits non-zero when a test fails', async () => {
  const script: string = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts.test;
  // The same command and setup, with the failing fixture instead of the project's globs.
  const command = script.replace(/( "[^"]+")+$/, ' apps/server/test/fixtures/deliberately-failing.ts');
  assert.notEqual(command, script, 'the globs were replaced');
  assert.match(command, /--test-global-setup=apps\/server\/test\/global-setup\.ts/);
  const { code, output } = await run(command);
  assert.match(output, /ℹ fail 1/, output);
  assert.notEqual(code, 0, 'a failing test fails the command');
});

test('a CLI command that fails on the embedded PostgreSQL exits non-zero', async () => {
  const dir = tempDir();
  try {
    const failed = await run('node apps/server/src/cli.ts user add --email not-an-email --password a-long-password --role executor --body akimat-astana', { TYNDAU_DATA_DIR: dir, NODE_ENV: 'development' });
    assert.equal(failed.code, 1, failed.output);
    const unknown = await run('node apps/server/src/cli.ts frobnicate', { TYNDAU_DATA_DIR: dir });
    assert.equal(unknown.code, 2, unknown.output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('`npm start` whose embedded PostgreSQL cannot start exits non-zero and says why', async () => {
  const dir = tempDir();
  // The data folder's database directory is a file: the server cannot be created there.
  fs.writeFileSync(path.join(dir, 'pg'), 'not a directory');
  try {
    const { code, output } = await run('node apps/server/src/main.ts', { TYNDAU_DATA_DIR: dir, NODE_ENV: 'development' });
    assert.equal(code, 1, output);
    assert.match(output, /Tyndau did not start/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
