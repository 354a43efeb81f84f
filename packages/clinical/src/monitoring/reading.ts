/**
 * `evaluateReading`: which in-chair alert thresholds a vitals reading crosses.
 *
 * Sources: docs/clinical-sources.md#in-chair-monitoring (clinic-configurable, not guideline-mandated): alert
 * SpO2 < 92 %, SBP ≥ 180 or DBP ≥ 110 (a study definition of transient hypertension), HR > 130 or < 45,
 * RR < 10, MOAA/S ≤ 2. Thresholds come from the protocol; this file holds none.
 *
 * Boundary semantics follow the threshold names exactly: `spo2Below` and `rrBelow` and `hrBelow` are strict
 * (<), `hrAbove` is strict (>), `sbpAtLeast`/`dbpAtLeast` are inclusive (≥), `moaasAtMost` is inclusive (≤).
 * So SpO2 92 does not alert and 91.9 does; SBP 180 alerts and 179 does not; HR 130 does not and 131 does.
 */
import type { VitalAlertThresholds, VitalParameter } from '../protocols/types.ts';
import { finite } from './time.ts';
import type { Crossing, VitalsReading } from './types.ts';

type Check = [
  VitalParameter,
  keyof VitalAlertThresholds,
  'above' | 'below',
  (v: number, t: number) => boolean,
];

const CHECKS: Check[] = [
  ['spo2', 'spo2Below', 'below', (v: number, t: number): boolean => v < t],
  ['sbp', 'sbpAtLeast', 'above', (v: number, t: number): boolean => v >= t],
  ['dbp', 'dbpAtLeast', 'above', (v: number, t: number): boolean => v >= t],
  ['hr', 'hrAbove', 'above', (v: number, t: number): boolean => v > t],
  ['hr', 'hrBelow', 'below', (v: number, t: number): boolean => v < t],
  ['rr', 'rrBelow', 'below', (v: number, t: number): boolean => v < t],
  ['moaas', 'moaasAtMost', 'below', (v: number, t: number): boolean => v <= t],
];

/**
 * Every threshold the reading crosses, in a fixed order (SpO2, SBP, DBP, HR, RR, MOAA/S). Parameters that are
 * missing or not finite are skipped (use `invalidReadingFields` to catch bad data).
 *
 * @example
 * evaluateReading(defaultAlertThresholds(), { spo2: 91, sbp: 180, hr: 130 });
 * // [{ parameter: 'spo2', value: 91, threshold: 92, direction: 'below', severity: 'alert' },
 * //  { parameter: 'sbp', value: 180, threshold: 180, direction: 'above', severity: 'alert' }]
 */
export function evaluateReading(thresholds: VitalAlertThresholds, reading: VitalsReading): Crossing[] {
  const out: Crossing[] = [];
  for (const [parameter, key, direction, crosses] of CHECKS) {
    const threshold = finite(thresholds?.[key]);
    const value = finite(reading?.[parameter]);
    if (threshold === undefined || value === undefined || !crosses(value, threshold)) continue;
    out.push({
      parameter,
      value,
      threshold,
      direction,
      severity: thresholds.severity?.[parameter] ?? 'alert',
    });
  }
  return out;
}

/** Physiologically possible ranges, used only to flag data-entry errors (Plasticity bounds, UNVERIFIED). */
export const READING_RANGES: Record<VitalParameter, readonly [number, number]> = {
  spo2: [0, 100],
  sbp: [20, 300],
  dbp: [10, 200],
  hr: [0, 300],
  rr: [0, 80],
  moaas: [0, 5],
};

/**
 * Fields present in a reading that are not finite numbers in their possible range (e.g. SpO2 120, HR NaN,
 * MOAA/S 2.5). The caller should reject the reading rather than silently skip it.
 *
 * @example
 * invalidReadingFields({ spo2: 120, hr: 70 }); // ['spo2']
 */
export function invalidReadingFields(reading: VitalsReading, ranges = READING_RANGES): VitalParameter[] {
  const bad: VitalParameter[] = [];
  for (const p of Object.keys(ranges) as VitalParameter[]) {
    const v = reading?.[p];
    if (v === undefined) continue;
    const [lo, hi] = ranges[p];
    const ok =
      typeof v === 'number' &&
      Number.isFinite(v) &&
      v >= lo &&
      v <= hi &&
      (p !== 'moaas' || Number.isInteger(v));
    if (!ok) bad.push(p);
  }
  return bad;
}
