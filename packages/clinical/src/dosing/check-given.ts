/**
 * `checkGivenDose`: the calculator's rules applied to a dose actually given (the administration record), so
 * ordering and giving obey one rule set. Pure; it adds no limit of its own — it asks `calculateDose` to check
 * the dose in mg (`doseMg`: mg ÷ the protocol's dosing weight against the maximum and ceiling, the mg
 * against the cap; fixed and flat-range doses as `fixedMg`) and reports whether a verified override would
 * allow a dose that is blocked now.
 *
 * Sources: the limits are the protocol's (see `calculate.ts` and `limits.ts`).
 */
import type { Protocol } from '../protocols/types.ts';
import { calculateDose } from './calculate.ts';
import type { DoseContext, DoseInput, DoseOverride, DoseResult } from './types.ts';

export interface GivenDose {
  /** The dose given, in mg. */
  doseMg: number;
  weightKg?: number;
  /** For the protocol's dosing-weight rule (ideal or adjusted body weight), as the calculator takes them. */
  heightCm?: number;
  sex?: DoseInput['sex'];
  ageYears?: number;
  concentrationMgPerMl?: number;
  durationMin?: number;
  bagVolumeMl?: number;
  override?: DoseOverride;
}

export interface GivenDoseCheck {
  /** The calculator's verdict on the dose given: `blocked` with its reasons, warnings, volume, rate. */
  result: DoseResult;
  /** Weight-based protocols: the dose given per kg of dosing weight (null without a weight). */
  mgPerKg: number | null;
  /** Blocked now, but a valid second-clinician override would allow it (a protocol maximum, not a ceiling). */
  overrideWouldAllow: boolean;
}

/**
 * Check a dose given (mg) against a protocol with the calculator's rules: within the protocol → not blocked;
 * above a protocol maximum → blocked unless `override` is valid and verified; above a ceiling → blocked.
 *
 * @example
 * checkGivenDose({ doseMg: 200, weightKg: 72, ageYears: 40 }, defaultIvKetamineProtocol(), ctx).result.blocked;
 * // true (2.78 mg/kg is above the absolute ceiling)
 */
export function checkGivenDose(given: GivenDose, protocol: Protocol, ctx: DoseContext): GivenDoseCheck {
  const input: DoseInput = {};
  for (const k of [
    'weightKg',
    'heightCm',
    'ageYears',
    'concentrationMgPerMl',
    'durationMin',
    'bagVolumeMl',
  ] as const)
    if (given[k] !== undefined) input[k] = given[k];
  if (given.sex !== undefined) input.sex = given.sex;
  const weightBased = protocol?.dose?.kind === 'weight_based';
  if (weightBased) input.doseMg = given.doseMg;
  else input.fixedMg = given.doseMg;
  const run = (override: DoseOverride | undefined): DoseResult =>
    calculateDose({ ...input, ...(override ? { override } : {}) }, protocol, ctx);
  const result = run(given.override);
  let overrideWouldAllow = false;
  if (result.blocked && !result.overridden)
    overrideWouldAllow = !run({ reason: 'second-clinician override', verified: true }).blocked;
  return { result, mgPerKg: weightBased ? (result.inputs.mgPerKg ?? null) : null, overrideWouldAllow };
}

/** The calculator's reasons for people (field names become words): "mgPerKg 2.778 exceeds …" → "2.778 mg/kg is above …". */
export function reasonInWords(reason: string): string {
  return reason
    .replace(/\bexceeds\b/g, 'is above')
    .replace(/\bmgPerKg (\S+?)(?: mg\/kg)?(?=[ :,;)]|$)/g, '$1 mg/kg')
    .replace(/\bfixedMg (\S+?)(?: mg)?(?=[ :,;)]|$)/g, '$1 mg')
    .replace(/\bdose (\S+) mg is above/g, '$1 mg is above')
    .replace(/\bweightKg\b/g, 'the weight')
    .replace(/\bageYears\b/g, 'the age')
    .replace(/\bmaxWeightAgeDays\b/g, 'the clinic’s weight-recency limit')
    .replace(/\bconcentrationMgPerMl\b/g, 'the concentration')
    .replace(/\bbagVolumeMl\b/g, 'the bag volume')
    .replace(/\bdurationMin\b/g, 'the duration');
}
