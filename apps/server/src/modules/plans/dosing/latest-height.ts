/**
 * The latest recorded height of a patient: the newest intake (not entered in error) that gives
 * `measurements.heightCm`. Used by the dose calculator for BMI and ideal/adjusted body weight.
 */
import type { Executor } from '../patient-and-settings.ts';

export async function latestHeightCm(
  db: Executor,
  clinicId: string,
  patientId: string,
): Promise<number | null> {
  const rows = await db
    .selectFrom('plan_intakes')
    .select(['data'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('entered_in_error_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(20)
    .execute();
  for (const r of rows) {
    const m = (r.data as { measurements?: { heightCm?: unknown } }).measurements;
    if (typeof m?.heightCm === 'number' && Number.isFinite(m.heightCm) && m.heightCm > 0) return m.heightCm;
  }
  return null;
}
