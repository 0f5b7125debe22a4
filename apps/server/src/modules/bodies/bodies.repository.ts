import type { Db } from '../../db/database.ts';

export function listBodies(db: Db, opts: { limit: number; afterCode?: string; q?: string }) {
  let query = db.selectFrom('body').select(['id', 'code', 'kind', 'parentId', 'nameKk', 'nameRu', 'nameEn']).orderBy('code').limit(opts.limit + 1);
  if (opts.afterCode) query = query.where('code', '>', opts.afterCode);
  if (opts.q) {
    const like = `%${opts.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    query = query.where((eb) => eb.or([eb('nameKk', 'ilike', like), eb('nameRu', 'ilike', like), eb('nameEn', 'ilike', like), eb('code', 'ilike', like)]));
  }
  return query.execute();
}

export function findBodyById(db: Db, id: string) {
  return db.selectFrom('body').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findBodyByCode(db: Db, code: string) {
  return db.selectFrom('body').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listTopics(db: Db) {
  return db.selectFrom('topic').selectAll().orderBy('sort').orderBy('code').execute();
}

export function listUnits(db: Db, bodyId: string) {
  return db.selectFrom('unit').select(['id', 'code', 'nameKk', 'nameRu', 'nameEn']).where('bodyId', '=', bodyId).orderBy('code').execute();
}

export function listCompetence(db: Db, bodyId: string) {
  return db.selectFrom('bodyTopic').select(['topicCode', 'unitId']).where('bodyId', '=', bodyId).execute();
}
