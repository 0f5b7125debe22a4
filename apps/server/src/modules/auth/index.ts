// Staff identity: accounts, argon2id passwords, cookie sessions, and the session hook
// that puts the signed-in staff member on each request.
export type { Staff } from './auth.service.ts';
export { addStaff, hashPassword, findStaffBySession } from './auth.service.ts';
export { authRoutes, sessionHook } from './auth.routes.ts';
