// The one generator of Kazakhstan's days off for a year: public holidays, days off moved
// from holidays that fall on a weekend, and the known government transfers. Its output is
// STORED (calendar_day) the first time a year is needed; every term is then counted from
// the stored days, never recomputed elsewhere. Administrators correct or add days later.
//
// Sources, checked in November 2026:
// - Law «О праздниках в Республике Казахстан» (as amended 2022: 25 October Republic Day
//   restored, 1 December First President's Day removed, Independence Day only 16 December).
// - Labour Code art. 85: a holiday on a Saturday or Sunday moves the day off to the next
//   working day after the holiday(s); not for 7 January (Orthodox Christmas) and the first
//   day of Kurban Ait, which are days off without a move.
// - Constitution Day: 30 August until 2025. The Constitution adopted by the referendum of
//   15 March 2026 (in force 1 July 2026) makes the day of its adoption Constitution Day;
//   the Ministry of Labour (МТСЗН, 18 March 2026) announced that 30 August 2026 is not a
//   day off and that 15 March is celebrated from 2027.
// - Transfers (Labour Code art. 85 p. 3) and Kurban Ait dates: see KNOWN_DECREES below.
import { addDays, isWeekend, weekday } from './dates.ts';

export type CalendarDayKind = 'holiday' | 'moved_day_off' | 'transfer_day_off' | 'working_day';

export interface CalendarEntry {
  date: string;
  kind: CalendarDayKind;
  reason: string;
  /** The law, decree or person the entry comes from. */
  source: string;
}

export const FIRST_SUPPORTED_YEAR = 2023;
export const LAST_SUPPORTED_YEAR = 2100;

interface FixedHoliday {
  md: string;
  reason: string;
  /** 7 January and Kurban Ait are days off without a move when they fall on a weekend. */
  moves: boolean;
  from?: number;
  until?: number;
}

const LAW = 'Закон РК «О праздниках в Республике Казахстан»';
const LABOUR_CODE_85 = 'Трудовой кодекс РК, ст. 85 (перенос выходного дня при совпадении с праздником)';

const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { md: '01-01', reason: 'New Year (Жаңа жыл / Новый год)', moves: true },
  { md: '01-02', reason: 'New Year (Жаңа жыл / Новый год)', moves: true },
  { md: '01-07', reason: 'Orthodox Christmas (Православное Рождество)', moves: false },
  { md: '03-08', reason: 'International Women’s Day (Международный женский день)', moves: true },
  { md: '03-15', reason: 'Constitution Day (День Конституции)', moves: true, from: 2027 },
  { md: '03-21', reason: 'Nauryz meiramy (Наурыз мейрамы)', moves: true },
  { md: '03-22', reason: 'Nauryz meiramy (Наурыз мейрамы)', moves: true },
  { md: '03-23', reason: 'Nauryz meiramy (Наурыз мейрамы)', moves: true },
  { md: '05-01', reason: 'Unity Day of the People of Kazakhstan (Праздник единства народа Казахстана)', moves: true },
  { md: '05-07', reason: 'Defender of the Fatherland Day (День защитника Отечества)', moves: true },
  { md: '05-09', reason: 'Victory Day (День Победы)', moves: true },
  { md: '07-06', reason: 'Capital Day (День Столицы)', moves: true },
  { md: '08-30', reason: 'Constitution Day (День Конституции)', moves: true, until: 2025 },
  { md: '10-25', reason: 'Republic Day (День Республики)', moves: true },
  { md: '12-16', reason: 'Independence Day (День Независимости)', moves: true },
];

export interface Decree {
  year: number;
  /** First day of Kurban Ait as officially announced (ДУМК with the Ministry of Labour). */
  kurbanAit?: string;
  transfers?: { workingDay: string; dayOff: string; source: string }[];
}

/**
 * Pre-loaded official data. Years not listed need the administrator to enter the Kurban
 * Ait date (and any transfer) with `calendar add-day-off` / `add-working-day`.
 */
export const KNOWN_DECREES: readonly Decree[] = [
  {
    year: 2023,
    kurbanAit: '2023-06-28',
    transfers: [{ workingDay: '2023-07-01', dayOff: '2023-07-07', source: 'Постановление Правительства РК о переносе дней отдыха в 2023 году (Saturday 1 July worked for Friday 7 July)' }],
  },
  {
    year: 2024,
    kurbanAit: '2024-06-16',
    transfers: [{ workingDay: '2024-05-04', dayOff: '2024-05-08', source: 'Приказ Министра труда и социальной защиты населения РК от 17.04.2024 «О переносе дня отдыха в 2024 году»' }],
  },
  {
    year: 2025,
    kurbanAit: '2025-06-06',
    transfers: [{ workingDay: '2025-01-05', dayOff: '2025-01-03', source: 'Приказ Министра труда и социальной защиты населения РК от 21.11.2024 (Sunday 5 January worked for Friday 3 January)' }],
  },
  { year: 2026, kurbanAit: '2026-05-27', transfers: [] },
];



/** Every stored entry of a year, as the law and the known decrees make it. */
export function generateYear(year: number): CalendarEntry[] {
  const holidays: (CalendarEntry & { moves: boolean })[] = FIXED_HOLIDAYS.filter((h) => (h.from ?? 0) <= year && year <= (h.until ?? 9999)).map((h) => ({
    date: `${year}-${h.md}`,
    kind: 'holiday' as const,
    reason: h.reason,
    source: h.moves ? LAW : `${LAW}; Трудовой кодекс РК, ст. 85 (выходной день без переноса)`,
    moves: h.moves,
  }));
  const decree = KNOWN_DECREES.find((d) => d.year === year);
  if (decree?.kurbanAit) {
    holidays.push({ date: decree.kurbanAit, kind: 'holiday', reason: 'Kurban Ait, first day (Құрбан айт / Курбан айт)', source: `${LAW}; дата — ДУМК и МТСЗН на ${year} год`, moves: false });
  }
  holidays.sort((a, b) => a.date.localeCompare(b.date));

  const byDate = new Map<string, CalendarEntry>();
  for (const { moves: _, ...h } of holidays) byDate.set(h.date, h);
  const isOff = (d: string) => isWeekend(d) || byDate.has(d);
  for (const h of holidays) {
    if (!h.moves || !isWeekend(h.date)) continue;
    // The next working day after the holiday and any holidays or moved days right after it.
    let d = addDays(h.date, 1);
    while (isOff(d)) d = addDays(d, 1);
    byDate.set(d, { date: d, kind: 'moved_day_off', reason: `Day off moved from ${h.date} (${dayName(h.date)}): ${h.reason}`, source: LABOUR_CODE_85 });
  }
  for (const t of decree?.transfers ?? []) {
    byDate.set(t.workingDay, { date: t.workingDay, kind: 'working_day', reason: `Working day; its day off moved to ${t.dayOff}`, source: t.source });
    byDate.set(t.dayOff, { date: t.dayOff, kind: 'transfer_day_off', reason: `Day off transferred from ${t.workingDay}`, source: t.source });
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayName = (date: string) => DAY_NAMES[weekday(date)];

/** Working or not, from a year's entries (stored or generated) and the five-day week. */
export function isWorkingIn(entries: ReadonlyMap<string, CalendarDayKind>, date: string): boolean {
  const kind = entries.get(date);
  if (kind) return kind === 'working_day';
  return !isWeekend(date);
}

