// City objects: places a body prints a QR poster for (a bus stop, a playground, an
// entrance). The poster's code opens `/{lang}/appeal?object=CODE`, and the form reads the
// object here to fill in its place, topic and body.
import QRCode from 'qrcode';
import { LANGUAGES, type Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { cachedBody, cachedTopic } from '../bodies/index.ts';
import { mayEditObjects } from './citymap.policy.ts';
import * as repo from './citymap.repository.ts';

export interface ObjectInput {
  code: string;
  name: string;
  address?: string | null;
  location?: { lat: number; lon: number } | null;
  topicCode?: string | null;
}

export interface CityObjectView {
  code: string;
  name: string;
  address: string | null;
  location: { lat: number; lon: number } | null;
  topicCode: string | null;
  body: { id: string; code: string; name: { kk: string; ru: string; en: string } };
  createdAt: string;
}

/** Codes are printed and typed: upper case, digits and hyphens. */
export const normaliseCode = (code: string) => code.trim().toUpperCase();

async function view(ctx: AppContext, row: repo.CityObjectRow): Promise<CityObjectView> {
  const body = await cachedBody(ctx, row.bodyId);
  return {
    code: row.code,
    name: row.name,
    address: row.address,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    topicCode: row.topicCode,
    body: { id: body.id, code: body.code, name: { kk: body.nameKk, ru: body.nameRu, en: body.nameEn } },
    createdAt: row.createdAt.toISOString(),
  };
}

/** Public: what a scanned poster fills in. */
export async function getObject(ctx: AppContext, code: string): Promise<CityObjectView> {
  const row = await repo.findObject(ctx.db, normaliseCode(code));
  if (!row) throw new AppError('CITY_OBJECT_NOT_FOUND');
  return view(ctx, row);
}

export async function listObjects(ctx: AppContext, staff: Staff, q: { limit: number; cursor?: string }) {
  const rows = await repo.listObjects(ctx.db, staff.bodyId, q.limit, q.cursor);
  const items = await Promise.all(rows.slice(0, q.limit).map((r) => view(ctx, r)));
  return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.code : null };
}

export async function createObject(ctx: AppContext, staff: Staff, input: ObjectInput): Promise<CityObjectView> {
  if (!mayEditObjects(staff)) throw new AppError('FORBIDDEN');
  const code = normaliseCode(input.code);
  if (!/^[A-Z0-9][A-Z0-9-]{2,39}$/.test(code)) throw new AppError('VALIDATION_FAILED', undefined, { field: 'code' });
  if (input.topicCode) await cachedTopic(ctx, input.topicCode);
  const row = await repo.insertObject(ctx.db, {
    code,
    bodyId: staff.bodyId,
    name: input.name.trim(),
    address: input.address?.trim() || null,
    lat: input.location?.lat ?? null,
    lon: input.location?.lon ?? null,
    topicCode: input.topicCode || null,
    createdBy: staff.id,
    createdAt: ctx.clock.now(),
  });
  if (!row) throw new AppError('CITY_OBJECT_EXISTS');
  return view(ctx, row);
}

export async function removeObject(ctx: AppContext, staff: Staff, code: string): Promise<void> {
  if (!mayEditObjects(staff)) throw new AppError('FORBIDDEN');
  // Another body's object answers as a missing one.
  if (!(await repo.deleteObject(ctx.db, staff.bodyId, normaliseCode(code)))) throw new AppError('CITY_OBJECT_NOT_FOUND');
}

/** The address a poster's QR code opens: the appeal form in the poster's language, filled from the object. */
export function objectLink(ctx: AppContext, code: string, lang: Language): string {
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  return `${base}/${lang}/appeal?object=${encodeURIComponent(code)}`;
}

/** The QR code of an object's link as SVG (error correction M: a poster outdoors gets dirty). */
export async function objectQrSvg(ctx: AppContext, code: string, lang: string): Promise<{ svg: string; link: string }> {
  const object = await getObject(ctx, code);
  const language = (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'kk';
  const link = objectLink(ctx, object.code, language);
  const svg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { svg, link };
}
