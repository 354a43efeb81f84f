/** A patient's coverage status in force (the newest record), or null when none was recorded. */
import type { Coverage, CoverageStatus } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

/** 45 CFR 149.610(a)(2): estimates are owed to uninsured and self-pay individuals. */
export function estimateRequired(status: CoverageStatus): boolean {
  return status === 'self_pay' || status === 'uninsured';
}

export async function currentCoverage(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
): Promise<Coverage | null> {
  const row = await db
    .selectFrom('patient_coverage as c')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .select(['c.status', 'c.recorded_at', 'u.display_name'])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return {
    status: row.status,
    recordedAt: row.recorded_at.toISOString(),
    recordedByName: row.display_name,
    estimateRequired: estimateRequired(row.status),
  };
}
