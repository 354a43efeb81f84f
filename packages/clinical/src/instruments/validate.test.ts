/**
 * Validator tests: every built-in definition passes, and every kind of error a clinic-authored
 * definition can contain is reported with its path. Definitions under test: definitions/*.ts.
 */
import { describe, expect, it } from 'vitest';
import { audit, cssrsScreen, gad7, INSTRUMENTS, madrs, pcl5, phq9, qidsSr16 } from './registry.ts';
import type { InstrumentDefinition } from './types.ts';
import {
  assertValidDefinition,
  InvalidDefinitionError,
  isInstrumentDefinition,
  validateDefinition,
} from './validate.ts';

/** A structurally mutable deep copy, for breaking definitions in tests. */
// biome-ignore lint/suspicious/noExplicitAny: tests deliberately build malformed definitions.
type Loose = any;
const copy = (def: InstrumentDefinition): Loose => structuredClone(def);

function paths(def: unknown): string[] {
  return validateDefinition(def).map((e) => e.path);
}

describe('built-in definitions', () => {
  it.each(INSTRUMENTS.map((d) => [d.id, d] as const))('%s passes the validator', (_id, def) => {
    expect(validateDefinition(def)).toEqual([]);
    expect(isInstrumentDefinition(def)).toBe(true);
  });

  it('has unique ids', () => {
    expect(new Set(INSTRUMENTS.map((d) => d.id)).size).toBe(INSTRUMENTS.length);
  });
});

describe('meaning errors', () => {
  const cases: [string, InstrumentDefinition, (d: Loose) => void, string][] = [
    ['duplicate item number', gad7, (d) => (d.items[1].number = 1), 'items[1].number'],
    ['items out of order', gad7, (d) => (d.items[6].number = 8), 'items[6].number'],
    [
      'duplicate option value',
      gad7,
      (d) => (d.options = [...d.options, { value: 3, label: 'again' }]),
      'options[4].value',
    ],
    ['item without any options', gad7, (d) => delete d.options, 'items[0].options'],
    ['wording missing without wordingNote', gad7, (d) => delete d.items[0].text, 'wordingNote'],
    [
      'no scored item',
      gad7,
      (d) => {
        for (const i of d.items) i.scored = false;
      },
      'items',
    ],
    ['scored item after minAnswers', phq9, (d) => (d.minAnswers = 8), 'minAnswers'],
    ['minAnswers beyond items', phq9, (d) => (d.minAnswers = 11), 'minAnswers'],
    [
      'reverse item that does not exist',
      gad7,
      (d) => (d.scoring = { kind: 'sum', reverse: [{ item: 8 }] }),
      'scoring.reverse[0]',
    ],
    [
      'reverse item unscored',
      phq9,
      (d) => (d.scoring = { kind: 'sum', reverse: [{ item: 10 }] }),
      'scoring.reverse[0]',
    ],
    ['scored item in no domain', qidsSr16, (d) => d.scoring.domains[0].items.pop(), 'scoring.domains'],
    ['scored item in two domains', qidsSr16, (d) => d.scoring.domains[1].items.push(1), 'scoring.domains'],
    [
      'domain item missing',
      qidsSr16,
      (d) => d.scoring.domains[1].items.push(17),
      'scoring.domains[1].items[1]',
    ],
    ['duplicate domain id', qidsSr16, (d) => (d.scoring.domains[1].id = 'sleep'), 'scoring.domains[1].id'],
    [
      'single item with other scored items',
      gad7,
      (d) => (d.scoring = { kind: 'single', item: 1 }),
      'scoring.item',
    ],
    ['band gap', phq9, (d) => (d.bands[1].min = 6), 'bands[1].min'],
    ['band overlap', phq9, (d) => (d.bands[1].min = 4), 'bands[1].min'],
    ['bands not starting at 0', phq9, (d) => (d.bands[0].min = 1), 'bands[0].min'],
    ['bands not reaching the maximum', phq9, (d) => (d.bands[4].max = 26), 'bands[4].max'],
    ['bands beyond the maximum', phq9, (d) => (d.bands[4].max = 28), 'bands[4].max'],
    ['band min above max', phq9, (d) => (d.bands[1] = { min: 9, max: 5, label: 'mild' }), 'bands[1]'],
    ['band label not lower case', phq9, (d) => (d.bands[0].label = 'Minimal'), 'bands[0].label'],
    ['duplicate band label', phq9, (d) => (d.bands[1].label = 'minimal'), 'bands[1].label'],
    ['no bands and no note', gad7, (d) => (d.bands = null), 'severityNote'],
    [
      'bands and severityRule both',
      cssrsScreen,
      (d) => (d.bands = [{ min: 0, max: 6, label: 'x' }]),
      'severityRule',
    ],
    [
      'severity level item missing',
      cssrsScreen,
      (d) => (d.severityRule.levels[0].items = [8]),
      'severityRule.levels[0].items[0]',
    ],
    [
      'severity level unreachable',
      cssrsScreen,
      (d) => (d.severityRule.levels[0].atLeast = 2),
      'severityRule.levels[0].atLeast',
    ],
    [
      'severity level label case',
      cssrsScreen,
      (d) => (d.severityRule.levels[2].label = 'High'),
      'severityRule.levels[2].label',
    ],
    ['cut-off outside range', pcl5, (d) => (d.cutoff.value = 81), 'cutoff.value'],
    ['cut-off bands disagree', pcl5, (d) => (d.cutoff.value = 31), 'bands'],
    [
      'configurable range excludes default',
      pcl5,
      (d) => (d.cutoff.configurable = { min: 31, max: 32 }),
      'cutoff.configurable',
    ],
    ['cut-off without bands', pcl5, (d) => (d.bands = null), 'cutoff'],
    [
      'cutoff_met without cutoff',
      gad7,
      (d) => (d.flagRules = [{ kind: 'cutoff_met', flag: 'x' }]),
      'flagRules[0]',
    ],
    [
      'severity_in unknown label',
      cssrsScreen,
      (d) => (d.safetyRules[0].labels = ['severe']),
      'safetyRules[0].labels[0]',
    ],
    ['item rule on missing item', phq9, (d) => (d.safetyRules[0].item = 11), 'safetyRules[0].item[0]'],
    ['item rule value unreachable', phq9, (d) => (d.safetyRules[0].value = 4), 'safetyRules[0].value'],
    [
      'any-item rule on missing item',
      audit,
      (d) => (d.flagRules[0].items = [4, 11]),
      'flagRules[0].items[1]',
    ],
    ['any-item rule unreachable', audit, (d) => (d.flagRules[1].value = 5), 'flagRules[1].value'],
    [
      'configurable safety threshold excludes its default',
      madrs,
      (d) => (d.safetyRules[0].configurable = { min: 1, max: 3 }),
      'safetyRules[0].configurable',
    ],
    [
      'configurable safety threshold beyond the item',
      madrs,
      (d) => (d.safetyRules[0].configurable = { min: 1, max: 7 }),
      'safetyRules[0].configurable',
    ],
    [
      'configurable safety threshold that always fires',
      madrs,
      (d) => (d.safetyRules[0].configurable = { min: 0, max: 4 }),
      'safetyRules[0].configurable',
    ],
    [
      'configurable safety threshold not a range',
      madrs,
      (d) => (d.safetyRules[0].configurable = 4),
      'safetyRules[0].configurable',
    ],
    [
      'group minCount too high',
      pcl5,
      (d) => (d.flagRules[1].groups[1].minCount = 3),
      'flagRules[1].groups[1].minCount',
    ],
    [
      'group item listed twice',
      pcl5,
      (d) => d.flagRules[1].groups[1].items.push(6),
      'flagRules[1].groups[1].items[2]',
    ],
    ['subscale item missing', pcl5, (d) => d.subscales[3].items.push(21), 'subscales[3].items[6]'],
    ['duplicate subscale id', pcl5, (d) => (d.subscales[1].id = 'B'), 'subscales[1].id'],
    ['gate includes gate item', cssrsScreen, (d) => d.constraints[0].items.push(2), 'constraints[0].items'],
    [
      'gate never opens',
      cssrsScreen,
      (d) => (d.constraints[0].openAtLeast = 2),
      'constraints[0].openAtLeast',
    ],
    ['response of 0 %', phq9, (d) => (d.outcome.response.reductionPct = 0), 'outcome.response.reductionPct'],
    [
      'response over 100 %',
      phq9,
      (d) => (d.outcome.response.reductionPct = 120),
      'outcome.response.reductionPct',
    ],
    [
      'response with higher_is_better',
      phq9,
      (d) => (d.outcome.direction = 'higher_is_better'),
      'outcome.response',
    ],
    [
      'remission outside range',
      phq9,
      (d) => (d.outcome.remission.threshold = 28),
      'outcome.remission.threshold',
    ],
    [
      'remission range excludes threshold',
      madrs,
      (d) => (d.outcome.remission.configurable = { min: 11, max: 12 }),
      'outcome.remission.configurable',
    ],
    [
      'proration with domain scoring',
      qidsSr16,
      (d) => (d.missingRule = { kind: 'prorate', maxMissing: 1, rounding: 'half_up', source: 'x' }),
      'missingRule',
    ],
    ['proration of every item', gad7, (d) => (d.missingRule.maxMissing = 7), 'missingRule.maxMissing'],
    ['proration of no item', gad7, (d) => (d.missingRule.maxMissing = 0), 'missingRule.maxMissing'],
    ['LOINC wrong check digit', phq9, (d) => (d.loinc.total = '44261-5'), 'loinc.total'],
    ['LOINC not a code', phq9, (d) => (d.loinc.panel = 'PHQ9'), 'loinc.panel'],
    ['LOINC total equals panel', gad7, (d) => (d.loinc.total = '69737-5'), 'loinc.total'],
    ['LOINC item that does not exist', phq9, (d) => (d.loinc.items = { 12: '44260-8' }), 'loinc.items.12'],
    ['LOINC risk code wrong', cssrsScreen, (d) => (d.loinc.riskLevel = '93374-1'), 'loinc.riskLevel'],
  ];
  it.each(cases)('reports %s', (_name, base, breakIt, path) => {
    const d = copy(base);
    breakIt(d);
    expect(paths(d)).toContain(path);
  });

  it('accepts a clinic-authored instrument in the same format', () => {
    const custom: InstrumentDefinition = {
      id: 'clinic_wellbeing',
      name: 'Clinic wellbeing check',
      version: '2026.1',
      kind: 'self_report',
      options: [
        { value: 0, label: 'Never' },
        { value: 1, label: 'Sometimes' },
        { value: 2, label: 'Often' },
      ],
      items: [
        { number: 1, label: 'Calm', text: 'I felt calm', scored: true },
        { number: 2, label: 'Worried', text: 'I felt worried', scored: true },
      ],
      scoring: { kind: 'sum', reverse: [{ item: 1 }] },
      bands: [
        { min: 0, max: 1, label: 'low' },
        { min: 2, max: 4, label: 'high' },
      ],
      safetyRules: [],
      outcome: { direction: 'lower_is_better', response: null, remission: null, source: 'clinic' },
      missingRule: { kind: 'refuse', source: 'clinic' },
      loinc: null,
      licence: 'clinic',
      citation: 'clinic',
    };
    expect(validateDefinition(custom)).toEqual([]);
  });
});

describe('assertValidDefinition', () => {
  it('passes a valid definition and throws listing every error', () => {
    expect(() => assertValidDefinition(phq9)).not.toThrow();
    const d = copy(phq9);
    d.bands[0].label = 'Minimal';
    d.loinc.total = '44261-5';
    try {
      assertValidDefinition(d);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidDefinitionError);
      expect((e as InvalidDefinitionError).errors.map((x) => x.path)).toEqual([
        'bands[0].label',
        'loinc.total',
      ]);
    }
  });
});
