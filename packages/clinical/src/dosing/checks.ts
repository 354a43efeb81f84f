/**
 * Input checks for `calculateDose`: numeric fields, dates, age and weight (plausibility and recency).
 *
 * Sources: age < 18 contraindicated in practice and SPRAVATO labelled for adults
 * (docs/clinical-sources.md#contraindications); plausible weight 30–300 kg and weight recency 30 days are
 * UNVERIFIED Plasticity defaults, carried in data.
 *
 * Boundary semantics: every limit is inclusive on the allowed side — age exactly at the minimum, weight
 * exactly 30 or 300 kg, weight measured exactly `maxWeightAgeDays` ago are all allowed.
 */
import { roundToIncrement, toRational } from './decimal.ts';

const MS_PER_DAY = 86_400_000;

/** Whether a value is a finite number greater than zero. */
export function isPositive(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0;
}

/** A finite number, or null for anything else (so results never carry NaN or Infinity). */
export function echo(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Append a reason for each provided field that is not a finite number > 0. */
export function checkNumericFields(
  input: Record<string, unknown>,
  fields: readonly string[],
  reasons: string[],
): void {
  for (const f of fields) {
    const v = input[f];
    if (v === undefined) continue;
    if (!isPositive(v)) reasons.push(`${f} must be a finite number greater than 0 (got ${describe(v)})`);
  }
}

export function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return typeof v;
}

/** Milliseconds since epoch, or null when missing/invalid. */
export function parseTime(v: unknown): number | null {
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.getTime() : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}

/** Age rule: below `minAgeYears` blocks; missing age is a warning (eligibility screens age separately). */
export function checkAge(
  ageYears: unknown,
  minAgeYears: number,
  reasons: string[],
  warnings: string[],
): void {
  if (ageYears === undefined) {
    warnings.push(`ageYears not provided: confirm the patient is at least ${minAgeYears}`);
    return;
  }
  if (!isPositive(ageYears)) return; // reported by checkNumericFields
  if (ageYears < minAgeYears) {
    reasons.push(`ageYears ${ageYears} is below the minimum age of ${minAgeYears} years`);
  }
}

export interface WeightCheck {
  /** The weight, when present, valid and plausible. */
  weightKg?: number;
  weightMeasuredAt?: string | null;
  weightAgeDays?: number;
}

/**
 * Weight rules for weight-based dosing: required, within the plausible range (inclusive) and measured no more
 * than `maxWeightAgeDays` before `now` (inclusive).
 */
export function checkWeight(
  args: {
    weightKg: unknown;
    plausible: { min: number; max: number };
    measuredAt: unknown;
    now: number | null;
    maxWeightAgeDays: number | null;
  },
  reasons: string[],
  warnings: string[],
): WeightCheck {
  const out: WeightCheck = {};
  const { weightKg, plausible } = args;
  if (weightKg === undefined) {
    reasons.push('weightKg is required for weight-based dosing');
  } else if (isPositive(weightKg)) {
    if (weightKg < plausible.min || weightKg > plausible.max) {
      reasons.push(
        `weightKg ${weightKg} is outside the plausible range ${plausible.min}–${plausible.max} kg`,
      );
    } else {
      out.weightKg = weightKg;
    }
  }

  if (args.measuredAt === undefined) {
    warnings.push('weightMeasuredAt not provided: confirm the weight is current');
    return out;
  }
  const measured = parseTime(args.measuredAt);
  if (measured === null) {
    reasons.push(`weightMeasuredAt is not a valid date (got ${describe(args.measuredAt)})`);
    out.weightMeasuredAt = null;
    return out;
  }
  out.weightMeasuredAt = new Date(measured).toISOString();
  if (args.now === null || args.maxWeightAgeDays === null) return out;
  const elapsedMs = args.now - measured;
  if (elapsedMs < 0) {
    warnings.push('weightMeasuredAt is after now: check the clock or the date entered');
    out.weightAgeDays = 0;
    return out;
  }
  out.weightAgeDays = roundToIncrement({ num: BigInt(elapsedMs), den: BigInt(MS_PER_DAY) }, 0.01);
  // Exact comparison: elapsedMs > maxDays × ms/day, done on rationals to avoid float error.
  const limit = toRational(args.maxWeightAgeDays);
  if (BigInt(elapsedMs) * limit.den > limit.num * BigInt(MS_PER_DAY)) {
    reasons.push(
      `weight measured ${out.weightAgeDays} days ago is older than maxWeightAgeDays (${args.maxWeightAgeDays}): ` +
        're-weigh the patient',
    );
  }
  return out;
}
