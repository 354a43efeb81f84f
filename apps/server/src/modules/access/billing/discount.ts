/**
 * The sliding-scale discount in force for a patient at an instant, as a percent (0–100). The one place charges
 * read it from; until the sliding-scale assessments are joined here, no discount applies.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export async function activeDiscountPercent(
  _trx: Kysely<DB>,
  _clinicId: string,
  _patientId: string,
  _at: Date,
): Promise<number> {
  return 0;
}
