import type { ColumnType, Generated } from 'kysely';

export interface ReceptionScheduleTable {
  id: Generated<string>;
  bodyId: string;
  officialId: string;
  /** 2026-Q4 */
  quarter: string;
  status: Generated<string>;
  note: string | null;
  draftedBy: string | null;
  draftedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
}

export interface ReceptionSlotTable {
  id: Generated<string>;
  scheduleId: string;
  bodyId: string;
  officialId: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  videoUrl: string | null;
  capacity: number;
  booked: Generated<number>;
  languages: Generated<string[]>;
}

export interface ReceptionBookingTable {
  id: Generated<string>;
  appealId: string;
  slotId: string;
  bodyId: string;
  status: Generated<string>;
  source: string;
  bookedBy: string | null;
  bookedAt: Date;
  remindAt: Date | null;
  remindBy: string | null;
  reminderCalledAt: Date | null;
  reviewedBy: string | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  /** Names of who came; written as JSON text (pg would send a JS array as a PostgreSQL array). */
  attendees: ColumnType<string[] | null, string | null, string | null>;
  topics: string[] | null;
  decision: string | null;
  outcomeBy: string | null;
  outcomeAt: Date | null;
  closedAt: Date | null;
  rescheduledToId: string | null;
}

export interface ReceptionFollowUpTable {
  bookingId: string;
  appealId: string;
}

export interface ReceptionContactTable {
  id: Generated<string>;
  bodyId: string;
  desk: string;
  subSource: string;
  at: Date;
  purpose: string;
  language: string;
  topicCode: string | null;
  outcome: string;
  appealId: string | null;
  visitorName: string | null;
  note: string | null;
  staffId: string;
}

export interface ReceptionDeskSettingTable {
  bodyId: string;
  days: number[];
  opens: string;
  closes: string;
  autoresponseKk: string | null;
  autoresponseRu: string | null;
  autoresponseEn: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface ReceptionTables {
  receptionSchedule: ReceptionScheduleTable;
  receptionSlot: ReceptionSlotTable;
  receptionBooking: ReceptionBookingTable;
  receptionFollowUp: ReceptionFollowUpTable;
  receptionContact: ReceptionContactTable;
  receptionDeskSetting: ReceptionDeskSettingTable;
}
