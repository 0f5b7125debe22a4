// One HTTP request of a benchmark's clients over their keep-alive agent: JSON in, the
// status and body out.
import http from 'node:http';

export interface Reply {
  status: number;
  body: string;
}

export function request(agent: http.Agent, base: URL, method: string, path: string, payload: string | null, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method,
        path,
        headers: payload === null ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(payload ?? undefined);
  });
}
