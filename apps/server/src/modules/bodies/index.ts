// Government bodies (hierarchy, units, competence, channels and contacts) and the topic
// taxonomy. Other modules read bodies only through these functions.
export { getBody, getBodyPage, listBodies, listTopics, assertTopicExists, findUnitForTopic } from './bodies.service.ts';
export { cachedBody, cachedTopic, cachedTopicFamily, forgetCachedBodies } from './bodies.cache.ts';
export { bodiesRoutes } from './bodies.routes.ts';
export { routeByPlace, setBoundary, getBoundary, type PlaceRouting } from './boundaries.ts';
export { DEMO_PASSWORD, DEMO_TOTP_SECRET, seedDemo, seedBodies, type DemoPerson } from './demo-seed.ts';
