// Government bodies, their units and competence, and the topic taxonomy: read models
// for the public API and the other modules.
import type { Localized } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { decodeCursor, pageOf } from '../../platform/pagination.ts';
import * as repo from './bodies.repository.ts';
import { isUuid } from '../../platform/ids.ts';

const named = (r: { nameKk: string; nameRu: string; nameEn: string }): Localized => ({ kk: r.nameKk, ru: r.nameRu, en: r.nameEn });

export async function listBodies(ctx: AppContext, opts: { limit: number; cursor?: string; q?: string }) {
  const after = decodeCursor(opts.cursor, 1)?.[0] as string | undefined;
  const rows = await repo.listBodies(ctx.db, { limit: opts.limit, afterCode: after, q: opts.q });
  const page = pageOf(rows, opts.limit, (r) => [r.code]);
  return { items: page.items.map((b) => ({ id: b.id, code: b.code, kind: b.kind, parentId: b.parentId, name: named(b) })), nextCursor: page.nextCursor };
}

export async function getBody(ctx: AppContext, idOrCode: string) {
  const body = isUuid(idOrCode) ? await repo.findBodyById(ctx.db, idOrCode) : await repo.findBodyByCode(ctx.db, idOrCode);
  if (!body) throw new AppError('BODY_NOT_FOUND');
  return body;
}

/** A body's public page: names, contacts, channels, units and the topics it handles. */
export async function getBodyPage(ctx: AppContext, idOrCode: string) {
  const body = await getBody(ctx, idOrCode);
  const [units, competence] = await Promise.all([repo.listUnits(ctx.db, body.id), repo.listCompetence(ctx.db, body.id)]);
  const settings = body.settings as { contacts?: unknown; channels?: unknown[] };
  return {
    id: body.id,
    code: body.code,
    kind: body.kind,
    parentId: body.parentId,
    name: named(body),
    contacts: settings.contacts ?? null,
    channels: settings.channels ?? [],
    units: units.map((u) => ({ id: u.id, code: u.code, name: named(u) })),
    topics: competence.map((c) => c.topicCode),
  };
}

export async function listTopics(ctx: AppContext) {
  const rows = await repo.listTopics(ctx.db);
  return rows.map((t) => ({ code: t.code, parentCode: t.parentCode, name: named(t), defaultDifficulty: t.defaultDifficulty }));
}

export async function assertTopicExists(ctx: AppContext, code: string) {
  const t = await ctx.db.selectFrom('topic').select(['code', 'defaultDifficulty']).where('code', '=', code).executeTakeFirst();
  if (!t) throw new AppError('TOPIC_NOT_FOUND');
  return t;
}

/**
 * The unit that handles a topic in a body: the rule for the topic itself, then for its
 * parent topic, then the body's fallback unit (settings.fallbackUnitCode or the first unit).
 */
export async function findUnitForTopic(ctx: AppContext, bodyId: string, topicCode: string | null): Promise<string | null> {
  if (topicCode) {
    const codes = [topicCode, topicCode.split('.')[0]];
    const rules = await ctx.db.selectFrom('bodyTopic').select(['topicCode', 'unitId']).where('bodyId', '=', bodyId).where('topicCode', 'in', codes).execute();
    for (const code of codes) {
      const rule = rules.find((r) => r.topicCode === code && r.unitId);
      if (rule) return rule.unitId;
    }
  }
  const body = await repo.findBodyById(ctx.db, bodyId);
  const fallback = (body?.settings as { fallbackUnitCode?: string })?.fallbackUnitCode;
  const unit = await ctx.db
    .selectFrom('unit')
    .select('id')
    .where('bodyId', '=', bodyId)
    .$if(!!fallback, (q) => q.where('code', '=', fallback!))
    .orderBy('code')
    .executeTakeFirst();
  return unit?.id ?? null;
}
