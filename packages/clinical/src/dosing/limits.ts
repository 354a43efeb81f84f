/**
 * Dose by protocol kind, with hard stops: weight-based (mg/kg × kg), fixed esketamine devices, flat mg range.
 *
 * Sources: REFERENCE.md §2 — IV 0.5 mg/kg (Psychiatric Times), max 1.0 mg/kg (ASKP3); IM max 60 mg
 * (NCT05468047); KAP sublingual 100–400 mg, oral 25–300 mg; SPRAVATO 28/56/84 mg, 28 mg per device.
 *
 * Boundary semantics (all limits inclusive on the allowed side):
 * - mg/kg exactly at the protocol max is allowed; above it is blocked unless a verified override is given.
 * - mg/kg exactly at the absolute ceiling is allowed (with a verified override when the ceiling is above the
 *   max); above the ceiling is always blocked.
 * - The rounded dose exactly at `absoluteMaxMg` (IM 60 mg) is allowed; above is always blocked.
 * - Flat range: exactly `maxMg` allowed, above needs an override, above `absoluteMaxMg` always blocked;
 *   below `minMg` (or `minMgPerKg`) is a warning only.
 * - Limits are compared on the values as entered (mg/kg, mg), not on rounded products.
 */
import type { FixedDose, FlatRangeDose, Rounding, WeightBasedDose } from '../protocols/types.ts';
import { isPositive } from './checks.ts';
import { div, isInteger, mulRound, roundToIncrement, toRational } from './decimal.ts';

export interface OverrideState {
  present: boolean;
  valid: boolean;
  /** Why an override given is not acceptable. */
  problem?: string;
  echo?: { reason: string; verified: boolean } | null;
}

/** An override is valid only with a non-empty reason AND `verified === true` (second clinician). */
export function readOverride(o: unknown): OverrideState {
  if (o === undefined) return { present: false, valid: false };
  if (typeof o !== 'object' || o === null) {
    return {
      present: true,
      valid: false,
      problem: 'override must be an object {reason, verified}',
      echo: null,
    };
  }
  const { reason, verified } = o as { reason?: unknown; verified?: unknown };
  const okReason = typeof reason === 'string' && reason.trim() !== '';
  const echo = { reason: typeof reason === 'string' ? reason : '', verified: verified === true };
  if (!okReason) return { present: true, valid: false, problem: 'override reason is empty', echo };
  if (verified !== true) {
    return { present: true, valid: false, problem: 'override is not verified by a second clinician', echo };
  }
  return { present: true, valid: true, echo };
}

export interface KindResult {
  doseMg: number;
  overridden: boolean;
  /** Whether a protocol maximum (or absolute ceiling) was exceeded, overridden or not. */
  exceededMax?: boolean;
  devices?: number;
}

/** Apply "above max needs a valid override" to a value; returns whether the override was used. */
function applyMax(
  what: string,
  value: number,
  max: number,
  unit: string,
  override: OverrideState,
  reasons: string[],
  warnings: string[],
): boolean {
  if (value <= max) return false;
  if (override.valid) {
    warnings.push(
      `${what} ${value} ${unit} exceeds the protocol maximum of ${max} ${unit}: overridden ` +
        `(reason: ${override.echo?.reason.trim()}; verified by a second clinician)`,
    );
    return true;
  }
  const why = override.present ? ` (${override.problem})` : '';
  reasons.push(
    `${what} ${value} ${unit} exceeds the protocol maximum of ${max} ${unit}: needs an override with a reason ` +
      `and second-clinician verification${why}`,
  );
  return false;
}

/** mg/kg × kg, rounded per protocol, with the max/ceiling/absolute-mg stops. */
export function weightBased(
  rule: WeightBasedDose,
  mgPerKg: unknown,
  weightKg: number | undefined,
  rounding: Rounding,
  override: OverrideState,
  reasons: string[],
  warnings: string[],
): KindResult {
  if (!isPositive(mgPerKg)) return { doseMg: 0, overridden: false };
  let overridden = false;
  if (mgPerKg > rule.absoluteCeilingMgPerKg) {
    reasons.push(
      `mgPerKg ${mgPerKg} exceeds the absolute ceiling of ${rule.absoluteCeilingMgPerKg} mg/kg: ` +
        'cannot be overridden',
    );
  } else {
    overridden = applyMax('mgPerKg', mgPerKg, rule.protocolMaxMgPerKg, 'mg/kg', override, reasons, warnings);
  }
  if (rule.minMgPerKg !== undefined && mgPerKg < rule.minMgPerKg) {
    warnings.push(`mgPerKg ${mgPerKg} is below the protocol minimum of ${rule.minMgPerKg} mg/kg`);
  }
  const exceededMax = mgPerKg > rule.protocolMaxMgPerKg;
  if (weightKg === undefined) return { doseMg: 0, overridden, exceededMax };
  const doseMg = mulRound(mgPerKg, weightKg, rounding.doseMg);
  if (rule.absoluteMaxMg !== undefined && doseMg > rule.absoluteMaxMg) {
    reasons.push(
      `dose ${doseMg} mg exceeds the absolute maximum of ${rule.absoluteMaxMg} mg: cannot be overridden`,
    );
  }
  return { doseMg, overridden, exceededMax };
}

/** Fixed device doses: the dose must be one of `allowedMg`; devices = dose ÷ mgPerDevice. */
export function fixed(rule: FixedDose, fixedMg: unknown, reasons: string[]): KindResult {
  if (!isPositive(fixedMg)) return { doseMg: 0, overridden: false };
  if (!rule.allowedMg.includes(fixedMg)) {
    reasons.push(`fixedMg ${fixedMg} is not an allowed dose (${rule.allowedMg.join(', ')} mg only)`);
    return { doseMg: fixedMg, overridden: false };
  }
  const devices = div(toRational(fixedMg), toRational(rule.mgPerDevice));
  if (!isInteger(devices)) {
    reasons.push(`fixedMg ${fixedMg} is not a whole number of ${rule.mgPerDevice} mg devices`);
    return { doseMg: fixedMg, overridden: false };
  }
  return { doseMg: fixedMg, overridden: false, devices: Number(devices.num / devices.den) };
}

/** Flat mg range: above max needs an override, above the absolute max is always blocked. */
export function flatRange(
  rule: FlatRangeDose,
  fixedMg: unknown,
  rounding: Rounding,
  override: OverrideState,
  reasons: string[],
  warnings: string[],
): KindResult {
  if (!isPositive(fixedMg)) return { doseMg: 0, overridden: false };
  let overridden = false;
  if (fixedMg > rule.absoluteMaxMg) {
    reasons.push(
      `fixedMg ${fixedMg} mg exceeds the absolute maximum of ${rule.absoluteMaxMg} mg: cannot be overridden`,
    );
  } else {
    overridden = applyMax('fixedMg', fixedMg, rule.maxMg, 'mg', override, reasons, warnings);
  }
  if (fixedMg < rule.minMg)
    warnings.push(`fixedMg ${fixedMg} mg is below the protocol minimum of ${rule.minMg} mg`);
  const exceededMax = fixedMg > rule.maxMg;
  return { doseMg: roundToIncrement(toRational(fixedMg), rounding.doseMg), overridden, exceededMax };
}
