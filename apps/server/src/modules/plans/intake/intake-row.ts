/** Intake rows: API shape and the latest valid intake of a patient (entered-in-error ones are skipped). */
import type { IntakeRecord } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Selectable } from 'kysely';
import type { Executor } from '../patient-and-settings.ts';

export type IntakeRow = Selectable<DB['plan_intakes']>;

export const toIntakeRecord = (r: IntakeRow): IntakeRecord => ({
  id: r.id,
  patientId: r.patient_id,
  intake: { ...r.data },
  submittedRole: r.submitted_role,
  createdAt: r.created_at.toISOString(),
});

export function latestIntake(db: Executor, clinicId: string, patientId: string) {
  return db
    .selectFrom('plan_intakes')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('entered_in_error_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}
