// Faults under load, as a reviewer would cause them from outside: the platform killed with
// SIGKILL, PostgreSQL killed with SIGKILL, the register locked for 30 s. Citizens keep
// posting appeals throughout; at the end every acknowledged appeal (201) must be committed,
// and each fault's recovery time (from the fault's end to the next acknowledged appeal) is
// reported. Everything runs on loopback: an embedded PostgreSQL in a temporary folder and
// the platform as a child process (bench/lib/platform.ts).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { portFor, startEmbeddedPostgres, runningServer } from '../../apps/server/src/db/embedded.ts';
import { startPlatform, type RunningPlatform } from './platform.ts';

export interface ChaosOptions {
  clients: number;
  /** Seconds of load before each fault. */
  loadSeconds: number;
  lockSeconds: number;
  log?: (line: string) => void;
}

export interface PhaseReport {
  fault: string;
  /** From the fault's end (platform restarted, PostgreSQL started again, lock released) to the next 201. */
  recoveryMs: number;
  /** Longest answer while the fault lasted (a locked register must answer within 10 s). */
  slowestAnswerMs: number;
  statuses: Record<string, number>;
}

export interface ChaosReport {
  acknowledged: number;
  committed: number;
  /** Committed but never acknowledged (the client heard an error or nothing): allowed, not lost. */
  unacknowledgedCommitted: number;
  phases: PhaseReport[];
}


function post(base: string, payload: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const u = new URL('/api/v1/appeals', base);
    const req = http.request(
      { host: u.hostname, port: u.port, method: 'POST', path: u.pathname, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }, timeout: 15_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    // A refused or cut connection (the platform killed) is an answer too: not acknowledged.
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.on('timeout', () => req.destroy());
    req.end(payload);
  });
}

export async function runChaos(opts: ChaosOptions): Promise<ChaosReport> {
  const log = opts.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tyndau-chaos-'));
  fs.chmodSync(dir, 0o755);
  const port = await portFor(0);
  let pgServer = await startEmbeddedPostgres({ dataDir: dir, port, database: 'tyndau' });
  const url = pgServer.url('tyndau');
  const env = { DATABASE_URL: url, INTAKE_RATE_LIMIT: '100000000', DATABASE_POOL_SIZE: '10' };
  let platform: RunningPlatform | null = await startPlatform(env);
  const watcher = () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => {});
    return c;
  };
  const setup = watcher();
  await setup.connect();
  const bodyIds = (await setup.query<{ id: string }>(`select id from body order by code limit 5`)).rows.map((r) => r.id);
  await setup.end();

  const acknowledged = new Set<string>();
  let current: PhaseReport | null = null;
  let faultEndedAt: number | null = null;
  let running = true;
  let seq = 0;
  const client = async (k: number) => {
    while (running) {
      const base = platform?.baseUrl;
      if (!base) {
        await new Promise((r) => setTimeout(r, 50));
        continue;
      }
      const n = ++seq;
      const payload = JSON.stringify({
        bodyId: bodyIds[n % bodyIds.length],
        kind: 'complaint',
        text: `Проверка отказоустойчивости ${n}: во дворе дома ${k} не вывозят мусор.`,
        language: 'ru',
        applicant: { type: 'individual', name: 'Айгерим Садыкова', email: `chaos${n}@example.kz` },
        preferredAnswer: 'email',
      });
      const started = Date.now();
      const res = await post(base, payload);
      const ms = Date.now() - started;
      if (current) {
        current.statuses[res.status] = (current.statuses[res.status] ?? 0) + 1;
        if (faultEndedAt === null) current.slowestAnswerMs = Math.max(current.slowestAnswerMs, ms);
      }
      if (res.status === 201) {
        acknowledged.add(JSON.parse(res.body).id);
        if (current && faultEndedAt !== null && current.recoveryMs < 0) current.recoveryMs = Date.now() - faultEndedAt;
      } else if (res.status === 0) await new Promise((r) => setTimeout(r, 20));
    }
  };
  const clients = Array.from({ length: opts.clients }, (_, k) => client(k));
  const phases: PhaseReport[] = [];
  const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));
  const phase = async (fault: string, cause: () => Promise<void>) => {
    await sleep(opts.loadSeconds);
    current = { fault, recoveryMs: -1, slowestAnswerMs: 0, statuses: {} };
    faultEndedAt = null;
    log(`${fault}…`);
    await cause();
    faultEndedAt = Date.now();
    const deadline = Date.now() + 60_000;
    while (current.recoveryMs < 0 && Date.now() < deadline) await sleep(0.05);
    phases.push(current);
    log(`${fault}: recovered in ${current.recoveryMs} ms; slowest answer during it ${current.slowestAnswerMs} ms; ${JSON.stringify(current.statuses)}`);
  };

  try {
    await phase('kill -9 of the platform', async () => {
      const victim = platform!;
      platform = null;
      process.kill(victim.pid, 'SIGKILL');
      await sleep(0.5);
      platform = await startPlatform(env);
    });
    await phase('kill -9 of PostgreSQL', async () => {
      const pid = runningServer(path.join(dir, 'pg'))?.pid;
      if (!pid) throw new Error('no PostgreSQL pid found');
      process.kill(pid, 'SIGKILL');
      await sleep(1);
      pgServer = await startEmbeddedPostgres({ dataDir: dir, port, database: 'tyndau' });
    });
    await phase(`the register locked for ${opts.lockSeconds} s`, async () => {
      const locker = watcher();
      await locker.connect();
      await locker.query('begin');
      await locker.query('lock table appeal in access exclusive mode');
      await sleep(opts.lockSeconds);
      await locker.query('rollback');
      await locker.end();
    });
    await sleep(1);
  } finally {
    running = false;
    await Promise.all(clients);
  }

  const check = watcher();
  await check.connect();
  const ids = [...acknowledged];
  const committed = Number((await check.query(`select count(*) as n from appeal where id = any($1::uuid[])`, [ids])).rows[0].n);
  const all = Number((await check.query(`select count(*) as n from appeal where text like 'Проверка отказоустойчивости%'`)).rows[0].n);
  await check.end();
  await platform?.stop();
  await pgServer.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return { acknowledged: ids.length, committed, unacknowledgedCommitted: all - committed, phases };
}
