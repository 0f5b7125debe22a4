// The city app: the public map of appeals with a place, city objects with their QR
// posters, and the applicant's verdict on a fix. Owns city_object and fix_verdict.
export { citymapRoutes } from './citymap.routes.ts';
export { seedDemoCityObjects } from './demo-seed.ts';
