// Open311 GeoReport v2: city apps file into the register and follow their requests
// (open311.routes.ts at /open311/v2/), API keys and per-topic attributes (admin.routes.ts).
export { open311Routes } from './open311.routes.ts';
export { open311AdminRoutes } from './admin.routes.ts';
export { addApiKey, listApiKeys, revokeApiKey } from './keys.ts';
