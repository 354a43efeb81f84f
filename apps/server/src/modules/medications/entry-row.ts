/** Medication-list rows: the API shape (with the names of who did what) and the queries every operation shares. */
import { classesOf } from '@plasticity/clinical/medications';
import type { MedicationEntry } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export type Executor = Kysely<DB>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Every entry of a patient's lists (oldest first), with the display names of the people on it. */
export function selectEntries(db: Executor, clinicId: string, patientId: string) {
  return db
    .selectFrom('medication_list_entries as e')
    .leftJoin('users as rep', 'rep.id', 'e.reported_by')
    .leftJoin('users as rec', 'rec.id', 'e.reconciled_by')
    .leftJoin('users as stp', 'stp.id', 'e.stopped_by')
    .leftJoin('users as eie', 'eie.id', 'e.entered_in_error_by')
    .selectAll('e')
    .select([
      'rep.display_name as reported_by_name',
      'rec.display_name as reconciled_by_name',
      'stp.display_name as stopped_by_name',
      'eie.display_name as entered_in_error_by_name',
    ])
    .where('e.clinic_id', '=', clinicId)
    .where('e.patient_id', '=', patientId)
    .orderBy('e.created_at')
    .orderBy('e.seq');
}

export type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['execute']>>[number];

export function toEntry(r: EntryRow): MedicationEntry {
  return {
    id: r.id,
    patientId: r.patient_id,
    kind: r.kind,
    name: r.name,
    rxcui: r.rxcui,
    dose: r.dose,
    frequency: r.frequency,
    reaction: r.reaction,
    classes: r.kind === 'medication' ? [...classesOf({ name: r.name, rxcui: r.rxcui })] : [],
    source: r.source,
    reportedVia: r.reported_via,
    reportedByName: r.reported_by_name,
    createdAt: r.created_at.toISOString(),
    status: r.entered_in_error_at ? 'entered_in_error' : r.stopped_at ? 'stopped' : 'active',
    reconciledAt: iso(r.reconciled_at),
    reconciledByName: r.reconciled_by_name,
    stoppedAt: iso(r.stopped_at),
    stoppedByName: r.stopped_by_name,
    stopReason: r.stop_reason,
    enteredInErrorAt: iso(r.entered_in_error_at),
    enteredInErrorByName: r.entered_in_error_by_name,
    enteredInErrorReason: r.entered_in_error_reason,
  };
}

/** Both lists of a patient, in API shape. */
export async function listsOf(db: Executor, clinicId: string, patientId: string) {
  const rows = (await selectEntries(db, clinicId, patientId).execute()).map(toEntry);
  return {
    medications: rows.filter((r) => r.kind === 'medication'),
    allergies: rows.filter((r) => r.kind === 'allergy'),
  };
}

/**
 * The active entries (not stopped, not entered in error) as the clinical rules read them.
 *
 * @example
 * const { medications, allergies } = await activeLists(trx, clinicId, patientId);
 */
export async function activeLists(db: Executor, clinicId: string, patientId: string) {
  const rows = await db
    .selectFrom('medication_list_entries')
    .select(['kind', 'name', 'rxcui'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('stopped_at', 'is', null)
    .where('entered_in_error_at', 'is', null)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
  return {
    medications: rows.filter((r) => r.kind === 'medication').map((r) => ({ name: r.name, rxcui: r.rxcui })),
    allergies: rows.filter((r) => r.kind === 'allergy').map((r) => ({ name: r.name })),
  };
}

/** One entry of the patient, locked for a change, or undefined. */
export function entryForUpdate(db: Executor, clinicId: string, patientId: string, entryId: string) {
  return db
    .selectFrom('medication_list_entries')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('id', '=', entryId)
    .forUpdate()
    .executeTakeFirst();
}
