/**
 * What the clinic has billed a patient for dates of service from `from` to `to` (clinic-local dates, inclusive),
 * in cents, net of discounts and without voided charges — compared with a good-faith estimate for the $400
 * dispute flag (45 CFR 149.620(a)(2)(ii)).
 *
 * The one place the estimates read billing: until charges are recorded in this product it answers 0, so no
 * estimate is flagged.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export async function billedTotalCents(
  _db: Kysely<DB>,
  _clinicId: string,
  _patientId: string,
  _from: string,
  _to: string,
): Promise<number> {
  return 0;
}
