// Latency percentiles and the CPU split between processes on a shared machine.
import fs from 'node:fs';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s[s.length - 1] };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Busy and total jiffies of the whole machine (all cores), from /proc/stat. */
function machineJiffies(): { busy: number; total: number } {
  const [, ...nums] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const v = nums.map(Number);
  const idle = v[3] + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** CPU jiffies (user + system) a process has used, or 0 if it is gone. */
function processJiffies(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** The direct children of a process (PostgreSQL's backends, a cluster's workers). */
export function childPids(parent: number): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) pids.push(Number(name));
    } catch {}
  }
  return pids;
}

/** The postmaster of an embedded server (from its data folder) and all its children. */
export function postgresPids(dataDir: string): number[] {
  let postmaster: number;
  try {
    postmaster = Number(fs.readFileSync(`${dataDir}/pg/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  return [postmaster, ...childPids(postmaster)];
}

/**
 * How the machine's CPU was shared during a run, as fractions of all cores: each named
 * group of processes, and everything else (other users of a shared machine).
 */
export function cpuMeter(groups: Record<string, () => number[]>) {
  const m0 = machineJiffies();
  const t0 = performance.now();
  const p0 = new Map<number, number>();
  for (const pids of Object.values(groups)) for (const pid of pids()) p0.set(pid, processJiffies(pid));
  return () => {
    const m1 = machineJiffies();
    const total = m1.total - m0.total;
    const parts: Record<string, number> = {};
    for (const [name, pids] of Object.entries(groups)) {
      parts[name] = pids().reduce((s, pid) => s + processJiffies(pid) - (p0.get(pid) ?? 0), 0) / total;
    }
    const busy = (m1.busy - m0.busy) / total;
    const cores = total / ((performance.now() - t0) / 10); // jiffies are 10 ms
    return { busy, parts, cores, other: busy - Object.values(parts).reduce((a, b) => a + b, 0) };
  };
}

/** CPU milliseconds each group spent per unit of work (an appeal), comparable across runs on a busy machine. */
export function cpuPer(c: ReturnType<ReturnType<typeof cpuMeter>>, seconds: number, units: number): string {
  return Object.entries(c.parts)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${k} ${((v * c.cores * seconds * 1000) / units).toFixed(2)} ms`)
    .join(', ');
}

export function describeCpu(c: ReturnType<ReturnType<typeof cpuMeter>>): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return `machine busy ${pct(c.busy)} of all cores: ${Object.entries(c.parts).map(([k, v]) => `${k} ${pct(v)}`).join(', ')}, other processes ${pct(Math.max(0, c.other))}`;
}
