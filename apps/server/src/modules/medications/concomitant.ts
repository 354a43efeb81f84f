/**
 * The SPRAVATO REMS Patient Monitoring Form's concomitant-medication answers (benzodiazepines,
 * non-benzodiazepine hypnotics, psychostimulants, MAOIs, opioids) from the patient's active medication list.
 */
import { remsConcomitant } from '@plasticity/clinical/medications';
import { activeLists, type Executor } from './entry-row.ts';

export async function concomitantFromList(db: Executor, clinicId: string, patientId: string) {
  return remsConcomitant((await activeLists(db, clinicId, patientId)).medications);
}
