/**
 * What the clinic has billed a patient for dates of service from `from` to `to` (clinic-local dates, inclusive),
 * in cents, net of discounts and without voided charges — compared with a good-faith estimate for the $400
 * dispute flag (45 CFR 149.620(a)(2)(ii)). The one place the estimates read billing.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

export async function billedTotalCents(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  from: string,
  to: string,
): Promise<number> {
  const row = await db
    .selectFrom('charges')
    .select(sql<string>`coalesce(sum(amount_cents - discount_cents), 0)`.as('total'))
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('voided_at', 'is', null)
    .where('service_date', '>=', from)
    .where('service_date', '<=', to)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
