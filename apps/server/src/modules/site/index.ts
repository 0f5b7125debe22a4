// The official website (channel 10): the body's public page beyond what the bodies module
// stores, its public change log and subscribers, page votes, daily completeness and the
// "How can I help you?" search. Owns site_page, site_change, site_subscriber, page_rating,
// site_completeness.
export { siteRoutes } from './site.routes.ts';
export { startCompletenessCheck, checkCompleteness } from './site.service.ts';
export { seedDemoSitePages } from './demo-seed.ts';
