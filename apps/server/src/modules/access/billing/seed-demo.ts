/**
 * Demo data for billing: the demo clinic's price list (in force from a year ago), the demo prescriber's NPI,
 * charges for every discharged dosing session already seeded (through `chargeDischargedSession`, as a discharge
 * makes them), a consultation two months ago for each of those patients, and a card payment for each session's
 * charge, so a superbill for a demo patient's last months has content. Runs after the sessions and integration
 * seeds (module order in app.ts). Times are offsets from now; the prices are illustrative.
 */
import { SERVICE_LABELS, type ServiceKey } from '@plasticity/clinical/billing';
import { toJson } from '@plasticity/db';
import type { ModuleContext } from '../../../platform/module.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import type { DemoSeedInfo } from '../../../seed/demo.ts';
import { chargeDischargedSession } from './charge-session.ts';

const DAY = 86_400_000;

export const DEMO_PRICES: Readonly<Record<ServiceKey, number>> = {
  consultation: 35000,
  iv_infusion: 45000,
  im_injection: 30000,
  spravato_session: 60000,
  kap_session: 25000,
  integration_session: 15000,
  therapy_session: 15000,
  induction_course_6: 240000,
};

/** A fictional NPI that passes the check digit (docs/clinical-sources.md#identifiers-on-the-clinics-documents). */
const DEMO_PRESCRIBER_NPI = '1245319599';

export async function seedBillingDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const clinic = await trx
      .selectFrom('clinics')
      .select('time_zone')
      .where('id', '=', info.clinicId)
      .executeTakeFirstOrThrow();
    const yearAgo = clinicDate(new Date(now.getTime() - 365 * DAY), clinic.time_zone);
    await trx
      .insertInto('price_list_items')
      .values(
        (Object.entries(DEMO_PRICES) as Array<[ServiceKey, number]>).map(([key, cents]) => ({
          clinic_id: info.clinicId,
          service_key: key,
          label: SERVICE_LABELS[key],
          amount_cents: cents,
          effective_from: yearAgo,
          created_by: info.userIds.admin ?? null,
        })),
      )
      .execute();
    const prescriber = info.userIds.prescriber;
    if (prescriber) {
      await trx.updateTable('users').set({ npi: DEMO_PRESCRIBER_NPI }).where('id', '=', prescriber).execute();
    }
    const sessions = await trx
      .selectFrom('dosing_sessions')
      .select(['id', 'patient_id', 'discharged_at'])
      .where('clinic_id', '=', info.clinicId)
      .where('status', '=', 'discharged')
      .where('discharged_at', 'is not', null)
      .orderBy('discharged_at')
      .execute();
    const consulted = new Set<string>();
    for (const s of sessions) {
      const at = s.discharged_at ?? now;
      const lines = await chargeDischargedSession(trx, ctx, null, {
        clinicId: info.clinicId,
        sessionId: s.id,
        at,
        timeZone: clinic.time_zone,
        actorUserId: info.userIds.nurse ?? null,
      });
      if (lines === 0) continue;
      const first = await trx
        .selectFrom('charges')
        .select(['amount_cents', 'discount_cents'])
        .where('session_id', '=', s.id)
        .where('voided_at', 'is', null)
        .orderBy('amount_cents', 'desc')
        .executeTakeFirstOrThrow();
      const due = first.amount_cents - first.discount_cents;
      if (due > 0) {
        await trx
          .insertInto('payments')
          .values({
            clinic_id: info.clinicId,
            patient_id: s.patient_id,
            amount_cents: due,
            method: 'card',
            received_at: new Date(at.getTime() + 5 * 60_000),
            reference: 'Card ending 4242',
            recorded_by: info.userIds.front_desk ?? null,
            recorded_at: new Date(at.getTime() + 5 * 60_000),
          })
          .execute();
      }
      if (!consulted.has(s.patient_id)) {
        consulted.add(s.patient_id);
        const consultAt = new Date(at.getTime() - 60 * DAY);
        await trx
          .insertInto('charges')
          .values({
            clinic_id: info.clinicId,
            patient_id: s.patient_id,
            service_date: clinicDate(consultAt, clinic.time_zone),
            service_key: 'consultation',
            description: SERVICE_LABELS.consultation,
            code: '99205',
            modifiers: toJson([]),
            units: 1,
            icd10_codes: toJson(['F33.9']),
            rendering_user_id: prescriber ?? null,
            amount_cents: DEMO_PRICES.consultation,
            source: 'manual',
            created_by: info.userIds.front_desk ?? null,
            created_at: consultAt,
          })
          .execute();
      }
    }
  });
}
