import { describe, expect, it } from 'vitest';
import { defaultIntranasalEsketamineProtocol } from '../protocols/defaults-esketamine.ts';
import { defaultIvKetamineProtocol } from '../protocols/defaults-ketamine.ts';
import type { Protocol } from '../protocols/types.ts';
import { evaluateDischarge } from './discharge.ts';
import type { DischargeState } from './types.ts';

const DOSE = '2025-06-01T10:00:00.000Z';
const plus = (min: number, ms = 0) => new Date(Date.parse(DOSE) + min * 60_000 + ms).toISOString();
const iv = defaultIvKetamineProtocol();
const esk = defaultIntranasalEsketamineProtocol();

const ready = (now = plus(130)): DischargeState => ({
  latestVitals: {
    sbp: 130,
    dbp: 82,
    hr: 76,
    spo2: 97,
    rr: 14,
    takenAt: new Date(Date.parse(now) - 5 * 60_000).toISOString(),
  },
  baselineVitals: { sbp: 125, dbp: 80, hr: 70, spo2: 98, rr: 14 },
  latestMoaas: 5,
  gait: 'steady',
  nausea: 'none',
  escortPresent: true,
  doseStartedAt: DOSE,
  now,
});

const keys = (p: Pick<Protocol, 'discharge' | 'drug'>, s: DischargeState) =>
  evaluateDischarge(p, s).failing.map((f) => f.key);

describe('evaluateDischarge: time since dose', () => {
  it.each<[string, Protocol, string, boolean]>([
    ['esketamine at 119:59 → not ready', esk, plus(119, 59_000), false],
    ['esketamine at exactly 120:00 → ready', esk, plus(120), true],
    ['esketamine at 121 → ready', esk, plus(121), true],
    ['IV at 45 min → ready (no minimum by default)', iv, plus(45), true],
  ])('%s', (_n, protocol, now, isReady) => {
    const r = evaluateDischarge(protocol, ready(now));
    expect(r.ready).toBe(isReady);
    if (!isReady) expect(r.failing.map((f) => f.key)).toEqual(['time_since_dose']);
  });

  it('esketamine never before 120 min, even if the protocol data says less', () => {
    const edited = { ...esk, discharge: { ...esk.discharge, minMinutesAfterDose: 30 } };
    expect(keys(edited, ready(plus(60)))).toEqual(['time_since_dose']);
  });

  it('esketamine without a dose time is not ready', () => {
    const s = { ...ready(plus(200)) };
    delete s.doseStartedAt;
    expect(keys(esk, s)).toContain('time_since_dose');
  });

  it('reports the earliest discharge time', () => {
    expect(evaluateDischarge(esk, ready(plus(60))).earliestAt).toBe(plus(120));
    expect(evaluateDischarge(iv, ready(plus(60))).earliestAt).toBeUndefined();
  });

  it('a clinic minimum for IV applies', () => {
    const p = { ...iv, discharge: { ...iv.discharge, minMinutesAfterDose: 60 } };
    expect(keys(p, ready(plus(59)))).toEqual(['time_since_dose']);
    expect(keys(p, ready(plus(60)))).toEqual([]);
  });
});

describe('evaluateDischarge: vitals within limits or within 20 % of baseline', () => {
  const withVitals = (patch: Record<string, number>, base: Record<string, number> = {}): DischargeState => {
    const s = ready();
    return {
      ...s,
      latestVitals: { ...s.latestVitals, ...patch },
      baselineVitals: { ...s.baselineVitals, ...base },
    };
  };
  it.each<[string, Record<string, number>, Record<string, number>, string[]]>([
    ['SBP 159 → within limit', { sbp: 159 }, {}, []],
    ['SBP 160, baseline 125 (28 % up) → fails', { sbp: 160 }, {}, ['vitals.sbp']],
    ['SBP 162, baseline 135 (exactly 20 % up) → passes', { sbp: 162 }, { sbp: 135 }, []],
    ['SBP 163, baseline 135 (20.7 % up) → fails', { sbp: 163 }, { sbp: 135 }, ['vitals.sbp']],
    ['DBP 100, baseline 84 (19 % up) → passes', { dbp: 100 }, { dbp: 84 }, []],
    ['DBP 99 → within limit', { dbp: 99 }, {}, []],
    ['DBP 100, baseline 80 (25 %) → fails', { dbp: 100 }, {}, ['vitals.dbp']],
    ['HR 130 → within limit', { hr: 130 }, {}, []],
    ['HR 131, baseline 110 (19 %) → passes', { hr: 131 }, { hr: 110 }, []],
    ['HR 131, baseline 70 → fails', { hr: 131 }, {}, ['vitals.hr']],
    ['HR 45 → within limit', { hr: 45 }, {}, []],
    ['HR 44, baseline 50 (12 % down) → passes', { hr: 44 }, { hr: 50 }, []],
    ['SpO2 92 → within limit', { spo2: 92 }, {}, []],
    [
      'SpO2 91, baseline 92 → fails (no baseline tolerance for SpO2)',
      { spo2: 91 },
      { spo2: 92 },
      ['vitals.spo2'],
    ],
    ['RR 10 → within limit', { rr: 10 }, {}, []],
    ['RR 9 → fails', { rr: 9 }, {}, ['vitals.rr']],
    [
      'decimal exactness: SBP 180.6 vs baseline 150.5 (exactly 20 %) → passes',
      { sbp: 180.6 },
      { sbp: 150.5 },
      [],
    ],
  ])('%s', (_n, patch, base, failing) => {
    expect(keys(iv, withVitals(patch, base))).toEqual(failing);
  });

  it('out of limits with no baseline fails and says so', () => {
    const s = ready();
    delete s.baselineVitals;
    s.latestVitals = { ...s.latestVitals, sbp: 165 };
    const r = evaluateDischarge(iv, s);
    expect(r.failing).toEqual([{ key: 'vitals.sbp', message: expect.stringMatching(/no baseline/) }]);
  });

  it('missing, stale or pre-dose vitals fail', () => {
    const none = { ...ready() };
    delete none.latestVitals;
    expect(keys(iv, none)).toEqual(['vitals_missing']);
    const s = ready(plus(130));
    expect(keys(iv, { ...s, latestVitals: { ...s.latestVitals, takenAt: plus(114, 59_000) } })).toEqual([
      'vitals_stale',
    ]);
    expect(keys(iv, { ...s, latestVitals: { ...s.latestVitals, takenAt: plus(115) } })).toEqual([]);
    expect(keys(iv, { ...s, latestVitals: { ...s.latestVitals, takenAt: plus(-1) } })).toEqual(
      expect.arrayContaining(['vitals_before_dose']),
    );
    expect(keys(iv, { ...s, latestVitals: { sbp: 120, dbp: 80, hr: 70, spo2: 98 } })).toEqual([
      'vitals_time',
    ]);
    expect(keys(iv, { ...s, latestVitals: { ...s.latestVitals, hr: undefined } })).toEqual(['vitals.hr']);
  });
});

describe('evaluateDischarge: MOAA/S, gait, nausea, escort', () => {
  it.each<[string, Partial<DischargeState>, string[]]>([
    ['all good', {}, []],
    ['MOAA/S 4 → fails', { latestMoaas: 4 }, ['moaas']],
    ['MOAA/S missing, falls back to vitals reading 5', { latestMoaas: undefined }, []],
    ['gait unsteady', { gait: 'unsteady' }, ['gait']],
    ['gait not assessed', { gait: 'not_assessed' }, ['gait']],
    ['nausea controlled → ok', { nausea: 'controlled' }, []],
    ['nausea uncontrolled', { nausea: 'uncontrolled' }, ['nausea']],
    ['no escort', { escortPresent: false }, ['escort']],
    [
      'everything failing at once',
      { latestMoaas: 3, gait: 'unsteady', nausea: 'uncontrolled', escortPresent: false },
      ['moaas', 'gait', 'nausea', 'escort'],
    ],
  ])('%s', (_n, patch, failing) => {
    const s = { ...ready(), ...patch };
    if (patch.latestMoaas === undefined && 'latestMoaas' in patch)
      s.latestVitals = { ...s.latestVitals, moaas: 5 };
    expect(keys(iv, s)).toEqual(failing);
  });

  it('MOAA/S missing everywhere fails', () => {
    expect(keys(iv, { ...ready(), latestMoaas: undefined })).toEqual(['moaas']);
  });

  it('invalid now fails without throwing', () => {
    expect(keys(esk, { ...ready(), now: 'nope' })).toContain('now');
  });
});
