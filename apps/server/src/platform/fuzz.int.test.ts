// Fuzzing every operation of the OpenAPI document: requests generated from each
// operation's own schemas, half of the values plausible (real ids, values of the right
// type and range, so requests reach the services) and half junk (wrong types, huge
// strings, malformed UUIDs, dates and cursors, unicode, control characters, missing
// fields, broken JSON, the wrong content type), anonymous and with staff sessions of
// several roles. No answer may be a 5xx. Seeded (FUZZ_SEED) and bounded in time
// (FUZZ_REQUESTS requests, default 10,000; at most FUZZ_SECONDS, default 100).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { rng as seeded } from '../../../../bench/lib/corpus.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 100);
const PARALLEL = 8;

/** The benchmarks' seeded generator (mulberry32), so a failure is found again with the same seed. */
function prng(seed: number) {
  const r = seeded(seed);
  return { next: r.next, int: (lo: number, hi: number) => lo + r.int(hi - lo + 1), pick: r.pick, chance: (p: number) => r.next() < p };
}
type Rng = ReturnType<typeof prng>;

type Schema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  $ref?: string;
};

const JUNK_STRINGS = [
  '',
  ' ',
  '-'.repeat(36),
  '00000000-0000-0000-0000-00000000000g',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '-000001-01-01',
  '2026-11-25T25:61:00Z',
  '275760-09-13T00:00:00.000Z',
  'Infinity',
  'NaN',
  '-1',
  '1e999',
  '9007199254740993',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  'eyJ4IjoxfQ',
  'eyJyZWNlaXZlZEF0IjoieCIsImlkIjoieSJ9',
  'eyJyZWNlaXZlZEF0IjoiMjAyNi0xMS0yNVQwMDowMDowMFoiLCJpZCI6Ii0tLSJ9',
  '!!!',
  '%',
  '%00',
  '%E0%A4%A',
  "' or 1=1--",
  '"; drop table appeal; --',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\u0000',
  '\u0000abc\u0000',
  '\ud800',
  '\uffff\ufffe',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂🙃',
  'ӘҒҚҢӨҰҮҺІ әғқңөұүһі',
  '\u202eRTL\u202c',
  'a'.repeat(300),
  'ә'.repeat(5_000),
  'x'.repeat(70_000),
  'AST-2026-000001',
  'AST-9999-999999',
  '2026-Q5',
  '2026-Q0',
  '99:99',
  'admin',
  'kk,ru,en,xx',
  ',,,',
  'registered,,closed',
];
const JUNK_VALUES: unknown[] = [null, true, false, 0, -1, 1.5, -1e308, 1e308, 2 ** 53 + 1, [], [null], {}, { a: 1 }, [[[]]], 'x'];

function resolve(doc: { components?: { schemas?: Record<string, Schema> } }, s: Schema | undefined): Schema {
  let out = s ?? {};
  for (let i = 0; out.$ref && i < 10; i++) out = doc.components?.schemas?.[out.$ref.split('/').pop()!] ?? {};
  return out;
}

interface Pools {
  uuids: string[];
  numbers: string[];
  codes: string[];
  strings: string[];
}

function plausibleString(rng: Rng, s: Schema, name: string, pools: Pools): string {
  if (s.format === 'uuid' || /id$/i.test(name)) return rng.chance(0.8) ? rng.pick(pools.uuids) : randomUUID();
  if (s.format === 'date' || /^(from|to|date|until)$/.test(name)) {
    const d = new Date(Date.UTC(rng.int(2020, 2030), rng.int(0, 11), rng.int(1, 28)));
    return d.toISOString().slice(0, 10);
  }
  if (s.format === 'date-time' || /At$/.test(name)) return new Date(Date.UTC(rng.int(2025, 2027), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23))).toISOString();
  if (s.format === 'email' || name === 'email') return rng.pick(['aigerim@example.kz', 'comms-officer@akimat-astana.example.kz', 'a@b']);
  if (name === 'number') return rng.pick(pools.numbers);
  if (name === 'code') return rng.pick(pools.codes);
  if (name === 'quarter') return `${rng.int(2025, 2028)}-Q${rng.int(1, 4)}`;
  if (name === 'lang' || name === 'language') return rng.pick(['kk', 'ru', 'en']);
  if (s.pattern) {
    // Comma-separated lists of literals: take one of the literals.
    const literal = /\(([a-z_|]+)\)/.exec(s.pattern);
    if (literal) return rng.pick(literal[1].split('|'));
  }
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 200);
  const base = rng.pick(pools.strings);
  let out = base;
  while (out.length < min) out += ' ' + base;
  return out.slice(0, Math.max(min, rng.int(min, Math.max(min, max))));
}

/** A value for the schema: plausible with probability `p`, else junk; at every level again. */
function gen(rng: Rng, doc: object, schema: Schema | undefined, name: string, pools: Pools, p: number, depth = 0): unknown {
  const s = resolve(doc, schema);
  if (!rng.chance(p)) return rng.chance(0.6) ? rng.pick(JUNK_STRINGS) : rng.pick(JUNK_VALUES);
  if (s.const !== undefined) return s.const;
  if (s.enum) return rng.pick(s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return gen(rng, doc, rng.pick(union), name, pools, p, depth);
  if (s.allOf) return Object.assign({}, ...s.allOf.map((x) => gen(rng, doc, x, name, pools, 1, depth) as object));
  const type = Array.isArray(s.type) ? rng.pick(s.type) : (s.type ?? (s.properties ? 'object' : 'string'));
  switch (type) {
    case 'object': {
      if (depth > 5) return {};
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) {
        const required = s.required?.includes(k);
        // Required fields are sometimes left out, optional ones sometimes given.
        if (required ? rng.chance(0.95) : rng.chance(0.5)) out[k] = gen(rng, doc, v, k, pools, p, depth + 1);
      }
      if (rng.chance(0.05)) out[rng.pick(['__proto__x', 'constructor', 'extra', 'ә'])] = rng.pick(JUNK_VALUES);
      return out;
    }
    case 'array':
      return Array.from({ length: rng.chance(0.05) ? 300 : rng.int(0, 3) }, () => gen(rng, doc, s.items, name, pools, p, depth + 1));
    case 'integer':
    case 'number': {
      const lo = s.minimum ?? -5;
      const hi = s.maximum ?? 500;
      return type === 'integer' ? rng.int(Math.max(lo, -1e6), Math.min(hi, 1e6)) : lo + rng.next() * (Math.min(hi, 1e6) - lo);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    default:
      return plausibleString(rng, s, name, pools);
  }
}

/** Percent-encoding that survives lone surrogates: they become an invalid UTF-8 sequence. */
const encodePath = (v: string): string => {
  try {
    return encodeURIComponent(v);
  } catch {
    return '%ED%A0%80';
  }
};

const asParam = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));

let env: TestEnv;
before(async () => {
  // Each request comes through a trusted proxy from an address of its own, so the
  // per-address limits do not stop the fuzzing before it reaches the services.
  env = await createTestEnv({ env: { TRUST_PROXY: '127.0.0.1' } });
});
after(() => env.close());

test(`${REQUESTS} generated requests over every OpenAPI operation: no 5xx`, { timeout: (SECONDS + 60) * 1000 }, async () => {
  const doc = (await env.app.inject('/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const ops: Array<{ method: string; path: string; op: Record<string, unknown> }> = [];
  for (const [path, methods] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(methods)) ops.push({ method: method.toUpperCase(), path, op });
  assert.ok(ops.length >= 50, `only ${ops.length} operations in the document`);

  const db = env.ctx.db;
  const ids = [
    ...(await db.selectFrom('appeal').select('id').limit(40).execute()).map((r) => r.id),
    ...(await db.selectFrom('body').select('id').limit(10).execute()).map((r) => r.id),
    ...(await db.selectFrom('staffUser').select('id').limit(20).execute()).map((r) => r.id),
    ...(await db.selectFrom('notification').select('id').limit(10).execute()).map((r) => r.id),
  ];
  const pools: Pools = {
    uuids: ids,
    numbers: (await db.selectFrom('appeal').select('number').limit(20).execute()).map((r) => r.number),
    codes: ['ABCDEFGHJK', '2345678923', 'x'],
    strings: ['Во дворе не вывозят мусор', 'Аулада жол жөндеу керек', 'Street lights are off', 'akimat-astana', 'improvement.garbage', 'ok'],
  };
  const sessions: Array<string | undefined> = [undefined, undefined];
  for (const [role, body] of [
    ['comms_officer', 'akimat-astana'],
    ['admin', 'akimat-astana'],
    ['head', 'akimat-almaty'],
    ['executor', 'akimat-astana'],
    ['analyst', 'min-info'],
    ['ethics_commissioner', 'akimat-astana'],
  ]) sessions.push(await env.login(role, body));

  const failures: string[] = [];
  const statuses = new Map<number, number>();
  const deadline = Date.now() + SECONDS * 1000;
  let sent = 0;

  const one = async (i: number) => {
    // One generator per request, from the seed and the request's number: the same seed
    // gives the same requests whatever order the parallel senders take them in.
    const rng = prng(SEED * 100_003 + i);
    const { method, path, op } = ops[i % ops.length];
    const p = rng.pick([0.2, 0.6, 0.9, 1]);
    // Signing out would end the shared session for every request after it: anonymous there.
    const cookie = path.endsWith('/auth/logout') ? undefined : rng.pick(sessions);
    let url = path;
    const query = new URLSearchParams();
    const headers: Record<string, string> = { 'x-forwarded-for': `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`, 'accept-language': rng.pick(['kk', 'ru', 'en', 'xx', '']) };
    if (cookie) headers.cookie = cookie;
    for (const param of (op.parameters ?? []) as Array<{ in: string; name: string; required?: boolean; schema?: Schema }>) {
      if (!param.required && rng.chance(0.4)) continue;
      const value = asParam(gen(rng, doc, param.schema, param.name, pools, p));
      if (param.in === 'path') url = url.replace(`{${param.name}}`, encodePath(value) || (rng.chance(0.5) ? '%20' : 'x'));
      else if (param.in === 'query') query.append(param.name, value);
      else if (param.in === 'header' && /^[\t\x20-\x7e]*$/.test(value)) headers[param.name] = value;
    }
    if (rng.chance(0.05)) query.append(rng.pick(['limit', 'cursor', 'lang', 'x']), rng.pick(JUNK_STRINGS));
    const qs = query.toString();
    let payload: string | Buffer | undefined;
    const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
    if (content) {
      const [type, media] = rng.pick(Object.entries(content));
      if (type === 'application/json') {
        headers['content-type'] = rng.chance(0.95) ? 'application/json' : rng.pick(['text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1']);
        payload = rng.chance(0.05) ? rng.pick(['{', '[]', 'null', '"x"', '{"a":', '\u0000', '{"__proto__":{}}']) : JSON.stringify(gen(rng, doc, media.schema, 'body', pools, p) ?? null);
      } else {
        headers['content-type'] = type;
        payload = Buffer.from(rng.pick(['%PDF-1.4\n', '\x89PNG\r\n\x1a\n', 'plain text', '\u0000\u0001', 'MZ']).repeat(rng.int(1, 50)));
      }
    } else if (method !== 'GET' && rng.chance(0.2)) {
      headers['content-type'] = 'application/json';
      payload = rng.pick(['{}', '{', 'null']);
    }
    const res = await env.app.inject({ method: method as 'GET', url: qs ? `${url}?${qs}` : url, headers, payload });
    sent++;
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode >= 500) failures.push(`${res.statusCode} ${method} ${url}${qs ? `?${qs.slice(0, 300)}` : ''} ${cookie ? '(staff)' : '(anonymous)'} body=${String(payload ?? '').slice(0, 300)} → ${res.body.slice(0, 200)}`);
  };

  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < REQUESTS && Date.now() < deadline) await one(next++);
    }),
  );
  const summary = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
  console.log(`fuzz: seed ${SEED}, ${sent} requests over ${ops.length} operations: ${summary}`);
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} answers ≥ 500`);
  assert.ok(sent >= Math.min(REQUESTS, 10_000) * 0.95, `only ${sent} requests in ${SECONDS} s`);
});
