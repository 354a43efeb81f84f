/**
 * The Protocol type: what a clinic's medical director approves for one route of ketamine or esketamine.
 *
 * Every default number lives in this data (never in the logic that reads it) next to a `source` citation.
 * Sources: see `sources.ts` for the full citation strings (labels, trials, regulations, product defaults).
 */

export type Route = 'iv' | 'im' | 'sublingual' | 'oral' | 'intranasal';
export type Drug = 'ketamine' | 'esketamine';
export type ProtocolStatus = 'active' | 'draft' | 'retired';

/**
 * Clinical indications a protocol is approved for (diagnosis codes live in billing,
 * docs/clinical-sources.md#diagnosis-and-billing-codes).
 */
export type Indication =
  | 'trd'
  | 'mdd_with_suicidal_ideation'
  | 'depression'
  | 'anxiety'
  | 'ptsd'
  | 'alcohol_use_disorder'
  | 'opioid_use_disorder';

export type ConsentKey = 'off_label_ketamine' | 'kap' | 'esketamine_rems' | 'telehealth' | 'financial';
export type InstrumentCadence = 'before_each_session' | 'weekly' | 'monthly';

/** Instrument ids from docs/clinical-sources.md#instruments-scoring-and-codes. */
export type InstrumentId =
  | 'phq9'
  | 'gad7'
  | 'pcl5'
  | 'audit'
  | 'auditc'
  | 'dast10'
  | 'cssrs_screen'
  | 'qids_sr16'
  | 'madrs'
  | 'moaas'
  | 'cadss6'
  | 'drinking_days';

/** Which body weight a weight-based dose is calculated on. */
export type DosingWeightBasis = 'actual' | 'ideal' | 'adjusted';

/**
 * The dosing-weight rule of a weight-based protocol: `basis` below the obesity threshold, `obeseBasis` at a
 * BMI of `obeseBmiAtLeast` or more (inclusive). Ideal body weight is Devine's (50 kg men / 45.5 kg women +
 * 2.3 kg per inch over 5 ft); adjusted = ideal + `adjustedExcessFraction` × (actual − ideal). The weight used
 * is never above the actual weight. Without a height the actual weight is used, with a warning.
 */
export interface DosingWeightRule {
  basis: DosingWeightBasis;
  obeseBmiAtLeast: number;
  obeseBasis: DosingWeightBasis;
  adjustedExcessFraction: number;
  source: string;
}

/** Dose by body weight (IV, IM). All mg/kg limits are inclusive: a dose exactly at a limit is allowed. */
export interface WeightBasedDose {
  kind: 'weight_based';
  /** Used when the order gives no mg/kg. */
  defaultMgPerKg: number;
  /** Below this a warning is recorded (not a hard stop). */
  minMgPerKg?: number;
  /** Above this: blocked unless overridden with a reason and second-clinician verification. */
  protocolMaxMgPerKg: number;
  /** Above this: always blocked, override or not. */
  absoluteCeilingMgPerKg: number;
  /**
   * Cap on the rounded dose in mg (IV 100 mg, IM 60 mg); above it always blocked, override or not. Required
   * for new protocol versions; versions stored before it existed may lack it.
   */
  absoluteMaxMg?: number;
  /** Which weight the mg/kg applies to; absent in versions stored before it existed → actual weight. */
  dosingWeight?: DosingWeightRule;
  /** Weights outside this inclusive range are treated as data-entry errors and block the dose. */
  plausibleWeightKg: { min: number; max: number };
  source: string;
}

/** Fixed device doses (intranasal esketamine): only the listed doses are allowed. */
export interface FixedDose {
  kind: 'fixed';
  allowedMg: number[];
  defaultMg: number;
  mgPerDevice: number;
  minutesBetweenDevices?: number;
  /** Cap in mg (esketamine: 84 mg, the label's highest dose); above it always blocked. */
  absoluteMaxMg?: number;
  /**
   * Esketamine only: doses of a non-US label (28 mg, EU SmPC starting dose at age ≥ 65) are allowed only when
   * this is true. Off by default: the US label doses are 56 and 84 mg.
   */
  nonUsLabelDosesAllowed?: boolean;
  source: string;
}

/** A flat mg range (oral, sublingual). `maxMg` can be overridden; `absoluteMaxMg` cannot. */
export interface FlatRangeDose {
  kind: 'flat_range';
  minMg: number;
  defaultMg: number;
  maxMg: number;
  absoluteMaxMg: number;
  source: string;
}

export type DoseRule = WeightBasedDose | FixedDose | FlatRangeDose;

/** Rounding increments (decimal, e.g. 0.1). Rounding is half up, in exact decimal arithmetic. */
export interface Rounding {
  doseMg: number;
  volumeMl: number;
  rateMlPerHour: number;
  source: string;
}

export interface RequiredInstrument {
  instrument: InstrumentId;
  cadence: InstrumentCadence;
  source: string;
}

export type ChecklistKind = 'attestation' | 'instrument' | 'vitals' | 'consent' | 'regulatory' | 'approval';

export interface ChecklistItem {
  key: string;
  label: string;
  kind: ChecklistKind;
  /** A blocking item must be satisfied (or marked not applicable, when allowed) before dosing. */
  blocking: boolean;
  /** e.g. a pregnancy test only for patients of childbearing potential. */
  allowNotApplicable?: boolean;
  source: string;
}

/**
 * In-chair alert thresholds. Boundary semantics are in the names: `Below`/`Above` are strict,
 * `AtLeast`/`AtMost` are inclusive (SpO2 91 alerts, 92 does not; SBP 180 alerts, 179 does not).
 */
export interface VitalAlertThresholds {
  spo2Below?: number;
  sbpAtLeast?: number;
  dbpAtLeast?: number;
  hrAbove?: number;
  hrBelow?: number;
  rrBelow?: number;
  moaasAtMost?: number;
  /** Severity per parameter; 'alert' when not given. */
  severity?: Partial<Record<VitalParameter, CrossingSeverity>>;
  source: string;
}

export type VitalParameter = 'spo2' | 'sbp' | 'dbp' | 'hr' | 'rr' | 'moaas';
export type CrossingSeverity = 'alert' | 'critical';

/** Vitals checked before dosing. Hold is automatic; review asks the prescriber to decide. */
export interface PredoseRules {
  /** Hold when SBP ≥ this or DBP ≥ `holdDbpAtLeast` (inclusive). */
  holdSbpAtLeast: number;
  holdDbpAtLeast: number;
  /** Prescriber decision when SBP > this or DBP > `reviewDbpAbove` (strict, as in the SPRAVATO label). */
  reviewSbpAbove?: number;
  reviewDbpAbove?: number;
  /** Parameters that must be measured before dosing. */
  required: VitalParameter[];
  /** Whether the in-chair alert thresholds also hold the dose when crossed before dosing. */
  holdOnAlertThresholds: boolean;
  note: string;
  source: string;
}

/**
 * When the clinician-rated scales are due in the chair. MOAA/S is due `moaasEveryMin` after the
 * dose and then after each MOAA/S, until monitoring ends (the session moves to recovery); CADSS-6 is due at
 * each of `cadss6AtMin` minutes after the dose and, with `cadss6AtEndOfMonitoring`, when monitoring ends.
 * An observation is due from its time and overdue once `graceMin` has passed; a CADSS-6 taken up to
 * `graceMin` before a scheduled time counts for it.
 */
export interface ObservationSchedule {
  moaasEveryMin: number;
  cadss6AtMin: number[];
  cadss6AtEndOfMonitoring: boolean;
  graceMin: number;
  source: string;
}

export interface VitalsPlan {
  cadenceMin: number;
  /** Extra blood pressure checks, in minutes after the dose (SPRAVATO: ~40 min). */
  bpChecksAfterDoseMin?: number[];
  pulseOximetryContinuous: boolean;
  alerts: VitalAlertThresholds;
  predose: PredoseRules;
  /** MOAA/S and CADSS-6 schedule; absent in protocols stored before it existed → `defaultObservationSchedule()`. */
  observations?: ObservationSchedule;
  source: string;
}

/** Discharge limits: strict `Below`, inclusive `AtMost`/`AtLeast`. */
export interface DischargeVitalLimits {
  sbpBelow?: number;
  dbpBelow?: number;
  hrAtMost?: number;
  hrAtLeast?: number;
  spo2AtLeast?: number;
  rrAtLeast?: number;
}

/** An extra discharge condition: these parameters also within ± `pct` % of baseline (never instead of limits). */
export interface NearBaselineCondition {
  pct: number;
  parameters: Array<'sbp' | 'dbp' | 'hr'>;
  source: string;
}

export interface DischargeCriteria {
  /** Minutes from dose start (first device for esketamine) before discharge; inclusive. */
  minMinutesAfterDose?: number;
  /**
   * Minimum observation after the END of administration (end of the infusion; the injection or lozenge for
   * IM, sublingual, oral); inclusive. Required for new racemic-ketamine protocol versions.
   */
  minMinutesAfterAdministrationEnd?: number;
  /** Sedation resolved, dissociation resolved, no respiratory depression (esketamine: always, REMS). */
  requireSedationResolved?: boolean;
  requireDissociationResolved?: boolean;
  requireNoRespiratoryDepression?: boolean;
  moaasAtLeast: number;
  requireSteadyGait: boolean;
  requireNauseaControlled: boolean;
  requireEscort: boolean;
  vitals: {
    required: VitalParameter[];
    limits: DischargeVitalLimits;
    /**
     * No longer used: it let a value outside the limits pass when within ± this % of baseline, a misreading of
     * the modified Aldrete score. Kept only so versions stored with it still load; new versions may not set it.
     */
    baselineTolerancePct?: number;
    /** No longer used (see `baselineTolerancePct`). */
    baselineToleranceParameters?: Array<'sbp' | 'dbp' | 'hr'>;
    /** Optional extra condition: also near baseline. Never overrides `limits`. */
    nearBaseline?: NearBaselineCondition;
    /** Latest vitals must be no older than this many minutes (inclusive) and taken after the dose. */
    maxAgeMin?: number;
    source: string;
  };
  source: string;
}

/** One phase of a course, by week number (1-based, inclusive). `toWeek` absent = open-ended. */
export interface SessionPhase {
  fromWeek: number;
  toWeek?: number;
  /** Sessions per week; 0.5 = every 2 weeks. */
  perWeekMin: number;
  perWeekMax: number;
  /** Dose at the first session of the phase (esketamine day 1: 56 mg). */
  firstDoseMg?: number;
  allowedDosesMg?: number[];
  note?: string;
}

export interface SessionPlan {
  /** Total sessions in the induction course, if fixed (IV: 6). */
  count?: number;
  phases: SessionPhase[];
  source: string;
}

/**
 * The integration visit after each dosing session: due from `fromHours` to `toHours` after discharge (inclusive).
 * docs/clinical-sources.md#integration-window.
 */
export interface IntegrationWindow {
  fromHours: number;
  toHours: number;
  source: string;
}

export interface Protocol {
  id: string;
  version: number;
  name: string;
  status: ProtocolStatus;
  route: Route;
  drug: Drug;
  indications: Indication[];
  dose: DoseRule;
  rounding: Rounding;
  /** Administration time (IV infusion duration); used for pump rates. */
  durationMin?: number;
  minAgeYears: { value: number; source: string };
  requiredConsents: ConsentKey[];
  requiredInstruments: RequiredInstrument[];
  checklist: ChecklistItem[];
  vitals: VitalsPlan;
  discharge: DischargeCriteria;
  sessions: SessionPlan;
  /** Integration visit window; absent in versions stored before it existed → 24–72 h (`defaultIntegrationWindow`). */
  integration?: IntegrationWindow;
  source: string;
}

export const ROUTES: readonly Route[] = ['iv', 'im', 'sublingual', 'oral', 'intranasal'];
export const DRUGS: readonly Drug[] = ['ketamine', 'esketamine'];
export const INDICATIONS: readonly Indication[] = [
  'trd',
  'mdd_with_suicidal_ideation',
  'depression',
  'anxiety',
  'ptsd',
  'alcohol_use_disorder',
  'opioid_use_disorder',
];
export const CONSENT_KEYS: readonly ConsentKey[] = [
  'off_label_ketamine',
  'kap',
  'esketamine_rems',
  'telehealth',
  'financial',
];
export const INSTRUMENT_CADENCES: readonly InstrumentCadence[] = ['before_each_session', 'weekly', 'monthly'];
export const INSTRUMENT_IDS: readonly InstrumentId[] = [
  'phq9',
  'gad7',
  'pcl5',
  'audit',
  'auditc',
  'dast10',
  'cssrs_screen',
  'qids_sr16',
  'madrs',
  'moaas',
  'cadss6',
  'drinking_days',
];
export const VITAL_PARAMETERS: readonly VitalParameter[] = ['spo2', 'sbp', 'dbp', 'hr', 'rr', 'moaas'];
export const CHECKLIST_KINDS: readonly ChecklistKind[] = [
  'attestation',
  'instrument',
  'vitals',
  'consent',
  'regulatory',
  'approval',
];
