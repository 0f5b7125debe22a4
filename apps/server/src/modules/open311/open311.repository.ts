// Open311's queries. The public reads join the register read-only; the module writes only
// its own tables (keys, attributes, the request's extras).
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Tx as Db } from '../../platform/events.ts';
import type { Open311AttributeTable } from './open311.tables.ts';

export function insertKey(db: Db, row: { name: string; keyHash: string; createdAt: Date; createdBy: string | null }) {
  return db.insertInto('open311ApiKey').values(row).returning(['id', 'createdAt']).executeTakeFirstOrThrow();
}

export function listKeys(db: Db) {
  return db.selectFrom('open311ApiKey').select(['id', 'name', 'createdAt', 'revokedAt']).orderBy('createdAt', 'desc').orderBy('id').limit(1000).execute();
}

export function revokeKey(db: Db, which: { id: string } | { name: string }, at: Date) {
  let q = db.updateTable('open311ApiKey').set({ revokedAt: at }).where('revokedAt', 'is', null);
  q = 'id' in which ? q.where('id', '=', which.id) : q.where('name', '=', which.name);
  return q.returning(['id', 'name', 'revokedAt']).execute();
}

export function liveKeyByHash(db: Db, keyHash: string) {
  return db.selectFrom('open311ApiKey').select('id').where('keyHash', '=', keyHash).where('revokedAt', 'is', null).executeTakeFirst();
}

export function listAttributes(db: Db, topicCodes: string[], bodyId?: string): Promise<Array<Selectable<Open311AttributeTable>>> {
  let q = db.selectFrom('open311Attribute').selectAll().where('topicCode', 'in', topicCodes);
  if (bodyId) q = q.where('bodyId', '=', bodyId);
  return q.orderBy('sort').orderBy('code').execute() as never;
}

/** Topics that have attributes (in one body, or in any): `metadata` of the services list. */
export async function topicsWithAttributes(db: Db, bodyId?: string): Promise<Set<string>> {
  let q = db.selectFrom('open311Attribute').select('topicCode').distinct();
  if (bodyId) q = q.where('bodyId', '=', bodyId);
  return new Set((await q.execute()).map((r) => r.topicCode));
}

export function upsertAttribute(db: Db, row: { bodyId: string; topicCode: string; code: string; datatype: string; required: boolean; variable: boolean; sort: number; description: Record<string, string>; datatypeDescription: Record<string, string> | null; values: Array<{ key: string; name: Record<string, string> }> }) {
  return db
    .insertInto('open311Attribute')
    .values({ ...row, description: JSON.stringify(row.description) as never, datatypeDescription: row.datatypeDescription ? (JSON.stringify(row.datatypeDescription) as never) : null, values: JSON.stringify(row.values ?? []) as never })
    .onConflict((oc) =>
      oc.columns(['bodyId', 'topicCode', 'code']).doUpdateSet((eb) => ({
        datatype: eb.ref('excluded.datatype'),
        required: eb.ref('excluded.required'),
        variable: eb.ref('excluded.variable'),
        sort: eb.ref('excluded.sort'),
        description: eb.ref('excluded.description'),
        datatypeDescription: eb.ref('excluded.datatypeDescription'),
        values: eb.ref('excluded.values'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function deleteAttribute(db: Db, bodyId: string, topicCode: string, code: string) {
  return db.deleteFrom('open311Attribute').where('bodyId', '=', bodyId).where('topicCode', '=', topicCode).where('code', '=', code).executeTakeFirst();
}

export function insertRequestExtras(db: Db, row: { appealId: string; apiKeyId: string; mediaUrl: string | null; photoId: string | null; addressId: string | null; attributes: Record<string, unknown> }) {
  return db.insertInto('open311Request').values({ ...row, attributes: JSON.stringify(row.attributes) as never }).execute();
}

export interface RequestFilter {
  numbers?: string[];
  topicCodes?: string[];
  bodyId?: string;
  from?: Date;
  to?: Date;
  statuses?: { in: readonly string[] } | { notIn: readonly string[] };
  limit: number;
}

export interface PublicRequestRow {
  id: string;
  number: string;
  status: string;
  resolution: string | null;
  topicCode: string | null;
  bodyId: string;
  channel: string;
  receivedAt: Date;
  legalDueAt: Date | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  executorId: string | null;
  redirectedTo: string | null;
  parentNumber: string | null;
  mediaUrl: string | null;
  photoId: string | null;
  updatedAt: Date | null;
}

/**
 * Non-confidential appeals, newest first. `updated_at` is the appeal's last public event,
 * read backwards on the event log's (appeal_id, id) index: one probe per row returned.
 */
export async function listPublicRequests(db: Kysely<Database>, f: RequestFilter): Promise<PublicRequestRow[]> {
  let q = db
    .selectFrom('appeal as a')
    .leftJoin('open311Request as r', 'r.appealId', 'a.id')
    .leftJoin('appeal as p', 'p.id', 'a.duplicateOfId')
    .select([
      'a.id',
      'a.number',
      'a.status',
      'a.resolution',
      'a.topicCode',
      'a.bodyId',
      'a.channel',
      'a.receivedAt',
      'a.legalDueAt',
      'a.address',
      'a.lat',
      'a.lon',
      'a.executorId',
      'p.number as parentNumber',
      'r.mediaUrl',
      'r.photoId',
      sql<Date | null>`(select e.at from appeal_event e where e.appeal_id = a.id and e.public order by e.id desc limit 1)`.as('updatedAt'),
      sql<string | null>`(select c.body_id::text from appeal c where c.redirected_from_id = a.id limit 1)`.as('redirectedTo'),
    ])
    .where('a.confidential', '=', false);
  if (f.numbers) q = q.where('a.number', 'in', f.numbers);
  if (f.topicCodes) q = q.where('a.topicCode', 'in', f.topicCodes);
  if (f.bodyId) q = q.where('a.bodyId', '=', f.bodyId);
  if (f.from) q = q.where('a.receivedAt', '>=', f.from);
  if (f.to) q = q.where('a.receivedAt', '<=', f.to);
  if (f.statuses) q = 'in' in f.statuses ? q.where('a.status', 'in', f.statuses.in) : q.where('a.status', 'not in', f.statuses.notIn);
  return q.orderBy('a.receivedAt', 'desc').orderBy('a.id', 'desc').limit(f.limit).execute() as Promise<PublicRequestRow[]>;
}

export interface UpdateRow {
  id: number;
  number: string;
  type: string;
  at: Date;
  data: Record<string, unknown>;
  resolution: string | null;
  status: string;
  executorId: string | null;
  mediaUrl: string | null;
  photoId: string | null;
}

/** Status changes and answers of non-confidential appeals in a period, oldest first. */
export function listUpdates(db: Kysely<Database>, from: Date, to: Date, types: readonly string[], limit: number): Promise<UpdateRow[]> {
  return db
    .selectFrom('appealEvent as e')
    .innerJoin('appeal as a', 'a.id', 'e.appealId')
    .leftJoin('open311Request as r', 'r.appealId', 'a.id')
    .select(['e.id', 'a.number', 'e.type', 'e.at', 'e.data', 'a.resolution', 'a.status', 'a.executorId', 'r.mediaUrl', 'r.photoId'])
    .where('e.public', '=', true)
    .where('e.type', '<>', 'appeal.registered')
    .where('e.type', 'in', types)
    .where('e.at', '>=', from)
    .where('e.at', '<=', to)
    .where('a.confidential', '=', false)
    .orderBy('e.at')
    .orderBy('e.id')
    .limit(limit)
    .execute() as Promise<UpdateRow[]>;
}

/** A photo filed through Open311, if its appeal is public (not confidential). */
export function publicPhoto(db: Kysely<Database>, photoId: string) {
  return db
    .selectFrom('open311Request as r')
    .innerJoin('appeal as a', 'a.id', 'r.appealId')
    .select(['r.photoId', 'a.id as appealId'])
    .where('r.photoId', '=', photoId)
    .where('a.confidential', '=', false)
    .executeTakeFirst();
}
