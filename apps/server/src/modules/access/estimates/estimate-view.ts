/**
 * Estimates as the API answers them: each with its lines in order, its status (entered in error overrides draft and
 * issued), the charges billed for its period so far per provider against that provider's expected charges, and
 * whether any provider's are $400 or more above them (45 CFR 149.620(a)(2)(ii); the mapping of charges to
 * providers is in billed-by-provider.ts).
 */
import { compareByProvider } from '@plasticity/clinical/estimates';
import type { Estimate, EstimateLine, EstimateProviderComparison } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { billedByRenderer, billedPerProvider, providerKey } from './billed-by-provider.ts';

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
  const clinic = await db
    .selectFrom('clinics')
    .select('name')
    .where('id', '=', f.clinicId)
    .executeTakeFirstOrThrow();
  const out: Estimate[] = [];
  for (const r of rows) {
    const status = r.entered_in_error_at ? 'entered_in_error' : r.status;
    const estimateLines = lines
      .filter((l) => l.estimate_id === r.id)
      .map(
        (l): EstimateLine => ({
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
        }),
      );
    const billed = await billedByRenderer(db, f.clinicId, r.patient_id, r.period_from, r.period_to);
    const byProvider = compareProviders(estimateLines, billed, clinic.name);
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
      lines: estimateLines,
      billedCents: billed.reduce((sum, b) => sum + b.cents, 0),
      byProvider,
      exceedsByDisputeThreshold: status === 'issued' && byProvider.some((p) => p.exceedsByDisputeThreshold),
    });
  }
  return out;
}

/**
 * Expected charges per provider from the estimate's totalled lines (lines scheduled separately are listed, not
 * totalled, and name no provider for this estimate), against billed charges mapped onto those providers.
 */
function compareProviders(
  lines: readonly EstimateLine[],
  billed: readonly { renderingUserId: string | null; cents: number }[],
  clinicName: string,
): EstimateProviderComparison[] {
  const expected = new Map<string, number>();
  const names = new Map<string, string>();
  for (const l of lines) {
    if (l.separateScheduling) continue;
    const key = providerKey(l.providerUserId);
    expected.set(key, (expected.get(key) ?? 0) + l.amountCents);
    if (!names.has(key)) names.set(key, l.providerName);
  }
  const listed = new Set([...expected.keys()]);
  const comparison = compareByProvider(expected, billedPerProvider(billed, listed));
  return comparison.map((p) => ({
    providerUserId: p.key === providerKey(null) ? null : p.key,
    providerName: names.get(p.key) ?? clinicName,
    expectedCents: p.expectedCents,
    billedCents: p.billedCents,
    overByCents: p.overByCents,
    exceedsByDisputeThreshold: p.exceeds,
  }));
}
