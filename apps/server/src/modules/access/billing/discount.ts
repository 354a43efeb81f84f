/**
 * The sliding-scale discount in force for a patient at an instant, as a percent (0–100): the one place charges
 * read it from. The rule is the sliding scale's own (`activeDiscount`, docs/clinical-sources.md#sliding-scale-tiers);
 * no assessment in force means no discount.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { activeDiscount } from '../sliding-scale/active-discount.ts';

export async function activeDiscountPercent(
  trx: Kysely<DB>,
  clinicId: string,
  patientId: string,
  at: Date,
): Promise<number> {
  return (await activeDiscount(trx, clinicId, patientId, at))?.percent ?? 0;
}
