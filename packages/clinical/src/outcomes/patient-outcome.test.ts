/**
 * One patient's outcome and time points (docs/clinical-sources.md#outcomes-time-points), the primary scale per
 * indication and age bands.
 */
import { describe, expect, it } from 'vitest';
import { audit, gad7, pcl5, phq9 } from '../instruments/registry.ts';
import { patientOutcome } from './patient-outcome.ts';
import { ageBand, indicationsMatching, outcomeInstrumentFor } from './primary-scale.ts';

const DOSE = '2026-01-10T09:00:00Z';
const at = (day: number) => new Date(Date.parse(DOSE) + day * 86_400_000 + 3_600_000).toISOString();
const before = '2026-01-09T10:00:00Z';

describe('overall outcome, category and time to response', () => {
  it.each([
    {
      name: 'response and remission',
      def: phq9,
      scores: [20, 12, 4],
      category: 'response',
      response: true,
      remission: true,
    },
    {
      name: 'partial response',
      def: phq9,
      scores: [20, 14, 14],
      category: 'partial',
      response: false,
      remission: false,
    },
    {
      name: 'no response',
      def: phq9,
      scores: [20, 18, 17],
      category: 'none',
      response: false,
      remission: false,
    },
    { name: 'worse', def: gad7, scores: [10, 12, 15], category: 'none', response: false, remission: false },
    {
      name: 'PCL-5 has no remission rule',
      def: pcl5,
      scores: [60, 40, 20],
      category: 'response',
      response: true,
      remission: null,
    },
    {
      name: 'AUDIT has no response rule',
      def: audit,
      scores: [20, 10, 5],
      category: null,
      response: null,
      remission: null,
    },
  ] as const)('$name', ({ def, scores, category, response, remission }) => {
    const series = [
      { at: before, total: scores[0] },
      ...scores.slice(1).map((total, i) => ({ at: at(7 * (i + 1)), total })),
    ];
    const o = patientOutcome(def, series, DOSE, DOSE);
    expect(o.category).toBe(category);
    expect(o.response).toBe(response);
    expect(o.remission).toBe(remission);
  });

  it('days to response count from day 0 to the first score meeting the rule', () => {
    const o = patientOutcome(
      phq9,
      [
        { at: before, total: 20 },
        { at: at(3), total: 15 },
        { at: at(12), total: 10 },
        { at: at(20), total: 6 },
      ],
      DOSE,
      DOSE,
    );
    expect(o.daysToResponse).toBe(12);
  });

  it('no baseline: nothing computable', () => {
    const o = patientOutcome(phq9, [{ at: at(3), total: 15 }], DOSE, DOSE);
    expect(o).toMatchObject({ baseline: null, response: null, category: null, daysToResponse: null });
    expect(o.timePoints).toEqual({ end_of_induction: null, month_3: null, month_6: null });
  });
});

describe('time points', () => {
  const series = [
    { at: before, total: 20 },
    { at: at(14), total: 12 },
    { at: at(40), total: 9 }, // end of induction: the latest within 42 days
    { at: at(60), total: 14 },
    { at: at(85), total: 11 },
    { at: at(92), total: 4 }, // nearest day 90
    { at: at(200), total: 3 }, // outside the 6-month window (166–194)
  ];
  const o = patientOutcome(phq9, series, DOSE, DOSE);

  it.each([
    ['end_of_induction', { response: true, remission: false }],
    ['month_3', { response: true, remission: true }],
    ['month_6', null],
  ] as const)('%s', (key, expected) => {
    expect(o.timePoints[key]).toEqual(expected);
  });

  it('the weekly trajectory keeps each week’s latest change from baseline', () => {
    expect(o.weekly.get(2)).toBe(-40);
    expect(o.weekly.get(5)).toBe(-55);
    expect(o.weekly.get(13)).toBe(-80);
  });
});

describe('primary scale per indication', () => {
  it.each([
    [['depression'], undefined, 'phq9'],
    [['trd'], undefined, 'phq9'],
    [['anxiety', 'depression'], undefined, 'gad7'],
    [['ptsd'], undefined, 'pcl5'],
    [['alcohol_use_disorder'], undefined, 'audit'],
    [['opioid_use_disorder'], undefined, null],
    [['opioid_use_disorder', 'ptsd'], undefined, 'pcl5'],
    [['depression'], 'madrs', 'madrs'],
    [[], undefined, null],
  ] as const)('%j with %s → %s', (indications, chosen, expected) => {
    expect(outcomeInstrumentFor(indications, chosen)).toBe(expected);
  });
});

describe('indications a filter matches', () => {
  it.each([
    ['depression', ['depression', 'trd', 'mdd_with_suicidal_ideation']],
    ['trd', ['trd']],
    ['mdd_with_suicidal_ideation', ['mdd_with_suicidal_ideation']],
    ['anxiety', ['anxiety']],
    ['ptsd', ['ptsd']],
    ['alcohol_use_disorder', ['alcohol_use_disorder']],
    ['opioid_use_disorder', ['opioid_use_disorder']],
  ] as const)('%s → %j', (indication, matched) => {
    expect(indicationsMatching(indication)).toEqual(matched);
  });
});

describe('age bands', () => {
  it.each([
    ['2010-06-01', '2026-06-01', 'under_18'],
    ['2008-06-02', '2026-06-01', 'under_18'],
    ['2008-06-01', '2026-06-01', '18-24'],
    ['2001-06-01', '2026-06-01', '25-34'],
    ['1982-01-01', '2026-06-01', '35-44'],
    ['1975-01-01', '2026-06-01', '45-54'],
    ['1962-01-01', '2026-06-01', '55-64'],
    ['1961-06-01', '2026-06-01', '65+'],
  ] as const)('born %s, on %s → %s', (dob, on, band) => {
    expect(ageBand(dob, on)).toBe(band);
  });
});
