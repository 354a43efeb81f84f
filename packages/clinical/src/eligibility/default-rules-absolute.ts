/**
 * Default absolute contraindications (eligible: 'no'), each citing its source.
 *
 * Sources: contraindications used in practice — uncontrolled hypertension, unstable cardiovascular disease,
 * untreated hyperthyroidism, active psychosis or mania, pregnancy or breastfeeding, age < 18, prior ketamine
 * hypersensitivity (resetketamine.com; betterucare.com clinical-safety list;
 * docs/clinical-sources.md#contraindications); pre-dose BP hold 160/100
 * (docs/clinical-sources.md#pre-dose-vitals); SPRAVATO US label contraindications (aneurysmal vascular
 * disease, arteriovenous malformation, history of intracerebral haemorrhage, hypersensitivity); Ketalar US
 * label section 4 (contraindicated where a significant elevation of blood pressure would constitute a serious
 * hazard: absolute for racemic ketamine where that hazard is given by the condition itself — uncontrolled
 * hypertension, unstable cardiovascular disease, aneurysm, arteriovenous malformation, intracerebral
 * haemorrhage; stable disease is a prescriber's judgement, see `default-rules-review.ts`).
 */
import { SOURCES } from '../protocols/sources.ts';
import { all, any, gte, isFalse, isTrue, lt, not } from './rule-helpers.ts';
import type { EligibilityRule } from './types.ts';

const PRACTICE: string = SOURCES.practiceContraindications;
const SPRAVATO_CI: string = SOURCES.spravatoContraindications;
const KETALAR_BP: string = SOURCES.ketalarBp;

export function absoluteRules(): EligibilityRule[] {
  return [
    {
      id: 'active_psychosis_or_mania',
      version: 1,
      description: 'Active psychosis or mania',
      severity: 'absolute',
      condition: any(isTrue('psych.activePsychosis'), isTrue('psych.activeMania')),
      source: PRACTICE,
    },
    {
      id: 'uncontrolled_hypertension',
      version: 2,
      description: 'Hypertension not documented as controlled',
      severity: 'absolute',
      condition: all(isTrue('medical.hypertension'), not(isTrue('medical.hypertension.controlled'))),
      source: `${PRACTICE}; ${KETALAR_BP}`,
    },
    {
      id: 'baseline_bp_at_or_above_160_100',
      version: 1,
      description: 'Measured baseline BP at or above 160/100 (treated as uncontrolled hypertension)',
      severity: 'absolute',
      condition: any(gte('vitals.baselineSbp', 160), gte('vitals.baselineDbp', 100)),
      source: `${PRACTICE}; threshold: ${SOURCES.predoseHold}`,
    },
    {
      id: 'unstable_cardiovascular_disease',
      version: 2,
      description: 'Unstable cardiovascular disease',
      severity: 'absolute',
      condition: all(
        isTrue('medical.cardiovascularDisease'),
        isTrue('medical.cardiovascularDisease.unstable'),
      ),
      source: `${PRACTICE}; ${KETALAR_BP}`,
    },
    {
      id: 'ketamine_bp_rise_hazard',
      version: 2,
      description:
        'Aneurysm, arteriovenous malformation or intracerebral haemorrhage history: a rise in blood pressure ' +
        'would be a serious hazard (Ketalar label contraindication)',
      severity: 'absolute',
      appliesTo: { drugs: ['ketamine'] },
      condition: any(
        isTrue('medical.aneurysmalVascularDisease'),
        isTrue('medical.arteriovenousMalformation'),
        isTrue('medical.intracerebralHaemorrhageHistory'),
      ),
      source: KETALAR_BP,
    },
    {
      id: 'untreated_hyperthyroidism',
      version: 1,
      description: 'Hyperthyroidism not documented as treated',
      severity: 'absolute',
      condition: all(isTrue('medical.hyperthyroidism'), not(isFalse('medical.hyperthyroidism.untreated'))),
      source: PRACTICE,
    },
    {
      id: 'pregnancy',
      version: 1,
      description: 'Pregnancy',
      severity: 'absolute',
      condition: isTrue('medical.pregnant'),
      source: PRACTICE,
    },
    {
      id: 'breastfeeding',
      version: 1,
      description: 'Breastfeeding',
      severity: 'absolute',
      condition: isTrue('medical.breastfeeding'),
      source: PRACTICE,
    },
    {
      id: 'age_under_18',
      version: 1,
      description: 'Age under 18',
      severity: 'absolute',
      condition: lt('ageYears', 18),
      source: `${PRACTICE}; ${SOURCES.adultsOnly}`,
    },
    {
      id: 'ketamine_hypersensitivity',
      version: 1,
      description: 'Prior hypersensitivity to ketamine or esketamine',
      severity: 'absolute',
      condition: any(isTrue('ketamine.hypersensitivity'), isTrue('allergy.ketamine')),
      source: `${PRACTICE}; ${SPRAVATO_CI}`,
    },
    {
      id: 'esketamine_aneurysmal_vascular_disease',
      version: 1,
      description:
        'Aneurysmal vascular disease (including thoracic and abdominal aorta, intracranial and peripheral)',
      severity: 'absolute',
      appliesTo: { drugs: ['esketamine'] },
      condition: isTrue('medical.aneurysmalVascularDisease'),
      source: SPRAVATO_CI,
    },
    {
      id: 'esketamine_arteriovenous_malformation',
      version: 1,
      description: 'Arteriovenous malformation',
      severity: 'absolute',
      appliesTo: { drugs: ['esketamine'] },
      condition: isTrue('medical.arteriovenousMalformation'),
      source: SPRAVATO_CI,
    },
    {
      id: 'esketamine_intracerebral_haemorrhage',
      version: 1,
      description: 'History of intracerebral hemorrhage',
      severity: 'absolute',
      appliesTo: { drugs: ['esketamine'] },
      condition: isTrue('medical.intracerebralHaemorrhageHistory'),
      source: SPRAVATO_CI,
    },
  ];
}
