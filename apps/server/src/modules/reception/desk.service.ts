// The public reception and the front office: the desk log of visits, calls and online
// requests (a consultation is one quick call), quick registration of an appeal with a
// printable receipt, the contact line's hours and out-of-hours autoresponse, daily
// monitoring and weekly statistics.
import { ALMATY_OFFSET_MS } from '@tyndau/contracts';
import type { AnswerMethod, AppealKind, Language, Localized } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Staff } from '../../platform/staff.ts';
import { detectLanguage, registerAppeal, trackAppeal, type AppealInput } from '../appeals/index.ts';
import { assertTopicExists, getBody } from '../bodies/index.ts';
import { isWorkingDay } from '../deadlines/index.ts';
import * as repo from './reception.repository.ts';
import { assertRole, DESK_READERS, DESK_SETTERS, DESK_STAFF } from './reception.policy.ts';
import { almatyHour, almatyInstant } from './quarters.ts';
import { renderReceipt } from './receipt.ts';

export const DESKS = ['public_reception', 'front_office'] as const;
export type Desk = (typeof DESKS)[number];
export const SUB_SOURCES = ['online_form', 'social_network', 'visit', 'contact_line', 'app'] as const;
export type SubSource = (typeof SUB_SOURCES)[number];
/** Why a visitor came or called. */
export const VISIT_PURPOSES = ['consultation', 'submit_appeal', 'book_reception', 'appeal_status', 'collect_answer', 'documents', 'other'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

const DAY_MS = 86_400_000;

function subSourceFor(desk: Desk, given: SubSource | undefined): SubSource {
  // The front office is a counter: people come in person.
  if (desk === 'front_office') {
    if (given && given !== 'visit') throw new AppError('VALIDATION_FAILED', 'the front office receives visitors only', { field: 'subSource' });
    return 'visit';
  }
  return given ?? 'visit';
}

export interface ConsultationInput {
  desk: Desk;
  subSource?: SubSource;
  purpose?: VisitPurpose;
  language: Language;
  topicCode?: string;
  visitorName?: string;
  note?: string;
}

/** A consultation given at the desk: one call, nothing else to fill in. */
export async function logConsultation(ctx: AppContext, staff: Staff, input: ConsultationInput) {
  assertRole(staff, DESK_STAFF);
  if (input.topicCode) await assertTopicExists(ctx, input.topicCode);
  const at = ctx.clock.now();
  const id = await repo.insertContact(ctx.db, {
    bodyId: staff.bodyId,
    desk: input.desk,
    subSource: subSourceFor(input.desk, input.subSource),
    at,
    purpose: input.purpose ?? 'consultation',
    language: input.language,
    topicCode: input.topicCode ?? null,
    outcome: 'consultation',
    appealId: null,
    visitorName: input.visitorName?.trim() || null,
    note: input.note?.trim() || null,
    staffId: staff.id,
  });
  return { id, at: at.toISOString(), outcome: 'consultation' };
}

export interface DeskAppealInput {
  desk: Desk;
  subSource?: SubSource;
  purpose?: VisitPurpose;
  appeal: {
    kind: AppealKind;
    text: string;
    topicCode?: string;
    language?: Language;
    applicant: AppealInput['applicant'];
    preferredAnswer: AnswerMethod;
    address?: string;
  };
}

/** Quick registration at the desk: the appeal enters the register (channel = the desk) and the visit is logged with it. */
export async function registerDeskAppeal(ctx: AppContext, staff: Staff, input: DeskAppealInput, idempotencyKey?: string) {
  assertRole(staff, DESK_STAFF);
  const subSource = subSourceFor(input.desk, input.subSource);
  const language = input.appeal.language ?? detectLanguage(input.appeal.text);
  let contactId: string | undefined;
  const appeal = await registerAppeal(ctx, { ...input.appeal, language, bodyId: staff.bodyId, channel: input.desk }, {
    staff,
    idempotencyKey: idempotencyKey ? `desk:${idempotencyKey}` : undefined,
    // The visit is logged with the appeal, in its transaction.
    within: async (tx, registered) => {
      const at = ctx.clock.now();
      contactId = await repo.insertContact(tx, {
        bodyId: staff.bodyId,
        desk: input.desk,
        subSource,
        at,
        purpose: input.purpose ?? 'submit_appeal',
        language,
        topicCode: input.appeal.topicCode ?? null,
        outcome: 'appeal',
        appealId: registered.id,
        visitorName: input.appeal.applicant.name?.trim() || null,
        note: null,
        staffId: staff.id,
      });
      // The sub-source is part of the appeal's own history too.
      await ctx.events.record(tx, { appealId: registered.id, type: 'reception.desk_registered', at, actor: { id: staff.id, role: staff.role }, data: { desk: input.desk, subSource, contactId } });
    },
  });
  const row = await ctx.db
    .selectFrom('appeal')
    .leftJoin('receptionContact', 'receptionContact.appealId', 'appeal.id')
    .select(['appeal.legalDueAt', 'receptionContact.id as contactId'])
    .where('appeal.id', '=', appeal.id)
    .executeTakeFirstOrThrow();
  return {
    id: appeal.id,
    number: appeal.number,
    accessCode: appeal.accessCode,
    status: appeal.status,
    receivedAt: appeal.receivedAt,
    legalDueAt: row.legalDueAt?.toISOString() ?? null,
    contactId: contactId ?? row.contactId ?? '',
    receiptUrl: `/api/v1/receptions/receipt/${encodeURIComponent(appeal.number)}?code=${encodeURIComponent(appeal.accessCode)}`,
  };
}

/** The printable receipt: number, access code, received and legal due date. The code proves the right to it. */
export async function receipt(ctx: AppContext, number: string, code: string, lang: Language): Promise<string> {
  const { view } = await trackAppeal(ctx, number, code);
  return renderReceipt({
    lang,
    number: view.number,
    accessCode: code.trim().toUpperCase(),
    bodyName: view.body.name,
    channel: view.channel,
    receivedAt: new Date(view.receivedAt),
    legalDueAt: view.legalDueAt ? new Date(view.legalDueAt) : null,
    trackUrl: `${ctx.config.publicUrl.replace(/\/+$/, '')}/${lang}/track/${encodeURIComponent(view.number)}`,
  });
}

// ---- the contact line: hours and autoresponse ----

export interface DeskHours {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  days: number[];
  opens: string;
  closes: string;
}

export const DEFAULT_HOURS: DeskHours = { days: [1, 2, 3, 4, 5], opens: '09:00', closes: '18:30' };

const DAY_NAMES: Record<Language, string[]> = {
  kk: ['Дс', 'Сс', 'Ср', 'Бс', 'Жм', 'Сн', 'Жс'],
  ru: ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export const DEFAULT_AUTORESPONSE: Localized = {
  kk: 'Сәлеметсіз бе! Байланыс желісі қазір жұмыс істемейді. Жұмыс уақыты: {hours}. Өтінішіңізді порталда кез келген уақытта қалдыра аласыз немесе жұмыс уақытында қайта қоңырау шалыңыз.',
  ru: 'Здравствуйте! Контактная линия сейчас не работает. Часы работы: {hours}. Вы можете оставить обращение на портале в любое время или позвонить в рабочее время.',
  en: 'Hello! The contact line is closed now. Opening hours: {hours}. You can leave an appeal on the portal at any time or call again during opening hours.',
};

export function formatHours(h: DeskHours, lang: Language): string {
  const names = DAY_NAMES[lang];
  const days = [...h.days].sort();
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1] + 1);
  const dayText = consecutive && days.length > 2 ? `${names[days[0] - 1]}–${names[days[days.length - 1] - 1]}` : days.map((d) => names[d - 1]).join(', ');
  return `${dayText} ${h.opens}–${h.closes}`;
}

async function deskSettings(ctx: AppContext, bodyId: string) {
  const row = await repo.findDeskSetting(ctx.db, bodyId);
  const hours: DeskHours = row ? { days: row.days, opens: row.opens, closes: row.closes } : DEFAULT_HOURS;
  const custom: Partial<Localized> = row ? { kk: row.autoresponseKk ?? undefined, ru: row.autoresponseRu ?? undefined, en: row.autoresponseEn ?? undefined } : {};
  return { hours, custom, updatedAt: row?.updatedAt ?? null };
}

/** Public holidays and days off close the line on weekdays; weekend days follow the body's hours. */
async function isOpenDay(ctx: AppContext, date: string, isoWeekday: number, hours: DeskHours): Promise<boolean> {
  if (!hours.days.includes(isoWeekday)) return false;
  if (isoWeekday >= 6) return true;
  try {
    return await isWorkingDay(ctx, date);
  } catch {
    return true; // a year the calendar does not cover: trust the weekly hours
  }
}

const localDay = (at: Date) => {
  const d = new Date(at.getTime() + ALMATY_OFFSET_MS);
  return { date: d.toISOString().slice(0, 10), isoWeekday: ((d.getUTCDay() + 6) % 7) + 1, hhmm: d.toISOString().slice(11, 16) };
};

/** Is the contact line open now, and if not, what the caller hears. */
export async function contactLineStatus(ctx: AppContext, bodyIdOrCode: string, lang: Language) {
  const body = await getBody(ctx, bodyIdOrCode);
  const { hours, custom } = await deskSettings(ctx, body.id);
  const now = ctx.clock.now();
  const today = localDay(now);
  const open = (await isOpenDay(ctx, today.date, today.isoWeekday, hours)) && today.hhmm >= hours.opens && today.hhmm < hours.closes;
  let nextOpensAt: string | null = null;
  if (!open) {
    for (let i = 0; i < 21 && !nextOpensAt; i++) {
      const day = localDay(new Date(now.getTime() + i * DAY_MS));
      if (i === 0 && today.hhmm >= hours.opens) continue;
      if (await isOpenDay(ctx, day.date, day.isoWeekday, hours)) nextOpensAt = almatyInstant(day.date, hours.opens).toISOString();
    }
  }
  const text = (custom[lang] || DEFAULT_AUTORESPONSE[lang]).replace('{hours}', formatHours(hours, lang));
  return { open, language: lang, hours: { ...hours, text: formatHours(hours, lang) }, nextOpensAt, autoresponse: open ? null : text };
}

export async function getDeskSettings(ctx: AppContext, staff: Staff) {
  assertRole(staff, DESK_READERS);
  const s = await deskSettings(ctx, staff.bodyId);
  return { hours: s.hours, autoresponse: { kk: s.custom.kk ?? null, ru: s.custom.ru ?? null, en: s.custom.en ?? null }, defaultAutoresponse: DEFAULT_AUTORESPONSE, updatedAt: s.updatedAt?.toISOString() ?? null };
}

export async function setDeskSettings(ctx: AppContext, staff: Staff, input: { hours: DeskHours; autoresponse?: Partial<Record<Language, string | null>> }) {
  assertRole(staff, DESK_SETTERS);
  const { days, opens, closes } = input.hours;
  if (days.length === 0 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) throw new AppError('VALIDATION_FAILED', 'days are ISO weekdays 1..7', { field: 'hours/days' });
  const time = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!time.test(opens) || !time.test(closes) || closes <= opens) throw new AppError('VALIDATION_FAILED', 'opens and closes are HH:MM, closing after opening', { field: 'hours' });
  const text = (l: Language) => input.autoresponse?.[l]?.trim() || null;
  await repo.upsertDeskSetting(ctx.db, { bodyId: staff.bodyId, days: [...new Set(days)].sort(), opens, closes, autoresponseKk: text('kk'), autoresponseRu: text('ru'), autoresponseEn: text('en'), updatedBy: staff.id, updatedAt: ctx.clock.now() });
  return getDeskSettings(ctx, staff);
}

// ---- monitoring and statistics ----

type ContactRow = Awaited<ReturnType<typeof repo.contactsForStats>>[number];

function countBy<T>(rows: T[], key: (r: T) => string | number | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) {
    const k = String(key(r) ?? 'unknown');
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function summary(rows: ContactRow[]) {
  return {
    contacts: rows.length,
    consultations: rows.filter((r) => r.outcome === 'consultation').length,
    callsTaken: rows.filter((r) => r.subSource === 'contact_line').length,
    visits: rows.filter((r) => r.subSource === 'visit').length,
    appealsLogged: rows.filter((r) => r.outcome === 'appeal').length,
    bookings: rows.filter((r) => r.outcome === 'booking').length,
    bySubSource: countBy(rows, (r) => r.subSource),
    byPurpose: countBy(rows, (r) => r.purpose),
    byOutcome: countBy(rows, (r) => r.outcome),
    byLanguage: countBy(rows, (r) => r.language),
  };
}

function parseDate(s: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(new Date(`${s}T00:00:00Z`).getTime())) throw new AppError('VALIDATION_FAILED', `${field} must be YYYY-MM-DD`, { field });
  return s;
}

/** The desk's day: what came in, how it ended, and the channel's appeals still open. */
export async function dailyMonitoring(ctx: AppContext, staff: Staff, q: { desk: Desk; date?: string }) {
  assertRole(staff, DESK_READERS);
  const now = ctx.clock.now();
  const date = q.date ? parseDate(q.date, 'date') : localDay(now).date;
  const from = almatyInstant(date, '00:00');
  const to = new Date(from.getTime() + DAY_MS);
  const [rows, log, appeals] = await Promise.all([
    repo.contactsForStats(ctx.db, { bodyId: staff.bodyId, desk: q.desk, from, to }),
    repo.listContacts(ctx.db, { bodyId: staff.bodyId, desk: q.desk, from, to, limit: 200 }),
    repo.channelAppealCounts(ctx.db, { bodyId: staff.bodyId, channel: q.desk, from, to, now }),
  ]);
  return {
    desk: q.desk,
    date,
    ...summary(rows),
    appealsRegistered: appeals.registered,
    channelOpenAppeals: appeals.open,
    channelOverdueAppeals: appeals.overdue,
    log: log.map((c) => ({ ...c, at: c.at.toISOString() })),
  };
}

/** Statistics over a period (default: this week, Monday to Sunday): by purpose, hour, day, sub-source and outcome. */
export async function deskStats(ctx: AppContext, staff: Staff, q: { desk: Desk; from?: string; to?: string }) {
  assertRole(staff, DESK_READERS);
  const today = localDay(ctx.clock.now());
  const monday = new Date(almatyInstant(today.date, '00:00').getTime() - (today.isoWeekday - 1) * DAY_MS);
  const fromDate = q.from ? parseDate(q.from, 'from') : localDay(monday).date;
  const toDate = q.to ? parseDate(q.to, 'to') : localDay(new Date(monday.getTime() + 6 * DAY_MS)).date;
  const from = almatyInstant(fromDate, '00:00');
  const to = new Date(almatyInstant(toDate, '00:00').getTime() + DAY_MS);
  if (to <= from || to.getTime() - from.getTime() > 366 * DAY_MS) throw new AppError('VALIDATION_FAILED', 'to is on or after from, within a year', { field: 'to' });
  const [rows, appeals] = await Promise.all([
    repo.contactsForStats(ctx.db, { bodyId: staff.bodyId, desk: q.desk, from, to }),
    repo.channelAppealCounts(ctx.db, { bodyId: staff.bodyId, channel: q.desk, from, to, now: ctx.clock.now() }),
  ]);
  const byPurposeAndHour: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const h = String(almatyHour(r.at));
    byPurposeAndHour[r.purpose] ??= {};
    byPurposeAndHour[r.purpose][h] = (byPurposeAndHour[r.purpose][h] ?? 0) + 1;
  }
  return {
    desk: q.desk,
    from: fromDate,
    to: toDate,
    ...summary(rows),
    appealsRegistered: appeals.registered,
    byHour: countBy(rows, (r) => almatyHour(r.at)),
    byDay: countBy(rows, (r) => localDay(r.at).date),
    byPurposeAndHour,
  };
}
