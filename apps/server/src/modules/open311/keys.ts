// API keys of city apps. A key is 32 random bytes (base64url) printed once; the database
// keeps its SHA-256 only, so a stolen backup files nothing. A revoked key is refused at once.
import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Staff } from '../../platform/staff.ts';
import { cachedBody } from '../bodies/index.ts';
import { mayManageKeys } from './open311.policy.ts';
import * as repo from './open311.repository.ts';

async function assertKeyManager(ctx: AppContext, staff: Staff | null): Promise<void> {
  if (staff === null) return; // the CLI: the server's own shell
  const body = await cachedBody(ctx, staff.bodyId);
  if (!mayManageKeys(staff, (body.settings as { central?: boolean }).central === true)) throw new AppError('FORBIDDEN');
}

export async function addApiKey(ctx: AppContext, staff: Staff | null, name: string) {
  await assertKeyManager(ctx, staff);
  const clean = name.trim();
  if (!clean || clean.length > 100) throw new AppError('VALIDATION_FAILED', 'name is 1 to 100 characters', { field: 'name' });
  const key = randomBytes(32).toString('base64url');
  const row = await repo.insertKey(ctx.db, { name: clean, keyHash: sha256(key), createdAt: ctx.clock.now(), createdBy: staff?.id ?? null });
  return { id: row.id, name: clean, key, createdAt: row.createdAt.toISOString() };
}

export async function listApiKeys(ctx: AppContext, staff: Staff | null) {
  await assertKeyManager(ctx, staff);
  const rows = await repo.listKeys(ctx.db);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.createdAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null }));
}

/** Revokes by id or by name (the CLI's way); idempotent. */
export async function revokeApiKey(ctx: AppContext, staff: Staff | null, idOrName: string) {
  await assertKeyManager(ctx, staff);
  const rows = await repo.revokeKey(ctx.db, isUuid(idOrName) ? { id: idOrName } : { name: idOrName }, ctx.clock.now());
  if (rows.length === 0) throw new AppError('NOT_FOUND');
  return rows.map((r) => ({ id: r.id, name: r.name, revokedAt: r.revokedAt!.toISOString() }));
}

/** The key's id when it is a live key, else undefined (the caller answers 403). */
export async function verifyApiKey(ctx: AppContext, key: string | undefined): Promise<string | undefined> {
  if (!key || key.length > 200) return undefined;
  return (await repo.liveKeyByHash(ctx.db, sha256(key)))?.id;
}
