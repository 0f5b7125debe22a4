// The platform for the browser tests: a fresh data folder, a free PostgreSQL port and its own
// build of the web app each run (so neither a developer's server nor a build running beside
// it is touched), removed again when the run ends.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-e2e-'));
// As root, PostgreSQL runs as its own user, which must be able to enter the folder.
fs.chmodSync(dataDir, 0o755);
const pgPort = await freePort();
const webDist = path.join(dataDir, 'web');
execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', webDist, '--emptyOutDir', '--logLevel', 'warn'], {
  cwd: path.join(root, 'apps/web'),
  stdio: 'inherit',
});
const child = spawn(process.execPath, [path.join(root, 'apps/server/src/main.ts')], {
  cwd: root,
  env: { ...process.env, TYNDAU_DATA_DIR: dataDir, PGPORT_EMBEDDED: String(pgPort), TYNDAU_WEB_DIST: webDist },
  stdio: 'inherit',
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
