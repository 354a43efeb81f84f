/**
 * Scoring rules beyond bands: reverse items (DAST-10, Skinner 1982), max-of-domain (QIDS-SR16, Rush
 * 2003), PCL-5 clusters and flags (Weathers 2013), safety flags and skipped safety items, and the
 * rules for incomplete forms. The C-SSRS screener triage, the MADRS item 10 rule and the AUDIT item
 * flags are in `score-safety.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { configureDefinition } from './configure.ts';
import { audit, cssrsScreen, dast10, gad7, madrs, pcl5, phq9, qidsSr16 } from './registry.ts';
import { scoreAssessment } from './score.ts';
import { fill, scoreOk } from './test-helpers.ts';

describe('DAST-10 reverse item 3 (no scores 1)', () => {
  it.each([
    ['all no', fill(10, 0), 1, 'low'],
    ['all yes', fill(10, 1), 9, 'severe'],
    ['only item 3 yes', [0, 0, 1, 0, 0, 0, 0, 0, 0, 0], 0, 'none'],
    ['item 1 yes, item 3 no', [1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 2, 'low'],
    ['all yes but item 3 no', [1, 1, 0, 1, 1, 1, 1, 1, 1, 1], 10, 'severe'],
  ])('%s → %i', (_n, answers, total, severity) => {
    const r = scoreOk(dast10, answers);
    expect(r.total).toBe(total);
    expect(r.severity).toBe(severity);
  });
});

describe('QIDS-SR16 domains take the maximum of their items', () => {
  const base = () => fill(16, 0) as number[];
  it.each([
    ['sleep', [1, 2, 3, 4], 'sleep'],
    ['appetite/weight', [6, 7, 8, 9], 'appetite_weight'],
    ['psychomotor', [15, 16], 'psychomotor'],
  ])('%s = max of its items', (_n, items, domain) => {
    for (const hot of items) {
      const a = base();
      for (const n of items) a[n - 1] = 1;
      a[hot - 1] = 3;
      const r = scoreOk(qidsSr16, a);
      expect(r.domains?.[domain]).toBe(3);
      expect(r.total).toBe(3);
    }
  });

  it.each([
    [5, 'mood'],
    [10, 'concentration'],
    [11, 'self_view'],
    [12, 'suicidal_ideation'],
    [13, 'interest'],
    [14, 'energy'],
  ])('item %i is its own domain (%s)', (item, domain) => {
    const a = base();
    a[item - 1] = 2;
    const r = scoreOk(qidsSr16, a);
    expect(r.domains?.[domain]).toBe(2);
    expect(r.total).toBe(2);
  });

  it('sums the nine domains to at most 27', () => {
    const r = scoreOk(qidsSr16, fill(16, 3) as number[]);
    expect(r.total).toBe(27);
    expect(Object.keys(r.domains ?? {})).toHaveLength(9);
  });
});

describe('PCL-5 clusters and flags', () => {
  it('subscales are exactly B, C, D, E', () => {
    const a = Array.from({ length: 20 }, (_, i) => (i % 5) as number);
    const r = scoreOk(pcl5, a);
    // items 1–5: 0..4 = 10; 6–7: 0,1 = 1; 8–14: 2,3,4,0,1,2,3 = 15; 15–20: 4,0,1,2,3,4 = 14
    expect(r.subscales).toEqual({ B: 10, C: 1, D: 15, E: 14 });
    expect(r.total).toBe(40);
  });

  it.each([
    [32, 'below cut-off', false],
    [33, 'probable ptsd', true],
  ])('default cut-off 33: total %i → %s', (total, severity, flagged) => {
    const a = fill(20, 0) as number[];
    let left = total;
    for (let i = 0; i < 20 && left > 0; i++) {
      a[i] = Math.min(4, left);
      left -= a[i] as number;
    }
    const r = scoreOk(pcl5, a);
    expect(r.severity).toBe(severity);
    expect(r.flags.includes('probable_ptsd')).toBe(flagged);
  });

  it.each([
    [31, 30, false],
    [31, 31, true],
    [32, 31, false],
    [32, 32, true],
  ])('configured cut-off %i: total %i → probable %s', (cutoff, total, flagged) => {
    const def = configureDefinition(pcl5, { cutoff });
    const a = fill(20, 0) as number[];
    let left = total;
    for (let i = 19; i >= 0 && left > 0; i--) {
      a[i] = Math.min(4, left);
      left -= a[i] as number;
    }
    const r = scoreOk(def, a);
    expect(r.flags.includes('probable_ptsd')).toBe(flagged);
    expect(r.severity).toBe(flagged ? 'probable ptsd' : 'below cut-off');
  });

  const dx = (): number[] => {
    const a = fill(20, 0) as number[];
    for (const n of [1, 6, 8, 9, 15, 16]) a[n - 1] = 2;
    return a;
  };
  it('provisional diagnosis at 1 B, 1 C, 2 D, 2 E items rated ≥ 2', () => {
    const r = scoreOk(pcl5, dx());
    expect(r.flags).toEqual(['provisional_ptsd_dx']);
    expect(r.total).toBe(12);
  });
  it.each([
    ['no B', 1],
    ['no C', 6],
    ['one D', 9],
    ['one E', 16],
  ])('no provisional diagnosis with %s', (_n, item) => {
    const a = dx();
    a[item - 1] = 1; // rated 1 = "a little bit": not endorsed
    expect(scoreOk(pcl5, a).flags).not.toContain('provisional_ptsd_dx');
  });
});

describe('safety items', () => {
  const phq = (item9: number | null) => [0, 0, 0, 0, 0, 0, 0, 0, item9];
  it.each([
    [0, []],
    [1, ['suicide_risk']],
    [2, ['suicide_risk']],
    [3, ['suicide_risk']],
  ])('PHQ-9 item 9 = %i → %j', (v, flags) => {
    const r = scoreOk(phq9, phq(v));
    expect(r.flags).toEqual(flags);
    expect(r.total).toBe(v); // item 9 is scored
  });

  it('PHQ-9 item 9 skipped never passes silently', () => {
    const r = scoreOk(phq9, phq(null));
    expect(r.flags).toEqual(['safety_item_skipped']);
    expect(r.prorated).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/safety question was skipped/);
  });

  it.each([
    [0, false],
    [1, false],
    [2, true],
    [3, true],
  ])('QIDS-SR16 item 12 = %i → suicide_risk %s', (v, flagged) => {
    const a = fill(16, 0) as number[];
    a[11] = v;
    expect(scoreOk(qidsSr16, a).flags.includes('suicide_risk')).toBe(flagged);
  });

  it('QIDS-SR16 item 12 skipped → refused, flagged as a skipped safety item', () => {
    const a = fill(16, 0);
    a[11] = null;
    const r = scoreAssessment(qidsSr16, a);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.flags).toEqual(['safety_item_skipped']);
    expect(r.errors[0]?.message).toMatch(/safety question/);
  });

  it('a refused PHQ-9 still reports item 9 risk', () => {
    const r = scoreAssessment(phq9, [null, null, null, 0, 0, 0, 0, 0, 2]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.flags).toEqual(['suicide_risk']);
  });
});

describe('incomplete forms', () => {
  it.each([
    ['PHQ-9 one missing', phq9, [2, 2, 2, 2, 2, 2, 2, null, 0], 16, [8]], // 14 × 9 / 8 = 15.75
    ['PHQ-9 two missing', phq9, [3, 3, 3, 3, 3, 3, 3, null, null], 27, [8, 9]],
    ['PHQ-9 half rounds up', phq9, [1, 1, 1, 1, 0, 0, 0, 0, null], 5, [9]], // 4 × 9 / 8 = 4.5
    ['PHQ-9 rounds down below half', phq9, [1, 0, 0, 0, 0, 0, 0, null, 0], 1, [8]], // 9 / 8 = 1.125
    ['GAD-7 one missing, half up', gad7, [1, 1, 1, 0, 0, 0, null], 4, [7]], // 3 × 7 / 6 = 3.5
    ['GAD-7 one missing', gad7, [3, 3, 3, 3, 3, null, 3], 21, [6]],
  ])('%s → prorated %i', (_n, def, answers, total, missing) => {
    const r = scoreOk(def, answers);
    expect(r.prorated).toBe(true);
    expect(r.total).toBe(total);
    expect(r.missing).toEqual(missing);
    expect(r.warnings[0]).toMatch(/^prorated/);
  });

  it('a prorated PHQ-9 is banded on the prorated total', () => {
    expect(scoreOk(phq9, [1, 1, 1, 1, 0, 0, 0, 0, null]).severity).toBe('mild');
  });

  it.each([
    ['PHQ-9 three missing', phq9, [null, 1, null, 1, null, 1, 1, 1, 0], [1, 3, 5]],
    ['PHQ-9 all missing', phq9, fill(9, null), [1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['GAD-7 two missing', gad7, [null, 1, 1, 1, 1, 1, null], [1, 7]],
    ['PCL-5 one missing', pcl5, [...fill(19, 1), null], [20]],
    ['MADRS one missing', madrs, [...fill(9, 2), null], [10]],
    ['AUDIT one missing', audit, [null, ...fill(9, 0)], [1]],
    ['DAST-10 one missing', dast10, [0, 0, null, 0, 0, 0, 0, 0, 0, 0], [3]],
    ['C-SSRS item 1 missing', cssrsScreen, [null, 0, 0, 0, 0, 0, 0], [1]],
  ])('%s → refused naming every missing item', (_n, def, answers, items) => {
    const r = scoreAssessment(def, answers);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.item)).toEqual(items);
    expect(r.errors.map((e) => e.field)).toEqual(items.map((n) => `answers[${n - 1}]`));
  });
});
