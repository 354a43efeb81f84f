/**
 * Dose by protocol kind, with hard stops: weight-based (mg/kg × kg), fixed esketamine devices, flat mg range.
 *
 * Sources: the limits are protocol data (IV 0.5 mg/kg, Psychiatric Times; max 0.75 mg/kg, Andrade 2017;
 * ceiling 1.0 mg/kg, Fava et al. 2020; IV cap 100 mg, product default; IM max 60 mg, NCT05468047; KAP
 * sublingual 100–400 mg, oral 25–300 mg). The esketamine label rule is enforced here whatever the protocol
 * lists: US label doses 56 and 84 mg, 28 mg only with the non-US label option (SPRAVATO US prescribing
 * information; EU SmPC), 28 mg per device.
 *
 * Boundary semantics (all limits inclusive on the allowed side):
 * - mg/kg exactly at the protocol max is allowed; above it is blocked unless a verified override is given.
 * - mg/kg exactly at the absolute ceiling is allowed (with a verified override when the ceiling is above the
 *   max); above the ceiling is always blocked.
 * - The rounded dose exactly at `absoluteMaxMg` (IV 100 mg, IM 60 mg, esketamine 84 mg) is allowed; above is
 *   always blocked, override or not.
 * - A given dose in mg (`doseMg`, what is actually given) is checked as mg ÷ dosing weight, exactly.
 * - Flat range: exactly `maxMg` allowed, above needs an override, above `absoluteMaxMg` always blocked;
 *   below `minMg` (or `minMgPerKg`) is a warning only.
 * - Limits are compared on the values as entered (mg/kg, mg), not on rounded products.
 */
import { esketamineLabelAllows } from '../protocols/regulatory.ts';
import type { Drug, FixedDose, FlatRangeDose, Rounding, WeightBasedDose } from '../protocols/types.ts';
import { isPositive } from './checks.ts';
import { cmp, div, isInteger, mulRound, type Rational, roundToIncrement, toRational } from './decimal.ts';

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

/** Whether an exact rational is above a limit. */
const above = (v: Rational, limit: number): boolean => cmp(v, toRational(limit)) > 0;

/**
 * A given dose in mg checked against a weight-based rule: mg ÷ dosing weight (exact) against the protocol
 * maximum and the ceiling, and the mg against the cap. Returns the mg/kg shown (rounded to 0.01) and the result.
 */
export function weightBasedGiven(
  rule: WeightBasedDose,
  doseMg: number,
  weightKg: number | undefined,
  rounding: Rounding,
  override: OverrideState,
  reasons: string[],
  warnings: string[],
): KindResult & { mgPerKg: number | null } {
  const rounded = roundToIncrement(toRational(doseMg), rounding.doseMg);
  capMg(rule.absoluteMaxMg, rounded, reasons);
  if (weightKg === undefined) return { doseMg: rounded, overridden: false, mgPerKg: null };
  const ratio = div(toRational(doseMg), toRational(weightKg));
  const shown = roundToIncrement(ratio, 0.01);
  const what = `dose ${doseMg} mg (${shown} mg/kg of ${weightKg} kg)`;
  let overridden = false;
  const exceededMax = above(ratio, rule.protocolMaxMgPerKg);
  if (above(ratio, rule.absoluteCeilingMgPerKg)) {
    reasons.push(
      `${what} is above the absolute ceiling of ${rule.absoluteCeilingMgPerKg} mg/kg: cannot be overridden`,
    );
  } else if (exceededMax) {
    overridden = overrideMax(what, `${rule.protocolMaxMgPerKg} mg/kg`, override, reasons, warnings);
  }
  if (rule.minMgPerKg !== undefined && cmp(ratio, toRational(rule.minMgPerKg)) < 0)
    warnings.push(`${what} is below the protocol minimum of ${rule.minMgPerKg} mg/kg`);
  return { doseMg: rounded, overridden, exceededMax, mgPerKg: shown };
}

/** The mg cap: above it always blocked. */
function capMg(cap: number | undefined, doseMg: number, reasons: string[]): void {
  if (cap !== undefined && doseMg > cap)
    reasons.push(`dose ${doseMg} mg exceeds the absolute maximum of ${cap} mg: cannot be overridden`);
}

/** A value above the protocol maximum: allowed only under a valid override. */
function overrideMax(
  what: string,
  max: string,
  override: OverrideState,
  reasons: string[],
  warnings: string[],
): boolean {
  if (override.valid) {
    warnings.push(
      `${what} is above the protocol maximum of ${max}: overridden ` +
        `(reason: ${override.echo?.reason.trim()}; verified by a second clinician)`,
    );
    return true;
  }
  const why = override.present ? ` (${override.problem})` : '';
  reasons.push(
    `${what} is above the protocol maximum of ${max}: needs an override with a reason and second-clinician ` +
      `verification${why}`,
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
  capMg(rule.absoluteMaxMg, doseMg, reasons);
  return { doseMg, overridden, exceededMax };
}

/**
 * Fixed device doses: the dose must be one of `allowedMg`, within the mg cap and, for esketamine, a US label
 * dose (56 or 84 mg) unless the protocol turns on the non-US label option; devices = dose ÷ mgPerDevice.
 */
export function fixed(rule: FixedDose, fixedMg: unknown, reasons: string[], drug?: Drug): KindResult {
  if (!isPositive(fixedMg)) return { doseMg: 0, overridden: false };
  if (!rule.allowedMg.includes(fixedMg)) {
    reasons.push(`fixedMg ${fixedMg} is not an allowed dose (${rule.allowedMg.join(', ')} mg only)`);
    return { doseMg: fixedMg, overridden: false };
  }
  if (drug === 'esketamine' && !esketamineLabelAllows(fixedMg, rule.nonUsLabelDosesAllowed)) {
    reasons.push(
      `${fixedMg} mg is not a dose of the US label (56 or 84 mg); this protocol does not allow the ` +
        'non-US label dose',
    );
    return { doseMg: fixedMg, overridden: false };
  }
  if (rule.absoluteMaxMg !== undefined && fixedMg > rule.absoluteMaxMg) {
    capMg(rule.absoluteMaxMg, fixedMg, reasons);
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
