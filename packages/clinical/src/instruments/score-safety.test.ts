/**
 * Safety and item-level rules, each table naming its source:
 * - C-SSRS screener 2.0.0 (7 answers, LOINC form 93373-9; triage per the Columbia Lighthouse Project
 *   screener with lifetime/recent behaviour and Columbia's triage guidelines), its gates, and the
 *   superseded 1.0.0 definition that stored 6-answer assessments are read with;
 * - MADRS item 10 ≥ 4 → suicide-risk alert (Plasticity product default at anchor 4 of Montgomery &
 *   Åsberg 1979, configurable 1–4 by the clinic);
 * - AUDIT item flags (WHO AUDIT manual, Babor, Higgins-Biddle, Saunders & Monteiro 2001, 2nd ed.,
 *   WHO/MSD/MSB/01.6a: interpretation of individual questions and the risk-level table).
 */
import { describe, expect, it } from 'vitest';
import { configureDefinition } from './configure.ts';
import { answersWithNotAsked, isAsked } from './gates.ts';
import { audit, cssrsScreen, cssrsScreenV1, getInstrumentVersion, madrs } from './registry.ts';
import { scoreAssessment } from './score.ts';
import { fill, scoreOk } from './test-helpers.ts';
import { validateDefinition } from './validate.ts';

describe('C-SSRS screener 2.0.0 triage (Columbia Lighthouse Project screener; LOINC 93373-9)', () => {
  // [answers 1–7, risk level, total (number of yes), suicide_risk]
  it.each([
    ['nothing', [0, 0, 0, 0, 0, 0, 0], 'none', 0, false],
    ['wish to be dead → low', [1, 0, 0, 0, 0, 0, 0], 'low risk', 1, false],
    ['suicidal thoughts → low', [0, 1, 0, 0, 0, 0, 0], 'low risk', 1, false],
    ['1 and 2 → low', [1, 1, 0, 0, 0, 0, 0], 'low risk', 2, false],
    ['thoughts with method → moderate', [1, 1, 1, 0, 0, 0, 0], 'moderate', 3, true],
    ['intent without plan → high', [0, 1, 0, 1, 0, 0, 0], 'high', 2, true],
    ['intent with plan → high', [0, 1, 0, 0, 1, 0, 0], 'high', 2, true],
    [
      'behaviour ever, not in 3 months (lifetime only) → moderate',
      [0, 0, 0, 0, 0, 1, 0],
      'moderate',
      1,
      true,
    ],
    ['behaviour within 3 months → high', [0, 0, 0, 0, 0, 1, 1], 'high', 2, true],
    ['low ideation + lifetime behaviour → moderate', [1, 0, 0, 0, 0, 1, 0], 'moderate', 2, true],
    ['low ideation + recent behaviour → high', [1, 1, 0, 0, 0, 1, 1], 'high', 4, true],
    ['everything → high', [1, 1, 1, 1, 1, 1, 1], 'high', 7, true],
  ])('%s', (_name, answers, severity, total, risk) => {
    const r = scoreOk(cssrsScreen, answers);
    expect(r.severity).toBe(severity);
    expect(r.total).toBe(total);
    expect(r.flags.includes('suicide_risk')).toBe(risk);
    expect(r.instrumentVersion).toBe('2.0.0');
  });

  it.each([
    ['6 answers (the old form)', [0, 0, 0, 0, 0, 1]],
    ['8 answers', [0, 0, 0, 0, 0, 0, 0, 0]],
  ])('%s → refused naming `answers`', (_n, answers) => {
    const r = scoreAssessment(cssrsScreen, answers);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ field: 'answers', message: expect.stringMatching(/expects 7/) }]);
  });

  // Inconsistent forms are refused naming the answer, never silently corrected.
  it.each([
    ['item 3 yes while item 2 no', [1, 0, 1, 0, 0, 0, 0], 3],
    ['item 4 yes while item 2 no', [1, 0, 0, 1, 0, 0, 0], 4],
    ['item 5 yes while item 2 no', [0, 0, 0, 0, 1, 0, 0], 5],
    ['answer 7 yes while item 6 no', [0, 0, 0, 0, 0, 0, 1], 7],
  ])('%s → refused naming answers[i]', (_n, answers, item) => {
    const r = scoreAssessment(cssrsScreen, answers);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([{ item, field: `answers[${item - 1}]`, message: expect.any(String) }]);
  });

  it.each([
    ['items 3–5 and 7 not asked (null)', [1, 0, null, null, null, 0, null], 'low risk'],
    ['answer 7 not asked after a no to 6', [0, 1, 0, 0, 0, 0, null], 'low risk'],
  ])('%s are read as no', (_n, answers, severity) => {
    const r = scoreOk(cssrsScreen, answers);
    expect(r.severity).toBe(severity);
    expect(r.missing).toEqual([]);
  });

  it('answer 7 skipped after a yes to 6 → refused, lifetime behaviour still flagged', () => {
    const r = scoreAssessment(cssrsScreen, [0, 0, 0, 0, 0, 1, null]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['answers[6]']);
    expect(r.flags).toEqual(['suicide_risk', 'safety_item_skipped']);
  });

  it('items 3–5 skipped while item 2 is yes → refused, recent behaviour still flagged', () => {
    const r = scoreAssessment(cssrsScreen, [0, 1, null, null, null, 1, 1]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.item)).toEqual([3, 4, 5]);
    expect(r.flags).toEqual(['suicide_risk', 'safety_item_skipped']);
  });

  it('carries the LOINC form 93373-9 item codes and the risk-level code 93374-7', () => {
    expect(cssrsScreen.loinc).toEqual({
      panel: '93373-9',
      total: null,
      items: {
        1: '93246-7',
        2: '93247-5',
        3: '93248-3',
        4: '93249-1',
        5: '93250-9',
        6: '93267-3',
        7: '93269-9',
      },
      riskLevel: '93374-7',
    });
    expect(validateDefinition(cssrsScreen)).toEqual([]);
  });

  it('may be completed by the patient (Columbia publishes self-report screeners)', () => {
    expect(cssrsScreen.kind).toBe('self_report');
  });
});

describe('C-SSRS screener gates: which questions a form asks (Columbia screener skip rules)', () => {
  it.each([
    ['nothing answered', [null, null, null, null, null, null, null], [1, 2, 6]],
    ['2 no, 6 no', [0, 0, null, null, null, 0, null], [1, 2, 6]],
    ['2 yes', [0, 1, null, null, null, null, null], [1, 2, 3, 4, 5, 6]],
    ['6 yes', [0, 0, null, null, null, 1, null], [1, 2, 6, 7]],
    ['2 and 6 yes', [1, 1, 0, 0, 0, 1, null], [1, 2, 3, 4, 5, 6, 7]],
  ])('%s → asks %j', (_n, answers, asked) => {
    expect([1, 2, 3, 4, 5, 6, 7].filter((n) => isAsked(cssrsScreen, answers, n))).toEqual(asked);
  });

  it.each([
    ['not asked become 0', [1, 0, null, null, null, 0, null], [1, 0, 0, 0, 0, 0, 0]],
    ['answers behind a gate that closed become 0', [0, 0, 1, 1, 1, 0, 1], [0, 0, 0, 0, 0, 0, 0]],
    ['asked but unanswered stay null', [0, 0, null, null, null, 1, null], [0, 0, 0, 0, 0, 1, null]],
    ['lifetime only', [0, 0, null, null, null, 1, 0], [0, 0, 0, 0, 0, 1, 0]],
  ])('%s', (_n, answers, sent) => {
    expect(answersWithNotAsked(cssrsScreen, answers)).toEqual(sent);
  });
});

describe('C-SSRS screener 1.0.0 stays readable for stored 6-answer assessments', () => {
  it('is found by version and differs from the current one', () => {
    expect(getInstrumentVersion('cssrs_screen', '1.0.0')).toBe(cssrsScreenV1);
    expect(getInstrumentVersion('cssrs_screen', '2.0.0')).toBe(cssrsScreen);
    expect(getInstrumentVersion('cssrs_screen', '9.9.9')).toBeUndefined();
    expect(cssrsScreenV1.items).toHaveLength(6);
    expect(validateDefinition(cssrsScreenV1)).toEqual([]);
  });

  it.each([
    [[1, 0, 0, 0, 0, 0], 'low risk', false],
    [[1, 1, 1, 0, 0, 0], 'moderate', true],
    [[0, 0, 0, 0, 0, 1], 'high', true],
  ])('old answers %j read with the old definition → %s', (answers, severity, risk) => {
    const r = scoreOk(cssrsScreenV1, answers);
    expect(r.instrumentVersion).toBe('1.0.0');
    expect(r.severity).toBe(severity);
    expect(r.flags.includes('suicide_risk')).toBe(risk);
  });
});

describe('MADRS item 10 safety rule (product default at anchor 4, Montgomery & Åsberg 1979)', () => {
  const withItem10 = (v: number, rest = 0) => [...fill(9, rest), v] as number[];
  it.each([
    [0, false],
    [2, false],
    [3, false],
    [4, true],
    [5, true],
    [6, true],
  ])('item 10 = %i → suicide_risk %s', (v, flagged) => {
    expect(scoreOk(madrs, withItem10(v)).flags.includes('suicide_risk')).toBe(flagged);
  });

  it('item 10 = 6 alone scores "normal" and still raises the alert', () => {
    const r = scoreOk(madrs, withItem10(6));
    expect(r.total).toBe(6);
    expect(r.severity).toBe('normal');
    expect(r.flags).toEqual(['suicide_risk']);
    expect(r.instrumentVersion).toBe('1.1.0');
  });

  it('is marked as a product default, configurable 1–4', () => {
    const rule = madrs.safetyRules[0];
    expect(rule).toMatchObject({ kind: 'item_at_least', item: 10, value: 4, flag: 'suicide_risk' });
    expect(rule?.kind === 'item_at_least' && rule.configurable).toEqual({ min: 1, max: 4 });
    expect(rule?.kind === 'item_at_least' && rule.source).toMatch(/product default/);
  });

  it.each([
    [2, 1, false],
    [2, 2, true],
    [1, 1, true],
    [4, 3, false],
  ])('clinic threshold %i: item 10 = %i → suicide_risk %s', (threshold, v, flagged) => {
    const def = configureDefinition(madrs, { safetyItemThreshold: threshold });
    expect(validateDefinition(def)).toEqual([]);
    expect(scoreOk(def, withItem10(v)).flags.includes('suicide_risk')).toBe(flagged);
  });

  it.each([0, 5, 6, 2.5])('threshold %s is refused (only 1–4)', (threshold) => {
    expect(() => configureDefinition(madrs, { safetyItemThreshold: threshold })).toThrow(RangeError);
  });

  it('instruments without a configurable safety rule refuse the setting', () => {
    expect(() => configureDefinition(audit, { safetyItemThreshold: 2 })).toThrow(/no configurable/);
  });

  it('item 10 skipped → refused and flagged as a skipped safety question', () => {
    const r = scoreAssessment(madrs, [...fill(9, 1), null]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.flags).toEqual(['safety_item_skipped']);
  });
});

describe('AUDIT item flags (WHO AUDIT manual, Babor et al. 2001, WHO/MSD/MSB/01.6a)', () => {
  const D = 'possible_dependence_items'; // points above 0 on questions 4–6
  const H = 'alcohol_related_harm'; // points scored on questions 7–10
  const N = 'next_level_intervention'; // ≥ 2 on questions 4–6, or 4 on questions 9 or 10
  it.each([
    ['nothing', {}, []],
    ['consumption items 1–3 only', { 1: 4, 2: 4, 3: 4 }, []],
    ['item 4 = 1', { 4: 1 }, [D]],
    ['item 5 = 2', { 5: 2 }, [D, N]],
    ['item 6 = 4', { 6: 4 }, [D, N]],
    ['item 7 = 1 (guilt)', { 7: 1 }, [H]],
    ['item 8 = 4 (blackouts)', { 8: 4 }, [H]],
    ['item 9 = 2 (injury, not in the last year)', { 9: 2 }, [H]],
    ['item 9 = 4 (injury in the last year)', { 9: 4 }, [H, N]],
    ['item 10 = 2 (concern, not in the last year)', { 10: 2 }, [H]],
    ['item 10 = 4 (concern in the last year)', { 10: 4 }, [H, N]],
    ['items 4 and 10', { 4: 1, 10: 4 }, [D, H, N]],
  ] as [string, Record<number, number>, string[]][])('%s → %j', (_n, set, flags) => {
    const a = fill(10, 0) as number[];
    for (const [k, v] of Object.entries(set)) a[Number(k) - 1] = v;
    const r = scoreOk(audit, a);
    expect(r.flags).toEqual(flags);
    expect(r.instrumentVersion).toBe('1.1.0');
  });
});
