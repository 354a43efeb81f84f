import { describe, expect, it } from 'vitest';
import { defaultEligibilityRules } from './default-rules.ts';
import { validateEligibilityRules } from './validate.ts';

const base = () => ({
  id: 'test_rule',
  version: 1,
  description: 'A test rule',
  severity: 'relative',
  condition: { field: 'med.maoi', op: 'true' } as unknown,
  source: 'test source',
});

describe('validateEligibilityRules', () => {
  it('accepts the defaults and a round trip through JSON', () => {
    expect(validateEligibilityRules(JSON.parse(JSON.stringify(defaultEligibilityRules()))).ok).toBe(true);
  });

  it('rejects a non-array', () => {
    expect(validateEligibilityRules({})).toEqual({
      ok: false,
      errors: [{ path: '(root)', message: expect.any(String) }],
    });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['unknown severity', { severity: 'fatal' }, '[0].severity'],
    ['bad id', { id: 'Bad Id' }, '[0].id'],
    ['missing source', { source: '' }, '[0].source'],
    ['version 0', { version: 0 }, '[0].version'],
    ['unknown field', { condition: { field: 'medical.__proto__', op: 'true' } }, '[0].condition.field'],
    ['unknown op', { condition: { field: 'med.maoi', op: 'gt', value: 1 } }, '[0].condition.op'],
    ['true on a number field', { condition: { field: 'ageYears', op: 'true' } }, '[0].condition.op'],
    ['gte on a boolean field', { condition: { field: 'med.maoi', op: 'gte', value: 1 } }, '[0].condition.op'],
    [
      'gte with a string',
      { condition: { field: 'ageYears', op: 'gte', value: '18' } },
      '[0].condition.value',
    ],
    ['lt with NaN', { condition: { field: 'ageYears', op: 'lt', value: Number.NaN } }, '[0].condition.value'],
    [
      'eq boolean field with number',
      { condition: { field: 'med.maoi', op: 'eq', value: 1 } },
      '[0].condition.value',
    ],
    ['in with empty list', { condition: { field: 'ageYears', op: 'in', value: [] } }, '[0].condition.value'],
    [
      'in with wrong types',
      { condition: { field: 'ageYears', op: 'in', value: [1, 'x'] } },
      '[0].condition.value[1]',
    ],
    ['empty all', { condition: { all: [] } }, '[0].condition.all'],
    [
      'nested bad leaf',
      { condition: { any: [{ not: { field: 'nope', op: 'true' } }] } },
      '[0].condition.any[0].not.field',
    ],
    ['combinator mixed with leaf', { condition: { all: [], field: 'med.maoi' } }, '[0].condition'],
    ['extra keys on a leaf', { condition: { field: 'med.maoi', op: 'true', eval: 'x' } }, '[0].condition'],
    ['condition not an object', { condition: 'ageYears < 18' }, '[0].condition'],
    ['unknown drug filter', { appliesTo: { drugs: ['lsd'] } }, '[0].appliesTo.drugs[0]'],
    ['empty route filter', { appliesTo: { routes: [] } }, '[0].appliesTo.routes'],
  ])('%s → error at %s', (_n, patch, path) => {
    const r = validateEligibilityRules([{ ...base(), ...patch }]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toContain(path);
  });

  it('rejects duplicate ids', () => {
    const r = validateEligibilityRules([base(), base()]);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['[1].id']);
  });

  it('rejects nesting deeper than 8 levels', () => {
    let cond: unknown = { field: 'med.maoi', op: 'true' };
    for (let n = 0; n < 10; n++) cond = { not: cond };
    const r = validateEligibilityRules([{ ...base(), condition: cond }]);
    expect(r.ok).toBe(false);
  });

  it('accepts every operator used correctly', () => {
    const condition = {
      all: [
        { field: 'ageYears', op: 'gte', value: 18 },
        { field: 'ageYears', op: 'lt', value: 65 },
        { field: 'substance.auditTotal', op: 'in', value: [0, 1, 2] },
        { field: 'med.maoi', op: 'eq', value: false },
        {
          any: [
            { field: 'med.opioid', op: 'true' },
            { not: { field: 'logistics.escortAvailable', op: 'true' } },
          ],
        },
      ],
    };
    expect(
      validateEligibilityRules([{ ...base(), condition, appliesTo: { drugs: ['esketamine'] } }]),
    ).toMatchObject({
      ok: true,
    });
  });
});
