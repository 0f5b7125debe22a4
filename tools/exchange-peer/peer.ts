// A stand-in of a national system (E-Otinish or eGov) for tests, benchmarks and the demo:
// its own HTTP server speaking Tyndau's exchange contract from the other side.
//   - It files appeals into Tyndau (POST {tyndau}/api/exchange/v1/appeals), signed.
//   - It takes what Tyndau sends: registrations of Tyndau's own appeals (POST /v1/appeals)
//     and events (POST /v1/events), checking every signature and applying each event id
//     once (a replay is answered but not applied again).
//   - It exposes its side of a day for the reconciliation (POST /v1/reconciliation).
//   - It can be told to fail (an outage: every request answered 503, or the connection
//     dropped) to show that Tyndau loses nothing.
// Everything it got is kept in memory and, with --store FILE, written to a JSON file.
// Run: npm run exchange-peer -- --system eotinish --secret S --port 8788 --tyndau http://localhost:3000
// Control (loopback only): GET /_peer/state, POST /_peer/outage {"mode":"503"|"drop"|null},
// POST /_peer/file {appeal without system} to file an appeal into Tyndau.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { parseArgs } from 'node:util';

const HEADER = 'x-tyndau-signature';

export const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

function verified(secret: string, body: string, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const a = Buffer.from(header.slice(7).toLowerCase(), 'hex');
  const b = createHmac('sha256', secret).update(body).digest();
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface PeerAppeal {
  externalId: string;
  externalNumber: string;
  bodyCode: string;
  receivedAt: string;
  status: string;
  /** Tyndau's registration number. */
  number: string | null;
  appealId: string | null;
  /** filed: the peer sent it to Tyndau; registered: Tyndau registered its own appeal here. */
  origin: 'filed' | 'registered';
  text: string;
  /** When it reached the peer (ms since the epoch), for measuring lag. */
  arrivedAt?: number;
}

export interface PeerEvent {
  eventId: string;
  externalId: string;
  type: string;
  status: string;
  at: string;
  receivedAt: number;
  answerText?: string;
}

export interface PeerOptions {
  system: 'eotinish' | 'egov';
  secret: string;
  port?: number;
  /** Tyndau's address, for filing appeals. */
  tyndauUrl?: string;
  store?: string;
  /** Milliseconds before each answer (a slow national system). */
  delayMs?: number;
}

export interface Peer {
  url: string;
  port: number;
  appeals: Map<string, PeerAppeal>;
  events: PeerEvent[];
  /** Deliveries that repeated an event id already applied (answered, not applied again). */
  replays: number;
  /** Requests refused for a missing or wrong signature. */
  badSignatures: number;
  /** Requests answered while in an outage. */
  refusedInOutage: number;
  setOutage(mode: '503' | 'drop' | null): void;
  /** File an appeal into Tyndau as the national system would; the answer's {id, number} and status code. */
  file(appeal: Omit<FileInput, 'externalId' | 'externalNumber' | 'receivedAt'> & Partial<Pick<FileInput, 'externalId' | 'externalNumber' | 'receivedAt'>>): Promise<{ status: number; body: { id?: string; number?: string; code?: string } }>;
  /** Resolve when `check` holds (polling every 10 ms). */
  until(check: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface FileInput {
  externalId: string;
  externalNumber: string;
  receivedAt: string;
  bodyCode: string;
  kind: string;
  text: string;
  applicant: Record<string, unknown>;
  preferredAnswer: string;
  address?: string;
}

let counter = 0;

export async function startPeer(opts: PeerOptions): Promise<Peer> {
  const appeals = new Map<string, PeerAppeal>();
  const events: PeerEvent[] = [];
  const applied = new Set<string>();
  const registrations = new Map<string, { externalId: string; externalNumber: string }>();
  let outage: '503' | 'drop' | null = null;
  const prefix = opts.system === 'eotinish' ? 'ЕО' : 'EG';
  const peer = { replays: 0, badSignatures: 0, refusedInOutage: 0 };

  const persist = () => {
    if (opts.store) fs.writeFileSync(opts.store, JSON.stringify({ appeals: [...appeals.values()], events }, null, 1));
  };
  if (opts.store && fs.existsSync(opts.store)) {
    const saved = JSON.parse(fs.readFileSync(opts.store, 'utf8')) as { appeals: PeerAppeal[]; events: PeerEvent[] };
    for (const a of saved.appeals) appeals.set(a.externalId, a);
    for (const e of saved.events) {
      events.push(e);
      applied.add(e.eventId);
    }
  }

  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    const raw = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', [HEADER]: signBody(opts.secret, raw) });
    res.end(raw);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const url = new URL(req.url ?? '/', 'http://peer');
        if (url.pathname.startsWith('/_peer/')) return control(url.pathname, raw, res);
        if (outage === 'drop') {
          peer.refusedInOutage++;
          return req.socket.destroy();
        }
        if (outage === '503') {
          peer.refusedInOutage++;
          res.writeHead(503, { 'retry-after': '1' });
          return res.end();
        }
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
        if (req.method !== 'POST') return answer(res, 405, { error: 'method' });
        if (!verified(opts.secret, raw, req.headers[HEADER])) {
          peer.badSignatures++;
          return answer(res, 401, { error: 'signature' });
        }
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(raw) as Record<string, unknown>;
        } catch {
          return answer(res, 400, { error: 'json' });
        }
        if (url.pathname === '/v1/appeals') return registerHere(body, res);
        if (url.pathname === '/v1/events') return applyEvent(body, res);
        if (url.pathname === '/v1/reconciliation') return reconcile(body, res);
        return answer(res, 404, { error: 'not found' });
      })().catch((err: unknown) => {
        res.writeHead(500);
        res.end(String(err));
      });
    });
  });

  function registerHere(body: Record<string, unknown>, res: http.ServerResponse) {
    const eventId = String(body.eventId ?? '');
    if (!eventId || typeof body.appealId !== 'string' || typeof body.bodyCode !== 'string') return answer(res, 422, { error: 'eventId, appealId and bodyCode are required' });
    // The same registration sent again (Tyndau crashed before recording the first answer) gets the same number.
    let reg = registrations.get(eventId);
    if (!reg) {
      const n = ++counter;
      reg = { externalId: `${opts.system}-${randomUUID()}`, externalNumber: `${prefix}-${String(n).padStart(7, '0')}` };
      registrations.set(eventId, reg);
      appeals.set(reg.externalId, {
        ...reg,
        bodyCode: body.bodyCode,
        receivedAt: String(body.receivedAt),
        status: 'registered',
        number: typeof body.number === 'string' ? body.number : null,
        appealId: body.appealId,
        origin: 'registered',
        text: String(body.text ?? ''),
        arrivedAt: Date.now(),
      });
      persist();
    } else {
      peer.replays++;
    }
    return answer(res, 201, reg);
  }

  function applyEvent(body: Record<string, unknown>, res: http.ServerResponse) {
    const eventId = String(body.eventId ?? '');
    const externalId = String(body.externalId ?? '');
    const appeal = appeals.get(externalId);
    if (!eventId || !appeal) return answer(res, 422, { error: 'unknown externalId' });
    if (applied.has(eventId)) {
      peer.replays++;
      return answer(res, 200, { applied: false, duplicate: true });
    }
    applied.add(eventId);
    appeal.status = String(body.status);
    events.push({ eventId, externalId, type: String(body.type), status: appeal.status, at: String(body.at), receivedAt: Date.now(), ...(typeof body.answerText === 'string' ? { answerText: body.answerText } : {}) });
    persist();
    return answer(res, 200, { applied: true });
  }

  function reconcile(body: Record<string, unknown>, res: http.ServerResponse) {
    const day = String(body.day ?? '');
    const almatyDay = (iso: string) => new Date(new Date(iso).getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
    const list = [...appeals.values()].filter((a) => almatyDay(a.receivedAt) === day).map((a) => ({ externalId: a.externalId, bodyCode: a.bodyCode, status: a.status, number: a.number }));
    return answer(res, 200, { system: opts.system, day, appeals: list });
  }

  async function control(path: string, raw: string, res: http.ServerResponse) {
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (path === '/_peer/state') return answer(res, 200, { outage, appeals: [...appeals.values()], events, ...peer });
    if (path === '/_peer/outage') {
      outage = body.mode === '503' || body.mode === 'drop' ? body.mode : null;
      return answer(res, 200, { outage });
    }
    if (path === '/_peer/file') {
      const r = await api.file(body as unknown as FileInput);
      return answer(res, r.status, r.body);
    }
    return answer(res, 404, { error: 'not found' });
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  async function until(check: () => boolean, timeoutMs = 10_000) {
    const end = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > end) throw new Error('timed out waiting at the exchange peer');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const api: Peer = {
    url: `http://127.0.0.1:${port}`,
    port,
    appeals,
    events,
    get replays() {
      return peer.replays;
    },
    get badSignatures() {
      return peer.badSignatures;
    },
    get refusedInOutage() {
      return peer.refusedInOutage;
    },
    setOutage(mode) {
      outage = mode;
    },
    async file(input) {
      if (!opts.tyndauUrl) throw new Error('the peer was started without the address of Tyndau');
      const n = ++counter;
      const full = {
        system: opts.system,
        externalId: input.externalId ?? `${opts.system}-${randomUUID()}`,
        externalNumber: input.externalNumber ?? `${prefix}-${String(n).padStart(7, '0')}`,
        receivedAt: input.receivedAt ?? new Date().toISOString(),
        ...input,
      };
      const raw = JSON.stringify(full);
      const res = await fetch(`${opts.tyndauUrl}/api/exchange/v1/appeals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HEADER]: signBody(opts.secret, raw) },
        body: raw,
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      const body = text ? (JSON.parse(text) as { id?: string; number?: string; code?: string }) : {};
      if (res.ok) {
        // Tyndau's answer must be Tyndau's: signed with the same secret.
        if (!verified(opts.secret, text, res.headers.get(HEADER) ?? undefined)) throw new Error('Tyndau’s answer is not signed with the shared secret');
        if (!appeals.has(full.externalId)) {
          appeals.set(full.externalId, { externalId: full.externalId, externalNumber: full.externalNumber, bodyCode: full.bodyCode, receivedAt: full.receivedAt, status: 'registered', number: body.number ?? null, appealId: body.id ?? null, origin: 'filed', text: full.text });
          persist();
        }
      }
      return { status: res.status, body };
    },
    until,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return api;
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { system: { type: 'string', default: 'eotinish' }, secret: { type: 'string' }, port: { type: 'string', default: '8788' }, tyndau: { type: 'string', default: 'http://localhost:3000' }, store: { type: 'string' }, delay: { type: 'string' } },
  });
  const secret = values.secret ?? process.env.EXCHANGE_PEER_SECRET;
  if (!secret || (values.system !== 'eotinish' && values.system !== 'egov')) {
    console.error('usage: npm run exchange-peer -- --system eotinish|egov --secret S [--port 8788] [--tyndau http://localhost:3000] [--store peer.json] [--delay MS]\n(the secret may also come from EXCHANGE_PEER_SECRET)');
    process.exit(2);
  }
  const peer = await startPeer({ system: values.system, secret, port: Number(values.port), tyndauUrl: values.tyndau, store: values.store, delayMs: values.delay ? Number(values.delay) : undefined });
  console.log(`exchange peer (${values.system}) on ${peer.url}; Tyndau at ${values.tyndau}`);
  console.log(`in Tyndau: npm run tyndau -- exchange add --system ${values.system} --secret <the same secret> --url ${peer.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void peer.close().then(() => process.exit(0)));
}
