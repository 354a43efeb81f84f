/**
 * How long a dosing visit holds a chair, from the patient's protocol.
 *
 * Observation is the protocol's own discharge minimum (docs/clinical-sources.md#discharge): the later of
 * `minMinutesAfterDose` (from dose start; esketamine never under 120 minutes from the first device, SPRAVATO US
 * prescribing information and REMS 386, docs/clinical-sources.md#esketamine-label-rules) and the administration
 * time plus `minMinutesAfterAdministrationEnd`. Prep and recovery (chair time before the dose and after the
 * earliest discharge) are Plasticity product defaults that each clinic sets
 * (docs/clinical-sources.md#scheduling-defaults).
 */
import { ESKETAMINE_LABEL } from '../protocols/regulatory.ts';
import type { Protocol } from '../protocols/types.ts';

export interface DosingVisitParts {
  /** Check-in, pre-dose checklist and vitals before the dose (clinic setting). */
  prepMin: number;
  /** Administration (`protocol.durationMin`: the IV infusion); 0 when the protocol gives none. */
  administrationMin: number;
  /** From the end of administration to the earliest discharge the protocol allows. */
  observationMin: number;
  /** After the earliest discharge: discharge check, escort hand-over (clinic setting). */
  recoveryMin: number;
}

export interface DosingVisitLength {
  /** Total chair time: the sum of the parts. */
  minutes: number;
  parts: DosingVisitParts;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a number ≥ 0, got ${value}`);
  return value;
}

/**
 * Chair minutes of one dosing visit: prep + administration + observation + recovery, where administration +
 * observation = max(administration, minMinutesAfterDose, administration + minMinutesAfterAdministrationEnd)
 * (both discharge minimums count from the dose start, so they overlap the administration rather than follow
 * it). Esketamine protocols get at least the label's 120 minutes from the first device whatever their data
 * says. RangeError for negative prep or recovery.
 *
 * @example
 * dosingVisitMinutes(defaultProtocolFor('iv'), { prepMin: 15, recoveryMin: 15 }).minutes; // 15 + 40 + 60 + 15 = 130
 */
export function dosingVisitMinutes(
  protocol: Protocol,
  opts: { prepMin: number; recoveryMin: number },
): DosingVisitLength {
  const prepMin = nonNegative('prepMin', opts.prepMin);
  const recoveryMin = nonNegative('recoveryMin', opts.recoveryMin);
  const administrationMin = nonNegative('protocol.durationMin', protocol.durationMin ?? 0);
  const { minMinutesAfterDose, minMinutesAfterAdministrationEnd } = protocol.discharge;
  const labelFloor = protocol.drug === 'esketamine' ? ESKETAMINE_LABEL.minMonitoringMin : 0;
  const fromDose = Math.max(
    administrationMin,
    labelFloor,
    minMinutesAfterDose ?? 0,
    minMinutesAfterAdministrationEnd !== undefined ? administrationMin + minMinutesAfterAdministrationEnd : 0,
  );
  const observationMin = fromDose - administrationMin;
  return {
    minutes: prepMin + administrationMin + observationMin + recoveryMin,
    parts: { prepMin, administrationMin, observationMin, recoveryMin },
  };
}
