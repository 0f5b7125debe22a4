// Open data of the register: one dataset per body ("appeals-<body code>"), released once a
// day (Almaty) with the appeals received before that day, de-identified (dataset.ts), as
// CSV and JSON; a DCAT-AP catalogue; downloads counted per dataset, format and day.
// Each dataset has a discussion in the common comment engine (modules/drafts).
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { almatyDate, startOfAlmatyDay } from '../deadlines/index.ts';
import { datasetDiscussion } from '../drafts/index.ts';
import { deidentify, toCsv } from './dataset.ts';
import * as repo from './opendata.repository.ts';

export const DATASET_PREFIX = 'appeals-';

export interface DatasetInfo {
  id: string;
  bodyCode: string;
  title: { kk: string; ru: string; en: string };
  publisher: { kk: string; ru: string; en: string };
}

export async function listDatasets(ctx: AppContext): Promise<DatasetInfo[]> {
  return (await repo.bodies(ctx.db)).map((b) => ({
    id: `${DATASET_PREFIX}${b.code}`,
    bodyCode: b.code,
    title: { kk: `Өтініштер тізілімі: ${b.nameKk}`, ru: `Реестр обращений: ${b.nameRu}`, en: `Register of appeals: ${b.nameEn}` },
    publisher: { kk: b.nameKk, ru: b.nameRu, en: b.nameEn },
  }));
}

async function bodyOf(ctx: AppContext, dataset: string) {
  if (!dataset.startsWith(DATASET_PREFIX)) throw new AppError('DATASET_NOT_FOUND');
  const code = dataset.slice(DATASET_PREFIX.length);
  const body = (await repo.bodies(ctx.db)).find((b) => b.code === code);
  if (!body) throw new AppError('DATASET_NOT_FOUND');
  return body;
}

/** Today's release of a dataset, made on first demand (the same bytes all day, on every server). */
export async function releaseOf(ctx: AppContext, dataset: string) {
  const body = await bodyOf(ctx, dataset);
  const now = ctx.clock.now();
  const day = almatyDate(now);
  const found = await repo.release(ctx.db, dataset, day);
  if (found) return { day, ...found };
  const rows = deidentify(await repo.registerRows(ctx.db, body.id, startOfAlmatyDay(day)));
  await repo.insertRelease(ctx.db, { dataset, day, rows: rows.length, csv: Buffer.from(toCsv(rows)), json: Buffer.from(JSON.stringify(rows)), at: now });
  await datasetDiscussion(ctx, { key: `dataset:${dataset}`, bodyId: body.id, title: `Реестр обращений: ${body.nameRu}`, description: `Открытый набор данных «${dataset}»: обращения, обезличенные, ежедневно.` });
  return { day, ...(await repo.release(ctx.db, dataset, day))! };
}

export async function download(ctx: AppContext, dataset: string, format: 'csv' | 'json') {
  const r = await releaseOf(ctx, dataset);
  await repo.countDownload(ctx.db, dataset, format, r.day);
  return { day: r.day, content: format === 'csv' ? r.csv : r.json };
}

export async function datasetsWithCounts(ctx: AppContext) {
  const [sets, totals] = await Promise.all([listDatasets(ctx), repo.downloadTotals(ctx.db)]);
  const count = (id: string, f: string) => totals.find((t) => t.dataset === id && t.format === f)?.downloads ?? 0;
  return { items: sets.map((s) => ({ ...s, downloads: { csv: count(s.id, 'csv'), json: count(s.id, 'json') } })) };
}

/** The discussion of a dataset (comments use the drafts' engine and answer rules). */
export async function discussionOfDataset(ctx: AppContext, dataset: string) {
  const body = await bodyOf(ctx, dataset);
  const id = await datasetDiscussion(ctx, { key: `dataset:${dataset}`, bodyId: body.id, title: `Реестр обращений: ${body.nameRu}`, description: `Открытый набор данных «${dataset}»: обращения, обезличенные, ежедневно.` });
  return { discussionId: id };
}
