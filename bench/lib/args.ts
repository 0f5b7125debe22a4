// Command-line flags of the benchmarks: `--name value`, numbers checked once.
import { parseArgs } from 'node:util';

export function numberFlags<T extends Record<string, number>>(defaults: T, extra: Record<string, 'boolean'> = {}): T & { flags: Record<string, boolean> } {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const k of Object.keys(defaults)) options[k] = { type: 'string' };
  for (const k of Object.keys(extra)) options[k] = { type: 'boolean' };
  const { values } = parseArgs({ options, allowPositionals: false });
  const out: Record<string, number> = { ...defaults };
  for (const k of Object.keys(defaults)) {
    const v = values[k];
    if (v === undefined) continue;
    const n = Number(String(v).replace(/_/g, ''));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${k} must be a non-negative number, got ${v}`);
    out[k] = n;
  }
  const flags: Record<string, boolean> = {};
  for (const k of Object.keys(extra)) flags[k] = values[k] === true;
  return Object.assign(out as T, { flags });
}
