import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ReadKind } from './audit.policy.ts';

/** One read of personal data, as read-log.ts buffers it and this file writes it. */
export interface ReadEntry {
  staffId: string;
  staffRole: string;
  appealId: string;
  what: ReadKind;
  objectId?: string | null;
  at: Date;
}

export async function insertReads(db: Db, rows: ReadEntry[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('personalDataRead')
    .values(rows.map((r) => ({ staffId: r.staffId, staffRole: r.staffRole, appealId: r.appealId, what: r.what, objectId: r.objectId ?? null, at: r.at })))
    .execute();
}

export interface ReadFilter {
  appealId?: string;
  staffId?: string;
  from?: Date;
  to?: Date;
  after?: { at: Date; id: string };
  limit: number;
}

export async function listReads(db: Db, f: ReadFilter) {
  let q = db
    .selectFrom('personalDataRead as r')
    .innerJoin('appeal as a', 'a.id', 'r.appealId')
    .innerJoin('staffUser as s', 's.id', 'r.staffId')
    .select(['r.id', 'r.at', 'r.what', 'r.objectId', 'r.staffId', 'r.staffRole', 's.name as staffName', 's.bodyId as staffBodyId', 'r.appealId', 'a.number as appealNumber', 'a.bodyId as appealBodyId'])
    .orderBy('r.at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(f.limit + 1);
  if (f.appealId) q = q.where('r.appealId', '=', f.appealId);
  if (f.staffId) q = q.where('r.staffId', '=', f.staffId);
  if (f.from) q = q.where('r.at', '>=', f.from);
  if (f.to) q = q.where('r.at', '<', f.to);
  if (f.after) {
    const { at, id } = f.after;
    q = q.where(sql<boolean>`(r.at, r.id) < (${at}, ${id}::bigint)`);
  }
  return q.execute();
}
