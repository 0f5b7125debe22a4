// Intake reads the body and checks the topic of every appeal. Both change rarely (an
// administrator's edit), so each process keeps what it read for a few seconds instead of
// asking PostgreSQL on every appeal. A writer in this process calls `forgetCachedBodies`;
// other processes see the change within CACHE_MS.
import type { AppContext } from '../../app-context.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import * as repo from './bodies.repository.ts';
import { isUuid } from '../../platform/ids.ts';

export const CACHE_MS = 10_000;

type BodyRow = NonNullable<Awaited<ReturnType<typeof repo.findBodyById>>>;

interface Entry<T> {
  until: number;
  value: Promise<T>;
}

interface Cache {
  bodies: Map<string, Entry<BodyRow | undefined>>;
  topics?: Entry<Map<string, { code: string; parentCode: string | null; defaultDifficulty: string }>>;
}

// One cache per database (tests run many databases in one process). Monotonic time: this
// is about freshness, not business time.
const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { bodies: new Map() }));
  return c;
}

function fresh<T>(entry: Entry<T> | undefined, load: () => Promise<T>, onFail: () => void): Entry<T> {
  if (entry && entry.until > performance.now()) return entry;
  const value = load();
  value.catch(onFail);
  return { until: performance.now() + CACHE_MS, value };
}

/** A body by id as it was at most CACHE_MS ago, else BODY_NOT_FOUND. */
export async function cachedBody(ctx: AppContext, id: string): Promise<BodyRow> {
  if (!isUuid(id)) throw new AppError('BODY_NOT_FOUND');
  const cache = cacheOf(ctx.db);
  const entry = fresh(cache.bodies.get(id), () => repo.findBodyById(ctx.db, id), () => cache.bodies.delete(id));
  cache.bodies.set(id, entry);
  const body = await entry.value;
  // Only bodies that exist are kept: made-up ids must not grow the cache.
  if (!body) {
    cache.bodies.delete(id);
    throw new AppError('BODY_NOT_FOUND');
  }
  return body;
}

function cachedTopics(ctx: AppContext) {
  const cache = cacheOf(ctx.db);
  cache.topics = fresh(
    cache.topics,
    async () => new Map((await repo.listTopics(ctx.db)).map((t) => [t.code, { code: t.code, parentCode: t.parentCode, defaultDifficulty: t.defaultDifficulty }])),
    () => (cache.topics = undefined),
  );
  return cache.topics.value;
}

/** Like assertTopicExists, from the taxonomy as it was at most CACHE_MS ago. */
export async function cachedTopic(ctx: AppContext, code: string): Promise<{ code: string; defaultDifficulty: string }> {
  const topic = (await cachedTopics(ctx)).get(code);
  if (!topic) throw new AppError('TOPIC_NOT_FOUND');
  return topic;
}

/** A topic and its sub-topics (a list filtered by "housing" shows housing.*), from the cached taxonomy. */
export async function cachedTopicFamily(ctx: AppContext, code: string): Promise<string[]> {
  const children = [...(await cachedTopics(ctx)).values()].filter((t) => t.parentCode === code).map((t) => t.code);
  return [code, ...children];
}

/** Call after changing a body or the taxonomy, so this process reads them anew. */
export function forgetCachedBodies(db: Db): void {
  caches.delete(db);
}
