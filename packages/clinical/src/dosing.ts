/**
 * `@plasticity/clinical/dosing`: pure dose calculation (dose, volume, IV rate, esketamine devices) with hard
 * stops. Sources: see `dosing/calculate.ts` and `dosing/weight.ts`.
 */
export { calculateDose } from './dosing/calculate.ts';
export {
  checkGivenDose,
  type GivenDose,
  type GivenDoseCheck,
  reasonInWords,
} from './dosing/check-given.ts';
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
  checkInfusionEvent,
  type InfusionEvent,
  type InfusionProgress,
  type InfusionRecord,
  infusionProgress,
} from './dosing/infusion.ts';
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
