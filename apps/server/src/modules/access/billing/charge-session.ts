/**
 * `chargeDischargedSession`: the charge lines of a dosing session, written in the discharge transaction
 * (sessions/lifecycle/transition.ts). Lines come from `sessionChargePlan` (docs/clinical-sources.md#charge-lines):
 * the drug, route, dose and infusion time of the session's administration (not entered in error). The service's
 * price in force on the date of service goes on the first line (the primary code); add-on and drug lines carry 0
 * (the service price covers them). The sliding-scale discount in force is applied. Diagnosis codes come from the
 * plan's indications, else the protocol's. A session without an administration is not charged. Idempotent: a
 * session already charged (a live line exists) is left as it is.
 */
import {
  diagnosisCodesFor,
  discountCents,
  PLACE_OF_SERVICE_OFFICE,
  SERVICE_LABELS,
  sessionChargePlan,
} from '@plasticity/clinical/billing';
import type { Drug, Route } from '@plasticity/clinical/protocols';
import { type DB, toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../../platform/module.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { activeDiscountPercent } from './discount.ts';
import { priceOn } from './prices.ts';

export interface ChargeSessionInput {
  clinicId: string;
  sessionId: string;
  at: Date;
  timeZone: string;
  actorUserId: string | null;
}

export async function chargeDischargedSession(
  trx: Kysely<DB>,
  ctx: Pick<ModuleContext, 'audit'>,
  actor: AuditActor | null,
  input: ChargeSessionInput,
): Promise<number> {
  const s = await trx
    .selectFrom('dosing_sessions')
    .select(['id', 'patient_id', 'plan_id', 'protocol', 'prescriber_on_site_id'])
    .where('clinic_id', '=', input.clinicId)
    .where('id', '=', input.sessionId)
    .executeTakeFirstOrThrow();
  const existing = await trx
    .selectFrom('charges')
    .select('id')
    .where('clinic_id', '=', input.clinicId)
    .where('session_id', '=', s.id)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  if (existing) return 0;
  const adm = await trx
    .selectFrom('session_administrations')
    .select(['drug', 'route', 'dose_mg', 'started_at', 'stopped_at', 'duration_min', 'administered_by'])
    .where('clinic_id', '=', input.clinicId)
    .where('session_id', '=', s.id)
    .where('entered_in_error_at', 'is', null)
    .orderBy('started_at')
    .execute();
  const first = adm[0];
  if (!first) return 0;
  const doseMg = adm.reduce((sum, a) => sum + Number(a.dose_mg), 0);
  const infusionMinutes = first.stopped_at
    ? Math.round((first.stopped_at.getTime() - first.started_at.getTime()) / 60_000)
    : first.duration_min !== null
      ? Number(first.duration_min)
      : null;
  const plan = sessionChargePlan({
    route: first.route as Route,
    drug: first.drug as Drug,
    doseMg,
    infusionMinutes,
  });
  let indications: readonly string[] = s.protocol.indications ?? [];
  if (s.plan_id) {
    const p = await trx
      .selectFrom('plan_treatment_plans')
      .select('indications')
      .where('clinic_id', '=', input.clinicId)
      .where('id', '=', s.plan_id)
      .executeTakeFirst();
    if (p && p.indications.length > 0) indications = p.indications;
  }
  const serviceDate = clinicDate(input.at, input.timeZone);
  const price = await priceOn(trx, input.clinicId, plan.serviceKey, serviceDate);
  const percent = await activeDiscountPercent(trx, input.clinicId, s.patient_id, input.at);
  const icd10 = diagnosisCodesFor(indications);
  const rendering = s.prescriber_on_site_id ?? first.administered_by;
  const rows = plan.lines.map((line, i) => {
    const amount = i === 0 ? (price?.amount_cents ?? 0) : 0;
    return {
      clinic_id: input.clinicId,
      patient_id: s.patient_id,
      service_date: serviceDate,
      session_id: s.id,
      service_key: plan.serviceKey,
      description: i === 0 ? (price?.label ?? SERVICE_LABELS[plan.serviceKey]) : 'Included in the service',
      code: line.code,
      modifiers: toJson(line.modifiers),
      units: line.units,
      icd10_codes: toJson(icd10),
      place_of_service: PLACE_OF_SERVICE_OFFICE,
      rendering_user_id: rendering,
      amount_cents: amount,
      discount_percent: percent,
      discount_cents: discountCents(amount, percent),
      source: 'session' as const,
      created_by: input.actorUserId,
      created_at: input.at,
    };
  });
  const inserted = await trx.insertInto('charges').values(rows).returning('id').execute();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'charge',
    resourceId: inserted[0]?.id ?? null,
    patientId: s.patient_id,
    category: 'billing',
    details: { sessionId: s.id, lines: inserted.length },
  });
  return inserted.length;
}
