// Body boundaries and routing by place. A body may have a boundary (a GeoJSON Polygon or
// MultiPolygon); an appeal with a point and a topic goes to the most local body whose
// boundary holds the point and whose competence holds the topic. "Most local" is the
// deepest in the hierarchy (a rural okrug before its district before its oblast), and
// between bodies of one depth, the smaller boundary (a city inside a district's outline).
// No PostGIS: the bounding boxes narrow the candidates in SQL and turf tests the polygons.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Tx } from '../../platform/events.ts';
import type { BodyBoundaryTable } from './boundaries.tables.ts';
import { getBody } from './bodies.service.ts';

type Geometry = BodyBoundaryTable['geojson'];

export interface PlaceRouting {
  bodyId: string;
  bodyCode: string;
  /** Why this body: kept on the appeal's registration event. */
  reason: string;
  candidates: string[];
}

type Ring = number[][];

function boxOf(geometry: Geometry) {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Ring[][];
  let minLat = 90, minLon = 180, maxLat = -90, maxLon = -180;
  for (const polygon of polygons)
    for (const [lon, lat] of polygon[0] ?? []) {
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
    }
  return { minLat, minLon, maxLat, maxLon };
}

function validGeometry(g: unknown): g is Geometry {
  if (!g || typeof g !== 'object') return false;
  const { type, coordinates } = g as { type?: unknown; coordinates?: unknown };
  const ring = (r: unknown) =>
    Array.isArray(r) && r.length >= 4 && r.every((p) => Array.isArray(p) && p.length >= 2 && Math.abs(Number(p[0])) <= 180 && Math.abs(Number(p[1])) <= 90);
  const polygon = (p: unknown) => Array.isArray(p) && p.length >= 1 && p.every(ring);
  if (type === 'Polygon') return polygon(coordinates);
  if (type === 'MultiPolygon') return Array.isArray(coordinates) && coordinates.length >= 1 && coordinates.every(polygon);
  return false;
}

/** Sets (or replaces) a body's boundary; a Feature is accepted for its geometry. */
export async function setBoundary(db: Tx, bodyId: string, input: unknown): Promise<void> {
  const geometry = input && typeof input === 'object' && (input as { type?: string }).type === 'Feature' ? (input as { geometry: unknown }).geometry : input;
  if (!validGeometry(geometry)) throw new AppError('VALIDATION_FAILED', 'a GeoJSON Polygon or MultiPolygon', { field: 'boundary' });
  const box = boxOf(geometry);
  await db
    .insertInto('bodyBoundary')
    .values({ bodyId, geojson: JSON.stringify(geometry) as never, ...box })
    .onConflict((oc) => oc.column('bodyId').doUpdateSet({ geojson: JSON.stringify(geometry) as never, ...box }))
    .execute();
}

export async function getBoundary(ctx: AppContext, idOrCode: string): Promise<Geometry | null> {
  const body = await getBody(ctx, idOrCode);
  const row = await ctx.db.selectFrom('bodyBoundary').select('geojson').where('bodyId', '=', body.id).executeTakeFirst();
  return row?.geojson ?? null;
}

/**
 * The body for a point and a topic, or undefined when no boundary with that competence
 * holds it. A sub-topic is in a body's competence when the topic or its parent is.
 */
export async function routeByPlace(ctx: AppContext, point: { lat: number; lon: number }, topicCode: string | undefined): Promise<PlaceRouting | undefined> {
  if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon)) return undefined;
  const topics = topicCode ? [topicCode, ...(topicCode.includes('.') ? [topicCode.slice(0, topicCode.indexOf('.'))] : [])] : [];
  let q = ctx.db
    .selectFrom('bodyBoundary as b')
    .innerJoin('body', 'body.id', 'b.bodyId')
    .select(['b.bodyId', 'body.code', 'body.parentId', 'b.geojson', 'b.minLat', 'b.minLon', 'b.maxLat', 'b.maxLon'])
    .where('b.minLat', '<=', point.lat)
    .where('b.maxLat', '>=', point.lat)
    .where('b.minLon', '<=', point.lon)
    .where('b.maxLon', '>=', point.lon);
  if (topics.length) q = q.where(({ exists, selectFrom }) => exists(selectFrom('bodyTopic as t').select('t.bodyId').whereRef('t.bodyId', '=', 'b.bodyId').where('t.topicCode', 'in', topics)));
  const boxes = await q.execute();
  const holding = boxes.filter((b) => booleanPointInPolygon([point.lon, point.lat], b.geojson as never));
  if (holding.length === 0) return undefined;
  // Depth in the hierarchy, from the parents among all bodies (a few dozen rows, cached by PostgreSQL).
  const parents = new Map((await ctx.db.selectFrom('body').select(['id', 'parentId']).execute()).map((b) => [b.id, b.parentId]));
  const depth = (id: string) => {
    let d = 0;
    for (let p = parents.get(id); p; p = parents.get(p)) d++;
    return d;
  };
  const area = (b: (typeof holding)[number]) => (b.maxLat - b.minLat) * (b.maxLon - b.minLon);
  const ranked = holding.map((b) => ({ b, depth: depth(b.bodyId), area: area(b) })).sort((x, y) => y.depth - x.depth || x.area - y.area);
  const chosen = ranked[0].b;
  const others = ranked.slice(1).map((r) => r.b.code);
  return {
    bodyId: chosen.bodyId,
    bodyCode: chosen.code,
    reason: `the point ${point.lat.toFixed(5)}, ${point.lon.toFixed(5)} lies within the boundary of ${chosen.code}${topicCode ? `, whose competence holds ${topicCode}` : ''}; ${others.length ? `the most local of ${[chosen.code, ...others].join(', ')}` : 'the only such body'}`,
    candidates: [chosen.code, ...others],
  };
}
