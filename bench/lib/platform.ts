// Starts platform-process.ts as a child with the given environment and waits until it listens.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface RunningPlatform {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startPlatform(env: Record<string, string>, opts: { cpuProfileDir?: string } = {}): Promise<RunningPlatform> {
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'platform-process.ts'), [], {
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: opts.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfileDir}`] : [],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the platform exited with ${code} before listening`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}
