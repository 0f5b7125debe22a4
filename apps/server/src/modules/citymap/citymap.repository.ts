// The city app's queries (Kysely only): map cells, city objects, verdicts on fixes.
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Tx } from '../../platform/events.ts';

export type MapColour = 'new' | 'in_work' | 'solved' | 'not_solved';

export interface MapFilter {
  south: number;
  west: number;
  north: number;
  east: number;
  /** grid step in degrees (≥ 0.001: about 100 m) */
  cell: number;
  /** a topic and its sub-topics */
  topics?: string[];
  bodyId?: string;
  from?: Date;
  to?: Date;
  colours?: MapColour[];
  limit: number;
}

export interface MapCellRow {
  lat: number;
  lon: number;
  total: number;
  new: number;
  inWork: number;
  solved: number;
  notSolved: number;
}

/**
 * Appeals in a box, counted per grid cell and status colour. Every point is first rounded
 * to 0.001° (about 100 m), and a cell's position is the mean of its rounded points rounded
 * again, so no answer is ever more precise than 100 m, even for a cell of one appeal.
 * The box is read through appeal_map_idx (lat range, lon checked inside the index); only
 * refuted fixes are looked up, in the small fix_verdict table.
 */
export async function mapCells(db: Db, f: MapFilter): Promise<MapCellRow[]> {
  const colour = sql<MapColour>`case
      when a.status = 'registered' then 'new'
      when a.status in ('in_work', 'awaiting_applicant') then 'in_work'
      when a.resolution = 'resolved' and a.status in ('answered', 'closed') and v.appeal_id is null then 'solved'
      else 'not_solved' end`;
  const topic = f.topics?.length ? sql`and a.topic_code in (${sql.join(f.topics)})` : sql``;
  const body = f.bodyId ? sql`and a.body_id = ${f.bodyId}` : sql``;
  const from = f.from ? sql`and a.received_at >= ${f.from}` : sql``;
  const to = f.to ? sql`and a.received_at < ${f.to}` : sql``;
  const colours = f.colours?.length ? sql`where colour in (${sql.join(f.colours)})` : sql``;
  const result = await sql<MapCellRow>`
    with p as (
      select round(a.lat * 1000) / 1000 as lat, round(a.lon * 1000) / 1000 as lon, ${colour} as colour
      from appeal a
      left join fix_verdict v on v.appeal_id = a.id and v.verdict = 'refuted'
      where a.lat is not null and a.lon is not null and not a.confidential and a.status <> 'redirected'
        and a.lat between ${f.south} and ${f.north} and a.lon between ${f.west} and ${f.east}
        ${topic} ${body} ${from} ${to}
    )
    select round(avg(lat)::numeric, 3)::float8 as lat, round(avg(lon)::numeric, 3)::float8 as lon,
      count(*)::int as total,
      (count(*) filter (where colour = 'new'))::int as "new",
      (count(*) filter (where colour = 'in_work'))::int as "inWork",
      (count(*) filter (where colour = 'solved'))::int as solved,
      (count(*) filter (where colour = 'not_solved'))::int as "notSolved"
    from p ${colours}
    group by floor(lat / ${f.cell}), floor(lon / ${f.cell})
    order by total desc, 1, 2
    limit ${f.limit}
  `.execute(db);
  return result.rows;
}

export interface CityObjectRow {
  id: string;
  code: string;
  bodyId: string;
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  topicCode: string | null;
  createdAt: Date;
}

const OBJECT_COLUMNS = ['id', 'code', 'bodyId', 'name', 'address', 'lat', 'lon', 'topicCode', 'createdAt'] as const;

export async function findObject(db: Db, code: string): Promise<CityObjectRow | undefined> {
  return db.selectFrom('cityObject').select(OBJECT_COLUMNS).where('code', '=', code).executeTakeFirst();
}

export async function listObjects(db: Db, bodyId: string, limit: number, after?: string): Promise<CityObjectRow[]> {
  let q = db.selectFrom('cityObject').select(OBJECT_COLUMNS).where('bodyId', '=', bodyId);
  if (after) q = q.where('code', '>', after);
  return q.orderBy('code').limit(limit + 1).execute();
}

/** The new object, or undefined when its code is taken (by any body: codes are printed on posters). */
export async function insertObject(db: Db, row: Omit<CityObjectRow, 'id'> & { createdBy: string }): Promise<CityObjectRow | undefined> {
  return db.insertInto('cityObject').values(row).onConflict((oc) => oc.column('code').doNothing()).returning(OBJECT_COLUMNS).executeTakeFirst();
}

export async function deleteObject(db: Db, bodyId: string, code: string): Promise<boolean> {
  const r = await db.deleteFrom('cityObject').where('bodyId', '=', bodyId).where('code', '=', code).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/** The verdict, or undefined when one was given already (the primary key decides, under concurrency too). */
export async function insertVerdict(tx: Tx, row: { appealId: string; bodyId: string; verdict: 'confirmed' | 'refuted'; comment: string | null; at: Date }): Promise<boolean> {
  const r = await tx.insertInto('fixVerdict').values(row).onConflict((oc) => oc.column('appealId').doNothing()).executeTakeFirst();
  return (r.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function setVerdictComplaint(tx: Tx, appealId: string, complaintId: string): Promise<void> {
  await tx.updateTable('fixVerdict').set({ complaintId }).where('appealId', '=', appealId).execute();
}

export async function findVerdict(db: Db, appealId: string) {
  return db.selectFrom('fixVerdict').select(['verdict', 'at', 'complaintId']).where('appealId', '=', appealId).executeTakeFirst();
}

/** Verdicts per body in a period: what the citizens said of the fixes. */
export async function countVerdicts(db: Db, f: { bodyId?: string; from?: Date; to?: Date }) {
  let q = db.selectFrom('fixVerdict').select([sql<number>`(count(*) filter (where verdict = 'confirmed'))::int`.as('confirmed'), sql<number>`(count(*) filter (where verdict = 'refuted'))::int`.as('refuted')]);
  if (f.bodyId) q = q.where('bodyId', '=', f.bodyId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  return q.executeTakeFirstOrThrow();
}

export async function bodyIdByCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('body').select('id').where('code', '=', code).executeTakeFirst())?.id;
}
