// Open311 GeoReport v2 over the unified register. Filing goes through the register's own
// intake (channel `mobile_app`), so numbering, receipts, idempotency and terms are the
// register's; reading shows only what the public may see: never the applicant, never a
// confidential appeal, the point rounded, the place's address only where the request was
// filed here as the problem's place.
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { messageFor } from '../../platform/messages.ts';
import { isUuid } from '../../platform/ids.ts';
import { OPEN_STATUSES } from '@tyndau/contracts';
import { registerAppeal, roundCoordinate, uploadAttachment } from '../appeals/index.ts';
import { cachedBody, cachedTopicFamily, getBody, getBodyPage, listTopics, routeByPlace } from '../bodies/index.ts';
import { listResolutions } from '../process/index.ts';
import { w3c } from './format.ts';
import { verifyApiKey } from './keys.ts';
import * as repo from './open311.repository.ts';
import { extendedStatus, standardStatus } from './statuses.ts';

/** An answer in the spec's error form: the HTTP status and the description. */
export class Open311Error extends Error {
  readonly status: number;
  constructor(status: number, description: string) {
    super(description);
    this.status = status;
  }
}

export const MAX_REQUESTS = 1000;
const DEFAULT_PERIOD_DAYS = 90;
const DAY_MS = 86_400_000;

type Topic = Awaited<ReturnType<typeof listTopics>>[number];

async function topicsByCode(ctx: AppContext): Promise<Map<string, Topic>> {
  return new Map((await listTopics(ctx)).map((t) => [t.code, t]));
}

/** The body named by jurisdiction_id (its code), or a 404 as the spec says. */
async function jurisdiction(ctx: AppContext, code: string | undefined) {
  if (code === undefined || code === '') return undefined;
  if (code.length > 40) throw new Open311Error(404, 'jurisdiction_id was not found');
  try {
    return await getBodyPage(ctx, code);
  } catch (err) {
    if (err instanceof AppError && err.code === 'BODY_NOT_FOUND') throw new Open311Error(404, `jurisdiction_id ${code} was not found`);
    throw err;
  }
}

export function discovery(ctx: AppContext) {
  const base = `${ctx.config.publicUrl.replace(/\/$/, '')}/open311/v2/`;
  return {
    changeset: '2026-12-05T00:00:00+05:00',
    contact: 'Tyndau, the unified register of citizens’ appeals',
    key_service: 'API keys are issued by the platform’s administrator (npm run tyndau -- open311 key add --name APP).',
    endpoints: [
      { specification: 'http://wiki.open311.org/GeoReport_v2', url: base, changeset: '2026-12-05T00:00:00+05:00', type: 'production', formats: ['application/json', 'text/xml'] },
    ],
  };
}

export async function listServices(ctx: AppContext, lang: Language, jurisdictionId?: string) {
  const body = await jurisdiction(ctx, jurisdictionId);
  const topics = await topicsByCode(ctx);
  const competence = body ? new Set(body.topics) : undefined;
  const withAttributes = await repo.topicsWithAttributes(ctx.db, body?.id);
  return [...topics.values()]
    .filter((t) => !competence || competence.has(t.code) || (t.parentCode !== null && competence.has(t.parentCode)))
    .map((t) => {
      const group = t.parentCode ? topics.get(t.parentCode) : t;
      return {
        service_code: t.code,
        service_name: t.name[lang],
        description: group && group !== t ? `${group.name[lang]}: ${t.name[lang]}` : t.name[lang],
        metadata: withAttributes.has(t.code),
        type: 'realtime' as const,
        keywords: [t.name.kk, t.name.ru, t.name.en].join(', '),
        group: group?.name[lang] ?? null,
      };
    });
}

export async function serviceDefinition(ctx: AppContext, code: string, lang: Language, jurisdictionId?: string) {
  const topics = await topicsByCode(ctx);
  if (!topics.has(code)) throw new Open311Error(404, `service_code ${code} was not found`);
  const body = await jurisdiction(ctx, jurisdictionId);
  const rows = await repo.listAttributes(ctx.db, [code], body?.id);
  // Without a jurisdiction, the union of the bodies' attributes, one per code.
  const seen = new Set<string>();
  const attributes = rows
    .filter((r) => !seen.has(r.code) && seen.add(r.code))
    .map((r) => ({
      variable: r.variable,
      code: r.code,
      datatype: r.datatype,
      required: r.required,
      datatype_description: r.datatypeDescription?.[lang] ?? null,
      order: r.sort,
      description: r.description[lang] ?? r.description.ru ?? '',
      values: r.values.map((v) => ({ key: v.key, name: v.name[lang] ?? v.key })),
    }));
  return { service_code: code, attributes };
}

export interface Photo {
  data: Buffer;
  contentType: string;
  fileName: string;
}

type Fields = Record<string, string | string[] | undefined>;

const one = (f: Fields, name: string): string | undefined => {
  const v = f[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? undefined : String(s).trim();
};

/** attribute[CODE] from a form (flat keys, repeated for lists) or an object in JSON. */
function attributesOf(f: Fields & { attribute?: unknown }): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(f)) {
    const m = /^attribute\[([^\]]{1,50})\](\[\])?$/.exec(k);
    if (m && v !== undefined) out[m[1]] = (Array.isArray(v) ? v : [v]).map(String);
  }
  if (f.attribute && typeof f.attribute === 'object' && !Array.isArray(f.attribute)) {
    for (const [k, v] of Object.entries(f.attribute as Record<string, unknown>)) out[k] = (Array.isArray(v) ? v : [v]).map(String);
  }
  return out;
}

function number(v: string | undefined, name: string, min: number, max: number): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) throw new Open311Error(400, `${name} must be a number between ${min} and ${max}`);
  return n;
}

async function checkAttributes(ctx: AppContext, bodyId: string, topicCode: string, given: Record<string, string[]>) {
  const defined = await repo.listAttributes(ctx.db, [topicCode], bodyId);
  const known = new Map(defined.map((d) => [d.code, d]));
  for (const code of Object.keys(given)) if (!known.has(code)) throw new Open311Error(400, `attribute[${code}] is not an attribute of this service`);
  const out: Record<string, string | string[]> = {};
  for (const d of defined) {
    const values = (given[d.code] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (values.length === 0) {
      if (d.required && d.variable) throw new Open311Error(400, `attribute[${d.code}] is required`);
      continue;
    }
    if (d.datatype !== 'multivaluelist' && values.length > 1) throw new Open311Error(400, `attribute[${d.code}] takes one value`);
    for (const v of values) {
      if (v.length > 2000) throw new Open311Error(400, `attribute[${d.code}] is too long`);
      if (d.datatype === 'number' && !Number.isFinite(Number(v))) throw new Open311Error(400, `attribute[${d.code}] must be a number`);
      if (d.datatype === 'datetime' && Number.isNaN(Date.parse(v))) throw new Open311Error(400, `attribute[${d.code}] must be a datetime`);
      if ((d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist') && !d.values.some((x) => x.key === v))
        throw new Open311Error(400, `attribute[${d.code}] must be one of ${d.values.map((x) => x.key).join(', ')}`);
    }
    out[d.code] = d.datatype === 'multivaluelist' ? values : values[0];
  }
  return out;
}

/** A register error turned into the spec's form, in the request's language. */
function asOpen311(err: unknown, lang: Language): never {
  if (err instanceof AppError) {
    if (err.code === 'RATE_LIMITED') throw new Open311Error(429, messageFor(err.code, lang));
    if (err.code === 'DATABASE_UNAVAILABLE' || err.code === 'SERVICE_BUSY') throw err;
    const field = (err.details as { field?: string } | undefined)?.field;
    const detail = err.message !== err.code ? ` (${err.message})` : '';
    throw new Open311Error(400, `${messageFor(err.code, lang)}${detail}${field ? ` [${field}]` : ''}`);
  }
  throw err;
}

/**
 * POST requests: one appeal through the register's intake. The answer is the spec's list of
 * one: the register's number, the legal term as the notice, and the access code for tracking.
 */
export async function fileRequest(ctx: AppContext, fields: Fields & { attribute?: unknown }, photo: Photo | undefined, lang: Language, idempotencyKey?: string) {
  const apiKeyId = await verifyApiKey(ctx, one(fields, 'api_key'));
  if (!apiKeyId) throw new Open311Error(403, 'Invalid api_key received -- can’t proceed with create_request.');
  const serviceCode = one(fields, 'service_code');
  if (!serviceCode) throw new Open311Error(400, 'service_code is required');
  const topics = await topicsByCode(ctx);
  const topic = topics.get(serviceCode);
  if (!topic) throw new Open311Error(400, `service_code ${serviceCode} was not found`);
  const lat = number(one(fields, 'lat'), 'lat', -90, 90);
  const lon = number(one(fields, 'long'), 'long', -180, 180);
  if ((lat === undefined) !== (lon === undefined)) throw new Open311Error(400, 'lat and long are given together');
  const addressString = one(fields, 'address_string');
  const addressId = one(fields, 'address_id');
  if (lat === undefined && !addressString && !addressId) throw new Open311Error(400, 'a location is required: lat and long, address_string or address_id');
  if ((addressString?.length ?? 0) > 500 || (addressId?.length ?? 0) > 200) throw new Open311Error(400, 'address_string is at most 500 characters, address_id 200');
  const description = one(fields, 'description') ?? '';
  if (description.length > 4000) throw new Open311Error(400, 'description is at most 4,000 characters');
  const mediaUrl = one(fields, 'media_url');
  if (mediaUrl !== undefined && mediaUrl !== '') {
    let ok = false;
    try {
      ok = mediaUrl.length <= 2000 && ['http:', 'https:'].includes(new URL(mediaUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new Open311Error(400, 'media_url must be an http or https URL');
  }
  const name = [one(fields, 'first_name'), one(fields, 'last_name')].filter(Boolean).join(' ').slice(0, 300);
  // The law considers no anonymous appeal outside the trust phone.
  if (!name) throw new Open311Error(400, 'first_name or last_name is required: anonymous appeals are not considered');
  const email = one(fields, 'email') || undefined;
  const phone = one(fields, 'phone') || undefined;
  if (email && (email.length > 254 || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))) throw new Open311Error(400, 'email is not an e-mail address');
  if (phone && !/^\+?[0-9 ()-]{5,20}$/.test(phone)) throw new Open311Error(400, 'phone is not a phone number');

  // The body: jurisdiction_id, else routing by place.
  const jurisdictionId = one(fields, 'jurisdiction_id');
  let bodyId: string | undefined;
  if (jurisdictionId) bodyId = (await jurisdiction(ctx, jurisdictionId))!.id;
  else {
    const routed = lat !== undefined ? await routeByPlace(ctx, { lat, lon: lon! }, serviceCode) : undefined;
    if (!routed) throw new Open311Error(400, 'jurisdiction_id is required: no body’s boundary and competence holds this place and service');
    bodyId = undefined; // registerAppeal routes again and records the choice on the appeal's event
  }
  const attributes = await checkAttributes(ctx, bodyId ?? (await routeByPlace(ctx, { lat: lat!, lon: lon! }, serviceCode))!.bodyId, serviceCode, attributesOf(fields));

  let photoId: string | undefined;
  if (photo) {
    if (!photo.contentType.startsWith('image/')) throw new Open311Error(400, 'media must be a JPEG, PNG or WebP image');
    try {
      photoId = (await uploadAttachment(ctx, { name: photo.fileName || 'photo', contentType: photo.contentType, data: photo.data })).id;
    } catch (err) {
      asOpen311(err, lang);
    }
  }
  const place = [addressString, addressId && !addressString ? `address_id ${addressId}` : undefined].filter(Boolean).join('; ') || undefined;
  const text = description.length >= 3 ? description : `${topic.name[lang]}${place ? `: ${place}` : ''}${description ? ` — ${description}` : ''}`;
  const registered = await registerAppeal(
    ctx,
    {
      bodyId,
      kind: 'application',
      text,
      topicCode: serviceCode,
      applicant: { type: 'individual', name, email, phone },
      preferredAnswer: email ? 'email' : phone ? 'sms' : 'portal',
      address: place,
      location: lat !== undefined ? { lat, lon: lon! } : undefined,
      channel: 'mobile_app',
      attachments: photoId ? [photoId] : undefined,
    },
    {
      channelSetByModule: true,
      idempotencyKey,
      within: (tx, appeal) =>
        repo.insertRequestExtras(tx, { appealId: appeal.id, apiKeyId, mediaUrl: mediaUrl || null, photoId: photoId ?? null, addressId: addressId ?? null, attributes }).then(() => undefined),
    },
  ).catch((err: unknown) => asOpen311(err, lang));
  const [row] = await repo.listPublicRequests(ctx.db, { numbers: [registered.number], limit: 1 });
  return [
    {
      service_request_id: registered.number,
      service_notice: noticeOf(row?.legalDueAt ?? null, lang),
      account_id: null,
      // Tyndau's extra: the citizen's tracking code (GET /api/v1/track/{number}?code=…), shown once.
      access_code: registered.accessCode,
    },
  ];
}

const NOTICE: Record<Language, (d: string) => string> = {
  kk: (d) => `Өтініш тіркелді. Заң бойынша жауап мерзімі: ${d} дейін (15 жұмыс күні).`,
  ru: (d) => `Обращение зарегистрировано. Срок ответа по закону: до ${d} (15 рабочих дней).`,
  en: (d) => `Registered. The legal term for the answer: by ${d} (15 working days).`,
};

function noticeOf(due: Date | null, lang: Language): string | null {
  const d = w3c(due);
  return d ? NOTICE[lang](d.slice(0, 10)) : null;
}

const STATUS_NOTE: Record<string, Record<Language, string>> = {
  duplicate: { kk: 'Басқа өтінішке біріктірілді: сол өтініштің жауабымен жауап беріледі.', ru: 'Объединено с другим обращением: ответ будет дан вместе с ним.', en: 'Merged into another request: it is answered with that one’s answer.' },
  redirected: { kk: 'Құзыретті органға қайта жолданды.', ru: 'Переадресовано в компетентный орган.', en: 'Forwarded to the competent body.' },
  left_without_consideration: { kk: 'Заңда көзделген негіз бойынша қараусыз қалдырылды.', ru: 'Оставлено без рассмотрения по основанию, предусмотренному законом.', en: 'Left without consideration on a legal ground.' },
};

function statusNote(r: { status: string; resolution: string | null; duplicate: boolean }, lang: Language): string | null {
  if (r.duplicate) return STATUS_NOTE.duplicate[lang];
  if (r.status === 'redirected' || r.status === 'left_without_consideration') return STATUS_NOTE[r.status][lang];
  if (!r.resolution) return null;
  const def = listResolutions().find((d) => d.code === r.resolution);
  return def ? `${def.name[lang]}: ${def.definition[lang]}` : null;
}

export interface RequestsQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: string;
  jurisdiction_id?: string;
  extensions?: string;
}

function date(v: string | undefined, name: string): Date | undefined {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  if (v.length > 40 || Number.isNaN(d.getTime())) throw new Open311Error(400, `${name} must be a W3C datetime`);
  return d;
}

export async function listRequests(ctx: AppContext, q: RequestsQuery, lang: Language) {
  const filter: repo.RequestFilter = { limit: MAX_REQUESTS };
  if (q.service_request_id) {
    // A list of ids overrides every other argument (the spec).
    const numbers = q.service_request_id.split(',').map((s) => s.trim()).filter(Boolean);
    if (numbers.length > MAX_REQUESTS || numbers.some((n) => n.length > 40)) throw new Open311Error(400, `at most ${MAX_REQUESTS} service_request_id`);
    filter.numbers = numbers;
  } else {
    if (q.service_code) {
      const topics = await topicsByCode(ctx);
      const codes = q.service_code.split(',').map((s) => s.trim());
      for (const c of codes) if (!topics.has(c)) throw new Open311Error(404, `service_code ${c} was not found`);
      filter.topicCodes = [...new Set((await Promise.all(codes.map((c) => cachedTopicFamily(ctx, c)))).flat())];
    }
    const now = ctx.clock.now();
    const end = date(q.end_date, 'end_date');
    const start = date(q.start_date, 'start_date');
    filter.to = end;
    // 90 days by default: before end_date, or before now.
    filter.from = start ?? new Date((end ?? now).getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
    if (end && filter.from > end) throw new Open311Error(400, 'start_date is after end_date');
    if (q.status) {
      const wanted = q.status.split(',').map((s) => s.trim().toLowerCase());
      if (wanted.some((s) => s !== 'open' && s !== 'closed')) throw new Open311Error(400, 'status is open or closed');
      if (wanted.length === 1) filter.statuses = wanted[0] === 'open' ? { in: OPEN_STATUSES } : { notIn: OPEN_STATUSES };
    }
    if (q.jurisdiction_id) filter.bodyId = (await jurisdiction(ctx, q.jurisdiction_id))!.id;
  }
  const rows = await repo.listPublicRequests(ctx.db, filter);
  return presentRequests(ctx, rows, lang, q.extensions === 'true');
}

export async function getRequest(ctx: AppContext, id: string, lang: Language, extensions: boolean) {
  if (id.length > 40) throw new Open311Error(404, `service_request_id ${id} was not found`);
  const rows = await repo.listPublicRequests(ctx.db, { numbers: [id], limit: 1 });
  // A confidential appeal is a 404 like a missing one.
  if (rows.length === 0) throw new Open311Error(404, `service_request_id ${id} was not found`);
  return presentRequests(ctx, rows, lang, extensions);
}

function mediaUrlOf(ctx: AppContext, r: { mediaUrl: string | null; photoId: string | null }): string | null {
  if (r.mediaUrl) return r.mediaUrl;
  return r.photoId ? `${ctx.config.publicUrl.replace(/\/$/, '')}/open311/v2/media/${r.photoId}` : null;
}

async function presentRequests(ctx: AppContext, rows: repo.PublicRequestRow[], lang: Language, extensions: boolean) {
  const topics = await topicsByCode(ctx);
  const bodyIds = [...new Set(rows.flatMap((r) => [r.bodyId, ...(r.redirectedTo ? [r.redirectedTo] : [])]))];
  const bodies = new Map(await Promise.all(bodyIds.map(async (id) => [id, await cachedBody(ctx, id)] as const)));
  const nameOf = (id: string) => {
    const b = bodies.get(id);
    return b ? { kk: b.nameKk, ru: b.nameRu, en: b.nameEn }[lang] : null;
  };
  return rows.map((r) => {
    const duplicate = r.parentNumber !== null;
    const body = bodies.get(r.bodyId);
    const target = r.redirectedTo ? bodies.get(r.redirectedTo) : undefined;
    const facts = { status: r.status, resolution: r.resolution, executorId: r.executorId, duplicate, redirectedInternally: !!target && !!body && (target.parentId === body.id || target.parentId === body.parentId || body.parentId === target.id) };
    // The place is published only as given to Open311 (the problem's place), the point rounded.
    const filedHere = r.channel === 'mobile_app';
    return {
      service_request_id: r.number,
      status: standardStatus(r.status),
      status_notes: statusNote({ status: r.status, resolution: r.resolution, duplicate }, lang),
      service_name: r.topicCode ? (topics.get(r.topicCode)?.name[lang] ?? null) : null,
      service_code: r.topicCode ?? 'other',
      // The citizen's own words may name people: the text is not published.
      description: null,
      agency_responsible: nameOf(r.bodyId),
      service_notice: null,
      requested_datetime: w3c(r.receivedAt)!,
      updated_datetime: w3c(r.updatedAt ?? r.receivedAt),
      expected_datetime: w3c(r.legalDueAt),
      address: filedHere ? r.address : null,
      address_id: null,
      zipcode: null,
      lat: roundCoordinate(r.lat),
      long: roundCoordinate(r.lon),
      media_url: mediaUrlOf(ctx, r),
      ...(extensions
        ? {
            extended_status: extendedStatus(facts),
            channel: r.channel,
            duplicate,
            parent_service_request_id: r.parentNumber,
          }
        : {}),
    };
  });
}

/** Event types that are updates of a request (status changes, answers, merges). */
const UPDATE_TYPES = ['appeal.triaged', 'appeal.taken_into_work', 'appeal.assigned', 'appeal.info_requested', 'appeal.info_received', 'appeal.answered', 'appeal.closed', 'appeal.redirected', 'appeal.left_without_consideration', 'appeal.merged'] as const;

/** FixMyStreet's servicerequestupdates: what happened since start_date (90 days by default), oldest first. */
export async function listUpdates(ctx: AppContext, q: { start_date?: string; end_date?: string }, lang: Language) {
  const now = ctx.clock.now();
  const end = date(q.end_date, 'end_date') ?? now;
  const start = date(q.start_date, 'start_date') ?? new Date(end.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  const rows = await repo.listUpdates(ctx.db, start, end, UPDATE_TYPES, MAX_REQUESTS);
  return rows.map((r) => {
    const to = typeof r.data.to === 'string' ? r.data.to : r.status;
    const merged = r.type === 'appeal.merged';
    const resolution = typeof r.data.resolution === 'string' ? r.data.resolution : to === r.status ? r.resolution : null;
    const facts = { status: to, resolution, executorId: r.type === 'appeal.assigned' ? 'someone' : null, duplicate: merged };
    return {
      update_id: String(r.id),
      service_request_id: r.number,
      status: extendedStatus(facts),
      updated_datetime: w3c(r.at)!,
      description: statusNote({ status: to, resolution, duplicate: merged }, lang) ?? '',
      media_url: mediaUrlOf(ctx, r),
    };
  });
}

export { getBody, isUuid };
