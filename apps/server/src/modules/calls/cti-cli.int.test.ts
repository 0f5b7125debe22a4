// The CLI an administrator connects a PBX with: the token it prints works on the CTI
// endpoint, --rotate retires it, a line added decides the channel, a blocked number is refused.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { runCli } from '../../cli.ts';

const SECRET = Buffer.alloc(32, 7).toString('base64');
let env: TestEnv;
before(async () => {
  env = await createTestEnv({ env: { TYNDAU_SECRET_KEY: SECRET } });
  process.env.DATABASE_URL = env.url;
  process.env.TYNDAU_SECRET_KEY = SECRET;
});
after(() => env.close());

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const [log, error] = [console.log, console.error];
  let out = '';
  let err = '';
  console.log = (...p: unknown[]) => void (out += p.join(' ') + '\n');
  console.error = (...p: unknown[]) => void (err += p.join(' ') + '\n');
  try {
    return { code: await runCli(args), out, err };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

const post = (token: string, payload: Record<string, string>) => env.app.inject({ method: 'POST', url: `/api/v1/cti/${token}`, payload });

test('cti token, line add and block from the command line', async () => {
  const first = await run(['cti', 'token', '--body', 'akimat-shymkent']);
  assert.equal(first.code, 0, first.err);
  const token = first.out.trim();
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  assert.match(first.err, new RegExp(`/api/v1/cti/${token}`));
  // The same token is printed again (it is derived, never stored).
  assert.equal((await run(['cti', 'token', '--body', 'akimat-shymkent'])).out.trim(), token);

  const line = await run(['cti', 'line', 'add', '--body', 'akimat-shymkent', '--number', '+7 7252 55-00-01', '--channel', 'contact_centre', '--language', 'kk']);
  assert.equal(line.code, 0, line.err);
  assert.match(line.out, /\+77252550001 \(contact_centre, kk\)/);
  assert.equal((await run(['cti', 'line', 'add', '--body', 'akimat-shymkent', '--number', '87252550001', '--channel', 'call_centre'])).code, 1, 'a number is one line');
  assert.equal((await run(['cti', 'line', 'add', '--body', 'akimat-shymkent', '--number', '87252550002', '--channel', 'telegraph'])).code, 1);
  assert.equal((await run(['cti', 'block', '--body', 'akimat-shymkent', '--number', '8 701 000 00 01'])).code, 0);
  assert.equal((await run(['cti', 'token', '--body', 'no-such-body'])).code, 1);

  const ev = { callId: 'cli-1', from: '+77010000002', to: '87252550001', direction: 'in', event: 'newCall' };
  const ok = await post(token, ev);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), {});
  const call = await env.ctx.db.selectFrom('call').selectAll().where('callId', '=', 'cli-1').executeTakeFirstOrThrow();
  assert.equal(call.channel, 'contact_centre');
  assert.equal(call.language, 'kk');
  assert.equal(call.bodyId, await env.bodyId('akimat-shymkent'));
  assert.deepEqual((await post(token, { ...ev, callId: 'cli-2', from: '+77010000001' })).json(), { action: 'reject', reason: 'busy' });

  const rotated = await run(['cti', 'token', '--body', 'akimat-shymkent', '--rotate']);
  assert.equal(rotated.code, 0);
  assert.notEqual(rotated.out.trim(), token);
  assert.equal((await post(token, { ...ev, callId: 'cli-3' })).statusCode, 404);
  assert.equal((await post(rotated.out.trim(), { ...ev, callId: 'cli-3' })).statusCode, 200);
});
