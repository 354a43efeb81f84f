import { describe, expect, it } from 'vitest';
import { defaultIntranasalEsketamineProtocol } from './defaults-esketamine.ts';
import { defaultSublingualKetamineProtocol } from './defaults-kap.ts';
import { defaultIvKetamineProtocol } from './defaults-ketamine.ts';
import type { Protocol } from './types.ts';
import { validateProtocol } from './validate.ts';

const DELETE = Symbol('delete');
type Edits = Record<string, unknown>;

/** Copy a protocol through JSON and set dotted paths (`a.b[2].c`); DELETE removes the key. */
function edited(base: () => Protocol, edits: Edits): unknown {
  const p = JSON.parse(JSON.stringify(base())) as Record<string, unknown>;
  for (const [path, value] of Object.entries(edits)) {
    const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
    let obj = p as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) obj = obj[k] as Record<string, unknown>;
    const last = keys[keys.length - 1] as string;
    if (value === DELETE) delete obj[last];
    else obj[last] = value;
  }
  return p;
}
const errorPaths = (base: () => Protocol, edits: Edits) => {
  const r = validateProtocol(edited(base, edits));
  return r.ok ? [] : r.errors.map((e) => e.path);
};

const iv = defaultIvKetamineProtocol;
const esk = defaultIntranasalEsketamineProtocol;
const sl = defaultSublingualKetamineProtocol;

describe('validateProtocol', () => {
  it('rejects non-objects at the root', () => {
    for (const v of [null, 3, 'x', []]) {
      expect(validateProtocol(v)).toEqual({
        ok: false,
        errors: [{ path: '(root)', message: 'must be an object' }],
      });
    }
  });

  it.each<[string, () => Protocol, Edits, string]>([
    ['max above ceiling', iv, { 'dose.protocolMaxMgPerKg': 2.5 }, 'dose.protocolMaxMgPerKg'],
    ['default above max', iv, { 'dose.defaultMgPerKg': 1.5 }, 'dose.defaultMgPerKg'],
    ['min above default', iv, { 'dose.minMgPerKg': 0.6 }, 'dose.minMgPerKg'],
    [
      'implausible ceiling (20 mg/kg)',
      iv,
      { 'dose.absoluteCeilingMgPerKg': 20 },
      'dose.absoluteCeilingMgPerKg',
    ],
    ['zero default', iv, { 'dose.defaultMgPerKg': 0 }, 'dose.defaultMgPerKg'],
    [
      'weight bounds reversed',
      iv,
      { 'dose.plausibleWeightKg': { min: 300, max: 30 } },
      'dose.plausibleWeightKg',
    ],
    ['unknown dose kind', iv, { 'dose.kind': 'per_m2' }, 'dose.kind'],
    ['IV flat range', iv, { dose: sl().dose }, 'dose.kind'],
    ['IV without duration', iv, { durationMin: DELETE }, 'durationMin'],
    ['string version', iv, { version: '1' }, 'version'],
    ['fractional version', iv, { version: 1.5 }, 'version'],
    ['unknown route', iv, { route: 'rectal' }, 'route'],
    ['unknown status', iv, { status: 'live' }, 'status'],
    ['no indications', iv, { indications: [] }, 'indications'],
    ['missing top-level source', iv, { source: DELETE }, 'source'],
    ['missing dose source', iv, { 'dose.source': '' }, 'dose.source'],
    ['missing rounding source', iv, { 'rounding.source': ' ' }, 'rounding.source'],
    ['missing alert source', iv, { 'vitals.alerts.source': '' }, 'vitals.alerts.source'],
    ['missing sessions source', iv, { 'sessions.source': DELETE }, 'sessions.source'],
    ['rounding 0', iv, { 'rounding.doseMg': 0 }, 'rounding.doseMg'],
    ['SpO2 threshold implausible (9.2)', iv, { 'vitals.alerts.spo2Below': 9.2 }, 'vitals.alerts.spo2Below'],
    [
      'SBP threshold implausible (1800)',
      iv,
      { 'vitals.alerts.sbpAtLeast': 1800 },
      'vitals.alerts.sbpAtLeast',
    ],
    ['HR low threshold implausible (90)', iv, { 'vitals.alerts.hrBelow': 90 }, 'vitals.alerts.hrBelow'],
    ['RR threshold implausible (50)', iv, { 'vitals.alerts.rrBelow': 50 }, 'vitals.alerts.rrBelow'],
    ['MOAA/S 5 would always alert', iv, { 'vitals.alerts.moaasAtMost': 5 }, 'vitals.alerts.moaasAtMost'],
    [
      'unknown severity key',
      iv,
      { 'vitals.alerts.severity': { temp: 'alert' } },
      'vitals.alerts.severity.temp',
    ],
    ['cadence 0', iv, { 'vitals.cadenceMin': 0 }, 'vitals.cadenceMin'],
    ['observations not an object', iv, { 'vitals.observations': 15 }, 'vitals.observations'],
    [
      'MOAA/S every 0 min',
      iv,
      { 'vitals.observations.moaasEveryMin': 0 },
      'vitals.observations.moaasEveryMin',
    ],
    [
      'MOAA/S every 7.5 min',
      iv,
      { 'vitals.observations.moaasEveryMin': 7.5 },
      'vitals.observations.moaasEveryMin',
    ],
    [
      'grace as long as the interval',
      iv,
      { 'vitals.observations.graceMin': 15 },
      'vitals.observations.graceMin',
    ],
    ['negative grace', iv, { 'vitals.observations.graceMin': -1 }, 'vitals.observations.graceMin'],
    [
      'CADSS-6 at minute 0',
      esk,
      { 'vitals.observations.cadss6AtMin': [0, 40] },
      'vitals.observations.cadss6AtMin[0]',
    ],
    [
      'CADSS-6 minutes out of order',
      esk,
      { 'vitals.observations.cadss6AtMin': [40, 20] },
      'vitals.observations.cadss6AtMin[1]',
    ],
    [
      'CADSS-6 minutes not a list',
      esk,
      { 'vitals.observations.cadss6AtMin': 40 },
      'vitals.observations.cadss6AtMin',
    ],
    [
      'end-of-monitoring flag not boolean',
      iv,
      { 'vitals.observations.cadss6AtEndOfMonitoring': 'yes' },
      'vitals.observations.cadss6AtEndOfMonitoring',
    ],
    [
      'observation schedule without source',
      iv,
      { 'vitals.observations.source': '' },
      'vitals.observations.source',
    ],
    ['hold 60 mmHg SBP', iv, { 'vitals.predose.holdSbpAtLeast': 60 }, 'vitals.predose.holdSbpAtLeast'],
    ['review above hold', esk, { 'vitals.predose.reviewSbpAbove': 170 }, 'vitals.predose.reviewSbpAbove'],
    [
      'one review threshold only',
      esk,
      { 'vitals.predose.reviewDbpAbove': DELETE },
      'vitals.predose.reviewSbpAbove',
    ],
    [
      'unknown required vital',
      iv,
      { 'vitals.predose.required': ['sbp', 'temp'] },
      'vitals.predose.required[1]',
    ],
    ['discharge MOAA/S at alert level', iv, { 'discharge.moaasAtLeast': 2 }, 'discharge.moaasAtLeast'],
    [
      'tolerance 80 %',
      iv,
      { 'discharge.vitals.baselineTolerancePct': 80 },
      'discharge.vitals.baselineTolerancePct',
    ],
    [
      'discharge HR band inverted',
      iv,
      { 'discharge.vitals.limits.hrAtLeast': 140 },
      'discharge.vitals.limits.hrAtLeast',
    ],
    [
      'duplicate consent',
      iv,
      { requiredConsents: ['off_label_ketamine', 'financial', 'financial'] },
      'requiredConsents[2]',
    ],
    ['unknown consent', iv, { requiredConsents: ['x', 'off_label_ketamine'] }, 'requiredConsents[0]'],
    ['ketamine without off-label consent', iv, { requiredConsents: ['financial'] }, 'requiredConsents'],
    ['duplicate checklist key', iv, { 'checklist[1].key': 'eligibility_current' }, 'checklist[1].key'],
    ['bad checklist key', iv, { 'checklist[0].key': 'Fasting Now' }, 'checklist[0].key'],
    ['checklist blocking not boolean', iv, { 'checklist[0].blocking': 'yes' }, 'checklist[0].blocking'],
    [
      'unknown instrument',
      iv,
      { 'requiredInstruments[0].instrument': 'bdi' },
      'requiredInstruments[0].instrument',
    ],
    ['unknown cadence', iv, { 'requiredInstruments[0].cadence': 'daily' }, 'requiredInstruments[0].cadence'],
    [
      'duplicate instrument',
      iv,
      { 'requiredInstruments[1].instrument': 'phq9' },
      'requiredInstruments[1].instrument',
    ],
    ['phase gap', esk, { 'sessions.phases[1].fromWeek': 6 }, 'sessions.phases[1].fromWeek'],
    [
      'phase after open-ended phase',
      iv,
      { 'sessions.phases[1]': { fromWeek: 1, perWeekMin: 1, perWeekMax: 1 } },
      'sessions.phases[1]',
    ],
    ['phase perWeek inverted', iv, { 'sessions.phases[0].perWeekMin': 4 }, 'sessions.phases[0].perWeekMin'],
    ['phase toWeek before fromWeek', esk, { 'sessions.phases[0].toWeek': 0 }, 'sessions.phases[0].toWeek'],
    [
      'esketamine phase dose 112 mg',
      esk,
      { 'sessions.phases[1].allowedDosesMg': [56, 112] },
      'sessions.phases[1].allowedDosesMg[1]',
    ],
    [
      'esketamine first dose 70 mg',
      esk,
      { 'sessions.phases[0].firstDoseMg': 70 },
      'sessions.phases[0].firstDoseMg',
    ],
    ['min age 16', iv, { 'minAgeYears.value': 16 }, 'minAgeYears.value'],
    ['flat default above max', sl, { 'dose.defaultMg': 500 }, 'dose.defaultMg'],
    ['flat max above absolute', sl, { 'dose.maxMg': 450 }, 'dose.maxMg'],
    ['flat min above default', sl, { 'dose.minMg': 150 }, 'dose.minMg'],
    ['esketamine 112 mg', esk, { 'dose.allowedMg': [56, 84, 112] }, 'dose.allowedMg[2]'],
    ['esketamine 42 mg not whole devices', esk, { 'dose.allowedMg': [42, 56] }, 'dose.allowedMg[0]'],
    ['esketamine duplicate dose', esk, { 'dose.allowedMg': [56, 56] }, 'dose.allowedMg[1]'],
    ['esketamine no doses', esk, { 'dose.allowedMg': [] }, 'dose.allowedMg'],
    ['esketamine default not allowed', esk, { 'dose.defaultMg': 70 }, 'dose.defaultMg'],
    ['esketamine 14 mg device', esk, { 'dose.mgPerDevice': 14 }, 'dose.mgPerDevice'],
    ['esketamine oral', esk, { route: 'oral' }, 'route'],
    ['esketamine weight-based', esk, { dose: iv().dose }, 'dose.kind'],
    [
      'esketamine 90 min discharge',
      esk,
      { 'discharge.minMinutesAfterDose': 90 },
      'discharge.minMinutesAfterDose',
    ],
    [
      'esketamine no discharge minimum',
      esk,
      { 'discharge.minMinutesAfterDose': DELETE },
      'discharge.minMinutesAfterDose',
    ],
    ['esketamine no REMS consent', esk, { requiredConsents: ['financial'] }, 'requiredConsents'],
    ['esketamine REMS item not blocking', esk, { 'checklist[2].blocking': false }, 'checklist'],
    [
      'esketamine no oximetry',
      esk,
      { 'vitals.pulseOximetryContinuous': false },
      'vitals.pulseOximetryContinuous',
    ],
  ])('%s → error at its path', (_name, base, edits, path) => {
    expect(errorPaths(base, edits)).toContain(path);
  });

  it('accepts max exactly equal to ceiling and default equal to max', () => {
    const edits = {
      'dose.defaultMgPerKg': 2,
      'dose.protocolMaxMgPerKg': 2,
      'dose.absoluteCeilingMgPerKg': 2,
    };
    expect(errorPaths(iv, edits)).toEqual([]);
  });

  it('accepts esketamine at exactly 120 min and a stricter 140/90 hold for ketamine', () => {
    expect(errorPaths(esk, { 'discharge.minMinutesAfterDose': 120 })).toEqual([]);
    expect(
      errorPaths(iv, { 'vitals.predose.holdSbpAtLeast': 140, 'vitals.predose.holdDbpAtLeast': 90 }),
    ).toEqual([]);
  });

  it('accepts a protocol stored before the observation schedule existed, and its boundary values', () => {
    expect(errorPaths(iv, { 'vitals.observations': DELETE })).toEqual([]);
    expect(
      errorPaths(esk, {
        'vitals.observations.moaasEveryMin': 1,
        'vitals.observations.graceMin': 0,
        'vitals.observations.cadss6AtMin': [],
      }),
    ).toEqual([]);
    expect(
      errorPaths(iv, { 'vitals.observations.graceMin': 14, 'vitals.observations.cadss6AtMin': [720] }),
    ).toEqual([]);
  });

  it('reports several errors at once, each with a message', () => {
    const r = validateProtocol(
      edited(iv, { name: '', 'dose.protocolMaxMgPerKg': 3, 'vitals.alerts.rrBelow': 50 }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path).sort()).toEqual([
      'dose.protocolMaxMgPerKg',
      'name',
      'vitals.alerts.rrBelow',
    ]);
    expect(r.errors.find((e) => e.path === 'dose.protocolMaxMgPerKg')?.message).toBe(
      'must be ≤ absoluteCeilingMgPerKg (3 > 1)',
    );
  });
});
