/**
 * Instrument library and scoring (`@plasticity/clinical/instruments`): definitions as data, a runtime
 * validator for clinic-defined instruments, the scoring engine, outcomes and a patient-facing summary.
 * Pure code, no I/O, no dependencies. Sources: docs/clinical-sources.md#instruments-scoring-and-codes and
 * each file under `instruments/definitions/`.
 */

export type { InstrumentSettings } from './instruments/configure.ts';
export { configureDefinition } from './instruments/configure.ts';
export { answersWithNotAsked, isAsked } from './instruments/gates.ts';
export { isValidLoincCode, scoreRange } from './instruments/helpers.ts';
export type { OutcomeSummary, ScorePoint } from './instruments/outcomes.ts';
export {
  computeOutcome,
  describeProgressForPatient,
  progressHeadlineForPatient,
} from './instruments/outcomes.ts';
export type { BuiltInInstrumentId } from './instruments/registry.ts';
export {
  audit,
  auditc,
  cadss6,
  cssrsScreen,
  cssrsScreenV1,
  dast10,
  gad7,
  getInstrument,
  getInstrumentVersion,
  INSTRUMENT_IDS,
  INSTRUMENTS,
  madrs,
  moaas,
  pcl5,
  phq9,
  qidsSr16,
  SUPERSEDED_INSTRUMENTS,
} from './instruments/registry.ts';
export type { EffectiveBands } from './instruments/rules.ts';
export { effectiveBands } from './instruments/rules.ts';
export { scoreAssessment } from './instruments/score.ts';
export type * from './instruments/types.ts';
export { SAFETY_ITEM_SKIPPED } from './instruments/types.ts';
export {
  assertValidDefinition,
  InvalidDefinitionError,
  isInstrumentDefinition,
  validateDefinition,
} from './instruments/validate.ts';
