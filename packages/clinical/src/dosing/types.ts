/**
 * Types for `calculateDose`: inputs, context and the JSON result (units in field names).
 *
 * Sources: protocol dose rules (IV 0.5 mg/kg over 40 min, max 0.75, ceiling 1.0 mg/kg, cap 100 mg; IM
 * 0.5–0.75 mg/kg, max 60 mg; KAP flat ranges; SPRAVATO 56/84 mg in 28 mg devices) and the dosing-weight rule
 * (`weight.ts`). The weight-recency default is an UNVERIFIED Plasticity default (see `DOSING_DEFAULTS`).
 */
import { SOURCES } from '../protocols/sources.ts';
import type { DosingWeight, Sex } from './weight.ts';

export type { DosingWeight, Sex } from './weight.ts';

/** A second-clinician override of a protocol maximum. Never lifts an absolute ceiling. */
export interface DoseOverride {
  /** Why the protocol maximum is exceeded; must be non-empty after trimming. */
  reason: string;
  /** True only when a second clinician has verified the order. */
  verified: boolean;
}

export interface DoseInput {
  weightKg?: number;
  /** Weight-based protocols: defaults to the protocol's `defaultMgPerKg`. */
  mgPerKg?: number;
  /** Fixed (esketamine) and flat-range (oral, sublingual) protocols: defaults to the protocol's `defaultMg`. */
  fixedMg?: number;
  concentrationMgPerMl?: number;
  /** IV only: infusion duration; defaults to the protocol's `durationMin`. */
  durationMin?: number;
  /** IV only: total volume of the infusion bag; the pump rate is then bag ÷ duration. */
  bagVolumeMl?: number;
  ageYears?: number;
  /** Weight-based: height for BMI and ideal/adjusted body weight; without it the actual weight is used. */
  heightCm?: number;
  /** Weight-based: for the ideal-body-weight formula (female formula when not male or female). */
  sex?: Sex;
  /**
   * Weight-based: a dose in mg (what is given) to check instead of calculating one from `mgPerKg`: its mg/kg of
   * the dosing weight against the protocol maximum and ceiling, and the mg against the cap.
   */
  doseMg?: number;
  override?: DoseOverride;
}

export interface DoseContext {
  /** When `weightKg` was measured (ISO string or Date). */
  weightMeasuredAt?: Date | string;
  now: Date | string;
  /** Weight older than this many days blocks weight-based dosing (inclusive: exactly this old is allowed). */
  maxWeightAgeDays?: number;
}

/** The inputs actually used, for the audit trail. Invalid numbers are echoed as null (never NaN). */
export interface DoseInputsUsed {
  protocolId: string;
  protocolVersion: number;
  doseKind: 'weight_based' | 'fixed' | 'flat_range' | null;
  weightKg?: number | null;
  mgPerKg?: number | null;
  mgPerKgFrom?: 'input' | 'protocol_default' | 'dose_mg';
  fixedMg?: number | null;
  fixedMgFrom?: 'input' | 'protocol_default';
  concentrationMgPerMl?: number | null;
  durationMin?: number | null;
  durationFrom?: 'input' | 'protocol';
  bagVolumeMl?: number | null;
  ageYears?: number | null;
  heightCm?: number | null;
  doseMg?: number | null;
  sex?: Sex | null;
  weightMeasuredAt?: string | null;
  weightAgeDays?: number;
  maxWeightAgeDays: number | null;
  override?: { reason: string; verified: boolean } | null;
}

export interface DoseResult {
  /** Rounded dose; 0 when it cannot be computed. Also shown when blocked, to explain the block. */
  doseMg: number;
  /** Drug volume; only when not blocked and a concentration is given. */
  volumeMl?: number;
  /** IV pump rate; only when not blocked. */
  rateMlPerHour?: number;
  /** Esketamine devices; only when not blocked. */
  devices?: number;
  warnings: string[];
  blocked: boolean;
  reasons: string[];
  /** True when a protocol maximum was exceeded under a valid, verified override. */
  overridden: boolean;
  /** Weight-based: the weight the dose was calculated on, and why (also when blocked). */
  dosingWeight?: DosingWeight;
  inputs: DoseInputsUsed;
}

/** Calculator defaults that are not part of a protocol. */
export const DOSING_DEFAULTS = {
  maxWeightAgeDays: { value: 30, source: SOURCES.weightRecency },
} as const;
