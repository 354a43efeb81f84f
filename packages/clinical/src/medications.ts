/**
 * `@plasticity/clinical/medications`: the curated drug table (RxNorm ingredient codes and the classes the
 * rules read), recognising a listed medicine, merging the chart's lists into an intake, the REMS form's
 * concomitant answers, and prior antidepressant trials for the TRD count. Sources: see each file.
 */
export {
  applyMedicationList,
  type ChartLists,
  type RemsConcomitant,
  remsConcomitant,
} from './medications/apply-list.ts';
export {
  classesOf,
  drugOf,
  type ListedDrug,
  lookupDrug,
  medicationClasses,
  suggestDrugs,
} from './medications/classify.ts';
export {
  DRUG_CLASS_LABELS,
  DRUG_CLASSES,
  DRUG_TABLE,
  type DrugClass,
  type DrugEntry,
} from './medications/drug-table.ts';
export {
  adequateFailedTrials,
  type PriorTrial,
  TRD_DEFAULTS,
  TRIAL_OUTCOME_LABELS,
  TRIAL_OUTCOMES,
  type TrialCriteria,
  type TrialOutcome,
} from './medications/trials.ts';
