// The official website (channel 10): each body's public page as the single source. The
// bodies module keeps names, contacts and channels with numbers and hours; this module adds
// what the study asks for besides (about, documents, news, social accounts), dates every
// change in a public log, mails subscribers through the outbox, counts "was this page
// useful?" per page and body, checks each page's completeness daily, and answers the
// "How can I help you?" search.
import { randomBytes } from 'node:crypto';
import type { Language, Role } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/ids.ts';
import { parseRealDate } from '../../platform/validation.ts';
import type { Staff } from '../../platform/staff.ts';
import { getBodyPage } from '../bodies/index.ts';
import { listHeads } from '../blog/index.ts';
import { searchPublishedArticles } from '../knowledge/index.ts';
import { queueNotification } from '../notify/index.ts';
import { listPublishedQuestions } from '../qa/index.ts';
import * as repo from './site.repository.ts';

/** Who edits a body's page: the administrator, the communications department and the content editor (moderator). */
export const SITE_EDITORS: readonly Role[] = ['admin', 'comms_officer', 'moderator'];
/** Who reads the votes and completeness of their body. */
export const SITE_READERS: readonly Role[] = ['admin', 'comms_officer', 'moderator', 'head', 'deputy', 'analyst'];

export interface PageContent {
  about: Partial<Record<Language, string>>;
  documents: { title: string; url: string; date?: string }[];
  news: { title: string; text: string; date: string }[];
  social: { network: string; url: string }[];
}
const SECTIONS = ['about', 'documents', 'news', 'social'] as const;
type Section = (typeof SECTIONS)[number];

const EMPTY: PageContent = { about: {}, documents: [], news: [], social: [] };

function contentOf(row: Awaited<ReturnType<typeof repo.findPage>>): PageContent {
  if (!row) return EMPTY;
  return { about: row.about, documents: row.documents as PageContent['documents'], news: row.news as PageContent['news'], social: row.social as PageContent['social'] };
}

type BodyPage = Awaited<ReturnType<typeof getBodyPage>>;
interface Contacts {
  address?: unknown;
  phone?: string;
  email?: string;
  hours?: unknown;
}
interface ChannelEntry {
  channel: string;
  phone?: string;
  url?: string;
  hours?: unknown;
  address?: unknown;
}

const SELF_SERVED = ['online_qa', 'head_blog', 'social_media'];

/** What the study says a body's page must carry; each missing item is named. */
export function completenessOf(body: BodyPage, content: PageContent): { score: number; missing: string[] } {
  const c = (body.contacts ?? {}) as Contacts;
  const channels = body.channels as ChannelEntry[];
  const checks: Record<string, boolean> = {
    about: Object.values(content.about).some((t) => !!t?.trim()),
    'contacts.address': !!c.address,
    'contacts.phone': !!c.phone,
    'contacts.email': !!c.email,
    'contacts.hours': !!c.hours,
    // Channels served on this platform itself (the Q&A, the head's blog) need no number of
    // their own; social media are checked as the accounts below.
    channels: channels.length > 0 && channels.every((ch) => SELF_SERVED.includes(ch.channel) || !!(ch.phone || ch.url || ch.address)),
    schedules: channels.some((ch) => ch.channel === 'personal_reception' && !!ch.hours),
    social: content.social.length > 0,
  };
  const missing = Object.keys(checks).filter((k) => !checks[k]);
  return { score: Math.round((100 * (Object.keys(checks).length - missing.length)) / Object.keys(checks).length), missing };
}

export async function getSitePage(ctx: AppContext, code: string) {
  const body = await getBodyPage(ctx, code);
  const [page, heads, changes] = await Promise.all([repo.findPage(ctx.db, body.id), listHeads(ctx, body.id), repo.listChanges(ctx.db, body.id, 20)]);
  const content = contentOf(page);
  return {
    body,
    ...content,
    heads: heads.items.map((h) => ({ slug: h.slug, name: h.name, position: h.position })),
    updatedAt: page?.updatedAt.toISOString() ?? null,
    changes: changes.slice(0, 20).map((ch) => ({ id: String(ch.id), at: ch.at.toISOString(), sections: ch.sections, summary: ch.summary })),
    completeness: completenessOf(body, content),
  };
}

export async function listChangeLog(ctx: AppContext, code: string, query: { limit: number; cursor?: string }) {
  const body = await getBodyPage(ctx, code);
  if (query.cursor !== undefined && !/^\d{1,18}$/.test(query.cursor)) throw new AppError('VALIDATION_FAILED', 'bad cursor', { field: 'cursor' });
  const rows = await repo.listChanges(ctx.db, body.id, query.limit, query.cursor);
  const items = rows.slice(0, query.limit);
  return { items: items.map((ch) => ({ id: String(ch.id), at: ch.at.toISOString(), sections: ch.sections, summary: ch.summary })), nextCursor: rows.length > query.limit ? String(items[items.length - 1].id) : null };
}

/** JSON with keys in order: jsonb gives objects back with its own key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v ?? null);
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Replace the page's own sections. What changed is dated in the public log and mailed to the
 * confirmed subscribers, all in one transaction (the outbox sends later), so a published
 * change and its notices commit together. Nothing changed: no log entry, no mail.
 */
export async function savePage(ctx: AppContext, staff: Staff, code: string, input: PageContent) {
  if (!SITE_EDITORS.includes(staff.role)) throw new AppError('FORBIDDEN');
  const body = await getBodyPage(ctx, code);
  if (body.id !== staff.bodyId) throw new AppError('FORBIDDEN', 'staff edit their own body’s page');
  for (const d of input.documents) if (!/^https?:\/\//.test(d.url)) throw new AppError('VALIDATION_FAILED', 'documents: http(s) addresses only', { field: 'documents' });
  for (const s of input.social) if (!/^https:\/\//.test(s.url)) throw new AppError('VALIDATION_FAILED', 'social: https addresses only', { field: 'social' });
  const now = ctx.clock.now();
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  return ctx.db.transaction().execute(async (tx) => {
    const before = contentOf(await repo.findPage(tx, body.id, true));
    const changed: Section[] = SECTIONS.filter((s) => !same(before[s], input[s]));
    if (changed.length === 0) return { changed: [] as string[], at: null };
    await repo.upsertPage(tx, { bodyId: body.id, about: input.about as Record<string, string>, documents: input.documents, news: input.news, social: input.social, updatedAt: now });
    const summary = Object.fromEntries(changed.map((s) => [s, Array.isArray(input[s]) ? { before: (before[s] as unknown[]).length, after: (input[s] as unknown[]).length } : { edited: true }]));
    await repo.insertChange(tx, { bodyId: body.id, at: now, sections: changed, summary, changedBy: staff.id });
    for (const s of await repo.activeSubscribers(tx, body.id)) {
      const lang = s.language as Language;
      await queueNotification(tx, {
        recipientKind: 'subscriber',
        template: 'site.changed',
        channel: 'email',
        language: lang,
        address: s.email,
        payload: { bodyName: body.name, at: now.toISOString(), sections: changed.join(', '), pageUrl: `${base}/${lang}/bodies/${body.code}`, unsubscribeUrl: unsubscribeUrlOf(base, lang, s.id) },
        at: now,
      });
    }
    return { changed: changed as string[], at: now.toISOString() };
  });
}

// The unsubscribe link is the subscriber's id: knowing it is knowing the mail it came in.
// The confirmation link is a random token (stored as a hash) so nobody can subscribe another.
const unsubscribeUrlOf = (base: string, lang: string, id: string) => `${base}/${lang}/subscriptions/unsubscribe?token=${id}`;

/** Always the same answer, so the form tells nobody whether an address is subscribed. */
export async function subscribe(ctx: AppContext, code: string, input: { email: string; language: Language }) {
  const body = await getBodyPage(ctx, code);
  const token = randomBytes(24).toString('base64url');
  const now = ctx.clock.now();
  const base = ctx.config.publicUrl.replace(/\/+$/, '');
  await ctx.db.transaction().execute(async (tx) => {
    const row = await repo.insertSubscriber(tx, { bodyId: body.id, email: input.email.trim().toLowerCase(), language: input.language, tokenHash: sha256(token), createdAt: now });
    if (!row) return;
    await queueNotification(tx, {
      recipientKind: 'subscriber',
      template: 'site.confirm_subscription',
      channel: 'email',
      language: input.language,
      address: input.email.trim(),
      payload: { bodyName: body.name, confirmUrl: `${base}/${input.language}/subscriptions/confirm?token=${token}`, unsubscribeUrl: unsubscribeUrlOf(base, input.language, row.id) },
      at: now,
    });
  });
  return { status: 'confirmation_sent' };
}

export async function confirmSubscription(ctx: AppContext, token: string) {
  const row = await repo.confirmSubscriber(ctx.db, sha256(token), ctx.clock.now());
  if (!row) throw new AppError('SUBSCRIPTION_NOT_FOUND');
  return { status: 'confirmed' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export async function unsubscribe(ctx: AppContext, token: string) {
  const row = UUID.test(token) ? await ctx.db.updateTable('siteSubscriber').set({ unsubscribedAt: ctx.clock.now() }).where('id', '=', token).where('unsubscribedAt', 'is', null).returning('bodyId').executeTakeFirst() : undefined;
  if (!row) throw new AppError('SUBSCRIPTION_NOT_FOUND');
  return { status: 'unsubscribed' };
}

/** "Was this page useful?": a vote for a public page (its path, without the language), of a body when the page is one's. */
export async function ratePage(ctx: AppContext, input: { page: string; body?: string; useful: boolean }) {
  const page = input.page.replace(/^\/(kk|ru|en)(?=\/|$)/, '') || '/';
  if (!page.startsWith('/')) throw new AppError('VALIDATION_FAILED', 'page is a path', { field: 'page' });
  const bodyId = input.body ? (await getBodyPage(ctx, input.body)).id : null;
  await repo.insertRating(ctx.db, { page, bodyId, useful: input.useful, at: ctx.clock.now() });
  return { status: 'counted' };
}

export async function ratingSummary(ctx: AppContext, staff: Staff) {
  const [pages, answers] = await Promise.all([repo.ratingsOfBody(ctx.db, staff.bodyId), repo.answerRatingsOfBody(ctx.db, staff.bodyId)]);
  return { pages, answers };
}

/** The daily check: every body's completeness for today's Almaty date (idempotent; every server may run it). */
export async function checkCompleteness(ctx: AppContext): Promise<number> {
  const day = new Date(ctx.clock.now().getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
  const pages = new Map((await repo.allPages(ctx.db)).map((p) => [p.bodyId, contentOf(p)]));
  const rows = [];
  for (const b of await repo.allBodyIds(ctx.db)) {
    const body = await getBodyPage(ctx, b.id);
    rows.push({ bodyId: b.id, day, ...completenessOf(body, pages.get(b.id) ?? EMPTY) });
  }
  await repo.upsertCompleteness(ctx.db, rows);
  return rows.length;
}

export function startCompletenessCheck(ctx: AppContext, everyMs = 3_600_000): () => void {
  const run = () => void checkCompleteness(ctx).catch(() => {});
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function completenessMonitoring(ctx: AppContext, staff: Staff, query: { from?: string; to?: string; all?: boolean }) {
  const today = new Date(ctx.clock.now().getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
  const to = query.to ?? today;
  const from = query.from ?? new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10);
  if (!parseRealDate(from)) throw new AppError('VALIDATION_FAILED', 'from is not a date', { field: 'from' });
  if (!parseRealDate(to)) throw new AppError('VALIDATION_FAILED', 'to is not a date', { field: 'to' });
  // Completeness is public information about public pages; analysts and administrators compare bodies.
  const everyBody = query.all && (staff.role === 'analyst' || staff.role === 'admin');
  return { items: await repo.listCompleteness(ctx.db, from, to, everyBody ? undefined : staff.bodyId) };
}

// --- "How can I help you?" ----------------------------------------------------------------

const CHANNEL_PREFERENCE = ['online_qa', 'website', 'head_blog', 'egov', 'eotinish', 'call_centre', 'contact_centre', 'personal_reception'];

/** The channel to use at a body: the first it offers in the order above, with its number or address. */
function channelToUse(body: BodyPage) {
  const channels = body.channels as ChannelEntry[];
  for (const c of CHANNEL_PREFERENCE) {
    const ch = channels.find((x) => x.channel === c);
    if (ch) return { channel: ch.channel, phone: ch.phone ?? null, url: ch.url ?? null, hours: ch.hours ?? null };
  }
  return null;
}

const bodyRef = (b: BodyPage) => ({ code: b.code, name: b.name, channel: channelToUse(b) });

/** One search over topics, bodies, the knowledge base and published Q&A; each hit names the body and the channel to use. */
export async function helpSearch(ctx: AppContext, q: string) {
  const text = q.trim();
  if (text.length < 2) return { topics: [], bodies: [], articles: [], questions: [] };
  const [topics, bodies, articles, questions] = await Promise.all([
    repo.matchingTopics(ctx.db, text, 5),
    repo.matchingBodies(ctx.db, text, 5),
    searchPublishedArticles(ctx, text, 5),
    listPublishedQuestions(ctx, { q: text, limit: 5 }),
  ]);
  const pages = new Map<string, BodyPage>();
  const page = async (code: string) => pages.get(code) ?? pages.set(code, await getBodyPage(ctx, code)).get(code)!;
  return {
    topics: await Promise.all(
      topics.map(async (t) => ({ code: t.code, name: { kk: t.nameKk, ru: t.nameRu, en: t.nameEn }, bodies: await Promise.all(t.bodyCodes.slice(0, 5).map(async (c) => bodyRef(await page(c)))) })),
    ),
    bodies: await Promise.all(bodies.map(async (b) => bodyRef(await page(b.code)))),
    articles: await Promise.all(articles.map(async (a) => ({ ...a, body: a.bodyCode ? bodyRef(await page(a.bodyCode)) : null }))),
    questions: await Promise.all(questions.items.map(async (x) => ({ id: x.id, question: x.question, answer: x.answer, body: bodyRef(await page(x.body.code)) }))),
  };
}
