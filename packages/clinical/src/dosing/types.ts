/**
 * Types for `calculateDose`: inputs, context and the JSON result (units in field names).
 *
 * Sources: protocol dose rules (REFERENCE.md §2: IV 0.5 mg/kg over 40 min, max 1.0; IM 0.5–0.75 mg/kg,
 * max 60 mg; KAP flat ranges; SPRAVATO 28/56/84 mg in 28 mg devices). The weight-recency default is an
 * UNVERIFIED Plasticity default (see `DOSING_DEFAULTS`).
 */
import { SOURCES } from '../protocols/sources.ts';

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
  mgPerKgFrom?: 'input' | 'protocol_default';
  fixedMg?: number | null;
  fixedMgFrom?: 'input' | 'protocol_default';
  concentrationMgPerMl?: number | null;
  durationMin?: number | null;
  durationFrom?: 'input' | 'protocol';
  bagVolumeMl?: number | null;
  ageYears?: number | null;
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
  inputs: DoseInputsUsed;
}

/** Calculator defaults that are not part of a protocol. */
export const DOSING_DEFAULTS = {
  maxWeightAgeDays: { value: 30, source: SOURCES.weightRecency },
} as const;
