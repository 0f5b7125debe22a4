// What a delivery channel is to the worker: something that sends one rendered message and
// says what became of it. Errors that retrying cannot fix are PermanentError.
import type { RenderedMessage } from './templates.ts';

export interface OutgoingMessage {
  id: string;
  channel: string;
  address: string;
  language: string;
  attempts: number;
  message: RenderedMessage;
}

export interface SendResult {
  status: 'sent' | 'delivered';
  /** Message-ID, SMPP message_id(s), Telegram message_id. */
  providerRef?: string;
  parts?: number;
  /** SMPP: the message_id of each part, for matching delivery receipts. */
  smsParts?: Array<{ messageId: string; part: number }>;
}

export interface ChannelSender {
  send(msg: OutgoingMessage): Promise<SendResult>;
  close(): Promise<void>;
}

/** A failure that will not go away by trying again (address rejected, chat blocked). */
export class PermanentError extends Error {}

/** A failure the provider asks to retry no sooner than `retryAfterMs`. */
export class RetryLaterError extends Error {
  readonly retryAfterMs: number;
  constructor(message: string, retryAfterMs: number) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}
