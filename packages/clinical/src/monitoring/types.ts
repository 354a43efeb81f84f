/**
 * Monitoring types: a vitals reading, threshold crossings, pre-dose and discharge results.
 *
 * Sources: docs/clinical-sources.md#in-chair-monitoring (SpO2, SBP, DBP, HR, RR, MOAA/S) and discharge
 * practice; MOAA/S scale 0–5 (docs/clinical-sources.md#instruments-scoring-and-codes); SPRAVATO US label and
 * REMS 386 (BP pre-dose and ~40 min, ≥ 2 h).
 */
import type { CrossingSeverity, VitalParameter } from '../protocols/types.ts';

export type { CrossingSeverity, VitalParameter } from '../protocols/types.ts';

/** One set of vitals. Units: SpO2 %, BP mmHg, HR and RR per minute, MOAA/S 0–5. */
export interface VitalsReading {
  spo2?: number;
  sbp?: number;
  dbp?: number;
  hr?: number;
  rr?: number;
  moaas?: number;
  takenAt?: Date | string;
}

export interface Crossing {
  parameter: VitalParameter;
  value: number;
  threshold: number;
  direction: 'above' | 'below';
  severity: CrossingSeverity;
}

export interface PredoseFinding {
  parameter: VitalParameter;
  value?: number;
  threshold?: number;
  action: 'hold' | 'review';
  message: string;
}

export interface PredoseResult {
  /** 'hold': do not dose; 'review': the prescriber decides (SPRAVATO > 140/> 90); 'proceed': no finding. */
  decision: 'proceed' | 'review' | 'hold';
  findings: PredoseFinding[];
}

export interface DischargeState {
  latestVitals?: VitalsReading;
  baselineVitals?: VitalsReading;
  /** Latest MOAA/S; falls back to `latestVitals.moaas`. */
  latestMoaas?: number;
  gait?: 'steady' | 'unsteady' | 'not_assessed';
  nausea?: 'none' | 'controlled' | 'uncontrolled';
  escortPresent?: boolean;
  /** Dose start (the first device for esketamine). */
  doseStartedAt?: Date | string;
  /** End of administration: end of the infusion, or the injection / lozenge / devices. */
  administrationEndedAt?: Date | string;
  /** The nurse's recovery observations (esketamine: required, REMS 386). */
  recovery?: { sedationResolved?: boolean; dissociationResolved?: boolean; respiratoryDepression?: boolean };
  now: Date | string;
  /** The clinic's IANA time zone: times in messages are shown in it (`time-format.ts`); UTC when absent. */
  timeZone?: string;
}

export interface DischargeFailure {
  key: string;
  message: string;
}

export interface DischargeResult {
  ready: boolean;
  failing: DischargeFailure[];
  /** The earliest time the minimum-time rule allows discharge, when one applies and the dose time is known. */
  earliestAt?: string;
}
