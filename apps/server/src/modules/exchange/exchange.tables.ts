import type { Generated, JSONColumnType } from 'kysely';

export interface ExchangeSystemTable {
  system: string;
  url: string;
  /** The shared secret sealed under the platform's key (platform/secrets.ts). */
  secretSealed: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface ExchangeLinkTable {
  appealId: string;
  system: string;
  externalId: string;
  externalNumber: string | null;
  /** inbound: the appeal came from the system; outbound: Tyndau registered it there. */
  direction: string;
  bodyId: string;
  createdAt: Date;
}

export interface ExchangeOutboundTable {
  id: Generated<number>;
  system: string;
  appealId: string;
  /** The appeal_event the message reports: the idempotency key the other side sees. */
  eventId: number;
  kind: string;
  payload: Record<string, unknown>;
  status: Generated<string>;
  attempts: Generated<number>;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

export interface ExchangeBodySettingTable {
  bodyId: string;
  registerOwnInEotinish: boolean;
  updatedAt: Date;
}

export interface ExchangeReconciliationTable {
  id: Generated<number>;
  system: string;
  day: string;
  ranAt: Date;
  ok: boolean;
  error: string | null;
}

export interface ExchangeReconciliationBodyTable {
  reconciliationId: number;
  bodyId: string;
  ours: Record<string, number>;
  theirs: Record<string, number>;
  differences: JSONColumnType<Difference[]>;
}

export interface Difference {
  externalId: string;
  number: string | null;
  /** missing_there: we hold it, they do not; missing_here: the reverse; status: both hold it, differently. */
  kind: 'missing_there' | 'missing_here' | 'status';
  ours: string | null;
  theirs: string | null;
}

export interface ExchangeDuplicateTable {
  id: Generated<number>;
  bodyId: string;
  exchangedAppealId: string;
  otherAppealId: string;
  similarity: number;
  status: Generated<string>;
  foundAt: Date;
  dismissedBy: string | null;
  dismissedAt: Date | null;
}

export interface ExchangeTables {
  exchangeSystem: ExchangeSystemTable;
  exchangeLink: ExchangeLinkTable;
  exchangeOutbound: ExchangeOutboundTable;
  exchangeBodySetting: ExchangeBodySettingTable;
  exchangeReconciliation: ExchangeReconciliationTable;
  exchangeReconciliationBody: ExchangeReconciliationBodyTable;
  exchangeDuplicate: ExchangeDuplicateTable;
}
