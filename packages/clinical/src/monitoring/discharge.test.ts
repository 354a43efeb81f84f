import { describe, expect, it } from 'vitest';
import { defaultIntranasalEsketamineProtocol } from '../protocols/defaults-esketamine.ts';
import { defaultSublingualKetamineProtocol } from '../protocols/defaults-kap.ts';
import { defaultImKetamineProtocol, defaultIvKetamineProtocol } from '../protocols/defaults-ketamine.ts';
import type { Protocol } from '../protocols/types.ts';
import { evaluateDischarge } from './discharge.ts';
import type { DischargeState } from './types.ts';

const DOSE = '2025-06-01T10:00:00.000Z';
const plus = (min: number, ms = 0) => new Date(Date.parse(DOSE) + min * 60_000 + ms).toISOString();
const iv = defaultIvKetamineProtocol();
const esk = defaultIntranasalEsketamineProtocol();
const im = defaultImKetamineProtocol();
const sl = defaultSublingualKetamineProtocol();

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
  administrationEndedAt: plus(40),
  recovery: { sedationResolved: true, dissociationResolved: true, respiratoryDepression: false },
  now,
});

const keys = (p: Pick<Protocol, 'discharge' | 'drug'>, s: DischargeState) =>
  evaluateDischarge(p, s).failing.map((f) => f.key);

describe('evaluateDischarge: time since dose', () => {
  it.each<[string, Protocol, string, boolean]>([
    ['esketamine at 119:59 → not ready', esk, plus(119, 59_000), false],
    ['esketamine at exactly 120:00 → ready', esk, plus(120), true],
    ['esketamine at 121 → ready', esk, plus(121), true],
  ])('%s', (_n, protocol, now, isReady) => {
    const r = evaluateDischarge(protocol, ready(now));
    expect(r.ready).toBe(isReady);
    if (!isReady) expect(r.failing.map((f) => f.key)).toEqual(['time_since_dose']);
  });

  // Minimum observation after the END of administration: IV and IM 60 min, sublingual/oral 120 min
  // (Plasticity product defaults, SOURCES.observationMinimum). The infusion here ends at minute 40.
  it.each<[string, Protocol, string, string | undefined, string[]]>([
    [
      'IV 6 min after the start of a 40-min infusion → not ready',
      iv,
      plus(6),
      plus(40),
      ['time_since_administration_end'],
    ],
    [
      'IV 99:59 (59:59 after the end) → not ready',
      iv,
      plus(99, 59_000),
      plus(40),
      ['time_since_administration_end'],
    ],
    ['IV exactly 60 min after the end → ready', iv, plus(100), plus(40), []],
    [
      'IV end of infusion not recorded → not ready',
      iv,
      plus(200),
      undefined,
      ['time_since_administration_end'],
    ],
    ['IM 59 min after the injection → not ready', im, plus(59), plus(0), ['time_since_administration_end']],
    ['IM 60 min after the injection → ready', im, plus(60), plus(0), []],
    [
      'sublingual 119 min after the lozenge → not ready',
      sl,
      plus(119),
      plus(0),
      ['time_since_administration_end'],
    ],
    ['sublingual 120 min after the lozenge → ready', sl, plus(120), plus(0), []],
  ])('%s', (_n, protocol, now, endedAt, failing) => {
    const s = ready(now);
    if (endedAt === undefined) delete s.administrationEndedAt;
    else s.administrationEndedAt = endedAt;
    const r = evaluateDischarge(protocol, s);
    expect(r.failing.map((f) => f.key)).toEqual(failing);
    if (endedAt !== undefined)
      expect(r.earliestAt).toBe(
        new Date(Date.parse(endedAt) + (protocol === sl ? 120 : 60) * 60_000).toISOString(),
      );
  });

  it('the message names the minimum and the time since the end, or that the infusion is still running', () => {
    const r = evaluateDischarge(iv, ready(plus(46)));
    expect(r.failing[0]?.message).toMatch(/Only 6 min since the end of administration; minimum 60 min/);
    const running = evaluateDischarge(iv, ready(plus(6)));
    expect(running.failing[0]?.message).toBe(
      `Administration has not ended yet; minimum 60 min after it (not before ${plus(100)})`,
    );
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
    expect(evaluateDischarge(iv, ready(plus(60))).earliestAt).toBe(plus(100));
    const none = { ...iv, discharge: { ...iv.discharge } };
    delete none.discharge.minMinutesAfterAdministrationEnd;
    expect(evaluateDischarge(none, ready(plus(60))).earliestAt).toBeUndefined();
  });

  it('a clinic minimum from the dose start for IV also applies', () => {
    const p = { ...iv, discharge: { ...iv.discharge, minMinutesAfterDose: 110 } };
    expect(keys(p, ready(plus(109)))).toEqual(['time_since_dose']);
    expect(keys(p, ready(plus(110)))).toEqual([]);
  });
});

// SPRAVATO label and REMS 386 (12/2024): besides the 120 minutes, sedation and dissociation resolved and no
// respiratory depression before the patient leaves; enforced for esketamine whatever the protocol data says.
describe('evaluateDischarge: esketamine recovery (REMS)', () => {
  const bare = { ...esk, discharge: { ...esk.discharge } };
  delete bare.discharge.requireSedationResolved;
  delete bare.discharge.requireDissociationResolved;
  delete bare.discharge.requireNoRespiratoryDepression;
  it.each<[string, DischargeState['recovery'], string[]]>([
    [
      'all resolved → ready',
      { sedationResolved: true, dissociationResolved: true, respiratoryDepression: false },
      [],
    ],
    [
      'sedation not resolved',
      { sedationResolved: false, dissociationResolved: true, respiratoryDepression: false },
      ['sedation'],
    ],
    [
      'dissociation not resolved',
      { sedationResolved: true, dissociationResolved: false, respiratoryDepression: false },
      ['dissociation'],
    ],
    [
      'respiratory depression',
      { sedationResolved: true, dissociationResolved: true, respiratoryDepression: true },
      ['respiratory_depression'],
    ],
    ['nothing recorded', undefined, ['sedation', 'dissociation', 'respiratory_depression']],
  ])('%s', (_n, recovery, failing) => {
    const s = { ...ready(plus(130)), ...(recovery ? { recovery } : {}) };
    if (!recovery) delete s.recovery;
    expect(keys(esk, s)).toEqual(failing);
    expect(keys(bare, s)).toEqual(failing);
  });

  it('IV ketamine does not require them by default', () => {
    const s = ready(plus(130));
    delete s.recovery;
    expect(keys(iv, s)).toEqual([]);
  });
});

// The discharge limits are absolute: near baseline never passes a value outside them (the old "within 20 % of
// baseline" alternative misread the modified Aldrete score). SBP 189 / DBP 99 with baseline 158 is NOT ready.
describe('evaluateDischarge: vitals within the absolute limits', () => {
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
    ['SBP 162, baseline 135 (exactly 20 % up) → fails', { sbp: 162 }, { sbp: 135 }, ['vitals.sbp']],
    [
      'SBP 189 / DBP 99, baseline 158 (19.6 % up) → fails (above the limit)',
      { sbp: 189, dbp: 99 },
      { sbp: 158 },
      ['vitals.sbp'],
    ],
    ['DBP 100, baseline 84 (19 % up) → fails', { dbp: 100 }, { dbp: 84 }, ['vitals.dbp']],
    ['DBP 99 → within limit', { dbp: 99 }, {}, []],
    ['HR 130 → within limit', { hr: 130 }, {}, []],
    ['HR 131, baseline 110 (19 %) → fails', { hr: 131 }, { hr: 110 }, ['vitals.hr']],
    ['HR 45 → within limit', { hr: 45 }, {}, []],
    ['HR 44, baseline 50 (12 % down) → fails', { hr: 44 }, { hr: 50 }, ['vitals.hr']],
    ['SpO2 92 → within limit', { spo2: 92 }, {}, []],
    [
      'SpO2 91, baseline 92 → fails (no baseline tolerance for SpO2)',
      { spo2: 91 },
      { spo2: 92 },
      ['vitals.spo2'],
    ],
    ['RR 10 → within limit', { rr: 10 }, {}, []],
    ['RR 9 → fails', { rr: 9 }, {}, ['vitals.rr']],
  ])('%s', (_n, patch, base, failing) => {
    expect(keys(iv, withVitals(patch, base))).toEqual(failing);
  });

  it('a stored protocol with the retired baselineTolerancePct still refuses SBP 189 (no effect)', () => {
    const legacy = {
      ...iv,
      discharge: {
        ...iv.discharge,
        vitals: {
          ...iv.discharge.vitals,
          baselineTolerancePct: 20,
          baselineToleranceParameters: ['sbp', 'dbp', 'hr'] as Array<'sbp' | 'dbp' | 'hr'>,
        },
      },
    };
    const r = evaluateDischarge(legacy, withVitals({ sbp: 189, dbp: 99 }, { sbp: 158 }));
    expect(r.ready).toBe(false);
    expect(r.failing).toEqual([
      { key: 'vitals.sbp', message: 'Systolic BP 189 is not below 160 (discharge limit)' },
    ]);
  });

  // Near baseline as an EXTRA condition a clinic may add (inclusive, exact decimals).
  it.each<[string, Record<string, number>, Record<string, number> | null, string[]]>([
    ['SBP 150 vs baseline 125 (exactly 20 %) → passes', { sbp: 150 }, { sbp: 125 }, []],
    ['SBP 151 vs baseline 125 (20.8 %) → fails', { sbp: 151 }, { sbp: 125 }, ['vitals.sbp.baseline']],
    ['decimal exactness: SBP 150.6 vs 125.5 (exactly 20 %) → passes', { sbp: 150.6 }, { sbp: 125.5 }, []],
    ['within limits but no baseline → fails', { sbp: 130 }, null, ['vitals.sbp.baseline']],
    ['outside the limit is reported as the limit, not baseline', { sbp: 165 }, { sbp: 160 }, ['vitals.sbp']],
  ])('near baseline (extra condition): %s', (_n, patch, base, failing) => {
    const p = {
      ...iv,
      discharge: {
        ...iv.discharge,
        vitals: {
          ...iv.discharge.vitals,
          nearBaseline: { pct: 20, parameters: ['sbp'] as Array<'sbp'>, source: 'test' },
        },
      },
    };
    const s = withVitals(patch, base ?? {});
    if (base === null) delete s.baselineVitals;
    expect(keys(p, s)).toEqual(failing);
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
