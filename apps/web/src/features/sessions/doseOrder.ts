/**
 * The dose form's arithmetic, all from the shared pure calculator (`@plasticity/clinical/dosing`, the same
 * rules the server applies when the dose is recorded): the dose the plan prescribes at the patient's
 * weight, and the live check of the dose typed (per kg, volume from the container's concentration, pump
 * rate over the infusion's duration, and whether a limit is crossed).
 */
import {
  calculateDose,
  checkGivenDose,
  type DoseInput,
  type GivenDoseCheck,
  reasonInWords,
} from '@plasticity/clinical/dosing';
import type { Administration, DoseOrder } from './api.ts';

export interface Prefill {
  doseMg: number | null;
  durationMin: number | null;
  /** The plan's dose in mg at today's weight (null without a plan dose). */
  plannedMg: number | null;
  /** "Plan: 0.5 mg/kg (35 mg for 70 kg) over 40 min, 2–3 a week" or why there is none. */
  summary: string;
}

const ctxOf = (o: DoseOrder, now: Date) => ({
  now,
  maxWeightAgeDays: o.maxWeightAgeDays,
  ...(o.weightMeasuredAt ? { weightMeasuredAt: o.weightMeasuredAt } : {}),
});

/** Weight, height and sex as the calculator takes them (for the protocol's dosing-weight rule). */
function bodyOf(o: DoseOrder): Pick<DoseInput, 'weightKg' | 'heightCm' | 'sex'> {
  return {
    ...(o.weightKg !== null ? { weightKg: o.weightKg } : {}),
    ...(o.heightCm ? { heightCm: o.heightCm } : {}),
    ...(o.sex ? { sex: o.sex as NonNullable<DoseInput['sex']> } : {}),
  };
}

/** The doses already given in the session (entered-in-error ones excluded). */
export const givenMg = (administrations: Administration[]) =>
  administrations
    .filter((a) => !a.enteredInError)
    .reduce((t, a) => t + Math.round(Number(a.doseMg) * 1000), 0) / 1000;

export function prefillOf(o: DoseOrder | undefined, now: Date): Prefill {
  if (!o) return { doseMg: null, durationMin: null, plannedMg: null, summary: '' };
  const p = o.protocol;
  const weightBased = p.dose.kind === 'weight_based';
  const d = o.prescribed;
  const durationMin = p.route === 'iv' ? (d?.durationMin ?? p.durationMin ?? null) : null;
  const input: DoseInput = { ageYears: o.ageYears, ...bodyOf(o) };
  if (weightBased && d?.mgPerKg !== undefined) input.mgPerKg = d.mgPerKg;
  if (!weightBased && d?.fixedMg !== undefined) input.fixedMg = d.fixedMg;
  const r = calculateDose(input, p, ctxOf(o, now));
  const doseMg = r.doseMg > 0 ? r.doseMg : null;
  const weight = o.weightKg !== null ? ` for ${o.weightKg} kg` : '';
  const over = durationMin ? ` over ${durationMin} min` : '';
  if (!d) {
    const what = weightBased
      ? `${r.inputs.mgPerKg} mg/kg${doseMg ? ` (${doseMg} mg${weight})` : ''}`
      : `${doseMg} mg`;
    return {
      doseMg,
      durationMin,
      plannedMg: null,
      summary: `No approved plan dose: the protocol’s default ${what}${over}.`,
    };
  }
  const what = weightBased
    ? `${d.mgPerKg} mg/kg${doseMg ? ` (${doseMg} mg${weight})` : ''}`
    : `${d.fixedMg} mg`;
  return { doseMg, durationMin, plannedMg: doseMg, summary: `Plan: ${what}${over}, ${d.frequency}.` };
}

export interface LiveCheck {
  check: GivenDoseCheck;
  /** Volume and pump rate of the dose (as if overridden when only an override is missing); none beyond a ceiling. */
  volumeMl: number | undefined;
  rateMlPerHour: number | undefined;
  /** Calculator reasons and warnings, in words. */
  reasons: string[];
  warnings: string[];
}

/** The calculator's verdict on the session's total with this dose (volume and rate for a first dose). */
export function liveCheckOf(
  o: DoseOrder | undefined,
  args: {
    doseMg: number;
    alreadyMg: number;
    concentrationMgPerMl: number | null;
    durationMin: number | null;
  },
  now: Date,
): LiveCheck | null {
  if (!o || !(args.doseMg > 0)) return null;
  const first = args.alreadyMg === 0;
  const given = {
    doseMg: Math.round((args.alreadyMg + args.doseMg) * 1000) / 1000,
    ageYears: o.ageYears,
    ...bodyOf(o),
    ...(first && args.concentrationMgPerMl ? { concentrationMgPerMl: args.concentrationMgPerMl } : {}),
    ...(args.durationMin ? { durationMin: args.durationMin } : {}),
  };
  const check = checkGivenDose(given, o.protocol, ctxOf(o, now));
  const allowed = check.overrideWouldAllow
    ? checkGivenDose(
        { ...given, override: { reason: 'override', verified: true } },
        o.protocol,
        ctxOf(o, now),
      ).result
    : check.result;
  return {
    check,
    volumeMl: allowed.blocked ? undefined : allowed.volumeMl,
    rateMlPerHour: allowed.blocked ? undefined : allowed.rateMlPerHour,
    reasons: check.result.reasons.map(reasonInWords),
    warnings: check.result.warnings.filter((w) => !/not provided|not given/.test(w)).map(reasonInWords),
  };
}
