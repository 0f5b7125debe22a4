import type { Generated } from 'kysely';

/** One read of an appeal's personal data by a staff member (append-only). */
export interface PersonalDataReadTable {
  id: Generated<string>;
  staffId: string;
  staffRole: string;
  appealId: string;
  /** card | attachment | letter_pdf */
  what: string;
  /** The attachment or letter opened; null for the card. */
  objectId: string | null;
  at: Date;
}

export interface AuditTables {
  personalDataRead: PersonalDataReadTable;
}
