/**
 * The cohort's figures after suppression (docs/clinical-sources.md#outcomes-small-cell-suppression): no count
 * 1–10 is shown, rates over a hidden figure are null, partitions get their complementary cell.
 */
import { describe, expect, it } from 'vitest';
import { cohortReport } from './cohort-report.ts';
import { totalsOf } from './outcome-totals.ts';
import type { PatientOutcome, ResponseCategory } from './patient-outcome.ts';

function patient(
  category: ResponseCategory | null,
  remission: boolean | null,
  days: number | null = null,
): PatientOutcome {
  return {
    baseline: 20,
    latest: 5,
    changePct: -75,
    response: category === null ? null : category === 'response',
    remission,
    category,
    daysToResponse: days,
    timePoints: { end_of_induction: null, month_3: null, month_6: null },
    weekly: new Map([[1, -50]]),
  };
}

const many = (n: number, p: PatientOutcome) => Array.from({ length: n }, () => p);

const base = {
  sessions: 400,
  adverseEvents: 12,
  alerts: 3,
  measurementsDue: 100,
  measurementsCompleted: 95,
  dropouts: 20,
};

describe('cohort report', () => {
  it('shows large cells with their rates', () => {
    const outcomes = [
      ...many(30, patient('response', true, 14)),
      ...many(20, patient('partial', false)),
      ...many(25, patient('none', false)),
    ];
    const r = cohortReport({ ...base, patients: 80, totals: totalsOf(outcomes) });
    expect(r.patients).toBe(80);
    expect(r.response).toEqual({ n: 30, rate: 0.4 });
    expect(r.remission).toEqual({ n: 30, rate: 0.4 });
    expect(r.distribution).toEqual([
      { category: 'response', n: 30 },
      { category: 'partial', n: 20 },
      { category: 'none', n: 25 },
    ]);
    expect(r.timeToResponse).toEqual({ n: 30, medianDays: 14 });
    expect(r.adverseEvents).toEqual({ n: 12, per100Sessions: 3 });
    expect(r.alerts).toEqual({ n: '<11', per100Sessions: null });
    expect(r.dropout).toEqual({ n: 20, rate: 0.25 });
    expect(r.trajectory[1]).toEqual({ week: 1, patients: 75, meanChangePct: -50 });
  });

  it('hides small cells, their rates and a complementary cell', () => {
    const outcomes = [
      ...many(4, patient('response', true, 10)),
      ...many(12, patient('partial', false)),
      ...many(30, patient('none', false)),
    ];
    const r = cohortReport({ ...base, patients: 50, totals: totalsOf(outcomes), measurementsCompleted: 93 });
    expect(r.response).toEqual({ n: '<11', rate: null });
    expect(r.remission).toEqual({ n: '<11', rate: null });
    // Response is hidden, so partial (the smallest other) is hidden too; none stays.
    expect(r.distribution.map((d) => d.n)).toEqual(['<11', '<11', 30]);
    expect(r.evaluable.response).toBe(46);
    expect(r.timeToResponse).toEqual({ n: '<11', medianDays: null });
    // 7 missed of 100: the completed count would give it away, so it is hidden with it.
    expect(r.measurementCompletion).toEqual({ due: 100, completed: '<11', rate: null });
  });

  it('a small cohort shows nothing derivable', () => {
    const outcomes = many(6, patient('response', true, 7));
    const r = cohortReport({ ...base, patients: 6, sessions: 9, totals: totalsOf(outcomes), dropouts: 1 });
    expect(r.patients).toBe('<11');
    expect(r.sessions).toBe('<11');
    expect(r.dropout).toEqual({ n: '<11', rate: null });
    expect(r.adverseEvents.per100Sessions).toBeNull();
    expect(r.trajectory[1]).toEqual({ week: 1, patients: '<11', meanChangePct: null });
    const text = JSON.stringify(r);
    for (let n = 1; n <= 10; n++)
      expect(text).not.toMatch(new RegExp(`"(n|patients|sessions|due|completed)":${n}[,}]`));
  });
});
