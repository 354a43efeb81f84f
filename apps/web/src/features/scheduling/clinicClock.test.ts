import { describe, expect, it } from 'vitest';
import {
  addDays,
  clinicToday,
  dateToWall,
  fromWallClock,
  isoToLocal,
  localToIso,
  minutesBetween,
  spanOf,
  toWallClock,
  wallDate,
} from './clinicClock.ts';

const CHICAGO = 'America/Chicago';
const fields = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];

describe('clinic clock', () => {
  it('shows an instant at the clinic’s local time, whatever the browser’s zone', () => {
    // 15:00 UTC is 09:00 in Chicago in winter (UTC−6) and 10:00 in summer (UTC−5).
    expect(fields(toWallClock('2026-11-27T15:00:00Z', CHICAGO))).toEqual([2026, 11, 27, 9, 0]);
    expect(fields(toWallClock('2026-07-01T15:00:00Z', CHICAGO))).toEqual([2026, 7, 1, 10, 0]);
    expect(fields(toWallClock('2026-11-27T15:00:00Z', 'Asia/Tokyo'))).toEqual([2026, 11, 28, 0, 0]);
  });

  it('reads a wall-clock Date back as the clinic-local instant (round trip)', () => {
    for (const iso of ['2026-11-27T15:00:00.000Z', '2026-03-08T16:30:00.000Z', '2026-11-01T14:45:00.000Z']) {
      expect(fromWallClock(toWallClock(iso, CHICAGO), CHICAGO).toISOString()).toBe(iso);
    }
  });

  it('keeps 10:00 local on both sides of the autumn change (2026-11-01 in Chicago)', () => {
    expect(localToIso('2026-10-31', '10:00', CHICAGO)).toBe('2026-10-31T15:00:00Z');
    expect(localToIso('2026-11-01', '10:00', CHICAGO)).toBe('2026-11-01T16:00:00Z');
    expect(isoToLocal('2026-11-01T16:00:00Z', CHICAGO)).toEqual({ date: '2026-11-01', time: '10:00' });
  });

  it('moves a time in the spring gap forward and takes the earlier of an overlapped time', () => {
    // 02:30 does not exist on 2026-03-08 in Chicago: 03:30 CDT.
    expect(localToIso('2026-03-08', '02:30', CHICAGO)).toBe('2026-03-08T08:30:00Z');
    expect(fromWallClock(new Date(2026, 2, 8, 2, 30), CHICAGO).toISOString()).toBe(
      '2026-03-08T08:30:00.000Z',
    );
    // 01:30 occurs twice on 2026-11-01: the first (CDT, UTC−5).
    expect(localToIso('2026-11-01', '01:30', CHICAGO)).toBe('2026-11-01T06:30:00Z');
  });

  it('spans a 25-hour day and a Monday-to-Sunday week in the clinic’s zone', () => {
    const day = spanOf('2026-11-01', 'day', CHICAGO);
    expect(day).toEqual({ from: '2026-11-01T05:00:00Z', to: '2026-11-02T06:00:00Z' });
    expect(minutesBetween(day.from, day.to)).toBe(25 * 60);
    expect(spanOf('2026-11-04', 'week', CHICAGO)).toEqual({
      from: '2026-11-02T06:00:00Z',
      to: '2026-11-09T06:00:00Z',
    });
    expect(spanOf('2026-11-01', 'week', CHICAGO).from).toBe('2026-10-26T05:00:00Z');
  });

  it('tells the clinic’s date, not the browser’s', () => {
    // 03:00 UTC on the 28th is still the 27th in Chicago.
    expect(clinicToday(CHICAGO, new Date('2026-11-28T03:00:00Z'))).toBe('2026-11-27');
    expect(wallDate(dateToWall('2026-11-01'))).toBe('2026-11-01');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2026-11-02', -7)).toBe('2026-10-26');
  });
});
