/**
 * Scoring engine: answer validation and every band boundary (both sides) of every instrument, per
 * docs/clinical-sources.md#instruments-scoring-and-codes and the sources cited in definitions/*.ts.
 */
import { describe, expect, it } from 'vitest';
import { scoreRange } from './helpers.ts';
import {
  audit,
  auditc,
  cadss6,
  cssrsScreen,
  dast10,
  gad7,
  INSTRUMENTS,
  madrs,
  moaas,
  pcl5,
  phq9,
  qidsSr16,
} from './registry.ts';
import { scoreAssessment } from './score.ts';
import { answersForTotal, fill, scoreOk } from './test-helpers.ts';
import type { InstrumentDefinition } from './types.ts';

describe('answer validation', () => {
  it.each([
    ['phq9', phq9, 8],
    ['phq9', phq9, 11],
    ['phq9', phq9, 0],
    ['gad7', gad7, 6],
    ['gad7', gad7, 8],
    ['cssrs_screen', cssrsScreen, 6],
    ['qids_sr16', qidsSr16, 15],
    ['audit', audit, 3],
    ['moaas', moaas, 2],
  ])('%s with %i answers → error naming answers', (_id, def, n) => {
    const r = scoreAssessment(def, fill(n, 0));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ field: 'answers' });
    expect(r.errors[0]?.item).toBeUndefined();
  });

  it('rejects a non-array', () => {
    const r = scoreAssessment(phq9, 'nope' as unknown as number[]);
    expect(r).toEqual({ ok: false, errors: [{ field: 'answers', message: expect.any(String) }] });
  });

  it('PHQ-9 accepts 9 answers or 10 with the unscored difficulty item', () => {
    const nine = scoreOk(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const ten = scoreOk(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 0, 3]);
    expect(nine.total).toBe(8);
    expect(ten.total).toBe(8);
    expect(scoreOk(phq9, [1, 1, 1, 1, 1, 1, 1, 1, 0, null]).missing).toEqual([]);
  });

  const bad: [string, InstrumentDefinition, number, unknown][] = [
    ['above range', phq9, 3, 4],
    ['negative', phq9, 3, -1],
    ['non-integer', phq9, 3, 1.5],
    ['NaN', phq9, 0, Number.NaN],
    ['Infinity', gad7, 6, Number.POSITIVE_INFINITY],
    ['string', gad7, 2, '2'],
    ['undefined', gad7, 1, undefined],
    ['boolean', dast10, 0, true],
    ['AUDIT item 9 = 1', audit, 8, 1],
    ['AUDIT item 10 = 3', audit, 9, 3],
    ['AUDIT item 1 = 5', audit, 0, 5],
    ['yes/no item = 2', dast10, 4, 2],
    ['C-SSRS item = 2', cssrsScreen, 0, 2],
    ['QIDS item = 4', qidsSr16, 11, 4],
    ['MADRS item = 7', madrs, 9, 7],
    ['MOAA/S = 6', moaas, 0, 6],
    ['CADSS item = 5', cadss6, 5, 5],
    ['PCL-5 item = 5', pcl5, 19, 5],
    ['PHQ-9 difficulty = 4', phq9, 9, 4],
  ];
  it.each(bad)('%s → error naming the item', (_name, def, index, value) => {
    const answers: unknown[] = fill(def.items.length, 0);
    answers[index] = value;
    const r = scoreAssessment(def, answers as (number | null)[]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([{ item: index + 1, field: `answers[${index}]`, message: expect.any(String) }]);
    expect(r.errors[0]?.message).toContain(`item ${index + 1}`);
  });

  it('lists every bad value, not only the first', () => {
    const r = scoreAssessment(gad7, [9, 0, -1, 0, 0, 0, 0.5]);
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual(['answers[0]', 'answers[2]', 'answers[6]']);
  });

  it('refuses to score with an invalid definition', () => {
    const broken = { ...gad7, bands: [{ min: 0, max: 4, label: 'minimal' }] };
    const r = scoreAssessment(broken, fill(7, 0) as number[]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.field).toBe('definition');
  });

  it('reports the definition version and id', () => {
    const r = scoreOk(gad7, fill(7, 0));
    expect(r.instrumentVersion).toBe(gad7.version);
    expect(r.instrumentId).toBe('gad7');
  });
});

/** [total, expected severity]: the two sides of every boundary, plus the extremes. */
const BOUNDARIES: [InstrumentDefinition, [number, string | null][]][] = [
  [
    phq9,
    [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'moderately severe'],
      [19, 'moderately severe'],
      [20, 'severe'],
      [27, 'severe'],
    ],
  ],
  [
    gad7,
    [
      [0, 'minimal'],
      [4, 'minimal'],
      [5, 'mild'],
      [9, 'mild'],
      [10, 'moderate'],
      [14, 'moderate'],
      [15, 'severe'],
      [21, 'severe'],
    ],
  ],
  [
    pcl5,
    [
      [0, 'below cut-off'],
      [32, 'below cut-off'],
      [33, 'probable ptsd'],
      [80, 'probable ptsd'],
    ],
  ],
  [
    audit,
    [
      [0, 'low risk'],
      [7, 'low risk'],
      [8, 'hazardous'],
      [15, 'hazardous'],
      [16, 'harmful'],
      [19, 'harmful'],
      [20, 'possible dependence'],
      [40, 'possible dependence'],
    ],
  ],
  [
    dast10,
    [
      [0, 'none'],
      [1, 'low'],
      [2, 'low'],
      [3, 'moderate'],
      [5, 'moderate'],
      [6, 'substantial'],
      [8, 'substantial'],
      [9, 'severe'],
      [10, 'severe'],
    ],
  ],
  [
    qidsSr16,
    [
      [0, 'none'],
      [5, 'none'],
      [6, 'mild'],
      [10, 'mild'],
      [11, 'moderate'],
      [15, 'moderate'],
      [16, 'severe'],
      [20, 'severe'],
      [21, 'very severe'],
      [27, 'very severe'],
    ],
  ],
  [
    madrs,
    [
      [0, 'normal'],
      [6, 'normal'],
      [7, 'mild'],
      [19, 'mild'],
      [20, 'moderate'],
      [34, 'moderate'],
      [35, 'severe'],
      [60, 'severe'],
    ],
  ],
  [
    moaas,
    [
      [0, 'no response to painful trapezius squeeze'],
      [1, 'responds only to painful trapezius squeeze'],
      [2, 'responds only to mild prodding or shaking'],
      [3, 'responds only to name called loudly or repeatedly'],
      [4, 'lethargic response to name'],
      [5, 'responds readily to name'],
    ],
  ],
  [
    cadss6,
    [
      [0, null],
      [12, null],
      [24, null],
    ],
  ],
];

describe.each(BOUNDARIES.map(([def, rows]) => [def.id, def, rows] as const))('%s bands', (_id, def, rows) => {
  it.each(rows)('total %i → %s', (total, severity) => {
    const r = scoreOk(def, answersForTotal(def, total));
    expect(r.total).toBe(total);
    expect(r.severity).toBe(severity);
  });
});

describe('AUDIT-C sex-specific cut-off', () => {
  it.each([
    ['male', 3, 'negative', false],
    ['male', 4, 'positive', false],
    ['M', 4, 'positive', false],
    ['Man', 3, 'negative', false],
    ['female', 2, 'negative', false],
    ['female', 3, 'positive', false],
    ['F', 3, 'positive', false],
    ['woman', 2, 'negative', false],
    [undefined, 2, 'negative', true],
    [undefined, 3, 'positive', true],
    ['', 3, 'positive', true],
    ['unknown', 3, 'positive', true],
    ['other', 2, 'negative', true],
    ['male', 0, 'negative', false],
    ['female', 12, 'positive', false],
  ])('sex %s, total %i → %s', (sex, total, severity, warned) => {
    const r = scoreOk(auditc, answersForTotal(auditc, total), sex === undefined ? {} : { sex });
    expect(r.total).toBe(total);
    expect(r.severity).toBe(severity);
    expect(r.warnings.some((w) => w.includes('conservative'))).toBe(warned);
  });

  it('scores without a context argument at all', () => {
    expect(scoreOk(auditc, [1, 1, 1]).severity).toBe('positive');
  });
});

describe('every instrument scores its extremes', () => {
  it.each(INSTRUMENTS.filter((d) => d.id !== 'cssrs_screen').map((d) => [d.id, d] as const))(
    '%s',
    (_id, def) => {
      const { min, max } = scoreRange(def);
      for (const total of [min, max]) {
        const r = scoreOk(def, answersForTotal(def, total));
        expect(r.total).toBe(total);
        expect(r.prorated).toBe(false);
        expect(r.missing).toEqual([]);
      }
    },
  );
});
