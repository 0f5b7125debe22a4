// Tests: one local HTTP server that speaks the three reply APIs as the networks document them
// (Telegram Bot API sendMessage, VK wall.createComment, Graph API comments/replies), records
// every call, and can play an outage.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  api: 'telegram' | 'vk' | 'graph';
  path: string;
  params: Record<string, unknown>;
}

export interface SocialApis {
  root: string;
  calls: ApiCall[];
  /** While set, every call answers this HTTP status (502: an outage). */
  failWith: number | null;
  close(): Promise<void>;
}

export async function startSocialApis(tokens: { telegram: string; vk: string; graph: string }): Promise<SocialApis> {
  let nextId = 9000;
  const apis: SocialApis = { root: '', calls: [], failWith: null, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://x');
      const params: Record<string, unknown> = (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw || '{}') : Object.fromEntries(new URLSearchParams(raw));
      if (apis.failWith) return json(apis.failWith, { ok: false, error_code: apis.failWith, description: 'Bad Gateway' });
      const tg = /^\/bot([^/]+)\/sendMessage$/.exec(url.pathname);
      if (tg) {
        if (tg[1] !== tokens.telegram) return json(401, { ok: false, error_code: 401, description: 'Unauthorized' });
        apis.calls.push({ api: 'telegram', path: url.pathname, params });
        return json(200, { ok: true, result: { message_id: ++nextId, chat: { id: params.chat_id }, date: 0, text: params.text } });
      }
      if (url.pathname === '/method/wall.createComment') {
        if (params.access_token !== tokens.vk) return json(200, { error: { error_code: 5, error_msg: 'User authorization failed: invalid access_token' } });
        apis.calls.push({ api: 'vk', path: url.pathname, params });
        return json(200, { response: { comment_id: ++nextId, parents_stack: [] } });
      }
      const graph = /^\/v[\d.]+\/([^/]+)\/(comments|replies)$/.exec(url.pathname);
      if (graph) {
        if (params.access_token !== tokens.graph) return json(400, { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } });
        apis.calls.push({ api: 'graph', path: url.pathname, params });
        return json(200, { id: `${graph[1]}_${++nextId}` });
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apis.root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  apis.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return apis;
}
