// Open data's queries (Kysely only). Reads the register and the bodies; writes only its own
// release and download tables.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { RegisterRow } from './dataset.ts';

export function bodies(db: Db) {
  return db.selectFrom('body').select(['id', 'code', 'nameKk', 'nameRu', 'nameEn']).orderBy('code').execute();
}

/** A body's appeals received before the cut, without confidential and anonymous ones. */
export function registerRows(db: Db, bodyId: string, before: Date): Promise<RegisterRow[]> {
  return db
    .selectFrom('appeal as a')
    .innerJoin('body as b', 'b.id', 'a.bodyId')
    .select([
      'a.number',
      'a.receivedAt',
      'a.closedAt',
      'a.legalDueAt',
      'b.code as bodyCode',
      'a.topicCode',
      'a.channel',
      'a.status',
      'a.resolution',
      sql<string | null>`case when b.kind in ('district_akimat', 'rural_okrug_akimat') then b.name_ru end`.as('district'),
      'a.lat',
      'a.lon',
    ])
    .where('a.bodyId', '=', bodyId)
    .where('a.confidential', '=', false)
    .where('a.applicantType', '<>', 'anonymous')
    .where('a.receivedAt', '<', before)
    .orderBy('a.receivedAt')
    .orderBy('a.number')
    .execute();
}

export function release(db: Db, dataset: string, day: string) {
  return db.selectFrom('openDataRelease').select(['rows', 'csv', 'json', 'createdAt']).where('dataset', '=', dataset).where('day', '=', day).executeTakeFirst();
}

/** The day's release, once: a second maker (another process) keeps the first. */
export async function insertRelease(db: Db, r: { dataset: string; day: string; rows: number; csv: Buffer; json: Buffer; at: Date }) {
  await db.insertInto('openDataRelease').values({ dataset: r.dataset, day: r.day, rows: r.rows, csv: r.csv, json: r.json, createdAt: r.at }).onConflict((oc) => oc.columns(['dataset', 'day']).doNothing()).execute();
}

export async function countDownload(db: Db, dataset: string, format: string, day: string) {
  await db
    .insertInto('openDataDownload')
    .values({ dataset, format, day, downloads: 1 })
    .onConflict((oc) => oc.columns(['dataset', 'format', 'day']).doUpdateSet({ downloads: sql`open_data_download.downloads + 1` }))
    .execute();
}

export function downloadTotals(db: Db) {
  return db.selectFrom('openDataDownload').select(['dataset', 'format', sql<number>`sum(downloads)::int`.as('downloads')]).groupBy(['dataset', 'format']).execute();
}
