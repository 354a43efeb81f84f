import { describe, expect, it } from 'vitest';
import { calculateDose } from './calculate.ts';
import { adult, ctx, DAY, daysAgo, iv, NOW, OK } from './test-fixtures.ts';
import type { DoseContext, DoseInput } from './types.ts';

type Case = [
  string,
  DoseInput,
  DoseContext,
  { blocked: boolean; overridden?: boolean; doseMg?: number; reason?: RegExp; warning?: RegExp },
];

// Default IV limits: protocol maximum 0.75 mg/kg (Andrade 2017), ceiling 1.0 mg/kg (Fava et al. 2020),
// mg cap 100 mg (product default).
const boundaryCases: Case[] = [
  [
    'mg/kg exactly at protocol max 0.75 → allowed',
    { weightKg: 70, mgPerKg: 0.75 },
    ctx,
    { blocked: false, doseMg: 52.5 },
  ],
  [
    'mg/kg 0.76, no override → blocked',
    { weightKg: 70, mgPerKg: 0.76 },
    ctx,
    {
      blocked: true,
      doseMg: 53.2,
      reason: /mgPerKg 0\.76 mg\/kg exceeds the protocol maximum of 0\.75 mg\/kg/,
    },
  ],
  [
    'mg/kg 0.7500001 → blocked',
    { weightKg: 70, mgPerKg: 0.7500001 },
    ctx,
    { blocked: true, reason: /protocol maximum/ },
  ],
  [
    'mg/kg 0.76 with verified override → allowed, overridden',
    { weightKg: 70, mgPerKg: 0.76, override: OK },
    ctx,
    { blocked: false, overridden: true, doseMg: 53.2, warning: /overridden/ },
  ],
  [
    'override not verified → blocked',
    { weightKg: 70, mgPerKg: 0.9, override: { reason: 'x', verified: false } },
    ctx,
    { blocked: true, overridden: false, reason: /not verified/ },
  ],
  [
    'override with empty reason → blocked',
    { weightKg: 70, mgPerKg: 0.9, override: { reason: '', verified: true } },
    ctx,
    { blocked: true, reason: /reason is empty/ },
  ],
  [
    'override with blank reason → blocked',
    { weightKg: 70, mgPerKg: 0.9, override: { reason: '   ', verified: true } },
    ctx,
    { blocked: true, reason: /reason is empty/ },
  ],
  [
    'exactly at ceiling 1.0 with override → allowed',
    { weightKg: 70, mgPerKg: 1, override: OK },
    ctx,
    { blocked: false, overridden: true, doseMg: 70 },
  ],
  [
    'exactly at ceiling 1.0 without override → blocked',
    { weightKg: 70, mgPerKg: 1 },
    ctx,
    { blocked: true, reason: /protocol maximum/ },
  ],
  [
    'above ceiling 1.01 with override → blocked',
    { weightKg: 70, mgPerKg: 1.01, override: OK },
    ctx,
    { blocked: true, overridden: false, reason: /absolute ceiling.*cannot be overridden/ },
  ],
  [
    '2.0 mg/kg (the old ceiling, an induction dose) with a verified override → blocked',
    { weightKg: 70, mgPerKg: 2, override: OK },
    ctx,
    { blocked: true, overridden: false, reason: /absolute ceiling of 1 mg\/kg: cannot be overridden/ },
  ],
  [
    '1.0 mg/kg × 100 kg = 100 mg, exactly the cap, with override → allowed',
    { weightKg: 100, mgPerKg: 1, override: OK },
    ctx,
    { blocked: false, overridden: true, doseMg: 100 },
  ],
  [
    '1.0 mg/kg × 100.1 kg = 100.1 mg with override → blocked by the 100 mg cap',
    { weightKg: 100.1, mgPerKg: 1, override: OK },
    ctx,
    { blocked: true, reason: /absolute maximum of 100 mg: cannot be overridden/ },
  ],
  [
    'override given but not needed → warning',
    { weightKg: 70, mgPerKg: 0.5, override: OK },
    ctx,
    { blocked: false, overridden: false, warning: /not needed|no protocol maximum/ },
  ],
  [
    'below protocol min 0.1 → warning only',
    { weightKg: 70, mgPerKg: 0.05 },
    ctx,
    { blocked: false, doseMg: 3.5, warning: /below the protocol minimum/ },
  ],
  ['weight exactly 30 kg → allowed', { weightKg: 30 }, ctx, { blocked: false, doseMg: 15 }],
  [
    'weight 29.99 kg → blocked',
    { weightKg: 29.99 },
    ctx,
    { blocked: true, doseMg: 0, reason: /weightKg 29\.99 is outside the plausible range 30–300/ },
  ],
  [
    'weight exactly 300 kg: 150 mg → blocked by the 100 mg cap, not by the weight',
    { weightKg: 300 },
    ctx,
    { blocked: true, doseMg: 150, reason: /^dose 150 mg exceeds the absolute maximum of 100 mg/ },
  ],
  ['weight 300.01 kg → blocked', { weightKg: 300.01 }, ctx, { blocked: true, reason: /weightKg/ }],
  ['no weight → blocked', {}, ctx, { blocked: true, doseMg: 0, reason: /weightKg is required/ }],
  [
    'weight exactly 30 days old → allowed',
    { weightKg: 70 },
    { now: NOW, weightMeasuredAt: daysAgo(30) },
    { blocked: false },
  ],
  [
    'weight 30 days + 1 ms old → blocked',
    { weightKg: 70 },
    { now: NOW, weightMeasuredAt: daysAgo(30, 1) },
    { blocked: true, reason: /older than maxWeightAgeDays \(30\)/ },
  ],
  [
    'weight 8 days old, max 7 → blocked',
    { weightKg: 70 },
    { now: NOW, weightMeasuredAt: daysAgo(8), maxWeightAgeDays: 7 },
    { blocked: true, reason: /maxWeightAgeDays \(7\)/ },
  ],
  [
    'weight 7 days old, max 7 → allowed',
    { weightKg: 70 },
    { now: NOW, weightMeasuredAt: new Date(Date.parse(NOW) - 7 * DAY), maxWeightAgeDays: 7 },
    { blocked: false },
  ],
  [
    'weight date invalid → blocked',
    { weightKg: 70 },
    { now: NOW, weightMeasuredAt: 'yesterday' },
    { blocked: true, reason: /weightMeasuredAt is not a valid date/ },
  ],
  [
    'weight date missing → warning',
    { weightKg: 70 },
    { now: NOW },
    { blocked: false, warning: /weightMeasuredAt not provided/ },
  ],
  [
    'weight date in the future → warning',
    { weightKg: 70 },
    { now: NOW, weightMeasuredAt: '2025-06-02T00:00:00Z' },
    { blocked: false, warning: /after now/ },
  ],
  [
    'now invalid → blocked',
    { weightKg: 70 },
    { now: 'not a date' },
    { blocked: true, reason: /now is not a valid date/ },
  ],
  [
    'maxWeightAgeDays 0 → blocked',
    { weightKg: 70 },
    { now: NOW, maxWeightAgeDays: 0 },
    { blocked: true, reason: /maxWeightAgeDays/ },
  ],
  ['age exactly 18 → allowed', { weightKg: 70, ageYears: 18 }, ctx, { blocked: false }],
  [
    'age 17.99 → blocked',
    { weightKg: 70, ageYears: 17.99 },
    ctx,
    { blocked: true, doseMg: 35, reason: /ageYears 17\.99 is below the minimum age of 18/ },
  ],
  [
    'age missing → warning only',
    { weightKg: 70, ageYears: undefined },
    ctx,
    { blocked: false, warning: /ageYears not provided/ },
  ],
  [
    'bag smaller than drug volume → blocked',
    { weightKg: 70, concentrationMgPerMl: 1, bagVolumeMl: 30 },
    ctx,
    { blocked: true, reason: /bagVolumeMl 30 is smaller than the drug volume/ },
  ],
];

describe('calculateDose: override warnings', () => {
  it('an unverified override over the max is explained, not called unnecessary', () => {
    const r = calculateDose(
      { ...adult, weightKg: 70, mgPerKg: 0.9, override: { reason: 'x', verified: false } },
      iv,
      ctx,
    );
    expect(r.warnings.join()).not.toMatch(/no protocol maximum/);
    expect(r.inputs.override).toEqual({ reason: 'x', verified: false });
  });

  it('a non-object override is blocked-with-reason when needed', () => {
    const r = calculateDose({ ...adult, weightKg: 70, mgPerKg: 0.9, override: 'yes' as never }, iv, ctx);
    expect(r.blocked).toBe(true);
    expect(r.reasons.join()).toMatch(/override must be an object/);
  });
});

describe('calculateDose: boundaries (IV)', () => {
  it.each(boundaryCases)('%s', (_name, input, context, want) => {
    const r = calculateDose({ ...adult, ...input }, iv, context);
    expect(r.blocked).toBe(want.blocked);
    expect(r.blocked).toBe(r.reasons.length > 0);
    if (want.overridden !== undefined) expect(r.overridden).toBe(want.overridden);
    if (want.doseMg !== undefined) expect(r.doseMg).toBe(want.doseMg);
    if (want.reason) expect(r.reasons.join('\n')).toMatch(want.reason);
    if (want.warning) expect(r.warnings.join('\n')).toMatch(want.warning);
    if (r.blocked) {
      expect(r.volumeMl).toBeUndefined();
      expect(r.rateMlPerHour).toBeUndefined();
    }
  });
});
