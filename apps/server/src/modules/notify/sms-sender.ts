// SMS over SMPP 3.4 (the `smpp` package): one bound transceiver session per process, reused
// and re-bound after a drop. Texts go as GSM 7-bit or UCS-2 (data_coding 0 / 8), long ones as
// concatenated parts (UDH with a reference derived from the notification), each asking for
// a delivery receipt; receipts (deliver_sm) are recorded before they are acknowledged, so an
// SMSC resends any receipt we could not record.
import smpp from 'smpp';
import type { Config } from '../../config.ts';
import { PermanentError, RetryLaterError, type ChannelSender, type OutgoingMessage, type SendResult } from './channel.ts';
import { concatUdh, DATA_CODING, encodeSms, splitSms } from './sms-encoding.ts';

export interface SmsReceipt {
  messageId: string;
  /** DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, UNKNOWN, ACCEPTD, ENROUTE */
  state: string;
  error: string | null;
}

const MESSAGE_STATES: Record<number, string> = { 1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD' };
/** submit_sm statuses that no retry will fix: bad source or destination address, bad message. */
const PERMANENT_STATUSES = new Set([0x0a, 0x0b, 0x0c, 0x33, 0x48, 0x49, 0x50, 0x51, 0x61, 0x62, 0x63]);
const THROTTLED = 0x58;
const SUBMIT_TIMEOUT_MS = 30_000;

export function parseSmppUrl(url: string) {
  const u = new URL(url);
  return {
    url: `${u.protocol}//${u.hostname}:${u.port || 2775}`,
    systemId: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    source: u.searchParams.get('source') ?? 'Tyndau',
  };
}

/** A delivery receipt in a deliver_sm: the TLVs when present, else the text of SMPP 3.4 appendix B. */
export function parseReceipt(pdu: Record<string, unknown>): SmsReceipt | null {
  const esm = Number(pdu.esm_class ?? 0);
  const sm = pdu.short_message as { message?: unknown } | Buffer | string | undefined;
  const text = typeof sm === 'string' ? sm : Buffer.isBuffer(sm) ? sm.toString('latin1') : typeof sm?.message === 'string' ? sm.message : Buffer.isBuffer(sm?.message) ? sm.message.toString('latin1') : '';
  if (!(esm & 0x04) && !/\bid:\S+.*\bstat:/i.test(text)) return null;
  const messageId = pdu.receipted_message_id ? String(pdu.receipted_message_id) : /\bid:(\S+)/i.exec(text)?.[1];
  if (!messageId) return null;
  const state = typeof pdu.message_state === 'number' ? (MESSAGE_STATES[pdu.message_state] ?? 'UNKNOWN') : (/\bstat:(\w+)/i.exec(text)?.[1]?.toUpperCase() ?? 'UNKNOWN');
  const err = /\berr:(\w+)/i.exec(text)?.[1] ?? null;
  return { messageId, state, error: err && err !== '000' ? err : null };
}

export function smsSender(config: Pick<Config, 'smppUrl'>, onReceipt: (r: SmsReceipt) => Promise<void>, log: (msg: string, err?: unknown) => void = () => {}): ChannelSender {
  const target = parseSmppUrl(config.smppUrl!);
  let bound: Promise<smpp.Session> | null = null;
  let closing = false;

  function session(): Promise<smpp.Session> {
    if (bound) return bound;
    const attempt = new Promise<smpp.Session>((resolve, reject) => {
      const s = smpp.connect({ url: target.url, auto_enquire_link_period: 30_000 });
      const drop = (err?: Error) => {
        if (bound === attempt) bound = null;
        reject(err ?? new Error('SMPP session closed'));
      };
      s.on('error', (err: Error) => {
        log('SMPP session error', err);
        drop(err);
      });
      s.on('close', () => drop());
      s.on('connect', () =>
        s.bind_transceiver({ system_id: target.systemId, password: target.password, interface_version: 0x34 }, (pdu) => {
          if (pdu.command_status === 0) resolve(s);
          else {
            s.close();
            drop(new Error(`SMPP bind refused (status ${pdu.command_status})`));
          }
        }),
      );
      s.on('enquire_link', (pdu: smpp.PDU) => s.send(pdu.response()));
      s.on('unbind', (pdu: smpp.PDU) => {
        s.send(pdu.response());
        s.close();
      });
      s.on('deliver_sm', async (pdu: smpp.PDU) => {
        const receipt = parseReceipt(pdu);
        try {
          if (receipt) await onReceipt(receipt);
          s.send(pdu.response());
        } catch (err) {
          log('could not record an SMS receipt; the SMSC will resend it', err);
          s.send(pdu.response({ command_status: 0x08 }));
        }
      });
    });
    attempt.catch(() => {});
    bound = attempt;
    return attempt;
  }

  function submit(s: smpp.Session, options: Record<string, unknown>): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('SMPP submit_sm timed out')), SUBMIT_TIMEOUT_MS);
      s.submit_sm(options, (pdu) => {
        clearTimeout(timer);
        const status = pdu.command_status;
        if (status === 0) resolve(String(pdu.message_id));
        else if (PERMANENT_STATUSES.has(status)) reject(new PermanentError(`SMPP submit_sm refused (status 0x${status.toString(16)})`));
        else if (status === THROTTLED) reject(new RetryLaterError('SMPP throttled', 60_000));
        else reject(new Error(`SMPP submit_sm failed (status 0x${status.toString(16)})`));
      });
    });
  }

  return {
    async send(msg: OutgoingMessage): Promise<SendResult> {
      if (closing) throw new Error('SMS sender is closing');
      const destination = msg.address.replace(/[^\d]/g, '');
      if (destination.length < 10 || destination.length > 15) throw new PermanentError(`not a phone number: ${msg.address}`);
      const split = splitSms(msg.message.sms);
      const s = await session();
      // The same reference on every attempt, so a network that folds duplicate parts can.
      const ref = parseInt(msg.id.replace(/-/g, '').slice(-2), 16);
      const smsParts: Array<{ messageId: string; part: number }> = [];
      for (const [i, text] of split.parts.entries()) {
        const bytes = encodeSms(text, split.encoding);
        const messageId = await submit(s, {
          source_addr_ton: /^\d+$/.test(target.source) ? 1 : 5,
          source_addr_npi: /^\d+$/.test(target.source) ? 1 : 0,
          source_addr: target.source,
          dest_addr_ton: 1,
          dest_addr_npi: 1,
          destination_addr: destination,
          registered_delivery: 1,
          data_coding: DATA_CODING[split.encoding],
          short_message: split.parts.length > 1 ? { udh: concatUdh(ref, split.parts.length, i + 1), message: bytes } : bytes,
        });
        smsParts.push({ messageId, part: i + 1 });
      }
      return { status: 'sent', providerRef: smsParts.map((p) => p.messageId).join(' '), parts: smsParts.length, smsParts };
    },
    async close() {
      closing = true;
      const current = bound;
      bound = null;
      if (!current) return;
      const s = await current.catch(() => null);
      if (!s) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          s.destroy();
          resolve();
        }, 2000);
        s.unbind({}, () => {
          clearTimeout(timer);
          s.close(() => resolve());
        });
      });
    },
  };
}
