// An SMTP server in a child process for bench/delivery: it takes the SMTP side's CPU off the
// process under measurement (as a real mail server would be elsewhere) and reports, for each
// message, the notification id (X-Tyndau-Notification) and when it arrived.
import { fork } from 'node:child_process';
import { startSmtpServer } from '../../apps/server/test/delivery-servers.ts';

export interface SmtpSink {
  url: string;
  /** notification id -> arrival (ms since epoch) */
  arrivals: Map<string, number>;
  waitFor(n: number, timeoutMs: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const child = fork(import.meta.filename, ['--child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const arrivals = new Map<string, number>();
  const url = await new Promise<string>((resolve, reject) => {
    child.on('message', (m: { url?: string; arrived?: Array<[string, number]> }) => {
      if (m.url) resolve(m.url);
      for (const [id, at] of m.arrived ?? []) arrivals.set(id, at);
    });
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
  });
  return {
    url,
    arrivals,
    async waitFor(n, timeoutMs) {
      const end = Date.now() + timeoutMs;
      while (arrivals.size < n) {
        if (Date.now() > end) throw new Error(`only ${arrivals.size} of ${n} e-mails arrived`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

if (process.argv.includes('--child')) {
  let batch: Array<[string, number]> = [];
  const server = await startSmtpServer({
    parse: false,
    onMessage: (raw) => {
      const id = /^X-Tyndau-Notification: (\S+)/im.exec(raw)?.[1];
      if (id) batch.push([id, Date.now()]);
    },
  });
  const flush = setInterval(() => {
    if (batch.length) process.send!({ arrived: batch });
    batch = [];
  }, 5);
  process.on('message', async (m) => {
    if (m !== 'stop') return;
    clearInterval(flush);
    if (batch.length) process.send!({ arrived: batch });
    await server.close();
    process.disconnect();
    process.exit(0);
  });
  process.send!({ url: server.url });
}
