/**
 * `@plasticity/clinical/dosing`: pure dose calculation (dose, volume, IV rate, esketamine devices) with hard
 * stops. Sources: see `dosing/calculate.ts` and `dosing/weight.ts`.
 */
export { calculateDose } from './dosing/calculate.ts';
export {
  cmp,
  div,
  isMultipleOf,
  mul,
  mulRound,
  type Rational,
  roundToIncrement,
  toRational,
} from './dosing/decimal.ts';
export {
  DOSING_DEFAULTS,
  type DoseContext,
  type DoseInput,
  type DoseInputsUsed,
  type DoseOverride,
  type DoseResult,
} from './dosing/types.ts';
export {
  adjustedBodyWeightKg,
  bodyMassIndex,
  chooseDosingWeight,
  type DosingWeight,
  idealBodyWeightKg,
  type Sex,
} from './dosing/weight.ts';
