/** Good-faith estimate deadlines and the dispute threshold (45 CFR 149.610(b)(1), 149.620), table-driven. */
import { describe, expect, it } from 'vitest';
import { estimateDeadline, exceedsEstimate, latestPeriodEnd } from './estimate-deadlines.ts';

describe('estimate deadlines', () => {
  it.each([
    // scheduled on, service on, rule, due by
    ['2026-03-02', '2026-03-03', 'not_required', null], // 1 business day ahead
    ['2026-03-02', '2026-03-04', 'not_required', null], // 2 business days ahead
    ['2026-03-02', '2026-03-05', 'scheduled_3_days', '2026-03-03'], // exactly 3
    ['2026-03-02', '2026-03-13', 'scheduled_3_days', '2026-03-03'], // 9
    ['2026-03-02', '2026-03-16', 'scheduled_10_days', '2026-03-05'], // exactly 10
    ['2026-03-06', '2026-03-11', 'scheduled_3_days', '2026-03-09'], // Friday: due Monday
    ['2026-03-07', '2026-03-11', 'scheduled_3_days', '2026-03-09'], // Saturday scheduling: due Monday
    // Thanksgiving: Wednesday 25 Nov, service Monday 30 Nov = 2 business days (Thu is a holiday)
    ['2026-11-25', '2026-11-30', 'not_required', null],
    ['2026-11-25', '2026-12-01', 'scheduled_3_days', '2026-11-27'],
    ['2026-11-24', '2026-12-09', 'scheduled_10_days', '2026-11-30'],
    // Independence Day 2026 observed Friday 3 July
    ['2026-07-02', '2026-07-08', 'scheduled_3_days', '2026-07-06'],
    ['2026-07-02', '2026-07-07', 'not_required', null],
    // New Year's Day 2027 (Friday)
    ['2026-12-30', '2027-01-05', 'scheduled_3_days', '2026-12-31'],
    ['2026-12-31', '2027-01-15', 'scheduled_10_days', '2027-01-06'],
  ] as const)('scheduled %s for %s → %s, due %s', (scheduledOn, serviceOn, rule, dueBy) => {
    const d = estimateDeadline({ kind: 'scheduled', scheduledOn, serviceOn });
    expect(d.rule).toBe(rule);
    expect(d.dueBy).toBe(dueBy);
  });

  it.each([
    ['2026-03-02', '2026-03-05'],
    ['2026-03-06', '2026-03-11'],
    ['2026-11-24', '2026-11-30'], // over Thanksgiving
    ['2026-07-01', '2026-07-07'], // over observed Independence Day
    ['2026-12-29', '2027-01-04'], // over New Year's Day 2027
  ])('requested on %s → due %s', (requestedOn, dueBy) => {
    expect(estimateDeadline({ kind: 'requested', requestedOn })).toEqual({
      dueBy,
      rule: 'requested',
      leadBusinessDays: null,
    });
  });
});

describe('dispute threshold ($400)', () => {
  it.each([
    [100_000, 100_000, false],
    [139_999, 100_000, false],
    [140_000, 100_000, true],
    [150_000, 100_000, true],
    [50_000, 100_000, false],
    [40_000, 0, true],
  ])('billed %d cents against %d → %s', (billed, estimated, flag) => {
    expect(exceedsEstimate(billed, estimated)).toBe(flag);
  });
});

describe('estimate period (12 months at most)', () => {
  it.each([
    ['2026-03-02', '2027-03-01'],
    ['2026-01-01', '2026-12-31'],
    ['2026-01-31', '2027-01-30'],
    ['2024-02-29', '2025-02-27'],
  ])('from %s up to %s', (from, to) => {
    expect(latestPeriodEnd(from)).toBe(to);
  });
});
