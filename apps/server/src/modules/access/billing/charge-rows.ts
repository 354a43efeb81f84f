/** Charges and payments as the API answers them, and the patient's balance. */
import type { Balance, Charge, Payment, ServiceKey } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export async function chargeRows(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  range?: { from: string; to: string },
): Promise<Charge[]> {
  let q = db
    .selectFrom('charges as c')
    .leftJoin('users as r', 'r.id', 'c.rendering_user_id')
    .leftJoin('users as v', 'v.id', 'c.voided_by')
    .selectAll('c')
    .select([
      'r.display_name as rendering_name',
      'r.npi as rendering_npi',
      'v.display_name as voided_by_name',
    ])
    .where('c.clinic_id', '=', clinicId)
    .where('c.patient_id', '=', patientId);
  if (range) q = q.where('c.service_date', '>=', range.from).where('c.service_date', '<=', range.to);
  const rows = await q.orderBy('c.service_date', 'desc').orderBy('c.created_at').orderBy('c.id').execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    serviceDate: r.service_date,
    serviceKey: r.service_key as ServiceKey,
    description: r.description,
    code: r.code,
    modifiers: r.modifiers,
    units: r.units,
    icd10Codes: r.icd10_codes,
    placeOfService: r.place_of_service,
    renderingClinician: {
      id: r.rendering_user_id,
      name: r.rendering_name ?? 'Not recorded',
      npi: r.rendering_npi ?? null,
    },
    amountCents: r.amount_cents,
    discountPercent: r.discount_percent,
    discountCents: r.discount_cents,
    netCents: r.voided_at ? 0 : r.amount_cents - r.discount_cents,
    source: r.source,
    sessionId: r.session_id,
    appointmentId: r.appointment_id,
    createdAt: r.created_at.toISOString(),
    voided: r.voided_at
      ? { at: r.voided_at.toISOString(), by: r.voided_by_name ?? 'Unknown', reason: r.void_reason ?? '' }
      : null,
  }));
}

export async function paymentRows(db: Kysely<DB>, clinicId: string, patientId: string): Promise<Payment[]> {
  const rows = await db
    .selectFrom('payments as p')
    .leftJoin('users as u', 'u.id', 'p.recorded_by')
    .leftJoin('users as v', 'v.id', 'p.voided_by')
    .selectAll('p')
    .select(['u.display_name as recorded_by_name', 'v.display_name as voided_by_name'])
    .where('p.clinic_id', '=', clinicId)
    .where('p.patient_id', '=', patientId)
    .orderBy('p.received_at', 'desc')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    patientId: r.patient_id,
    amountCents: r.amount_cents,
    method: r.method,
    receivedAt: r.received_at.toISOString(),
    reference: r.reference,
    recordedBy: r.recorded_by_name ?? 'Unknown',
    voided: r.voided_at
      ? { at: r.voided_at.toISOString(), by: r.voided_by_name ?? 'Unknown', reason: r.void_reason ?? '' }
      : null,
  }));
}

/** Charged net of discounts (voided lines excluded), paid (voided payments excluded), and what is owed. */
export function balanceOf(charges: readonly Charge[], payments: readonly Payment[]): Balance {
  const chargedCents = charges.reduce((s, c) => s + c.netCents, 0);
  const paidCents = payments.reduce((s, p) => s + (p.voided ? 0 : p.amountCents), 0);
  return { chargedCents, paidCents, balanceCents: chargedCents - paidCents };
}
