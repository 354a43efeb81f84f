import { describe, expect, it } from 'vitest';
import { type ClinicianDay, type FlagContext, scheduleFlags } from './flags.ts';

const NY = 'America/New_York';
const weekdays9to5 = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' }));
const nurse: ClinicianDay = {
  weekly: [1, 2, 3].map((weekday) => ({ weekday, start: '08:00', end: '12:00' })),
  leave: [{ fromDate: '2030-01-16', toDate: '2030-01-17' }],
  oneOff: [{ fromDate: '2030-01-18', toDate: '2030-01-18', start: '13:00', end: '15:00' }],
};
const ctx: FlagContext = { timeZone: NY, opening: weekdays9to5, clinicians: new Map([['n', nurse]]) };

/** Local New York wall time in January (EST, UTC−5) as an instant. */
const ny = (date: string, time: string) => new Date(`${date}T${time}:00-05:00`);
const codes = (date: string, from: string, to: string, clinicianId: string | null = null, c = ctx) =>
  scheduleFlags({ start: ny(date, from), end: ny(date, to), clinicianId, clinicianName: 'Nurse Kim' }, c).map(
    (f) => f.code,
  );

describe('scheduleFlags', () => {
  // 2030-01-14 is a Monday.
  it.each([
    ['inside opening hours', '2030-01-14', '09:00', '17:00', []],
    ['starting before opening', '2030-01-14', '08:59', '10:00', ['outside_opening_hours']],
    ['ending after closing', '2030-01-14', '16:30', '17:01', ['outside_opening_hours']],
    ['on a closed day (Saturday)', '2030-01-19', '10:00', '11:00', ['outside_opening_hours']],
  ])('%s', (_name, date, from, to, expected) => {
    expect(codes(date, from, to)).toEqual(expected);
  });

  it.each([
    ['inside the weekly hours', '2030-01-14', '09:00', '12:00', []],
    ['after the weekly hours', '2030-01-14', '11:30', '12:30', ['outside_working_hours']],
    ['on a day without hours (Thursday)', '2030-01-10', '09:00', '10:00', ['outside_working_hours']],
    ['on leave (first and last day)', '2030-01-16', '09:00', '10:00', ['clinician_on_leave']],
    ['on leave, last day', '2030-01-17', '09:00', '10:00', ['clinician_on_leave']],
    ['in one-off hours instead of the weekly ones', '2030-01-18', '13:00', '15:00', []],
    ['outside one-off hours', '2030-01-18', '09:00', '10:00', ['outside_working_hours']],
  ])('clinician %s', (_name, date, from, to, expected) => {
    expect(codes(date, from, to, 'n')).toEqual(expected);
  });

  it('flags nothing without opening hours, or for a clinician with no hours kept', () => {
    const none: FlagContext = { timeZone: NY, opening: null, clinicians: new Map() };
    expect(codes('2030-01-19', '22:00', '23:00', 'n', none)).toEqual([]);
    const empty: FlagContext = {
      ...none,
      clinicians: new Map([['n', { weekly: [], leave: [], oneOff: [] }]]),
    };
    expect(codes('2030-01-19', '22:00', '23:00', 'n', empty)).toEqual([]);
  });

  it('names the clinician and reads local time across the zone (an evening UTC date is the local day)', () => {
    const flags = scheduleFlags(
      {
        start: ny('2030-01-14', '11:30'),
        end: ny('2030-01-14', '12:30'),
        clinicianId: 'n',
        clinicianName: 'Nurse Kim',
      },
      ctx,
    );
    expect(flags).toEqual([{ code: 'outside_working_hours', message: 'Outside Nurse Kim’s working hours' }]);
    // 20:00–21:00 local on Monday is 01:00 UTC Tuesday: judged on Monday, outside 09:00–17:00.
    expect(codes('2030-01-14', '20:00', '21:00')).toEqual(['outside_opening_hours']);
  });

  it('accepts an appointment ending at local midnight when the hours run to 24:00', () => {
    const late: FlagContext = {
      timeZone: NY,
      opening: [{ weekday: 1, start: '18:00', end: '24:00' }],
      clinicians: new Map(),
    };
    const f = scheduleFlags(
      {
        start: ny('2030-01-14', '23:00'),
        end: ny('2030-01-15', '00:00'),
        clinicianId: null,
        clinicianName: null,
      },
      late,
    );
    expect(f).toEqual([]);
  });
});
