// Requests to a national system: signed JSON, a time limit on every call, and the answer's
// signature checked before it is believed.
import { sign, verify, SIGNATURE_HEADER } from './signature.ts';
import type { SystemEndpoint } from './systems.ts';

export const REQUEST_TIMEOUT_MS = 10_000;

/** The other side could not take the message now (network, time-out, 5xx, 429, 401): try again later. */
export class RetryLater extends Error {}
/** The other side refused the message itself (a 4xx about its content): retrying cannot help. */
export class Refused extends Error {}

export async function postSigned(endpoint: SystemEndpoint, path: string, body: unknown, opts: { idempotencyKey?: string; timeoutMs?: number } = {}): Promise<unknown> {
  const raw = JSON.stringify(body);
  let res: Response;
  try {
    res = await fetch(`${endpoint.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: sign(endpoint.secret, raw),
        ...(opts.idempotencyKey ? { 'idempotency-key': opts.idempotencyKey } : {}),
      },
      body: raw,
      signal: AbortSignal.timeout(opts.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
  } catch (err) {
    throw new RetryLater(`${endpoint.system} unreachable: ${(err as Error).name === 'TimeoutError' ? 'timed out' : (err as Error).message}`);
  }
  const text = await res.text().catch(() => '');
  if (res.status >= 500 || [401, 403, 408, 425, 429].includes(res.status)) throw new RetryLater(`${endpoint.system} answered ${res.status}`);
  if (res.status >= 400) throw new Refused(`${endpoint.system} refused: ${res.status} ${text.slice(0, 300)}`);
  if (!text) return {};
  // An answer that is not the peer's own (no or wrong signature) is not believed, and the message is tried again.
  if (!verify(endpoint.secret, text, res.headers.get(SIGNATURE_HEADER) ?? undefined)) throw new RetryLater(`${endpoint.system}'s answer is not signed with the shared secret`);
  try {
    return JSON.parse(text);
  } catch {
    throw new RetryLater(`${endpoint.system}'s answer is not JSON`);
  }
}
