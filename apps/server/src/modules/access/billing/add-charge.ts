/**
 * POST /api/v1/patients/{id}/charges — staff add a charge by hand (a service the product did not charge
 * itself). The amount defaults to the price in force for the service on the date of service (400 naming
 * `body.amountCents` when there is none); the sliding-scale discount in force applies. `renderingUserId` must be
 * a clinician of this clinic (400 naming it). Roles: admin, front desk, prescriber. 201 with the charge; 404 for
 * a patient of another clinic. Written with its audit entry in one transaction.
 */

import { discountCents, PLACE_OF_SERVICE_OFFICE, SERVICE_LABELS } from '@plasticity/clinical/billing';
import { AddChargeRequest, Charge, IdParams } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { chargeRows } from './charge-rows.ts';
import { activeDiscountPercent } from './discount.ts';
import { priceOn } from './prices.ts';
import { BILLING_ROLES } from './roles.ts';

export function addChargeRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/charges',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: IdParams, body: AddChargeRequest, response: { 201: Charge }, tags: ['billing'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const b = req.body;
      const now = ctx.clock.now();
      const id = await ctx.db.transaction().execute(async (trx) => {
        if (b.renderingUserId) {
          const m = await trx
            .selectFrom('memberships')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('user_id', '=', b.renderingUserId)
            .where('role', 'in', ['prescriber', 'nurse', 'therapist'])
            .where('active', '=', true)
            .executeTakeFirst();
          if (!m) throw badField('body.renderingUserId', 'is not a clinician of this clinic');
        }
        const price = await priceOn(trx, a.clinicId, b.serviceKey, b.serviceDate);
        const amount = b.amountCents ?? price?.amount_cents;
        if (amount === undefined)
          throw badField('body.amountCents', 'is required: the service has no price on that date');
        const percent = await activeDiscountPercent(trx, a.clinicId, patient.id, now);
        const row = await trx
          .insertInto('charges')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            service_date: b.serviceDate,
            service_key: b.serviceKey,
            description: b.description ?? price?.label ?? SERVICE_LABELS[b.serviceKey],
            code: b.code,
            modifiers: toJson(b.modifiers),
            units: b.units,
            icd10_codes: toJson(b.icd10Codes),
            place_of_service: PLACE_OF_SERVICE_OFFICE,
            rendering_user_id: b.renderingUserId ?? (a.role === 'prescriber' ? a.userId : null),
            amount_cents: amount,
            discount_percent: percent,
            discount_cents: discountCents(amount, percent),
            source: 'manual',
            created_by: a.userId,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'charge',
          resourceId: row.id,
          patientId: patient.id,
          category: 'billing',
          details: { code: b.code, amountCents: amount },
        });
        return row.id;
      });
      const charge = (await chargeRows(ctx.db, a.clinicId, patient.id)).find((c) => c.id === id);
      if (!charge) throw notFound('charge');
      return reply.status(201).send(charge);
    },
  );
}
