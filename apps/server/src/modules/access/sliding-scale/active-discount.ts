/**
 * The sliding-scale discount that applies to a patient's charges at an instant: the newest assessment approved
 * at or before `at` that was not entered in error, if it has not expired by then (a newer assessment replaces
 * an older one even when the older would still run). Exported for billing, which calls it inside its own
 * transaction (pass that transaction as `db`). docs/clinical-sources.md#sliding-scale-tiers.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export interface ActiveDiscount {
  percent: number;
  assessmentId: string;
}

export async function activeDiscount(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  at: Date,
): Promise<ActiveDiscount | null> {
  const row = await db
    .selectFrom('sliding_scale_assessments')
    .select(['id', 'discount_percent', 'expires_at'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('entered_in_error_at', 'is', null)
    .where('approved_at', '<=', at)
    .orderBy('approved_at', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.expires_at.getTime() <= at.getTime()) return null;
  return { percent: row.discount_percent, assessmentId: row.id };
}
