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

export interface DeadlinesTables {
  calendarDay: CalendarDayTable;
  calendarYear: CalendarYearTable;
  calendarRevision: CalendarRevisionTable;
  channelStandard: ChannelStandardTable;
}
