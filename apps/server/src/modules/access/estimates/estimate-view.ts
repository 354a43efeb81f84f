/**
 * Estimates as the API answers them: each with its lines in order, its status (entered in error overrides draft and
 * issued), the charges billed for its period so far and whether they are $400 or more above it (45 CFR 149.620).
 */
import { exceedsEstimate } from '@plasticity/clinical/estimates';
import type { Estimate } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { billedTotalCents } from './billed-total.ts';

interface Filter {
  clinicId: string;
  patientId?: string;
  estimateId?: string;
}

export async function loadEstimates(db: Kysely<DB>, f: Filter): Promise<Estimate[]> {
  let q = db.selectFrom('good_faith_estimates').selectAll().where('clinic_id', '=', f.clinicId);
  if (f.patientId) q = q.where('patient_id', '=', f.patientId);
  if (f.estimateId) q = q.where('id', '=', f.estimateId);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const lines = await db
    .selectFrom('good_faith_estimate_items')
    .selectAll()
    .where('clinic_id', '=', f.clinicId)
    .where(
      'estimate_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  const out: Estimate[] = [];
  for (const r of rows) {
    const billedCents = await billedTotalCents(db, f.clinicId, r.patient_id, r.period_from, r.period_to);
    const status = r.entered_in_error_at ? 'entered_in_error' : r.status;
    out.push({
      id: r.id,
      patientId: r.patient_id,
      primaryService: r.primary_service,
      scheduledOn: r.scheduled_on,
      appointmentId: r.appointment_id,
      periodFrom: r.period_from,
      periodTo: r.period_to,
      trigger: r.trigger_kind,
      triggerOn: r.trigger_on,
      dueBy: r.due_by,
      status,
      totalCents: r.total_cents,
      issuedAt: r.issued_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      enteredInErrorReason: r.entered_in_error_reason,
      lines: lines
        .filter((l) => l.estimate_id === r.id)
        .map((l) => ({
          id: l.id,
          providerUserId: l.provider_user_id,
          providerName: l.provider_name,
          providerNpi: l.provider_npi,
          providerTin: l.provider_tin,
          serviceCode: l.service_code,
          description: l.description,
          diagnosisCodes: l.diagnosis_codes,
          quantity: l.quantity,
          unitChargeCents: l.unit_charge_cents,
          amountCents: l.quantity * l.unit_charge_cents,
          separateScheduling: l.separate_scheduling,
        })),
      billedCents,
      exceedsByDisputeThreshold: status === 'issued' && exceedsEstimate(billedCents, r.total_cents),
    });
  }
  return out;
}
