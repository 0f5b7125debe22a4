import type { Generated } from 'kysely';

export interface CalendarDayTable {
  /** YYYY-MM-DD (the pg `date` parser keeps it a string). */
  date: string;
  /** holiday | moved_day_off | transfer_day_off | working_day */
  kind: string;
  reason: string;
  source: string;
  /** generated | admin */
  origin: string;
  createdAt: Date;
  createdBy: string | null;
}

export interface CalendarYearTable {
  year: number;
  generatedAt: Date;
}

export interface CalendarRevisionTable {
  id: Generated<boolean>;
  revision: number;
}

export interface ChannelStandardTable {
  bodyId: string;
  channel: string;
  light: number;
  medium: number;
  heavy: number;
  updatedAt: Date;
  updatedBy: string | null;
}

/** One change of the calendar by its administrator or the command line (append-only). */
export interface CalendarChangeTable {
  id: Generated<string>;
  date: string;
  before: CalendarDaySnapshot | null;
  after: CalendarDaySnapshot | null;
  reason: string;
  changedBy: string | null;
  changedByLabel: string;
  at: Date;
  recountJobId: string;
}

/** A stored calendar entry as a change record keeps it (null: the five-day week). */
export interface CalendarDaySnapshot {
  kind: string;
  reason: string;
  source: string;
  origin: string;
}

/** The recount of open terms after a change: progress kept so a stopped run resumes. */
export interface CalendarRecountJobTable {
  id: Generated<string>;
  date: string;
  actorId: string | null;
  status: Generated<string>;
  cursor: string | null;
  processed: Generated<number>;
  changed: Generated<number>;
  leaseUntil: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface DeadlinesTables {
  calendarChange: CalendarChangeTable;
  calendarRecountJob: CalendarRecountJobTable;
  calendarDay: CalendarDayTable;
  calendarYear: CalendarYearTable;
  calendarRevision: CalendarRevisionTable;
  channelStandard: ChannelStandardTable;
}
