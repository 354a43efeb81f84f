import { describe, expect, it } from 'vitest';
import { defaultIntranasalEsketamineProtocol } from '../protocols/defaults-esketamine.ts';
import { defaultIvKetamineProtocol } from '../protocols/defaults-ketamine.ts';
import { predoseVitalsCheck } from './predose.ts';
import type { VitalsReading } from './types.ts';

const iv = defaultIvKetamineProtocol();
const esk = defaultIntranasalEsketamineProtocol();
const normal: VitalsReading = { sbp: 120, dbp: 80, hr: 70, spo2: 98, rr: 14 };

describe('predoseVitalsCheck', () => {
  it.each<[string, typeof iv, VitalsReading, 'proceed' | 'review' | 'hold', string[]]>([
    ['normal IV', iv, {}, 'proceed', []],
    ['IV SBP 159 → proceed', iv, { sbp: 159 }, 'proceed', []],
    ['IV SBP 160 → hold', iv, { sbp: 160 }, 'hold', ['sbp:hold']],
    ['IV DBP 99 → proceed', iv, { dbp: 99 }, 'proceed', []],
    ['IV DBP 100 → hold', iv, { dbp: 100 }, 'hold', ['dbp:hold']],
    ['IV SBP 150 → proceed (no review rule for racemic ketamine)', iv, { sbp: 150 }, 'proceed', []],
    ['IV SBP 185 → one hold finding (not duplicated by the alert)', iv, { sbp: 185 }, 'hold', ['sbp:hold']],
    ['IV SpO2 91 → hold via alert thresholds', iv, { spo2: 91 }, 'hold', ['spo2:hold']],
    ['IV HR 131 → hold via alert thresholds', iv, { hr: 131 }, 'hold', ['hr:hold']],
    ['esketamine SBP 140 → proceed', esk, { sbp: 140 }, 'proceed', []],
    ['esketamine SBP 141 → review', esk, { sbp: 141 }, 'review', ['sbp:review']],
    ['esketamine SBP 140.5 → review', esk, { sbp: 140.5 }, 'review', ['sbp:review']],
    ['esketamine DBP 90 → proceed', esk, { dbp: 90 }, 'proceed', []],
    ['esketamine DBP 91 → review', esk, { dbp: 91 }, 'review', ['dbp:review']],
    [
      'esketamine SBP 159, DBP 95 → review both',
      esk,
      { sbp: 159, dbp: 95 },
      'review',
      ['sbp:review', 'dbp:review'],
    ],
    ['esketamine SBP 160 → hold, no review duplicate', esk, { sbp: 160 }, 'hold', ['sbp:hold']],
    [
      'esketamine SBP 160, DBP 95 → hold + review',
      esk,
      { sbp: 160, dbp: 95 },
      'hold',
      ['sbp:hold', 'dbp:review'],
    ],
  ])('%s', (_n, protocol, patch, decision, findings) => {
    const r = predoseVitalsCheck(protocol, { ...normal, ...patch });
    expect(r.decision).toBe(decision);
    expect(r.findings.map((f) => `${f.parameter}:${f.action}`)).toEqual(findings);
  });

  it('holds when a required parameter is missing or not a number', () => {
    const r = predoseVitalsCheck(iv, { sbp: 120, dbp: 80, hr: Number.NaN });
    expect(r.decision).toBe('hold');
    expect(r.findings.map((f) => f.parameter)).toEqual(['hr', 'spo2']);
    expect(r.findings[0]?.message).toMatch(/not measured/);
  });

  it('uses the clinic threshold: a 140/90 hold', () => {
    const strict = defaultIvKetamineProtocol();
    strict.vitals.predose.holdSbpAtLeast = 140;
    strict.vitals.predose.holdDbpAtLeast = 90;
    expect(predoseVitalsCheck(strict, { ...normal, sbp: 139 }).decision).toBe('proceed');
    expect(predoseVitalsCheck(strict, { ...normal, sbp: 140 }).decision).toBe('hold');
    expect(predoseVitalsCheck(strict, { ...normal, dbp: 90 }).decision).toBe('hold');
  });

  it('alert thresholds do not hold when the protocol turns that off', () => {
    const p = defaultIvKetamineProtocol();
    p.vitals.predose.holdOnAlertThresholds = false;
    expect(predoseVitalsCheck(p, { ...normal, hr: 140 }).decision).toBe('proceed');
  });

  it('reports value and threshold on findings', () => {
    expect(predoseVitalsCheck(esk, { ...normal, sbp: 150 }).findings[0]).toMatchObject({
      parameter: 'sbp',
      value: 150,
      threshold: 140,
      action: 'review',
    });
  });
});
