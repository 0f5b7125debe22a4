// Analytics: read-only statistics over the unified register (GET /api/v1/stats) — terms
// met on both clocks, resolutions, redirects and late redirects, extensions, satisfaction
// and repeats, per body and period, grouped by channel, topic, unit, resolution or body.
export { analyticsRoutes } from './analytics.routes.ts';
export { getStats } from './analytics.service.ts';
