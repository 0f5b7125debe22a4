import type { Generated } from 'kysely';

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
}

export interface NotifyTables {
  notification: NotificationTable;
}
