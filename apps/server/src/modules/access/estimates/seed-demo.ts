/**
 * Demo data for good-faith estimates: the portal patient is self-pay with an issued estimate for an induction course
 * of six IV ketamine infusions (from today for six months; issued today), and patient p8 is uninsured and asked for an
 * estimate today, drafted and not yet issued — so the due list shows it, due in 3 business days.
 */
import { estimateDeadline } from '@plasticity/clinical/estimates';
import { instantToLocal } from '@plasticity/clinical/scheduling';
import { toJson } from '@plasticity/db';
import type { ModuleContext } from '../../../platform/module.ts';
import type { DemoSeedInfo } from '../../../seed/demo.ts';

const COURSE = [
  { code: '99214', description: 'Medical review before the course', dx: ['F33.2'], qty: 1, cents: 25_000 },
  { code: '96365', description: 'IV ketamine infusion, first hour', dx: ['F33.2'], qty: 6, cents: 45_000 },
];

function plusMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, Math.min(d, 28)));
  return t.toISOString().slice(0, 10);
}

export async function seedEstimatesDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now();
  const portal = info.patientIds.portal;
  const p8 = info.patientIds.p8;
  const desk = info.userIds.front_desk ?? null;
  if (!portal || !p8) return;
  await ctx.db.transaction().execute(async (trx) => {
    const clinic = await trx
      .selectFrom('clinics')
      .select(['name', 'npi', 'tin', 'time_zone'])
      .where('id', '=', info.clinicId)
      .executeTakeFirstOrThrow();
    const today = instantToLocal(now, clinic.time_zone).date;
    await trx
      .insertInto('patient_coverage')
      .values([
        {
          clinic_id: info.clinicId,
          patient_id: portal,
          status: 'self_pay',
          recorded_by: desk,
          recorded_at: now,
        },
        {
          clinic_id: info.clinicId,
          patient_id: p8,
          status: 'uninsured',
          recorded_by: desk,
          recorded_at: now,
        },
      ])
      .execute();
    const total = COURSE.reduce((s, l) => s + l.qty * l.cents, 0);
    const estimates = [
      { patient: portal, issued: true },
      { patient: p8, issued: false },
    ];
    for (const e of estimates) {
      const row = await trx
        .insertInto('good_faith_estimates')
        .values({
          clinic_id: info.clinicId,
          patient_id: e.patient,
          primary_service: 'Induction course of six IV ketamine infusions',
          scheduled_on: null,
          appointment_id: null,
          period_from: today,
          period_to: plusMonths(today, 6),
          trigger_kind: 'requested',
          trigger_on: today,
          due_by: estimateDeadline({ kind: 'requested', requestedOn: today }).dueBy,
          status: e.issued ? 'issued' : 'draft',
          total_cents: total,
          issued_at: e.issued ? now : null,
          issued_by: e.issued ? desk : null,
          created_by: desk,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('good_faith_estimate_items')
        .values(
          COURSE.map((l, position) => ({
            clinic_id: info.clinicId,
            estimate_id: row.id,
            position,
            provider_user_id: null,
            provider_name: clinic.name,
            provider_npi: clinic.npi,
            provider_tin: clinic.tin,
            service_code: l.code,
            description: l.description,
            diagnosis_codes: toJson(l.dx),
            quantity: l.qty,
            unit_charge_cents: l.cents,
            separate_scheduling: false,
          })),
        )
        .execute();
    }
  });
}
