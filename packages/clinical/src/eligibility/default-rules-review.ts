/**
 * Default relative contraindications (eligible: 'review') and cautions (eligible: 'yes', listed), each citing
 * its source.
 *
 * Sources: active substance use disorder, relative where addiction is the indication (REFERENCE.md §2,
 * resetketamine.com, betterucare.com); AUDIT 20–40 possible dependence and DAST-10 6–10 substantial/severe
 * (REFERENCE.md §1); Sanacora et al., APA consensus (JAMA Psychiatry 2017: psychosis and substance history);
 * SPRAVATO US label (> 140/> 90 prescriber decision; CNS depressants, psychostimulants, MAOIs) and REMS form
 * (benzodiazepines, psychostimulants, MAOIs, opioids); C-SSRS triage (REFERENCE.md §1). Severities not stated
 * by a source are marked UNVERIFIED in `source`.
 */
import { SOURCES } from '../protocols/sources.ts';
import { all, any, gt, gte, isFalse, isTrue, lt, not } from './rule-helpers.ts';
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
): EligibilityRule => ({
  id,
  version: 1,
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
      'Cardiovascular disease: review stability and BP risk',
      all(isTrue('medical.cardiovascularDisease'), not(isTrue('medical.cardiovascularDisease.unstable'))),
      `${SOURCES.practiceContraindications}; ${UNVERIFIED_SEVERITY}`,
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
      'ketamine_bp_rise_hazard',
      'relative',
      'Aneurysm, arteriovenous malformation or intracerebral hemorrhage history: a BP rise may be hazardous',
      any(
        isTrue('medical.aneurysmalVascularDisease'),
        isTrue('medical.arteriovenousMalformation'),
        isTrue('medical.intracerebralHaemorrhageHistory'),
      ),
      `By analogy with ${SOURCES.spravatoContraindications}; Ketalar label (BP elevation a serious hazard) ` +
        'not in REFERENCE.md, UNVERIFIED',
      { drugs: ['ketamine'] },
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
      'SPRAVATO US label hepatic impairment section; not in REFERENCE.md, UNVERIFIED',
    ),
    rule(
      'seizure_disorder',
      'caution',
      'Seizure disorder',
      isTrue('medical.seizureDisorder'),
      `${SOURCES.apaConsensus} (medical review); ${UNVERIFIED_SEVERITY}`,
    ),

    // Medications (SPRAVATO REMS form tracks these; label warns on CNS depressants, stimulants, MAOIs).
    rule(
      'maoi',
      'caution',
      'MAOI: monitor blood pressure closely',
      isTrue('med.maoi'),
      SOURCES.spravatoRemsForm,
    ),
    rule(
      'benzodiazepine',
      'caution',
      'Benzodiazepine: added sedation; may blunt response (consider timing)',
      isTrue('med.benzodiazepine'),
      `${SOURCES.spravatoRemsForm}; blunted response UNVERIFIED`,
    ),
    rule(
      'lamotrigine',
      'caution',
      'Lamotrigine: may attenuate ketamine effects',
      isTrue('med.lamotrigine'),
      'Clinical literature, not in REFERENCE.md, UNVERIFIED',
    ),
    rule(
      'psychostimulant',
      'caution',
      'Psychostimulant: monitor blood pressure closely',
      isTrue('med.psychostimulant'),
      SOURCES.spravatoRemsForm,
    ),
    rule(
      'opioid',
      'caution',
      'Opioid: added sedation and respiratory depression risk',
      isTrue('med.opioid'),
      `${SOURCES.spravatoRemsForm}; ${SOURCES.spravatoMonitoring}`,
    ),

    // Protocol fit and logistics.
    rule(
      'trd_fewer_than_2_failed_trials',
      'relative',
      'Treatment-resistant depression protocol but fewer than 2 failed antidepressant trials',
      all(isTrue('indication.depression'), lt('indication.depression.failedTrials', 2)),
      'SPRAVATO US label TRD population (inadequate response to ≥ 2 antidepressants); definition UNVERIFIED here',
      { indications: ['trd'] },
    ),
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
