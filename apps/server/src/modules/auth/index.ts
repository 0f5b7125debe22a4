// Staff identity: accounts, argon2id passwords, the second factor (TOTP, recovery codes),
// optional OpenID Connect sign-in, per-account throttling, cookie sessions with an idle
// timeout, and the session hook that puts the signed-in staff member on each request.
export { addStaff } from './auth.service.ts';
export { hashPassword } from './passwords.ts';
export { findStaffBySession, purgeExpiredSessions, startSessionPurge } from './sessions.ts';
export { authRoutes, sessionHook } from './auth.routes.ts';
export { demoAccountWriter } from './demo-accounts.ts';
