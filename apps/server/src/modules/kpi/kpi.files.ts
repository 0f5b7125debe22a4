// The KPI answers that are more than a table: report files, the early-warning list and
// the public statistics.
import type { Language } from '@tyndau/contracts';
import type { AppContext } from '../../app-context.ts';
import { AppError } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { Staff } from '../../platform/staff.ts';
import { kpiScope } from './kpi.policy.ts';
import * as repo from './kpi.repository.ts';
import { computeKpiTable, kpiFilter, type KpiQuery } from './kpi.service.ts';
import { reportData, reportPdf, reportXlsx } from './reports.ts';
import { listSurges } from './surge.ts';

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;
/** Public groups smaller than this are left out of the groups (they stay in the total), so no one is singled out. */
export const PUBLIC_MIN_GROUP = 3;

export async function reportFile(ctx: AppContext, staff: Staff, q: KpiQuery, language: Language, format: 'pdf' | 'xlsx') {
  const { filter } = await kpiFilter(ctx, staff, { ...q, bodyId: q.bodyId ?? staff.bodyId, subordinates: false });
  const bodyId = filter.bodyIds![0]!;
  const data = await reportData(ctx, bodyId, filter.from, filter.to, language);
  const file = format === 'pdf' ? await reportPdf(data) : await reportXlsx(data);
  return { type: TYPES[format], data: file, fileName: `kpi-${filter.from}-${filter.to}.${format}` };
}

export async function downloadReport(ctx: AppContext, staff: Staff, id: string, format: 'pdf' | 'xlsx') {
  if (!isUuid(id)) throw new AppError('NOT_FOUND');
  const r = await repo.getReport(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  // Another body's report is not found, as another body's appeal is.
  try {
    kpiScope(staff, await repo.bodiesList(ctx.db), r.bodyId, false);
  } catch {
    throw new AppError('NOT_FOUND');
  }
  return { type: TYPES[format], data: format === 'pdf' ? r.pdf : r.xlsx, fileName: `kpi-${r.period}-${r.fromDay}.${format}` };
}

export async function staffSurges(ctx: AppContext, staff: Staff, q: KpiQuery & { limit?: number }) {
  const { filter } = await kpiFilter(ctx, staff, q);
  return { from: filter.from, to: filter.to, items: await listSurges(ctx, { bodyIds: filter.bodyIds, from: filter.from, to: filter.to, limit: q.limit ?? 50 }) };
}

export async function publicStats(ctx: AppContext, q: Omit<KpiQuery, 'unitId' | 'subordinates'>) {
  const t = await computeKpiTable(ctx, null, { ...q, unitId: undefined, subordinates: false });
  return {
    from: t.from,
    to: t.to,
    groupBy: t.groupBy,
    totals: t.totals.kpis,
    groups: t.groups.filter((g) => g.sums.received >= PUBLIC_MIN_GROUP).map((g) => ({ key: g.key, label: g.label, kpis: g.kpis })),
  };
}
