/**
 * What the clinic has billed a patient for dates of service from `from` to `to` (clinic-local dates, inclusive),
 * in cents, net of discounts and without voided charges, per rendering clinician — compared with a good-faith
 * estimate provider by provider for the $400 dispute flag (45 CFR 149.620(a)(2)(ii)). The one place the estimates
 * read billing.
 *
 * How a charge maps to a provider on the estimate (docs/clinical-sources.md#good-faith-estimates): to the clinician
 * who rendered it (`charges.rendering_user_id`) when that clinician is a provider on one of the estimate's totalled
 * lines (`good_faith_estimate_items.provider_user_id`); otherwise — no rendering clinician, or one the estimate
 * does not list — to the clinic itself, the facility and billing provider (lines without a provider).
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

/** The key of the clinic itself among an estimate's providers. */
export const CLINIC_PROVIDER = 'clinic';

/** The provider key of a line or a charge: its clinician, or the clinic. */
export const providerKey = (userId: string | null): string => userId ?? CLINIC_PROVIDER;

/** Billed cents per rendering clinician (null: none recorded) for the patient's dates of service in the period. */
export async function billedByRenderer(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  from: string,
  to: string,
): Promise<{ renderingUserId: string | null; cents: number }[]> {
  const rows = await db
    .selectFrom('charges')
    .select(['rendering_user_id', sql<string>`sum(amount_cents - discount_cents)`.as('total')])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('voided_at', 'is', null)
    .where('service_date', '>=', from)
    .where('service_date', '<=', to)
    .groupBy('rendering_user_id')
    .execute();
  return rows.map((r) => ({ renderingUserId: r.rendering_user_id, cents: Number(r.total) }));
}

/**
 * Sums billed cents per provider of the estimate: a rendering clinician listed among `listed` (provider keys of
 * the estimate's totalled lines) keeps its own key; every other charge counts for the clinic.
 */
export function billedPerProvider(
  billed: readonly { renderingUserId: string | null; cents: number }[],
  listed: ReadonlySet<string>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const b of billed) {
    const key = b.renderingUserId && listed.has(b.renderingUserId) ? b.renderingUserId : CLINIC_PROVIDER;
    out.set(key, (out.get(key) ?? 0) + b.cents);
  }
  return out;
}
