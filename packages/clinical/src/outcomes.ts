/**
 * Outcomes dashboard rules (`@plasticity/clinical/outcomes`): each patient's outcome and time points from
 * raw scores, each indication's primary scale, age bands, and small-cell suppression of the cohort's figures.
 * Sources: docs/clinical-sources.md#outcomes-time-points and #outcomes-small-cell-suppression.
 */
export type { CohortFacts, CohortReport, ShownShare } from './outcomes/cohort-report.ts';
export { cohortReport } from './outcomes/cohort-report.ts';
export type { OutcomeTotals, YesOf } from './outcomes/outcome-totals.ts';
export { TIME_POINT_KEYS, TRAJECTORY_WEEKS, totalsOf } from './outcomes/outcome-totals.ts';
export type { PatientOutcome, ResponseCategory, TimePointKey } from './outcomes/patient-outcome.ts';
export { patientOutcome } from './outcomes/patient-outcome.ts';
export type { AgeBand } from './outcomes/primary-scale.ts';
export {
  AGE_BANDS,
  ageBand,
  indicationsMatching,
  outcomeInstrumentFor,
  PRIMARY_SCALE,
} from './outcomes/primary-scale.ts';
export type { ShownCount } from './outcomes/suppression.ts';
export { SUPPRESSED } from './outcomes/suppression.ts';
