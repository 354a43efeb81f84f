/**
 * Plausibility bounds for validating clinic-edited protocols. These catch typing errors (a 10 where 1.0 was
 * meant, a threshold that never or always fires); they are NOT clinical limits, and every range is inclusive.
 *
 * Source: Plasticity data-entry bounds (UNVERIFIED), chosen to sit well outside the clinical defaults
 * (alert SpO2 < 92, SBP ≥ 180, DBP ≥ 110, HR > 130 / < 45, RR < 10, MOAA/S ≤ 2; hold 160/100).
 */
import { SOURCES } from './sources.ts';

export type Range = readonly [min: number, max: number];

export const PROTOCOL_PLAUSIBILITY = {
  /** Any configured mg/kg value (default, max, ceiling). */
  mgPerKg: [0, 5] as Range,
  /** Any configured flat or fixed mg value. */
  mg: [0, 1000] as Range,
  /** BMI threshold of a dosing-weight rule (kg/m²). */
  bmi: [18, 60] as Range,
  /** Configured plausible-weight bounds must lie inside this. */
  weightKg: [1, 500] as Range,
  durationMin: [1, 240] as Range,
  minAgeYears: [18, 120] as Range,
  cadenceMin: [1, 60] as Range,
  observationEveryMin: [1, 120] as Range,
  observationGraceMin: [0, 30] as Range,
  spo2Below: [70, 100] as Range,
  sbpAtLeast: [120, 260] as Range,
  dbpAtLeast: [70, 160] as Range,
  hrAbove: [80, 220] as Range,
  hrBelow: [20, 70] as Range,
  rrBelow: [4, 20] as Range,
  moaasAtMost: [0, 4] as Range,
  predoseSbp: [100, 260] as Range,
  predoseDbp: [60, 160] as Range,
  dischargeSbp: [100, 260] as Range,
  dischargeDbp: [60, 160] as Range,
  dischargeHr: [20, 220] as Range,
  dischargeSpo2: [70, 100] as Range,
  dischargeRr: [4, 30] as Range,
  moaasAtLeast: [3, 5] as Range,
  tolerancePct: [0, 50] as Range,
  minutesAfterDose: [0, 720] as Range,
  maxVitalsAgeMin: [1, 120] as Range,
  roundingDoseMg: [0.001, 10] as Range,
  roundingVolumeMl: [0.001, 1] as Range,
  roundingRateMlPerHour: [0.001, 10] as Range,
  sessionsPerWeek: [0.1, 7] as Range,
  sessionCount: [1, 100] as Range,
  source: SOURCES.plausibility,
} as const;
