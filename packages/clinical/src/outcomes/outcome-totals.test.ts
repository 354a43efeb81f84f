/**
 * Summing patient outcomes into the dashboard's totals: categories, yes-of-evaluable shares that skip the
 * unevaluable, the median of days to response (odd and even counts), and exact weekly sums in tenths.
 */
import { describe, expect, it } from 'vitest';
import { medianOf, totalsOf } from './outcome-totals.ts';
import type { PatientOutcome } from './patient-outcome.ts';

function outcome(p: Partial<PatientOutcome>): PatientOutcome {
  return {
    baseline: 20,
    latest: 10,
    changePct: -50,
    response: null,
    remission: null,
    category: null,
    daysToResponse: null,
    timePoints: { end_of_induction: null, month_3: null, month_6: null },
    weekly: new Map(),
    ...p,
  };
}

describe('outcome totals', () => {
  it.each([
    [[], null],
    [[7], 7],
    [[9, 3], 6],
    [[5, 1, 3], 3],
    [[4, 1, 2, 9], 3],
    [[2, 3], 2.5],
  ])('median of %j is %s', (values, median) => {
    expect(medianOf(values)).toBe(median);
  });

  it('sums categories, shares, time points, days and weeks', () => {
    const t = totalsOf([
      outcome({
        category: 'response',
        remission: true,
        daysToResponse: 14,
        timePoints: { end_of_induction: { response: true, remission: false }, month_3: null, month_6: null },
        weekly: new Map([
          [0, -10.1],
          [2, -55.5],
        ]),
      }),
      outcome({
        category: 'partial',
        remission: false,
        timePoints: { end_of_induction: { response: false, remission: null }, month_3: null, month_6: null },
        weekly: new Map([[2, -30.2]]),
      }),
      outcome({ category: 'none', remission: null, daysToResponse: 40 }),
      outcome({}),
    ]);
    expect(t.categories).toEqual({ response: 1, partial: 1, none: 1 });
    expect(t.remission).toEqual({ yes: 1, evaluable: 2 });
    expect(t.timePoints.end_of_induction).toEqual({
      response: { yes: 1, evaluable: 2 },
      remission: { yes: 0, evaluable: 1 },
    });
    expect(t.timePoints.month_3).toEqual({
      response: { yes: 0, evaluable: 0 },
      remission: { yes: 0, evaluable: 0 },
    });
    expect(t.daysToResponse).toEqual({ n: 2, medianDays: 27 });
    expect(t.weeks).toHaveLength(27);
    expect(t.weeks[0]).toEqual({ week: 0, n: 1, sumTenths: -101 });
    expect(t.weeks[1]).toEqual({ week: 1, n: 0, sumTenths: 0 });
    expect(t.weeks[2]).toEqual({ week: 2, n: 2, sumTenths: -857 });
  });
});
