/**
 * Outcomes (docs/clinical-sources.md#outcome-definitions): baseline, change, response, remission per
 * instrument, clinic configuration, and the patient-facing summary.
 */
import { describe, expect, it } from 'vitest';
import { configureDefinition } from './configure.ts';
import {
  computeOutcome,
  describeProgressForPatient,
  progressHeadlineForPatient,
  type ScorePoint,
} from './outcomes.ts';
import { audit, gad7, madrs, moaas, pcl5, phq9, qidsSr16 } from './registry.ts';
import { validateDefinition } from './validate.ts';

const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}T10:00:00Z`;
const pts = (...totals: number[]): ScorePoint[] => totals.map((total, i) => ({ at: day(i + 1), total }));

describe('baseline and latest', () => {
  it('baseline is the last score before the first dose', () => {
    const o = computeOutcome(phq9, pts(20, 18, 16, 8), '2026-01-02T12:00:00Z');
    expect(o).toMatchObject({
      baseline: 18,
      baselineAt: day(2),
      latest: 8,
      latestAt: day(4),
      hasFollowUp: true,
    });
    expect(o.baselineRule).toBe('last_before_first_dose');
  });

  it('without a first dose the baseline is the first score', () => {
    const o = computeOutcome(phq9, pts(20, 18, 16, 8));
    expect(o).toMatchObject({ baseline: 20, latest: 8, baselineRule: 'first_score' });
  });

  it('sorts the series by time', () => {
    const series = [
      { at: day(4), total: 8 },
      { at: day(1), total: 20 },
      { at: day(3), total: 16 },
    ];
    expect(computeOutcome(phq9, series)).toMatchObject({ baseline: 20, latest: 8 });
  });

  it('compares instants, not strings (time zones)', () => {
    const series = [
      { at: '2026-01-02T01:00:00+05:00', total: 12 }, // 2026-01-01T20:00Z
      { at: '2026-01-01T21:00:00Z', total: 14 },
    ];
    expect(computeOutcome(phq9, series, '2026-01-01T22:00:00Z')).toMatchObject({ baseline: 14 });
  });

  it('a score at the very time of the first dose is not a baseline', () => {
    const o = computeOutcome(phq9, pts(20, 18), day(2));
    expect(o.baseline).toBe(20);
    expect(o.latest).toBe(18);
  });

  it('no score before the first dose → no baseline, remission still judged', () => {
    const o = computeOutcome(phq9, pts(12, 3), '2025-12-01T00:00:00Z');
    expect(o).toMatchObject({ baseline: null, latest: 3, changePct: null, response: null, remission: true });
  });

  it('empty series', () => {
    expect(computeOutcome(phq9, [])).toMatchObject({
      baseline: null,
      latest: null,
      changePct: null,
      response: null,
      remission: null,
      hasFollowUp: false,
    });
  });

  it('only a baseline so far → nothing to compare', () => {
    const o = computeOutcome(phq9, pts(20), day(5));
    expect(o).toMatchObject({
      baseline: 20,
      latest: 20,
      hasFollowUp: false,
      changePct: null,
      response: null,
      remission: null,
    });
    expect(computeOutcome(phq9, pts(3)).remission).toBeNull();
  });

  it.each([
    [[{ at: 'yesterday', total: 3 }], undefined],
    [pts(3), 'not a date'],
    [[{ at: day(1), total: Number.NaN }], undefined],
  ])('rejects bad input %#', (series, dose) => {
    expect(() => computeOutcome(phq9, series, dose)).toThrow(RangeError);
  });
});

describe('change and response', () => {
  it.each([
    [20, 10, -50, true],
    [21, 11, -47.6, false],
    [19, 9, -52.6, true],
    [20, 11, -45, false],
    [10, 0, -100, true],
    [10, 15, 50, false],
    [10, 10, 0, false],
    [8, 7, -12.5, false],
    [16, 15, -6.3, false], // −6.25 rounds away from zero
    [16, 17, 6.3, false],
    [3, 2, -33.3, false],
  ])('baseline %i → latest %i: %d %%, response %s', (b, l, pct, response) => {
    const o = computeOutcome(phq9, pts(b, l));
    expect(o.changePct).toBe(pct);
    expect(o.response).toBe(response);
  });

  it.each([
    [34, 17, true], // exactly half
    [35, 17, true], // 51.4 %
    [35, 18, false], // 48.6 %
    [33, 17, false], // 48.5 %
  ])('MADRS %i → %i: response %s (integer arithmetic, no float drift)', (b, l, response) => {
    expect(computeOutcome(madrs, pts(b, l)).response).toBe(response);
  });

  it('baseline 0 → change and response null', () => {
    expect(computeOutcome(phq9, pts(0, 4))).toMatchObject({
      changePct: null,
      response: null,
      remission: true,
    });
  });

  it('instruments without a response rule → null', () => {
    expect(computeOutcome(audit, pts(20, 5)).response).toBeNull();
    expect(computeOutcome(audit, pts(20, 5)).changePct).toBe(-75);
  });

  it('configurable response percentage', () => {
    const def = configureDefinition(phq9, { responseReductionPct: 40 });
    expect(computeOutcome(def, pts(20, 12)).response).toBe(true);
    expect(computeOutcome(phq9, pts(20, 12)).response).toBe(false);
  });
});

describe('remission', () => {
  it.each([
    [phq9.id, phq9, 4, true],
    [phq9.id, phq9, 5, false],
    [gad7.id, gad7, 4, true],
    [gad7.id, gad7, 5, false],
    [qidsSr16.id, qidsSr16, 5, true],
    [qidsSr16.id, qidsSr16, 6, false],
    [madrs.id, madrs, 10, true],
    [madrs.id, madrs, 11, false],
  ])('%s latest %i → %s', (_id, def, latest, remission) => {
    expect(computeOutcome(def, pts(25, latest)).remission).toBe(remission);
  });

  it('MADRS threshold configurable to 12', () => {
    const def = configureDefinition(madrs, { remissionThreshold: 12 });
    expect(computeOutcome(def, pts(30, 12)).remission).toBe(true);
    expect(computeOutcome(def, pts(30, 13)).remission).toBe(false);
  });

  it.each([pcl5, audit, moaas].map((d) => [d.id, d] as const))(
    '%s defines no remission → null',
    (_id, def) => {
      expect(computeOutcome(def, pts(5, 0)).remission).toBeNull();
    },
  );
});

describe('configureDefinition', () => {
  it.each([31, 32, 33])('PCL-5 cut-off %i gives a valid definition', (cutoff) => {
    const def = configureDefinition(pcl5, { cutoff });
    expect(validateDefinition(def)).toEqual([]);
    expect(def.cutoff?.value).toBe(cutoff);
    expect(def.bands?.[1]?.min).toBe(cutoff);
    expect(pcl5.cutoff?.value).toBe(33); // the original is untouched
  });

  it.each([
    ['PCL-5 cut-off 30', () => configureDefinition(pcl5, { cutoff: 30 })],
    ['PCL-5 cut-off 34', () => configureDefinition(pcl5, { cutoff: 34 })],
    ['PCL-5 cut-off 31.5', () => configureDefinition(pcl5, { cutoff: 31.5 })],
    ['PHQ-9 cut-off', () => configureDefinition(phq9, { cutoff: 10 })],
    ['MADRS remission 13', () => configureDefinition(madrs, { remissionThreshold: 13 })],
    ['MADRS remission 9', () => configureDefinition(madrs, { remissionThreshold: 9 })],
    ['PHQ-9 remission', () => configureDefinition(phq9, { remissionThreshold: 6 })],
    ['response 0 %', () => configureDefinition(phq9, { responseReductionPct: 0 })],
    ['response 101 %', () => configureDefinition(phq9, { responseReductionPct: 101 })],
    ['AUDIT response', () => configureDefinition(audit, { responseReductionPct: 50 })],
  ])('rejects %s', (_n, run) => {
    expect(run).toThrow(RangeError);
  });

  it('MADRS remission 12 stays valid', () => {
    expect(validateDefinition(configureDefinition(madrs, { remissionThreshold: 12 }))).toEqual([]);
  });
});

describe('describeProgressForPatient', () => {
  const say = (series: ScorePoint[], dose?: string, def = phq9) =>
    describeProgressForPatient(def, computeOutcome(def, series, dose));

  it('improvement with response and remission, in plain words', () => {
    const text = say(pts(18, 4), day(2));
    expect(text).toContain('gone down from 18 before your first treatment to 4 now, about 78 % lower');
    expect(text).toContain('response to treatment');
    expect(text).toContain('remission');
    expect(text).toContain('care team');
  });

  it('worsening asks the patient to talk to the care team', () => {
    const text = say(pts(10, 14), day(2));
    expect(text).toContain('gone up from 10');
    expect(text).toContain('Please tell your care team');
    expect(text).not.toContain('remission');
  });

  it('no change, no data, no follow-up, no baseline', () => {
    expect(say(pts(10, 10))).toContain('the same as at your first check-in');
    expect(say([])).toBe('No PHQ-9 results are recorded yet.');
    expect(say(pts(12), day(5))).toContain('After your next check-in');
    expect(say(pts(12), '2025-01-01T00:00:00Z')).toContain('no score from before your first treatment');
  });

  it('never shows a raw rule name or a negative percentage', () => {
    const text = say(pts(20, 9), day(2));
    expect(text).not.toMatch(/(^|\s)[-−]\d|changePct|lower_is_better/);
  });
});

describe('progress headline for the portal home', () => {
  const base = { baseline: 19, latest: 8, hasFollowUp: true, response: true, remission: false };
  it.each([
    ['a response', base, 'Your PHQ-9 went from 19 to 8 since you started: that is a response.'],
    [
      'remission wins over response',
      { ...base, latest: 4, remission: true },
      'Your PHQ-9 went from 19 to 4 since you started: that is in the range clinicians call remission.',
    ],
    [
      'no response',
      { ...base, latest: 14, response: false },
      'Your PHQ-9 went from 19 to 14 since you started.',
    ],
    ['worse', { ...base, latest: 22, response: false }, 'Your PHQ-9 went from 19 to 22 since you started.'],
    [
      'unchanged',
      { ...base, latest: 19, response: false },
      'Your PHQ-9 is 19, the same as when you started.',
    ],
    ['no follow-up', { ...base, hasFollowUp: false }, null],
    ['no baseline', { ...base, baseline: null }, null],
    [
      'response unknown',
      { ...base, response: null, remission: null },
      'Your PHQ-9 went from 19 to 8 since you started.',
    ],
  ])('%s', (_, o, expected) => {
    expect(progressHeadlineForPatient('PHQ-9', o)).toBe(expected);
  });
});
