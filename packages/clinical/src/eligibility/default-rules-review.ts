/**
 * Default relative contraindications (eligible: 'review') and cautions (eligible: 'yes', listed), each citing
 * its source.
 *
 * Sources: active substance use disorder, relative where addiction is the indication
 * (docs/clinical-sources.md#contraindications, resetketamine.com, betterucare.com); AUDIT 20–40 possible
 * dependence and DAST-10 6–10 substantial/severe (docs/clinical-sources.md#instruments-scoring-and-codes);
 * Sanacora et al., APA consensus (JAMA Psychiatry 2017: psychosis and substance history);
 * SPRAVATO US label (> 140/> 90 prescriber decision); C-SSRS triage
 * (docs/clinical-sources.md#c-ssrs-screener). Severities not stated by a source are marked UNVERIFIED in
 * `source`. Medication and prior-trial rules: `medication-rules.ts`.
 */
import { SOURCES } from '../protocols/sources.ts';
import { all, any, gt, gte, isFalse, isTrue, not } from './rule-helpers.ts';
import type { EligibilityRule, Severity } from './types.ts';

const addiction = isTrue('indication.addiction');
const screenPositive = any(gte('substance.auditTotal', 20), gte('substance.dast10Total', 6));
const SCREEN_SOURCE =
  'AUDIT 20–40 "possible dependence" zone; DAST-10 6–8 substantial, 9–10 severe (REFERENCE.md §1); severity ' +
  'follows the active-SUD rule (REFERENCE.md §2)';
const UNVERIFIED_SEVERITY = 'severity is a Plasticity default, UNVERIFIED';

const rule = (
  id: string,
  severity: Severity,
  description: string,
  condition: EligibilityRule['condition'],
  source: string,
  appliesTo?: EligibilityRule['appliesTo'],
  version = 1,
): EligibilityRule => ({
  id,
  version,
  description,
  severity,
  condition,
  source,
  ...(appliesTo ? { appliesTo } : {}),
});

export function reviewRules(): EligibilityRule[] {
  return [
    // Substance use: relative, or caution when addiction is what is being treated.
    rule(
      'active_substance_use_disorder',
      'relative',
      'Active substance use disorder',
      all(isTrue('substance.activeSud'), not(addiction)),
      SOURCES.practiceContraindications,
    ),
    rule(
      'active_substance_use_disorder_addiction_indication',
      'caution',
      'Active substance use disorder (addiction is the indication)',
      all(isTrue('substance.activeSud'), addiction),
      SOURCES.practiceContraindications,
    ),
    rule(
      'substance_screen_positive',
      'relative',
      'AUDIT ≥ 20 or DAST-10 ≥ 6 (possible dependence)',
      all(screenPositive, not(addiction)),
      SCREEN_SOURCE,
    ),
    rule(
      'substance_screen_positive_addiction_indication',
      'caution',
      'AUDIT ≥ 20 or DAST-10 ≥ 6 (addiction is the indication)',
      all(screenPositive, addiction),
      SCREEN_SOURCE,
    ),
    rule(
      'ketamine_nonmedical_use',
      'relative',
      'History of non-medical ketamine use (misuse risk)',
      isTrue('ketamine.nonMedicalUse'),
      `SPRAVATO US label boxed warning on abuse and misuse (not in REFERENCE.md, UNVERIFIED); ${SOURCES.apaConsensus}`,
    ),

    // Psychiatric history.
    rule(
      'psychosis_history',
      'relative',
      'History of psychosis (not currently active)',
      all(isTrue('psych.psychosisHistory'), not(isTrue('psych.activePsychosis'))),
      `${SOURCES.apaConsensus}; ${UNVERIFIED_SEVERITY}`,
    ),
    rule(
      'bipolar_disorder',
      'caution',
      'Bipolar disorder (monitor for mood switching)',
      all(isTrue('psych.bipolarDisorder'), not(isTrue('psych.activeMania'))),
      `${SOURCES.apaConsensus}; ${UNVERIFIED_SEVERITY}`,
    ),
    rule(
      'suicide_attempt_past_3_months',
      'relative',
      'Suicide attempt in the past 3 months: safety review',
      isTrue('psych.suicideAttemptPast3Months'),
      `C-SSRS screener triage: behaviour within 3 months is high risk (REFERENCE.md §1); ${UNVERIFIED_SEVERITY}`,
    ),
    rule(
      'suicide_attempt_history',
      'caution',
      'Lifetime suicide attempt: safety plan',
      gte('psych.suicideAttemptsLifetime', 1),
      `C-SSRS screener triage: lifetime behaviour is moderate risk (REFERENCE.md §1); ${UNVERIFIED_SEVERITY}`,
    ),

    // Cardiovascular and other medical.
    rule(
      'cardiovascular_disease',
      'relative',
      'Cardiovascular disease: the prescriber decides whether a rise in blood pressure would be a serious ' +
        'hazard (if so, ketamine is contraindicated)',
      all(isTrue('medical.cardiovascularDisease'), not(isTrue('medical.cardiovascularDisease.unstable'))),
      `${SOURCES.ketalarBp}; ${SOURCES.spravatoBp}`,
      undefined,
      2,
    ),
    rule(
      'controlled_hypertension',
      'caution',
      'Controlled hypertension: monitor BP',
      all(isTrue('medical.hypertension'), isTrue('medical.hypertension.controlled')),
      `${SOURCES.practiceContraindications}; ${SOURCES.predoseHold}`,
    ),
    rule(
      'esketamine_baseline_bp_above_140_90',
      'caution',
      'Baseline BP above 140/90: prescriber weighs the transient BP rise against benefit',
      any(gt('vitals.baselineSbp', 140), gt('vitals.baselineDbp', 90)),
      SOURCES.spravatoBp,
      { drugs: ['esketamine'] },
    ),

    rule(
      'interstitial_cystitis',
      'caution',
      'Interstitial cystitis or urinary symptoms (ketamine uropathy risk)',
      isTrue('medical.interstitialCystitis'),
      `Ketamine-associated cystitis; not in REFERENCE.md, UNVERIFIED`,
    ),
    rule(
      'liver_disease',
      'caution',
      'Liver disease (hepatic metabolism; may need longer monitoring)',
      isTrue('medical.liverDisease'),
      `${SOURCES.spravatoHepatic}; for racemic ketamine a Plasticity caution, UNVERIFIED`,
    ),
    rule(
      'esketamine_severe_hepatic_impairment',
      'relative',
      'Severe hepatic impairment (Child-Pugh C): esketamine not recommended (label)',
      isTrue('medical.hepaticImpairment.severe'),
      SOURCES.spravatoHepatic,
      { drugs: ['esketamine'] },
    ),
    rule(
      'esketamine_moderate_hepatic_impairment',
      'caution',
      'Moderate hepatic impairment (Child-Pugh B): monitor for adverse reactions for longer than 2 hours',
      isTrue('medical.hepaticImpairment.moderate'),
      SOURCES.spravatoHepatic,
      { drugs: ['esketamine'] },
    ),
    rule(
      'seizure_disorder',
      'caution',
      'Seizure disorder',
      isTrue('medical.seizureDisorder'),
      `${SOURCES.apaConsensus} (medical review); ${UNVERIFIED_SEVERITY}`,
    ),

    // Protocol fit and logistics.
    rule(
      'esketamine_age_65_or_over',
      'caution',
      'Age 65 or over: consider the EU-label 28 mg start (clinic option)',
      gte('ageYears', 65),
      SOURCES.spravatoOlder,
      { drugs: ['esketamine'] },
    ),
    rule(
      'no_escort',
      'relative',
      'No escort available for discharge',
      isFalse('logistics.escortAvailable'),
      `${SOURCES.discharge}; SPRAVATO US label: no driving until the next day`,
    ),
  ];
}
