import type { Generated } from 'kysely';

/**
 * queued -> sending -> sent -> delivered (where the channel reports it) | failed.
 * held: the channel is not configured here (kept, shown in the outbox). cancelled: withdrawn
 * before sending. Paper: queued -> to_print -> printed -> posted.
 */
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'held', 'cancelled', 'to_print', 'printed', 'posted'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'telegram', 'portal', 'paper'] as const;

export interface NotificationTable {
  id: Generated<string>;
  appealId: string | null;
  /** 'applicant' or 'staff' */
  recipientKind: string;
  recipientUserId: string | null;
  /** What the message says, e.g. 'appeal.registered'; rendered per language at send time. */
  template: string;
  /** email | sms | telegram | portal | paper */
  channel: string;
  language: string;
  address: string | null;
  payload: Generated<Record<string, unknown>>;
  status: Generated<string>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Date;
  sendAfter: Date | null;
  sentAt: Date | null;
  bodyId: Generated<string | null>;
  /** Set by a trigger on insert when the caller gives none. */
  nextAttemptAt: Generated<Date | null>;
  providerRef: Generated<string | null>;
  parts: Generated<number | null>;
  deliveredAt: Generated<Date | null>;
  printedAt: Generated<Date | null>;
  dedupeKey: Generated<string | null>;
}

export interface SmsPartTable {
  messageId: string;
  notificationId: string | null;
  part: number | null;
  state: string | null;
  error: string | null;
  doneAt: Date | null;
}

export interface StaffPreferenceTable {
  userId: string;
  channel: Generated<string>;
  digest: Generated<boolean>;
  updatedAt: Date;
}

export interface TelegramChatTable {
  id: Generated<string>;
  appealId: string | null;
  userId: string | null;
  chatId: number;
  linkedAt: Date;
}

export interface TelegramLinkCodeTable {
  codeHash: string;
  appealId: string | null;
  userId: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface NotifyJobRunTable {
  job: string;
  runKey: string;
  at: Date;
}

export interface NotifyTables {
  notification: NotificationTable;
  smsPart: SmsPartTable;
  staffPreference: StaffPreferenceTable;
  telegramChat: TelegramChatTable;
  telegramLinkCode: TelegramLinkCodeTable;
  notifyJobRun: NotifyJobRunTable;
}
