/**
 * The SPRAVATO REMS Patient Monitoring Form's concomitant-medication answers (benzodiazepines,
 * non-benzodiazepine hypnotics, psychostimulants, MAOIs, opioids) from the patient's active medication list.
 * With no active medicine on the list every answer stays blank (null) for the clinician to answer: an empty
 * list may be one nobody has taken yet, and "no" on a REMS form must be a statement, not a default.
 */
import { type RemsConcomitant, remsConcomitant } from '@plasticity/clinical/medications';
import { activeLists, type Executor } from './entry-row.ts';

export type RemsConcomitantAnswers = { [K in keyof RemsConcomitant]: boolean | null };

export async function concomitantFromList(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<RemsConcomitantAnswers> {
  const { medications } = await activeLists(db, clinicId, patientId);
  const answers = remsConcomitant(medications);
  if (medications.length > 0) return answers;
  const blank = {} as RemsConcomitantAnswers;
  for (const key of Object.keys(answers) as (keyof RemsConcomitant)[]) blank[key] = null;
  return blank;
}
