/**
 * `@plasticity/clinical/monitoring`: in-chair threshold crossings, pre-dose vitals check, vitals cadence,
 * MOAA/S and CADSS-6 schedule, and discharge readiness. Sources: docs/clinical-sources.md#in-chair-monitoring
 * and docs/clinical-sources.md#discharge; SPRAVATO US label and REMS.
 */

export { evaluateDischarge } from './monitoring/discharge.ts';
export type {
  ObservationDueState,
  ObservationsDue,
  RecordedObservation,
  ScheduledKind,
  ScheduledObservation,
} from './monitoring/observations.ts';
export { observationScheduleOf, observationsDue } from './monitoring/observations.ts';
export { nextVitalsDueAt, vitalsOverdue } from './monitoring/overdue.ts';
export { predoseVitalsCheck } from './monitoring/predose.ts';
export { evaluateReading, invalidReadingFields, READING_RANGES } from './monitoring/reading.ts';
export {
  REMS_BP_40,
  type RemsBp40,
  remsBpAbout40Min,
} from './monitoring/rems.ts';
export type {
  Crossing,
  CrossingSeverity,
  DischargeFailure,
  DischargeResult,
  DischargeState,
  PredoseFinding,
  PredoseResult,
  VitalParameter,
  VitalsReading,
} from './monitoring/types.ts';
