// KPIs: one set of definitions (packages/contracts kpi.ts), pre-aggregated per day, body,
// district, unit, channel and topic (kpi_daily, kept current by refresh.ts from marks
// made in each change's transaction); the dashboard's API, league table, channel overlap,
// early warning (surge.ts), daily and weekly reports (reports.ts) and public statistics.
export { kpiRoutes } from './kpi.routes.ts';
export { subscribeKpis } from './kpi.subscriptions.ts';
export { refreshKpis, startKpiUpkeep } from './refresh.ts';
export { detectSurges } from './surge.ts';
export { runScheduledReports } from './reports.ts';
