// The national systems Tyndau exchanges with: each one's address and shared secret, set by
// `npm run tyndau -- exchange add`. The secret is kept sealed under the platform's key
// (platform/secrets.ts) and never logged or shown; the inbound route reads it through a
// short per-process cache, so a removed or changed system takes effect within seconds.
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { secretsOf } from '../../platform/secrets.ts';
import * as repo from './exchange.repository.ts';

export const SYSTEMS = ['eotinish', 'egov'] as const;
export type System = (typeof SYSTEMS)[number];
export const isSystem = (s: unknown): s is System => typeof s === 'string' && (SYSTEMS as readonly string[]).includes(s);

export interface SystemEndpoint {
  system: System;
  url: string;
  secret: string;
}

const CACHE_MS = 5_000;
const caches = new WeakMap<object, Map<string, { at: number; value: Promise<SystemEndpoint | undefined> }>>();

/** The system's address and opened secret, or undefined when it is not configured. */
export function systemEndpoint(ctx: AppContext, system: System): Promise<SystemEndpoint | undefined> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map()));
  const hit = cache.get(system);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = repo.findSystem(ctx.db, system).then((row) => {
    if (!row) return undefined;
    const secret = secretsOf(ctx).open(row.secretSealed);
    if (secret === undefined) throw new AppError('EXCHANGE_SECRET_UNREADABLE');
    return { system, url: row.url, secret };
  });
  value.catch(() => cache.delete(system));
  cache.set(system, { at: Date.now(), value });
  return value;
}

export function forgetSystems(ctx: AppContext): void {
  caches.get(ctx.db)?.clear();
}

export async function addSystem(ctx: AppContext, input: { system: string; secret: string; url: string }): Promise<{ system: System; url: string }> {
  if (!isSystem(input.system)) throw new AppError('VALIDATION_FAILED', `--system is one of ${SYSTEMS.join(', ')}`, { field: 'system' });
  if (input.secret.length < 16) throw new AppError('VALIDATION_FAILED', 'the shared secret has at least 16 characters', { field: 'secret' });
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw new AppError('VALIDATION_FAILED', '--url is an http(s) address', { field: 'url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('VALIDATION_FAILED', '--url is an http(s) address', { field: 'url' });
  const clean = url.toString().replace(/\/+$/, '');
  await repo.upsertSystem(ctx.db, { system: input.system, url: clean, secretSealed: secretsOf(ctx).seal(input.secret), at: ctx.clock.now() });
  forgetSystems(ctx);
  return { system: input.system, url: clean };
}

export async function removeSystem(ctx: AppContext, system: string): Promise<void> {
  if (!isSystem(system)) throw new AppError('VALIDATION_FAILED', `--system is one of ${SYSTEMS.join(', ')}`, { field: 'system' });
  if (!(await repo.deleteSystem(ctx.db, system))) throw new AppError('NOT_FOUND');
  forgetSystems(ctx);
}

/** The configured systems, without their secrets. */
export async function listSystems(ctx: AppContext) {
  const rows = await repo.listSystemRows(ctx.db);
  return rows.map((r) => ({ system: r.system, url: r.url, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }));
}
