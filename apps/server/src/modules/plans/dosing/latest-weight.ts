/** The latest measured weight of a patient (intake, vitals or manual), skipping entered-in-error ones. */
import type { Executor } from '../patient-and-settings.ts';

export async function latestWeight(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<{ weightKg: number; measuredAt: Date } | null> {
  const r = await db
    .selectFrom('plan_weight_observations')
    .select(['weight_kg', 'measured_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('entered_in_error_at', 'is', null)
    .orderBy('measured_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? { weightKg: Number(r.weight_kg), measuredAt: r.measured_at } : null;
}
