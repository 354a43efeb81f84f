/**
 * What the chart's medication and allergy lists add to an intake before eligibility reads it, and what they
 * answer on the SPRAVATO REMS Patient Monitoring Form.
 *
 * Every active entry counts, reconciled or not (a medicine the patient reported is a medicine until a
 * clinician stops it or marks it entered in error): a class found on the list sets the intake's yes/no
 * answer for that class to yes; a "no" ticked at intake never hides a listed medicine. Allergies on the list
 * join the intake's allergy names. Sources: see `drug-table.ts` (classes) and the REMS form's questions
 * (benzodiazepines, non-benzodiazepine hypnotics, psychostimulants, MAOIs, opioids).
 */
import type { Intake } from '../eligibility/types.ts';
import { type ListedDrug, medicationClasses } from './classify.ts';

export interface ChartLists {
  medications: readonly ListedDrug[];
  allergies: readonly { name: string }[];
}

/**
 * The intake with the list's classes and allergies merged in (a new object; the input is not changed).
 *
 * @example
 * applyMedicationList(intake, { medications: [{ name: 'phenelzine' }], allergies: [] }).medications.maoi; // true
 */
export function applyMedicationList(intake: Intake, lists: ChartLists): Intake {
  const c = medicationClasses(lists.medications);
  const m = (intake?.medications ?? {}) as Partial<Intake['medications']>;
  const yes = (flag: boolean | undefined, names: string[]): boolean => flag === true || names.length > 0;
  const allergies = Array.isArray(intake?.allergies) ? intake.allergies : [];
  return {
    ...intake,
    medications: {
      ...m,
      list: [...new Set([...(m.list ?? []), ...lists.medications.map((x) => x.name)])],
      benzodiazepine: yes(m.benzodiazepine, c.benzodiazepine),
      maoi: yes(m.maoi, c.maoi),
      lamotrigine: yes(m.lamotrigine, c.lamotrigine),
      psychostimulant: yes(m.psychostimulant, c.psychostimulant),
      opioid: yes(m.opioid, c.opioid),
      nonBenzodiazepineHypnotic: yes(m.nonBenzodiazepineHypnotic, c.nonBenzodiazepineHypnotic),
      naltrexone: yes(m.naltrexone, c.naltrexone),
      nmdaAntagonist: yes(m.nmdaAntagonist, c.nmdaAntagonist),
    },
    allergies: [...new Set([...allergies, ...lists.allergies.map((a) => a.name)])],
  };
}

export interface RemsConcomitant {
  benzodiazepines: boolean;
  nonBenzodiazepineHypnotics: boolean;
  psychostimulants: boolean;
  maois: boolean;
  opioids: boolean;
}

/**
 * The REMS form's concomitant-medication answers from the active medication list.
 *
 * @example
 * remsConcomitant([{ name: 'Lorazepam 1 mg' }]).benzodiazepines; // true
 */
export function remsConcomitant(list: readonly ListedDrug[]): RemsConcomitant {
  const c = medicationClasses(list);
  return {
    benzodiazepines: c.benzodiazepine.length > 0,
    nonBenzodiazepineHypnotics: c.nonBenzodiazepineHypnotic.length > 0,
    psychostimulants: c.psychostimulant.length > 0,
    maois: c.maoi.length > 0,
    opioids: c.opioid.length > 0,
  };
}
