// Real servers on loopback for delivery tests and the benchmark: an SMTP server
// (smtp-server) that parses what it receives, an SMSC (the smpp package's server side) that
// acknowledges submit_sm and sends delivery receipts, and an HTTP server speaking the part
// of the Telegram Bot API that grammY uses (getMe, deleteWebhook, getUpdates, sendMessage).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import smpp from 'smpp';

export interface SmtpTestServer {
  port: number;
  url: string;
  messages: Array<ParsedMail & { to_: string; raw: string; receivedAt: number }>;
  /** Resolve when at least n messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function until(check: () => boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * An SMTP server that keeps every message. `rejectRecipients` answer 550 (a permanent
 * refusal); `delayMs` slows each message down (to stop a worker mid-batch); `parse: false`
 * only counts (the benchmark).
 */
export async function startSmtpServer(opts: { port?: number; rejectRecipients?: string[]; delayMs?: number; parse?: boolean; onMessage?: (raw: string) => void } = {}): Promise<SmtpTestServer> {
  const messages: SmtpTestServer['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, cb) {
      if (opts.rejectRecipients?.includes(address.address)) return cb(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        opts.onMessage?.(raw);
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        if (opts.parse === false) messages.push({ raw, to_: to, receivedAt: Date.now() } as SmtpTestServer['messages'][number]);
        else messages.push(Object.assign(await simpleParser(raw), { raw, to_: to, receivedAt: Date.now() }));
        cb();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (n, timeoutMs = 5000) => until(() => messages.length >= n, timeoutMs, `${n} e-mails`),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SubmittedSms {
  messageId: string;
  destination: string;
  source: string;
  dataCoding: number;
  esmClass: number;
  registeredDelivery: number;
  /** The concatenation header: [reference, total, sequence], or null for a single message. */
  concat: [number, number, number] | null;
  text: string;
}

export interface SmscTestServer {
  port: number;
  url: string;
  submits: SubmittedSms[];
  binds: number;
  /** Send a delivery receipt for a message id on the session that submitted it. */
  receipt(messageId: string, stat?: string, err?: string): Promise<void>;
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmsc(opts: { systemId?: string; password?: string; autoReceipt?: string | null; port?: number } = {}): Promise<SmscTestServer> {
  const systemId = opts.systemId ?? 'tyndau';
  const password = opts.password ?? 'secret';
  const submits: SubmittedSms[] = [];
  const sessionOf = new Map<string, smpp.Session>();
  const sessions = new Set<smpp.Session>();
  let seq = 0;
  const state = { binds: 0 };
  const sendReceipt = (session: smpp.Session, messageId: string, stat: string, err = '000') =>
    new Promise<void>((resolve) => {
      const s = submits.find((x) => x.messageId === messageId);
      const MESSAGE_STATE: Record<string, number> = { DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };
      session.deliver_sm(
        {
          source_addr: s?.destination ?? '',
          destination_addr: s?.source ?? '',
          esm_class: 0x04,
          short_message: `id:${messageId} sub:001 dlvrd:${stat === 'DELIVRD' ? '001' : '000'} submit date:2611250500 done date:2611250501 stat:${stat} err:${err} text:`,
          receipted_message_id: messageId,
          message_state: MESSAGE_STATE[stat] ?? 7,
        },
        () => resolve(),
      );
    });
  const server = smpp.createServer({}, (session) => {
    sessions.add(session);
    session.on('error', () => {});
    session.on('close', () => sessions.delete(session));
    session.on('bind_transceiver', (pdu: smpp.PDU) => {
      if (pdu.system_id !== systemId || pdu.password !== password) {
        session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
        session.close();
        return;
      }
      state.binds++;
      session.send(pdu.response({ system_id: 'test-smsc' }));
    });
    session.on('enquire_link', (pdu: smpp.PDU) => session.send(pdu.response()));
    session.on('unbind', (pdu: smpp.PDU) => {
      session.send(pdu.response());
      session.close();
    });
    session.on('submit_sm', (pdu: smpp.PDU) => {
      const messageId = `M${String(++seq).padStart(6, '0')}`;
      const sm = pdu.short_message as { udh?: Buffer[]; message: string };
      const ie = sm.udh?.find((u) => u[0] === 0x00);
      submits.push({
        messageId,
        destination: String(pdu.destination_addr),
        source: String(pdu.source_addr),
        dataCoding: Number(pdu.data_coding),
        esmClass: Number(pdu.esm_class),
        registeredDelivery: Number(pdu.registered_delivery),
        concat: ie ? [ie[2], ie[3], ie[4]] : null,
        text: sm.message,
      });
      sessionOf.set(messageId, session);
      session.send(pdu.response({ message_id: messageId }));
      if (opts.autoReceipt) setTimeout(() => void sendReceipt(session, messageId, opts.autoReceipt!), 5);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `smpp://${systemId}:${password}@127.0.0.1:${port}`,
    submits,
    get binds() {
      return state.binds;
    },
    receipt: (messageId, stat = 'DELIVRD', err) => sendReceipt(sessionOf.get(messageId)!, messageId, stat, err),
    waitFor: (n, timeoutMs = 5000) => until(() => submits.length >= n, timeoutMs, `${n} submit_sm`),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TelegramTestApi {
  apiRoot: string;
  token: string;
  username: string;
  sent: Array<{ chat_id: number; text: string }>;
  /** Queue an incoming message, as if a user wrote to the bot. */
  userWrites(chatId: number, text: string): void;
  /** Chats for which sendMessage answers 403 (bot blocked by the user). */
  blocked: Set<number>;
  waitForSent(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTelegramApi(token = '123456:TEST-token'): Promise<TelegramTestApi> {
  const username = 'tyndau_test_bot';
  const sent: TelegramTestApi['sent'] = [];
  const blocked = new Set<number>();
  let updates: Array<{ update_id: number; message: Record<string, unknown> }> = [];
  let nextUpdateId = 1000;
  let messageId = 1;
  const waiters = new Set<() => void>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const reply = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (!m || m[1] !== token) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const params = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
      switch (m[2]) {
        case 'getMe':
          return reply(200, { ok: true, result: { id: 123456, is_bot: true, first_name: 'Tyndau', username, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false } });
        case 'deleteWebhook':
          return reply(200, { ok: true, result: true });
        case 'getUpdates': {
          const offset = Number(params.offset ?? 0);
          updates = updates.filter((u) => u.update_id >= offset);
          if (updates.length === 0 && Number(params.timeout ?? 0) > 0) {
            // Long polling, shortened: answer within 200 ms so tests stay quick.
            await new Promise<void>((resolve) => {
              const done = () => {
                waiters.delete(done);
                resolve();
              };
              waiters.add(done);
              setTimeout(done, 200);
            });
          }
          return reply(200, { ok: true, result: updates.slice(0, Number(params.limit ?? 100)) });
        }
        case 'sendMessage': {
          const chatId = Number(params.chat_id);
          if (blocked.has(chatId)) return reply(403, { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' });
          sent.push({ chat_id: chatId, text: String(params.text) });
          return reply(200, { ok: true, result: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private' }, text: params.text } });
        }
        default:
          return reply(200, { ok: true, result: true });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    username,
    sent,
    blocked,
    userWrites(chatId, text) {
      updates.push({
        update_id: nextUpdateId++,
        message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'Citizen' }, from: { id: chatId, is_bot: false, first_name: 'Citizen', language_code: 'ru' }, text, entities: text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] : [] },
      });
      for (const w of [...waiters]) w();
    },
    waitForSent: (n, timeoutMs = 5000) => until(() => sent.length >= n, timeoutMs, `${n} Telegram messages`),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { until };
