import type { Generated, ColumnType } from 'kysely';

export interface AppealTable {
  id: Generated<string>;
  number: string;
  accessCodeHash: string;
  bodyId: string;
  channel: string;
  kind: string;
  status: Generated<string>;
  applicantType: string;
  applicantName: string | null;
  applicantIin: string | null;
  applicantBin: string | null;
  applicantEmail: string | null;
  applicantPhone: string | null;
  preferredAnswer: string;
  language: string;
  text: string;
  topicCode: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  receivedAt: Date;
  registeredAt: Date;
  registeredBy: string | null;
  unitId: string | null;
  executorId: string | null;
  difficulty: string | null;
  legalDueAt: Date | null;
  targetDueAt: Date | null;
  redirectDueAt: Date | null;
  extended: Generated<boolean>;
  resolution: string | null;
  satisfaction: number | null;
  redirectedFromId: string | null;
  repeatOfId: string | null;
  /** Trust phone, made from a confidential appeal, or marked by the body: the applicant is for the ethics commissioner alone. */
  confidential: Generated<boolean>;
  /** Merged into this appeal (same problem, same place): answered with its answer. */
  duplicateOfId: Generated<string | null>;
  answeredAt: Date | null;
  closedAt: Date | null;
  search: ColumnType<string, never, never>;
}

export interface AppealEventTable {
  id: Generated<number>;
  appealId: string;
  type: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  reason: string | null;
  public: Generated<boolean>;
  data: Generated<Record<string, unknown>>;
}

export interface AppealNumberTable {
  bodyId: string;
  year: number;
  last: number;
}

export interface AttachmentTable {
  id: Generated<string>;
  /** null while uploaded but not yet claimed by an appeal */
  appealId: string | null;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  createdAt: Date;
}

export interface IdempotencyKeyTable {
  key: string;
  fingerprint: string;
  appealId: string | null;
  response: Record<string, unknown> | null;
  createdAt: Date;
}


export interface AppealsTables {
  appeal: AppealTable;
  appealEvent: AppealEventTable;
  appealNumber: AppealNumberTable;
  attachment: AttachmentTable;
  idempotencyKey: IdempotencyKeyTable;
}
