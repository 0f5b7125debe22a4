// The public map: appeals with a place, counted per cell of a grid that follows the zoom,
// coloured by status (new / in work / solved / not solved). What may be shown is decided
// in the query itself (citymap.policy.ts).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { cachedTopic, cachedTopicFamily } from '../bodies/index.ts';
import * as repo from './citymap.repository.ts';

export const MAP_COLOURS = ['new', 'in_work', 'solved', 'not_solved'] as const;
/** About 100 m: the finest grid the map ever answers with. */
export const FINEST_CELL = 0.001;
/** Cells a view gets at most; the busiest first. */
export const MAX_CELLS = 2000;

export interface MapQuery {
  bbox?: string;
  zoom: number;
  topic?: string;
  body?: string;
  status?: string;
  from?: string;
  to?: string;
}

/** `west,south,east,north` in degrees (the order of GeoJSON and Open311), else BAD_BBOX. */
export function parseBbox(bbox: string | undefined) {
  if (!bbox) return { west: -180, south: -90, east: 180, north: 90 };
  const parts = bbox.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  const [west, south, east, north] = parts;
  const ok = parts.length === 4 && parts.every(Number.isFinite) && west! >= -180 && east! <= 180 && south! >= -90 && north! <= 90 && west! <= east! && south! <= north!;
  if (!ok) throw new AppError('BAD_BBOX', undefined, { field: 'bbox' });
  return { west: west!, south: south!, east: east!, north: north! };
}

/** The grid step for a zoom level: about 40 px of a 256 px tile, never finer than 100 m. */
export function cellForZoom(zoom: number): number {
  return Math.max(FINEST_CELL, 360 / 2 ** zoom / 6.4);
}

function date(value: string | undefined, field: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+05:00` : value);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', undefined, { field });
  return d;
}

export async function mapPoints(ctx: AppContext, q: MapQuery) {
  const box = parseBbox(q.bbox);
  const colours = q.status ? q.status.split(',').map((s) => s.trim()) : undefined;
  if (colours?.some((c) => !(MAP_COLOURS as readonly string[]).includes(c))) throw new AppError('VALIDATION_FAILED', undefined, { field: 'status' });
  // An unknown topic is TOPIC_NOT_FOUND, as everywhere.
  const topics = q.topic ? (await cachedTopic(ctx, q.topic), await cachedTopicFamily(ctx, q.topic)) : undefined;
  const bodyId = q.body ? await repo.bodyIdByCode(ctx.db, q.body) : undefined;
  if (q.body && !bodyId) throw new AppError('BODY_NOT_FOUND');
  const from = date(q.from, 'from');
  // A plain date as the end means the whole of that day.
  const to = q.to && /^\d{4}-\d{2}-\d{2}$/.test(q.to) ? new Date(date(q.to, 'to')!.getTime() + 86_400_000) : date(q.to, 'to');
  const cell = cellForZoom(q.zoom);
  const rows = await repo.mapCells(ctx.db, { ...box, cell, topics, bodyId, from, to, colours: colours as repo.MapColour[] | undefined, limit: MAX_CELLS + 1 });
  const cells = rows.slice(0, MAX_CELLS);
  return {
    cell,
    truncated: rows.length > MAX_CELLS,
    total: cells.reduce((n, c) => n + c.total, 0),
    cells: cells.map((c) => ({ ...c, colour: dominant(c) })),
  };
}

/** The colour a cell is drawn in: its most frequent status (ties to the less finished one). */
function dominant(c: repo.MapCellRow): repo.MapColour {
  const counts: [repo.MapColour, number][] = [['new', c.new], ['in_work', c.inWork], ['not_solved', c.notSolved], ['solved', c.solved]];
  return counts.reduce((best, x) => (x[1] > best[1] ? x : best))[0];
}
