/**
 * Charge lines from a discharged session or a visit (docs/clinical-sources.md#charge-lines) and the shipped
 * code list (docs/clinical-sources.md#diagnosis-and-billing-codes).
 */
import { describe, expect, it } from 'vitest';
import {
  additionalInfusionHours,
  type DischargedSession,
  diagnosisCodesFor,
  discountCents,
  evaluationCode,
  INDICATION_DIAGNOSIS,
  psychotherapyCode,
  sessionChargePlan,
  visitChargePlan,
} from './charge-lines.ts';
import { billingCode, DIAGNOSIS_CODES, isDiagnosisCode, isProcedureCode, PROCEDURE_CODES } from './codes.ts';

const iv = (infusionMinutes: number | null): DischargedSession => ({
  route: 'iv',
  drug: 'ketamine',
  doseMg: 35,
  infusionMinutes,
});

describe('sessionChargePlan', () => {
  it.each([
    ['IV 40 min', iv(40), 'iv_infusion', ['96365×1', 'J3490×1']],
    ['IV 15 min is a push', iv(15), 'iv_infusion', ['96374×1', 'J3490×1']],
    ['IV 16 min', iv(16), 'iv_infusion', ['96365×1', 'J3490×1']],
    ['IV 90 min', iv(90), 'iv_infusion', ['96365×1', 'J3490×1']],
    ['IV 91 min', iv(91), 'iv_infusion', ['96365×1', '96366×1', 'J3490×1']],
    ['IV 150 min', iv(150), 'iv_infusion', ['96365×1', '96366×1', 'J3490×1']],
    ['IV 151 min', iv(151), 'iv_infusion', ['96365×1', '96366×2', 'J3490×1']],
    ['IV unknown time (default 40 min)', iv(null), 'iv_infusion', ['96365×1', 'J3490×1']],
    [
      'IM',
      { route: 'im', drug: 'ketamine', doseMg: 50, infusionMinutes: null },
      'im_injection',
      ['96372×1', 'J3490×1'],
    ],
    [
      'esketamine 56 mg',
      { route: 'intranasal', drug: 'esketamine', doseMg: 56, infusionMinutes: null },
      'spravato_session',
      ['G2082×1'],
    ],
    [
      'esketamine 84 mg',
      { route: 'intranasal', drug: 'esketamine', doseMg: 84, infusionMinutes: null },
      'spravato_session',
      ['G2083×1'],
    ],
    [
      'esketamine 28 mg',
      { route: 'intranasal', drug: 'esketamine', doseMg: 28, infusionMinutes: null },
      'spravato_session',
      ['G2082×1'],
    ],
    [
      'sublingual, no time',
      { route: 'sublingual', drug: 'ketamine', doseMg: 200, infusionMinutes: null },
      'kap_session',
      ['99213×1'],
    ],
    [
      'oral, 45 min of prescriber time',
      { route: 'oral', drug: 'ketamine', doseMg: 200, infusionMinutes: null, prescriberMinutes: 45 },
      'kap_session',
      ['99215×1'],
    ],
  ] as const)('%s', (_name, session, service, lines) => {
    const plan = sessionChargePlan(session);
    expect(plan.serviceKey).toBe(service);
    expect(plan.lines.map((l) => `${l.code}×${l.units}`)).toEqual(lines);
    for (const l of plan.lines) expect(isProcedureCode(l.code)).toBe(true);
  });
});

describe('additionalInfusionHours', () => {
  it.each([
    [0, 0],
    [60, 0],
    [90, 0],
    [91, 1],
    [150, 1],
    [151, 2],
    [210, 2],
    [211, 3],
  ])('%i min → %i', (min, units) => expect(additionalInfusionHours(min)).toBe(units));
});

describe('psychotherapyCode', () => {
  it.each([
    [15, null],
    [16, '90832'],
    [37, '90832'],
    [38, '90834'],
    [52, '90834'],
    [53, '90837'],
    [90, '90837'],
  ])('%i min → %s', (min, code) => expect(psychotherapyCode(min)).toBe(code));
});

describe('evaluationCode', () => {
  it.each([
    [9, false, null],
    [10, false, '99212'],
    [19, false, '99212'],
    [20, false, '99213'],
    [30, false, '99214'],
    [40, false, '99215'],
    [29, true, null],
    [30, true, '99203'],
    [45, true, '99204'],
    [60, true, '99205'],
  ] as const)('%i min, new %s → %s', (min, isNew, code) => expect(evaluationCode(min, isNew)).toBe(code));
});

describe('visitChargePlan', () => {
  it.each([
    ['integration', 60, false, 'integration_session', '90837'],
    ['integration', 45, false, 'integration_session', '90834'],
    ['therapy', 30, false, 'therapy_session', '90832'],
    ['therapy', 10, false, null, null],
    ['consultation', 60, true, 'consultation', '99205'],
    ['follow_up', 25, false, 'consultation', '99213'],
  ] as const)('%s %i min (new %s)', (kind, min, isNew, service, code) => {
    const plan = visitChargePlan(kind, min, isNew);
    expect(plan?.serviceKey ?? null).toBe(service);
    expect(plan?.lines[0]?.code ?? null).toBe(code);
  });
});

describe('diagnosis codes', () => {
  it('maps every indication to a shipped ICD-10-CM code', () => {
    for (const code of Object.values(INDICATION_DIAGNOSIS)) expect(isDiagnosisCode(code)).toBe(true);
  });
  it('dedupes and keeps order', () => {
    expect(diagnosisCodesFor(['ptsd', 'depression', 'mdd_with_suicidal_ideation', 'unknown'])).toEqual([
      'F43.10',
      'F32.9',
    ]);
  });
});

describe('code list', () => {
  it('ships every code the issue names, each with a source and a verification mark', () => {
    for (const c of [
      '96365',
      '96366',
      '96372',
      '90837',
      '90838',
      '99212',
      '99213',
      '99214',
      '99215',
      'G2082',
      'G2083',
      'J3490',
      'F41.1',
      'F43.10',
      'F10.20',
      'F11.20',
    ]) {
      const entry = billingCode(c);
      expect(entry?.source).toBeTruthy();
      expect(entry?.description).toBeTruthy();
    }
    expect(DIAGNOSIS_CODES.some((c) => c.code.startsWith('F32.'))).toBe(true);
    expect(DIAGNOSIS_CODES.some((c) => c.code.startsWith('F33.'))).toBe(true);
  });
  it.each([...PROCEDURE_CODES, ...DIAGNOSIS_CODES].map((c) => [c.code, c] as const))(
    '%s carries its code set, a verification mark and what it was checked against',
    (_code, c) => {
      expect(c.source.length).toBeGreaterThan(10);
      expect(['primary', 'secondary', 'unverified']).toContain(c.verification);
      expect(c.checkedAgainst.trim().length).toBeGreaterThan(10);
      // Anything short of the primary file says why it was not checked against it.
      if (c.verification !== 'primary') expect(c.checkedAgainst).toMatch(/primary file/);
      expect(c.system === 'icd10cm' ? isDiagnosisCode(c.code) : isProcedureCode(c.code)).toBe(true);
    },
  );
  it('esketamine nasal spray is HCPCS J0013 from 2026 (S0013 ended on 31 December 2025)', () => {
    expect(billingCode('J0013')).toMatchObject({
      system: 'hcpcs',
      description: 'Esketamine nasal spray, 1 mg',
    });
    expect(billingCode('S0013')).toBeUndefined();
  });
  it('has no duplicate codes', () => {
    const all = [...PROCEDURE_CODES, ...DIAGNOSIS_CODES].map((c) => c.code);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('discountCents', () => {
  it.each([
    [10000, 0, 0],
    [10000, 25, 2500],
    [33333, 50, 16667],
    [45000, 75, 33750],
  ])('%i at %i%% → %i', (amount, pct, out) => expect(discountCents(amount, pct)).toBe(out));
});
