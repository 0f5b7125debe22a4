// E-mail over SMTP (nodemailer, pooled connections): HTML and plain text in the recipient's
// language. The Message-ID is derived from the notification, so a message resent after a
// crash between "sent" and "recorded" carries the same id and mail systems fold the copies.
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import { PermanentError, type ChannelSender, type OutgoingMessage } from './channel.ts';

export const messageIdOf = (notificationId: string) => `<${notificationId}@tyndau>`;

export function emailSender(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): ChannelSender {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    pool: true,
    maxConnections: 8,
    maxMessages: Infinity,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(msg: OutgoingMessage) {
      const messageId = messageIdOf(msg.id);
      try {
        await transport.sendMail({
          from: config.mailFrom,
          to: msg.address,
          subject: msg.message.subject,
          text: msg.message.text,
          html: msg.message.html,
          messageId,
          headers: { 'Content-Language': msg.language, 'X-Tyndau-Notification': msg.id },
        });
      } catch (err) {
        const e = err as Error & { responseCode?: number; permanent?: boolean };
        // 5xx: the server refuses this message for good (unknown mailbox, policy); 4xx and network errors pass.
        if (e.permanent || (e.responseCode && e.responseCode >= 500)) throw new PermanentError(`SMTP ${e.responseCode}: ${e.message}`);
        throw err;
      }
      return { status: 'sent', providerRef: messageId };
    },
    async close() {
      transport.close();
    },
  };
}
