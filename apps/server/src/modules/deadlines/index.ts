// Terms of an appeal on Kazakhstan's working-day calendar: the stored calendar (holidays,
// moved and transferred days off, working Saturdays), the statutory term (art. 76), the
// redirect term (art. 65), each body's channel standards, the extension limit, due-soon,
// and the daily monitoring view. Other modules count days only through these functions.
export { almatyDate, endOfAlmatyDay, startOfAlmatyDay, addCalendarMonths } from './dates.ts';
export { addWorkingDays, isWorkingDay, listDaysOff } from './calendar.ts';
export { setCalendarDay, removeCalendarDay } from './calendar-changes.ts';
export { termsOnReceipt, channelTargetDueAt, maxExtendedDate, dueSoonBefore, dayZeroOf, REDIRECT_TERM_DAYS, EXTENSION_LIMIT_MONTHS } from './terms.ts';
export { getChannelStandard, setChannelStandard, listChannelStandards, DEFAULT_CHANNEL_STANDARD, LEGAL_TERM_DAYS, type ChannelStandard } from './channel-standards.ts';
export { dailyMonitoring } from './monitoring.ts';
export { calendarRevisionIs } from './deadlines.repository.ts';
export { deadlinesRoutes } from './deadlines.routes.ts';
export { resumeRecountJobs, runRecountJob } from './recount-job.ts';
