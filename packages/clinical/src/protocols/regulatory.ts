/**
 * Regulatory floors that clinic edits may not cross (the protocol validator, the dose calculator and the
 * discharge logic read them).
 *
 * Sources: SPRAVATO (esketamine) US prescribing information (doses 56 and 84 mg, 28 mg devices 5 min apart,
 * fasting, hepatic impairment) and SPRAVATO REMS 386 (12/2024: monitoring ≥ 120 min from the first device,
 * sedation, dissociation and respiratory depression resolved before leaving); EU SmPC for the 28 mg starting
 * dose at age ≥ 65 (a non-US label option, off by default).
 */
import { SOURCES } from './sources.ts';

/** SPRAVATO label and REMS facts, as data. */
export const ESKETAMINE_LABEL = {
  /** Doses of the US label. */
  usLabelDosesMg: [56, 84] as readonly number[],
  /** Doses of a non-US label only (EU SmPC 28 mg starting dose, age ≥ 65): need `nonUsLabelDosesAllowed`. */
  nonUsLabelDosesMg: [28] as readonly number[],
  /** Every dose a protocol may list: US label doses plus the non-US option. */
  allowedDosesMg: [28, 56, 84] as readonly number[],
  /** The highest labelled dose: the esketamine mg cap. */
  maxDoseMg: 84,
  mgPerDevice: 28,
  minutesBetweenDevices: 5,
  /** Minimum monitoring from the first device; discharge never earlier, whatever the protocol says. */
  minMonitoringMin: 120,
  /** Fasting before dosing (label): food ≥ 2 h, liquids ≥ 30 min. */
  fastingFoodMin: 120,
  fastingLiquidsMin: 30,
  /** Required intranasal route. */
  route: 'intranasal' as const,
  source: `${SOURCES.spravatoDosing}; ${SOURCES.spravatoUsDoses}; ${SOURCES.spravatoRems}`,
} as const;

/** Whether an esketamine dose is allowed by the label under the protocol's non-US option. */
export function esketamineLabelAllows(mg: number, nonUsLabelDosesAllowed: boolean | undefined): boolean {
  if (ESKETAMINE_LABEL.usLabelDosesMg.includes(mg)) return true;
  return nonUsLabelDosesAllowed === true && ESKETAMINE_LABEL.nonUsLabelDosesMg.includes(mg);
}
