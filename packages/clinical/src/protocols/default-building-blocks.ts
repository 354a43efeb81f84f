/**
 * Building blocks shared by the default protocols: rounding, vitals plan, discharge criteria and checklist items.
 *
 * Sources: monitoring defaults (vitals every 10–15 min; alert SpO2 < 92 %, SBP ≥ 180 or DBP ≥ 110, HR > 130
 * or < 45, RR < 10, MOAA/S ≤ 2; pre-dose hold BP ≥ 160/100, or 140/90 per clinic, Yip 2022 PMC9556663),
 * discharge practice, fasting practice (IV) and the SPRAVATO label's fasting rule, ASKP3 basics, SPRAVATO
 * REMS 386; dosing weight: Devine 1974, Traynor 1995, Sanacora et al. 2017. Defaults without a primary source
 * say UNVERIFIED or "product default" in their `source`.
 */

import { ESKETAMINE_LABEL } from './regulatory.ts';
import { SOURCES } from './sources.ts';
import type {
  ChecklistItem,
  DischargeCriteria,
  DosingWeightRule,
  ObservationSchedule,
  RequiredInstrument,
  Rounding,
  VitalAlertThresholds,
  VitalsPlan,
} from './types.ts';

/** Actual weight below BMI 30, ideal body weight at BMI ≥ 30; adjusted = ideal + 0.4 × excess. Fresh copy. */
export function defaultDosingWeight(): DosingWeightRule {
  return {
    basis: 'actual',
    obeseBmiAtLeast: 30,
    obeseBasis: 'ideal',
    adjustedExcessFraction: 0.4,
    source: SOURCES.dosingWeight,
  };
}

export function defaultRounding(): Rounding {
  return { doseMg: 0.1, volumeMl: 0.01, rateMlPerHour: 0.1, source: SOURCES.rounding };
}

export function defaultAlertThresholds(): VitalAlertThresholds {
  return {
    spo2Below: 92,
    sbpAtLeast: 180,
    dbpAtLeast: 110,
    hrAbove: 130,
    hrBelow: 45,
    rrBelow: 10,
    moaasAtMost: 2,
    source: SOURCES.monitoringDefaults,
  };
}

const PREDOSE_NOTE =
  'Hold at BP ≥ 160/100 by default. Many clinics use ≥ 140/90 instead (set holdSbpAtLeast/holdDbpAtLeast); ' +
  'Yip 2022 argues common BP rules are over-aggressive. For esketamine the label’s > 140/> 90 is a ' +
  'prescriber decision (review), not an automatic hold.';

/**
 * MOAA/S every 15 min, CADSS-6 at 40 min and at the end of monitoring, 5 min grace (UNVERIFIED product
 * defaults, see `SOURCES.observationSchedule`). Returns a fresh copy.
 */
export function defaultObservationSchedule(): ObservationSchedule {
  return {
    moaasEveryMin: 15,
    cadss6AtMin: [40],
    cadss6AtEndOfMonitoring: true,
    graceMin: 5,
    source: SOURCES.observationSchedule,
  };
}

/** Vitals plan; `esketamine` adds the label's 40-minute BP check and > 140/> 90 prescriber review. */
export function defaultVitalsPlan(opts: { esketamine?: boolean; cadenceMin?: number } = {}): VitalsPlan {
  return {
    cadenceMin: opts.cadenceMin ?? 15,
    ...(opts.esketamine ? { bpChecksAfterDoseMin: [40] } : {}),
    pulseOximetryContinuous: true,
    alerts: defaultAlertThresholds(),
    observations: defaultObservationSchedule(),
    predose: {
      holdSbpAtLeast: 160,
      holdDbpAtLeast: 100,
      ...(opts.esketamine ? { reviewSbpAbove: 140, reviewDbpAbove: 90 } : {}),
      required: ['sbp', 'dbp', 'hr', 'spo2'],
      holdOnAlertThresholds: true,
      note: PREDOSE_NOTE,
      source: opts.esketamine ? `${SOURCES.predoseHold}; ${SOURCES.spravatoBp}` : SOURCES.predoseHold,
    },
    source: opts.esketamine
      ? `${SOURCES.monitoringDefaults}; ${SOURCES.spravatoMonitoring}`
      : `${SOURCES.monitoringDefaults}; ${SOURCES.askp3}`,
  };
}

/**
 * Discharge criteria. Esketamine: 120 min from the first device and sedation, dissociation and respiratory
 * depression resolved (label, REMS). Racemic ketamine: `minMinutesAfterAdministrationEnd` (product default).
 * Near baseline is never an alternative to the limits (none by default).
 */
export function defaultDischarge(
  opts: { esketamine?: boolean; minMinutesAfterAdministrationEnd?: number } = {},
): DischargeCriteria {
  const after = opts.minMinutesAfterAdministrationEnd;
  return {
    ...(opts.esketamine
      ? {
          minMinutesAfterDose: ESKETAMINE_LABEL.minMonitoringMin,
          requireSedationResolved: true,
          requireDissociationResolved: true,
          requireNoRespiratoryDepression: true,
        }
      : {}),
    ...(after !== undefined ? { minMinutesAfterAdministrationEnd: after } : {}),
    moaasAtLeast: 5,
    requireSteadyGait: true,
    requireNauseaControlled: true,
    requireEscort: true,
    vitals: {
      required: ['sbp', 'dbp', 'hr', 'spo2'],
      limits: { sbpBelow: 160, dbpBelow: 100, hrAtMost: 130, hrAtLeast: 45, spo2AtLeast: 92, rrAtLeast: 10 },
      maxAgeMin: 15,
      source: `${SOURCES.dischargeLimits}; ${SOURCES.dischargeBaselinePct}; ${SOURCES.vitalsRecency}`,
    },
    source: opts.esketamine
      ? `${SOURCES.discharge}; ${SOURCES.spravatoRems}; ${SOURCES.spravatoDischarge}`
      : `${SOURCES.discharge}; minimum observation: ${SOURCES.observationMinimum}`,
  };
}

type ItemKey =
  | 'fasting'
  | 'fasting_esketamine'
  | 'escort'
  | 'pre_session_instruments'
  | 'pregnancy_test'
  | 'rems_enrolled'
  | 'baseline_vitals'
  | 'consents_valid'
  | 'plan_approved'
  | 'eligibility_current';

const ITEMS: Record<ItemKey, ChecklistItem> = {
  fasting: {
    key: 'fasting',
    label: 'Fasting confirmed: no food for 4–6 h, clear fluids until 2 h before dosing',
    kind: 'attestation',
    blocking: true,
    source: SOURCES.fasting,
  },
  fasting_esketamine: {
    key: 'fasting',
    label: 'Fasting confirmed: no food for at least 2 h and no liquids for at least 30 min before dosing',
    kind: 'attestation',
    blocking: true,
    source: SOURCES.spravatoFasting,
  },
  escort: {
    key: 'escort',
    label: 'Escort confirmed for discharge (no driving until the next day after restful sleep)',
    kind: 'attestation',
    blocking: true,
    source: `${SOURCES.discharge}; SPRAVATO US label (no driving until next day)`,
  },
  pre_session_instruments: {
    key: 'pre_session_instruments',
    label: 'Pre-session instruments completed and reviewed (including suicide-risk flags)',
    kind: 'instrument',
    blocking: true,
    source: SOURCES.instruments,
  },
  pregnancy_test: {
    key: 'pregnancy_test',
    label: 'Pregnancy test negative (if of childbearing potential)',
    kind: 'attestation',
    blocking: true,
    allowNotApplicable: true,
    source: SOURCES.practiceContraindications,
  },
  rems_enrolled: {
    key: 'rems_enrolled',
    label: 'Patient enrolled in the SPRAVATO REMS before first dose; setting certified',
    kind: 'regulatory',
    blocking: true,
    source: SOURCES.spravatoRems,
  },
  baseline_vitals: {
    key: 'baseline_vitals',
    label: 'Baseline vitals recorded and within pre-dose limits',
    kind: 'vitals',
    blocking: true,
    source: SOURCES.predoseHold,
  },
  consents_valid: {
    key: 'consents_valid',
    label: 'Required consents signed and current',
    kind: 'consent',
    blocking: true,
    source: SOURCES.consents,
  },
  plan_approved: {
    key: 'plan_approved',
    label: 'Treatment plan and dose approved by the prescriber',
    kind: 'approval',
    blocking: true,
    source: SOURCES.askp3,
  },
  eligibility_current: {
    key: 'eligibility_current',
    label: 'Eligibility screen current (no new contraindications since intake)',
    kind: 'approval',
    blocking: true,
    source: SOURCES.apaConsensus,
  },
};

/**
 * The standard checklist; pass `esketamine: true` for the REMS enrolment item and the label's fasting rule
 * (`rems: true` is the older name of the same option). Returns fresh copies.
 */
export function defaultChecklist(opts: { esketamine?: boolean; rems?: boolean } = {}): ChecklistItem[] {
  const esk = opts.esketamine === true || opts.rems === true;
  const keys: ItemKey[] = [
    'eligibility_current',
    'consents_valid',
    ...(esk ? (['rems_enrolled'] as ItemKey[]) : []),
    'plan_approved',
    'pre_session_instruments',
    esk ? 'fasting_esketamine' : 'fasting',
    'pregnancy_test',
    'baseline_vitals',
    'escort',
  ];
  return keys.map((k) => ({ ...ITEMS[k] }));
}

/** PHQ-9 and the C-SSRS screener before each session, GAD-7 weekly (cadence UNVERIFIED, clinic-configurable). */
export function defaultInstruments(): RequiredInstrument[] {
  return [
    { instrument: 'phq9', cadence: 'before_each_session', source: SOURCES.instruments },
    { instrument: 'cssrs_screen', cadence: 'before_each_session', source: SOURCES.instruments },
    { instrument: 'gad7', cadence: 'weekly', source: SOURCES.instruments },
  ];
}
