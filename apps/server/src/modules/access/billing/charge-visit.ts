/**
 * `chargeVisit`: the charge line of a non-dosing visit, written in the check-in transaction
 * (scheduling/appointments/check-in-appointment.ts) — the product records no end of such a visit, so the patient's
 * arrival is what happened; a visit that was not held is voided with a reason. Integration and therapy visits are
 * psychotherapy by their booked length, a consultation a new-patient office visit and a follow-up an
 * established-patient one (`visitChargePlan`, docs/clinical-sources.md#charge-lines); assessments and dosing
 * visits are not charged here (a dosing session is charged at discharge). The price in force for the service on
 * the date of service applies, with the sliding-scale discount in force; diagnosis codes come from the patient's
 * newest approved or active plan. Idempotent per appointment.
 */
import {
  diagnosisCodesFor,
  discountCents,
  PLACE_OF_SERVICE_OFFICE,
  SERVICE_LABELS,
  type VisitKind,
  visitChargePlan,
} from '@plasticity/clinical/billing';
import { type DB, toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../../platform/module.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { activeDiscountPercent } from './discount.ts';
import { priceOn } from './prices.ts';

const CHARGED: ReadonlySet<string> = new Set<VisitKind>([
  'consultation',
  'integration',
  'therapy',
  'follow_up',
]);

export interface ChargeVisitInput {
  clinicId: string;
  appointmentId: string;
  at: Date;
  timeZone: string;
  actorUserId: string | null;
}

export async function chargeVisit(
  trx: Kysely<DB>,
  ctx: Pick<ModuleContext, 'audit'>,
  actor: AuditActor | null,
  input: ChargeVisitInput,
): Promise<number> {
  const v = await trx
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'type', 'start_at', 'end_at', 'clinician_id'])
    .where('clinic_id', '=', input.clinicId)
    .where('id', '=', input.appointmentId)
    .executeTakeFirstOrThrow();
  if (!CHARGED.has(v.type)) return 0;
  const existing = await trx
    .selectFrom('charges')
    .select('id')
    .where('clinic_id', '=', input.clinicId)
    .where('appointment_id', '=', v.id)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  if (existing) return 0;
  const minutes = Math.round((v.end_at.getTime() - v.start_at.getTime()) / 60_000);
  const plan = visitChargePlan(v.type as VisitKind, minutes, v.type === 'consultation');
  if (!plan) return 0;
  const treatment = await trx
    .selectFrom('plan_treatment_plans')
    .select('indications')
    .where('clinic_id', '=', input.clinicId)
    .where('patient_id', '=', v.patient_id)
    .where('status', 'in', ['approved', 'active'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const serviceDate = clinicDate(input.at, input.timeZone);
  const price = await priceOn(trx, input.clinicId, plan.serviceKey, serviceDate);
  const percent = await activeDiscountPercent(trx, input.clinicId, v.patient_id, input.at);
  const amount = price?.amount_cents ?? 0;
  const rows = plan.lines.map((line, i) => ({
    clinic_id: input.clinicId,
    patient_id: v.patient_id,
    service_date: serviceDate,
    appointment_id: v.id,
    service_key: plan.serviceKey,
    description: price?.label ?? SERVICE_LABELS[plan.serviceKey],
    code: line.code,
    modifiers: toJson(line.modifiers),
    units: line.units,
    icd10_codes: toJson(diagnosisCodesFor(treatment?.indications ?? [])),
    place_of_service: PLACE_OF_SERVICE_OFFICE,
    rendering_user_id: v.clinician_id,
    amount_cents: i === 0 ? amount : 0,
    discount_percent: percent,
    discount_cents: i === 0 ? discountCents(amount, percent) : 0,
    source: 'visit' as const,
    created_by: input.actorUserId,
    created_at: input.at,
  }));
  const inserted = await trx.insertInto('charges').values(rows).returning('id').execute();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'charge',
    resourceId: inserted[0]?.id ?? null,
    patientId: v.patient_id,
    category: 'billing',
    details: { appointmentId: v.id, lines: inserted.length },
  });
  return inserted.length;
}
