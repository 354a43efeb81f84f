/**
 * The dose a treatment plan prescribes: its default (the protocol's default dose, IV duration and schedule),
 * its check against the protocol and its API view. The check is the dose calculator's own
 * (`calculateDose`): a plan prescribes within the protocol — an overdose beyond the protocol maximum is a
 * decision made, with a second clinician, when a dose is given — and never above a ceiling. A weight-based
 * dose is checked at the patient's latest measured weight when there is one (so an absolute mg cap counts),
 * else at the protocol's lowest plausible weight (so only the mg/kg limits count).
 */
import { calculateDose } from '@plasticity/clinical/dosing';
import type { Protocol } from '@plasticity/clinical/protocols';
import type { PrescribedDose, PrescribedDoseView } from '@plasticity/contracts';
import { AppError, badField } from '../../../platform/errors.ts';
import type { PlanRow } from './plan-view.ts';

const perWeek = (n: number) => (n === 0.5 ? 'every 2 weeks' : n === 1 ? 'once a week' : `${n} a week`);

/** "2–3 a week" from the protocol's first phase, or a plain "as scheduled". */
export function defaultFrequency(p: Protocol): string {
  const phase = p.sessions?.phases?.[0];
  if (!phase) return 'As scheduled';
  return phase.perWeekMin === phase.perWeekMax
    ? perWeek(phase.perWeekMin)
    : `${phase.perWeekMin}–${phase.perWeekMax} a week`;
}

export function defaultPrescribedDose(p: Protocol): PrescribedDose {
  return {
    ...(p.dose.kind === 'weight_based' ? { mgPerKg: p.dose.defaultMgPerKg } : { fixedMg: p.dose.defaultMg }),
    ...(p.route === 'iv' && p.durationMin !== undefined ? { durationMin: p.durationMin } : {}),
    frequency: defaultFrequency(p),
  };
}

/** Refuses a prescribed dose of the wrong kind for the protocol, or one the calculator blocks. */
export function checkPrescribedDose(
  p: Protocol,
  d: PrescribedDose,
  field: string,
  latestWeightKg: number | null,
  now: Date,
): void {
  const weightBased = p.dose.kind === 'weight_based';
  if (weightBased && d.mgPerKg === undefined)
    throw badField(`${field}.mgPerKg`, 'is required: this protocol doses by body weight');
  if (!weightBased && d.fixedMg === undefined)
    throw badField(`${field}.fixedMg`, 'is required: this protocol gives a dose in mg');
  if (d.durationMin !== undefined && p.route !== 'iv')
    throw badField(`${field}.durationMin`, 'applies to intravenous infusions only');
  if (p.dose.kind !== 'weight_based') {
    const r = calculateDose({ fixedMg: d.fixedMg as number }, p, { now });
    if (r.blocked) refuse(`${field}.fixedMg`, r.reasons);
    return;
  }
  const weightKg = latestWeightKg ?? p.dose.plausibleWeightKg.min;
  const r = calculateDose({ mgPerKg: d.mgPerKg as number, weightKg }, p, { now, weightMeasuredAt: now });
  if (r.blocked) refuse(`${field}.mgPerKg`, r.reasons);
}

function refuse(field: string, reasons: string[]): never {
  const details = reasons.map((message) => ({ field, message }));
  throw new AppError(
    'validation_failed',
    `the prescribed dose is outside the protocol: ${reasons.join('; ')}`,
    details,
  );
}

export function prescribedDoseView(r: PlanRow, route: string): PrescribedDoseView | null {
  const d = r.prescribed_dose as PrescribedDose | null;
  if (!d) return null;
  return {
    mgPerKg: d.mgPerKg ?? null,
    fixedMg: d.fixedMg ?? null,
    durationMin: d.durationMin ?? null,
    frequency: d.frequency,
    route,
    approvedBy: r.dose_approved_by,
    approvedAt: r.dose_approved_at ? r.dose_approved_at.toISOString() : null,
  };
}
