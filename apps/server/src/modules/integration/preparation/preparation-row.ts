/** Reading preparation records as the API shows them (`PreparationRecord`), with the recorder's name. */
import type { PreparationRecord } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export async function preparationRecords(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
): Promise<PreparationRecord[]> {
  const rows = await db
    .selectFrom('preparation_records as r')
    .leftJoin('users as u', 'u.id', 'r.recorded_by')
    .selectAll('r')
    .select('u.display_name as recorder_name')
    .where('r.clinic_id', '=', clinicId)
    .where('r.patient_id', '=', patientId)
    .orderBy('r.recorded_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    intentions: r.intentions,
    supportPerson: { name: r.support_name, relationship: r.support_relationship, phone: r.support_phone },
    planId: r.plan_id,
    appointmentId: r.appointment_id,
    recordedBy: { id: r.recorded_by, name: r.recorder_name ?? 'Unknown user' },
    recordedAt: new Date(r.recorded_at).toISOString(),
  }));
}
