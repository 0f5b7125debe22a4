// The calendar arithmetic without a database: the generator of days off, Almaty days,
// month ends. Expected years were checked against the published calendars (egov.kz as
// reported by Kazinform, Zakon.kz, Kapital.kz) and the Ministry of Labour's orders.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import Holidays from 'date-holidays';
import { generateYear, KNOWN_DECREES } from './calendar-rules.ts';
import { addCalendarMonths, addDays, almatyDate, endOfAlmatyDay, isIsoDate, isWeekend } from './dates.ts';

/** What `GET /calendar/days-off` lists: weekdays off and weekend days worked. */
function exceptions(year: number) {
  const entries = generateYear(year);
  return {
    off: entries.filter((e) => e.kind !== 'working_day' && !isWeekend(e.date)).map((e) => e.date),
    working: entries.filter((e) => e.kind === 'working_day' && isWeekend(e.date)).map((e) => e.date),
  };
}

const kindOn = (year: number, date: string) => generateYear(year).find((e) => e.date === date)?.kind;

describe('generator of days off', () => {
  test('Nauryz 2026 falls on Saturday–Monday: 21–25 March are all days off', () => {
    for (const d of ['2026-03-21', '2026-03-22', '2026-03-23']) assert.equal(kindOn(2026, d), 'holiday');
    assert.equal(kindOn(2026, '2026-03-24'), 'moved_day_off');
    assert.equal(kindOn(2026, '2026-03-25'), 'moved_day_off');
    assert.equal(kindOn(2026, '2026-03-26'), undefined, 'Thursday 26 March is working');
  });

  test('a weekend holiday moves to the next working day after the holiday(s)', () => {
    assert.equal(kindOn(2026, '2026-03-09'), 'moved_day_off', '8 March 2026 is a Sunday');
    assert.equal(kindOn(2026, '2026-05-11'), 'moved_day_off', '9 May 2026 is a Saturday');
    assert.equal(kindOn(2024, '2024-03-25'), 'moved_day_off', 'Nauryz 23 March 2024 is a Saturday; 21–22 are holidays already');
    assert.equal(kindOn(2023, '2023-01-03'), 'moved_day_off', '1 January 2023 is a Sunday, 2 January a holiday, so Tuesday 3rd');
    assert.equal(kindOn(2023, '2023-12-18'), 'moved_day_off', '16 December 2023 is a Saturday');
    assert.equal(kindOn(2027, '2027-01-04'), 'moved_day_off', '2 January 2027 is a Saturday');
    assert.equal(kindOn(2027, '2027-03-24'), 'moved_day_off', 'Nauryz 21 March 2027 is a Sunday; 22–23 are holidays, so Wednesday 24th');
  });

  test('7 January and Kurban Ait on a weekend are not moved', () => {
    assert.equal(kindOn(2024, '2024-01-07'), 'holiday', '7 January 2024 is a Sunday');
    assert.equal(kindOn(2024, '2024-01-08'), undefined);
    assert.equal(kindOn(2024, '2024-06-16'), 'holiday', 'Kurban Ait 2024 is a Sunday');
    assert.equal(kindOn(2024, '2024-06-17'), undefined);
    assert.equal(kindOn(2023, '2023-01-09'), undefined, '7 January 2023 is a Saturday, no move');
  });

  test('government transfers are applied from the known decrees', () => {
    assert.equal(kindOn(2023, '2023-07-01'), 'working_day');
    assert.equal(kindOn(2023, '2023-07-07'), 'transfer_day_off');
    assert.equal(kindOn(2024, '2024-05-04'), 'working_day');
    assert.equal(kindOn(2024, '2024-05-08'), 'transfer_day_off');
    assert.equal(kindOn(2025, '2025-01-05'), 'working_day', 'Sunday 5 January 2025 was worked');
    assert.equal(kindOn(2025, '2025-01-03'), 'transfer_day_off');
    for (const d of KNOWN_DECREES) for (const t of d.transfers ?? []) assert.match(t.source, /Постановление|Приказ/, 'each transfer names its decree');
  });

  test('Constitution Day: 30 August until 2025, none in 2026, 15 March from 2027', () => {
    assert.equal(kindOn(2025, '2025-08-30'), 'holiday');
    assert.equal(kindOn(2025, '2025-09-01'), 'moved_day_off');
    assert.equal(kindOn(2026, '2026-08-30'), undefined);
    assert.equal(kindOn(2026, '2026-08-31'), undefined, 'Monday 31 August 2026 is working');
    assert.equal(kindOn(2026, '2026-03-16'), undefined, 'the referendum day became the holiday only from 2027');
    assert.equal(kindOn(2027, '2027-03-15'), 'holiday');
  });

  test('every moved day off is a weekday that is not itself a holiday', () => {
    for (let y = 2023; y <= 2040; y++) {
      const entries = generateYear(y);
      const holidays = new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.date));
      for (const e of entries.filter((x) => x.kind === 'moved_day_off')) {
        assert.ok(!isWeekend(e.date) && !holidays.has(e.date), `${e.date}`);
        assert.equal(e.date.slice(0, 4), String(y), 'no move crosses a year end');
      }
    }
  });

  // The years as published; 2027 without Kurban Ait, which the administrator enters.
  const KNOWN: Record<number, { off: string[]; working: string[] }> = {
    2024: { off: ['01-01', '01-02', '03-08', '03-21', '03-22', '03-25', '05-01', '05-07', '05-08', '05-09', '07-08', '08-30', '10-25', '12-16'], working: ['05-04'] },
    2025: { off: ['01-01', '01-02', '01-03', '01-07', '03-10', '03-21', '03-24', '03-25', '05-01', '05-07', '05-09', '06-06', '07-07', '09-01', '10-27', '12-16'], working: ['01-05'] },
    2026: { off: ['01-01', '01-02', '01-07', '03-09', '03-23', '03-24', '03-25', '05-01', '05-07', '05-11', '05-27', '07-06', '10-26', '12-16'], working: [] },
    2027: { off: ['01-01', '01-04', '01-07', '03-08', '03-15', '03-22', '03-23', '03-24', '05-03', '05-07', '05-10', '07-06', '10-25', '12-16'], working: [] },
  };
  for (const [year, want] of Object.entries(KNOWN)) {
    test(`${year}: weekdays off and weekend days worked are the published ones`, () => {
      const got = exceptions(+year);
      assert.deepEqual(got.off, want.off.map((d) => `${year}-${d}`));
      assert.deepEqual(got.working, want.working.map((d) => `${year}-${d}`));
    });
  }

  test('cross-check with date-holidays: the same days except its known errors', () => {
    const hd = new Holidays('KZ');
    // date-holidays knows no decrees, misses 25 March 2026 and treats 15 March as a
    // holiday already in 2026 (the Ministry of Labour said: from 2027).
    const known = { 2024: { ours: ['2024-05-08'], theirs: [] }, 2025: { ours: ['2025-01-03'], theirs: [] }, 2026: { ours: ['2026-03-25'], theirs: ['2026-03-16'] } } as const;
    for (const [y, diff] of Object.entries(known)) {
      const theirs = new Set(
        hd
          .getHolidays(+y)
          .filter((h) => h.type === 'public')
          .map((h) => h.date.slice(0, 10))
          .filter((d) => !isWeekend(d)),
      );
      const ours = new Set(exceptions(+y).off);
      assert.deepEqual([...ours].filter((d) => !theirs.has(d)).sort(), [...diff.ours], `${y}: ours only`);
      assert.deepEqual([...theirs].filter((d) => !ours.has(d)).sort(), [...diff.theirs], `${y}: date-holidays only`);
    }
  });
});

describe('dates in Almaty', () => {
  test('the Almaty date of an instant turns at 19:00 UTC', () => {
    assert.equal(almatyDate(new Date('2026-03-20T18:59:59Z')), '2026-03-20');
    assert.equal(almatyDate(new Date('2026-03-20T19:00:00Z')), '2026-03-21');
  });

  test('a term ends at 23:59:59 Almaty time', () => {
    assert.equal(endOfAlmatyDay('2026-04-16').toISOString(), '2026-04-16T18:59:59.000Z');
  });

  test('two calendar months clamp to the end of a shorter month', () => {
    assert.equal(addCalendarMonths('2026-12-31', 2), '2027-02-28');
    assert.equal(addCalendarMonths('2027-12-31', 2), '2028-02-29');
    assert.equal(addCalendarMonths('2026-12-30', 2), '2027-02-28');
    assert.equal(addCalendarMonths('2026-01-15', 2), '2026-03-15');
    assert.equal(addCalendarMonths('2026-11-30', 2), '2027-01-30');
    assert.equal(addCalendarMonths('2026-08-31', 2), '2026-10-31');
  });

  test('dates are validated and stepped across year ends', () => {
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-1-01'), false);
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});
