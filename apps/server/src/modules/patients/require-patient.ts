/**
 * The one lookup every patient-scoped route starts with: the patient of the caller's clinic, or
 * 404 — the same answer for another clinic's patient as for one that does not exist.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { notFound } from '../../platform/errors.ts';

export async function requirePatient(db: Kysely<DB>, clinicId: string, patientId: string) {
  const p = await db
    .selectFrom('patients')
    .select(['id', 'first_name', 'last_name', 'date_of_birth', 'sex'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  if (!p) throw notFound('patient');
  return p;
}

/**
 * For a query filtered by a patient id: the id when it is a patient of the caller's clinic, else null —
 * so an audit entry never records another clinic's patient id (or a guessed one) against this clinic.
 */
export async function ownPatientId(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string | undefined,
): Promise<string | null> {
  if (!patientId) return null;
  const p = await db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', patientId)
    .executeTakeFirst();
  return p?.id ?? null;
}
