import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, zonedInstant } from './time-format.ts';

// 2026-07-01T02:30:00Z is still 30 June in Los Angeles (UTC−7 in summer) and 1 July in UTC.
const AT = '2026-07-01T02:30:45Z';

describe('formatDateTime / formatTime / formatDate (clinic zone, one format)', () => {
  it.each([
    ['UTC', '2026-07-01 02:30', '02:30', '2026-07-01'],
    ['America/Los_Angeles', '2026-06-30 19:30', '19:30', '2026-06-30'],
    ['America/Chicago', '2026-06-30 21:30', '21:30', '2026-06-30'],
    ['Europe/Berlin', '2026-07-01 04:30', '04:30', '2026-07-01'],
    ['Asia/Kolkata', '2026-07-01 08:00', '08:00', '2026-07-01'],
  ])('%s', (zone, dateTime, time, date) => {
    expect(formatDateTime(AT, zone)).toBe(dateTime);
    expect(formatTime(AT, zone)).toBe(time);
    expect(formatDate(AT, zone)).toBe(date);
  });

  it('shows midnight as 00, never 24', () => {
    expect(formatDateTime('2026-01-01T08:00:00Z', 'America/Los_Angeles')).toBe('2026-01-01 00:00');
  });

  it('adds seconds and the zone name on request', () => {
    expect(formatDateTime(AT, 'America/Los_Angeles', { seconds: true, zone: true })).toBe(
      '2026-06-30 19:30:45 PDT',
    );
    expect(formatTime('2026-01-15T20:00:00Z', 'America/Los_Angeles', { zone: true })).toBe('12:00 PST');
  });

  it('accepts Date and epoch milliseconds', () => {
    expect(formatDateTime(new Date(AT), 'UTC')).toBe('2026-07-01 02:30');
    expect(formatDateTime(Date.parse(AT), 'UTC')).toBe('2026-07-01 02:30');
  });

  it('keeps a bare calendar date as it is (no zone shift)', () => {
    expect(formatDate('2026-07-01', 'America/Los_Angeles')).toBe('2026-07-01');
  });

  it('shows — for no time and the input for a non-date; an unknown zone falls back to UTC', () => {
    expect(formatDateTime(null, 'UTC')).toBe('—');
    expect(formatTime(undefined, 'UTC')).toBe('—');
    expect(formatDateTime('not a date', 'UTC')).toBe('not a date');
    expect(formatDateTime(AT, 'Mars/Olympus')).toBe('2026-07-01 02:30');
  });
});

describe('without a zone', () => {
  it('uses UTC, never the host zone', () => {
    expect(formatDateTime(AT, undefined)).toBe('2026-07-01 02:30');
  });
});

describe('zonedInstant (a typed clinic time → stored instant)', () => {
  it.each([
    ['2026-07-01', '14:05', 'America/Los_Angeles', '2026-07-01T21:05:00.000Z'],
    ['2026-01-15', '14:05', 'America/Los_Angeles', '2026-01-15T22:05:00.000Z'],
    ['2026-07-01', '00:30', 'Europe/Berlin', '2026-06-30T22:30:00.000Z'],
    ['2026-07-01', '9:00', 'UTC', '2026-07-01T09:00:00.000Z'],
    // US spring-forward 2026-03-08: 02:30 does not exist in Los Angeles; 01:30 is PST.
    ['2026-03-08', '01:30', 'America/Los_Angeles', '2026-03-08T09:30:00.000Z'],
    ['2026-03-08', '03:30', 'America/Los_Angeles', '2026-03-08T10:30:00.000Z'],
  ])('%s %s in %s → %s', (date, hhmm, zone, iso) => {
    expect(zonedInstant(date, hhmm, zone)).toBe(iso);
    expect(formatTime(iso, zone)).toBe(hhmm.padStart(5, '0'));
  });

  it('a skipped wall time (spring forward) resolves to the hour before the gap', () => {
    expect(zonedInstant('2026-03-08', '02:30', 'America/Los_Angeles')).toBe('2026-03-08T09:30:00.000Z');
  });

  it('refuses what is not a date and a time', () => {
    expect(zonedInstant('2026-07-01', '25:00', 'UTC')).toBeNull();
    expect(zonedInstant('July 1', '10:00', 'UTC')).toBeNull();
  });
});
