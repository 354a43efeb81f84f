/**
 * Validator, first pass (validate-shape.ts): an unknown value shaped unlike `InstrumentDefinition` is
 * reported field by field with its path. Base definition: PHQ-9 (Kroenke 2001), broken on purpose.
 */
import { describe, expect, it } from 'vitest';
import { phq9 } from './registry.ts';
import type { InstrumentDefinition } from './types.ts';
import { validateDefinition } from './validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests deliberately build malformed definitions.
type Loose = any;
const copy = (def: InstrumentDefinition): Loose => structuredClone(def);
const paths = (def: unknown): string[] => validateDefinition(def).map((e) => e.path);

describe('shape errors', () => {
  it.each([
    ['null', null, ''],
    ['array', [], ''],
    ['string', 'phq9', ''],
  ])('rejects a non-object (%s)', (_n, value, path) => {
    expect(paths(value)).toEqual([path]);
  });

  const cases: [string, (d: Loose) => void, string][] = [
    ['id with capitals', (d) => (d.id = 'PHQ9'), 'id'],
    ['empty name', (d) => (d.name = ''), 'name'],
    ['missing version', (d) => delete d.version, 'version'],
    ['missing licence', (d) => delete d.licence, 'licence'],
    ['missing citation', (d) => delete d.citation, 'citation'],
    ['unknown kind', (d) => (d.kind = 'interview'), 'kind'],
    ['items not an array', (d) => (d.items = {}), 'items'],
    ['empty items', (d) => (d.items = []), 'items'],
    ['item number not an integer', (d) => (d.items[0].number = 1.5), 'items[0].number'],
    ['item without label', (d) => delete d.items[0].label, 'items[0].label'],
    ['item scored not boolean', (d) => (d.items[0].scored = 'yes'), 'items[0].scored'],
    ['option value not an integer', (d) => (d.options = [{ value: 0.5, label: 'x' }]), 'options[0].value'],
    ['option without label', (d) => (d.options = [{ value: 0 }]), 'options[0].label'],
    ['minAnswers not an integer', (d) => (d.minAnswers = 9.5), 'minAnswers'],
    ['unknown scoring kind', (d) => (d.scoring = { kind: 'mean' }), 'scoring.kind'],
    ['bands missing', (d) => delete d.bands, 'bands'],
    ['band min not integer', (d) => (d.bands[0].min = '0'), 'bands[0].min'],
    ['safetyRules missing', (d) => delete d.safetyRules, 'safetyRules'],
    [
      'unknown rule kind',
      (d) => (d.safetyRules = [{ kind: 'item_equals', flag: 'x' }]),
      'safetyRules[0].kind',
    ],
    ['bad flag name', (d) => (d.safetyRules[0].flag = 'Suicide Risk'), 'safetyRules[0].flag'],
    ['outcome missing', (d) => delete d.outcome, 'outcome'],
    ['bad comparator', (d) => (d.outcome.remission.comparator = '≤'), 'outcome.remission.comparator'],
    [
      'missingRule unknown kind',
      (d) => (d.missingRule = { kind: 'impute', source: 'x' }),
      'missingRule.kind',
    ],
    ['prorate without rounding', (d) => delete d.missingRule.rounding, 'missingRule.rounding'],
    ['loinc absent', (d) => delete d.loinc, 'loinc'],
    ['loinc item key not a number', (d) => (d.loinc.items = { nine: '44260-8' }), 'loinc.items.nine'],
  ];
  it.each(cases)('reports %s', (_name, breakIt, path) => {
    const d = copy(phq9);
    breakIt(d);
    expect(paths(d)).toContain(path);
  });
});
