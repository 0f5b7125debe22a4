/**
 * Kazakhstan's legal time: UTC+5 all year (one zone since 1 March 2024, no daylight saving),
 * so a fixed offset is exact for every date the platform handles. Terms, schedules and
 * reports are in this time whatever the reader's zone.
 */
export const ALMATY_UTC_OFFSET = '+05:00';
export const ALMATY_OFFSET_MS = 5 * 3_600_000;
export const ALMATY_TIME_ZONE = 'Asia/Almaty';
