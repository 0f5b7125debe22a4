// A demo account's session for a benchmark: the published password and, for the roles that
// must have a second factor, the code of the published demo TOTP secret.
import { generateSync } from 'otplib';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, demoEmail } from '../../apps/server/src/modules/bodies/demo-seed.ts';
import { totpRequired } from '@tyndau/contracts';

/** The session cookie of the demo account of `role` in the body `bodyCode`. */
export async function signIn(base: string, role: string, bodyCode: string): Promise<string> {
  const body = { email: demoEmail(role, bodyCode), password: DEMO_PASSWORD, ...(totpRequired(role) ? { code: generateSync({ secret: DEMO_TOTP_SECRET }) } : {}) };
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`sign-in as ${role} of ${bodyCode}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}
