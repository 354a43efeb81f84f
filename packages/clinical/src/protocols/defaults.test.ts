import { describe, expect, it } from 'vitest';
import { defaultProtocolFor, defaultProtocols } from './defaults.ts';
import type { Protocol } from './types.ts';
import { validateProtocol } from './validate.ts';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('test fixture missing a value');
  return value;
}

/** Every string-valued `source` field found anywhere in a value, with its path. */
function sources(value: unknown, path = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [];
  const out: Array<[string, unknown]> = [];
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (k === 'source') out.push([p, v]);
    out.push(...sources(v, p));
  }
  return out;
}

describe('defaultProtocols', () => {
  const all = defaultProtocols();

  it('has exactly one active default per route', () => {
    expect(all.map((p) => p.route)).toEqual(['iv', 'im', 'sublingual', 'oral', 'intranasal']);
    expect(all.every((p) => p.status === 'active')).toBe(true);
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });

  it.each(all.map((p) => [p.id, p] as const))('%s passes validation', (_id, p) => {
    expect(validateProtocol(p)).toEqual({ ok: true, protocol: p, errors: [] });
  });

  it.each(all.map((p) => [p.id, p] as const))('%s cites a source on every sourced block', (_id, p) => {
    const found = sources(p);
    const paths = found.map(([path]) => path);
    for (const required of [
      'source',
      'dose.source',
      'rounding.source',
      'minAgeYears.source',
      'vitals.source',
      'vitals.alerts.source',
      'vitals.predose.source',
      'discharge.source',
      'discharge.vitals.source',
      'sessions.source',
    ]) {
      expect(paths).toContain(required);
    }
    for (const [, text] of found) expect(typeof text === 'string' && text.length > 10).toBe(true);
  });

  it('returns fresh copies', () => {
    const a = defaultProtocols();
    (a[0] as Protocol).dose = { ...must(a[0]).dose, source: 'changed' };
    must(must(a[0]).checklist[0]).label = 'changed';
    const b = defaultProtocols();
    expect(must(b[0]).dose.source).not.toBe('changed');
    expect(must(must(b[0]).checklist[0]).label).not.toBe('changed');
  });

  // Psychiatric Times (0.5 mg/kg over 40 min); Andrade 2017 (max 0.75); Fava et al. 2020 (ceiling 1.0, the
  // highest IV dose studied; the Ketalar IV induction range is 1–4.5 mg/kg); 100 mg cap (product default).
  it('IV ketamine: 0.5 mg/kg over 40 min, max 0.75 < ceiling 1.0, cap 100 mg, 6 infusions 2–3/week', () => {
    const iv = defaultProtocolFor('iv');
    expect(iv.drug).toBe('ketamine');
    expect(iv.durationMin).toBe(40);
    expect(iv.dose).toMatchObject({
      kind: 'weight_based',
      defaultMgPerKg: 0.5,
      protocolMaxMgPerKg: 0.75,
      absoluteCeilingMgPerKg: 1.0,
      absoluteMaxMg: 100,
      dosingWeight: {
        basis: 'actual',
        obeseBmiAtLeast: 30,
        obeseBasis: 'ideal',
        adjustedExcessFraction: 0.4,
      },
      plausibleWeightKg: { min: 30, max: 300 },
    });
    if (iv.dose.kind !== 'weight_based') throw new Error('weight-based');
    expect(iv.dose.protocolMaxMgPerKg).toBeLessThan(iv.dose.absoluteCeilingMgPerKg);
    expect(iv.dose.source).toMatch(/Fava/);
    expect(iv.dose.source).not.toMatch(/below the anaesthetic induction range/);
    expect(iv.discharge.minMinutesAfterAdministrationEnd).toBe(60);
    expect(iv.sessions.count).toBe(6);
    expect(iv.sessions.phases[0]).toMatchObject({ perWeekMin: 2, perWeekMax: 3 });
    expect(iv.requiredConsents).toContain('off_label_ketamine');
  });

  it('IM ketamine: 0.5–0.75 mg/kg, never above 60 mg (NCT05468047), 60 min observation', () => {
    const im = defaultProtocolFor('im');
    expect(im.dose).toMatchObject({
      kind: 'weight_based',
      defaultMgPerKg: 0.5,
      protocolMaxMgPerKg: 0.75,
      absoluteMaxMg: 60,
      dosingWeight: { obeseBasis: 'ideal' },
    });
    expect(im.discharge.minMinutesAfterAdministrationEnd).toBe(60);
  });

  it('every protocol has an mg cap; racemic ketamine a minimum observation after administration', () => {
    for (const p of all) {
      expect(
        p.dose.kind === 'weight_based' || p.dose.kind === 'fixed' ? p.dose.absoluteMaxMg : 1,
      ).toBeDefined();
      if (p.drug === 'ketamine') expect(p.discharge.minMinutesAfterAdministrationEnd).toBeGreaterThan(0);
      expect(p.discharge.vitals.baselineTolerancePct).toBeUndefined();
      expect(validateProtocol(p, { strict: true }).ok).toBe(true);
    }
    expect(defaultProtocolFor('sublingual').discharge.minMinutesAfterAdministrationEnd).toBe(120);
    expect(defaultProtocolFor('oral').discharge.minMinutesAfterAdministrationEnd).toBe(120);
  });

  it('sublingual 100–400 mg and oral 25–300 mg flat ranges', () => {
    expect(defaultProtocolFor('sublingual').dose).toMatchObject({
      kind: 'flat_range',
      minMg: 100,
      maxMg: 400,
    });
    expect(defaultProtocolFor('oral').dose).toMatchObject({ kind: 'flat_range', minMg: 25, maxMg: 300 });
    expect(defaultProtocolFor('sublingual').requiredConsents).toContain('kap');
  });

  it('esketamine per US label: 28 mg devices, 56/84 mg (28 mg off), REMS, 120 min, label schedule', () => {
    const esk = defaultProtocolFor('intranasal');
    expect(esk.drug).toBe('esketamine');
    expect(esk.dose).toMatchObject({
      kind: 'fixed',
      allowedMg: [56, 84],
      mgPerDevice: 28,
      defaultMg: 56,
      absoluteMaxMg: 84,
      nonUsLabelDosesAllowed: false,
    });
    expect(esk.discharge).toMatchObject({
      requireSedationResolved: true,
      requireDissociationResolved: true,
      requireNoRespiratoryDepression: true,
    });
    // SPRAVATO label fasting (food ≥ 2 h, liquids ≥ 30 min), not the IV 4–6 h rule.
    const fasting = esk.checklist.find((i) => i.key === 'fasting');
    expect(fasting?.label).toMatch(/at least 2 h.*at least 30 min/);
    expect(fasting?.source).toMatch(/SPRAVATO/);
    expect(defaultProtocolFor('iv').checklist.find((i) => i.key === 'fasting')?.label).toMatch(/4–6 h/);
    expect(esk.requiredConsents).toContain('esketamine_rems');
    expect(esk.checklist.find((i) => i.key === 'rems_enrolled')?.blocking).toBe(true);
    expect(esk.discharge.minMinutesAfterDose).toBe(120);
    expect(esk.vitals.bpChecksAfterDoseMin).toEqual([40]);
    expect(esk.vitals.predose).toMatchObject({
      holdSbpAtLeast: 160,
      holdDbpAtLeast: 100,
      reviewSbpAbove: 140,
      reviewDbpAbove: 90,
    });
    expect(esk.sessions.phases).toEqual([
      expect.objectContaining({ fromWeek: 1, toWeek: 4, perWeekMin: 2, perWeekMax: 2, firstDoseMg: 56 }),
      expect.objectContaining({ fromWeek: 5, toWeek: 8, perWeekMin: 1, perWeekMax: 1 }),
      expect.objectContaining({ fromWeek: 9, perWeekMin: 0.5, perWeekMax: 1 }),
    ]);
  });

  it('monitoring defaults match the documented in-chair defaults on every route', () => {
    for (const p of all) {
      expect(p.vitals.alerts).toMatchObject({
        spo2Below: 92,
        sbpAtLeast: 180,
        dbpAtLeast: 110,
        hrAbove: 130,
        hrBelow: 45,
        rrBelow: 10,
        moaasAtMost: 2,
      });
      expect(p.vitals.predose.note).toMatch(/140\/90/);
      expect(p.discharge.moaasAtLeast).toBe(5);
      expect(p.rounding).toMatchObject({ doseMg: 0.1, volumeMl: 0.01, rateMlPerHour: 0.1 });
      expect(p.minAgeYears.value).toBe(18);
    }
  });

  it('checklist covers the required items, each with a source', () => {
    const keys = defaultProtocolFor('iv').checklist.map((i) => i.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'fasting',
        'escort',
        'pre_session_instruments',
        'pregnancy_test',
        'baseline_vitals',
        'consents_valid',
        'plan_approved',
        'eligibility_current',
      ]),
    );
    expect(keys).not.toContain('rems_enrolled');
  });
});
