/**
 * POST /api/v1/patients/{id}/payments {amountCents, method, receivedAt?, reference?} — records a payment taken by
 * hand (cash, card, HSA/FSA, cheque; no card processing). `receivedAt` defaults to now and may not be in the
 * future (400 naming `body.receivedAt`). Roles: admin, front desk, prescriber. 201 with the payment; 404 for a
 * patient of another clinic. Written with its audit entry in one transaction.
 */
import { IdParams, Payment, RecordPaymentRequest } from '@plasticity/contracts';
import { badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { paymentRows } from './charge-rows.ts';
import { BILLING_ROLES } from './roles.ts';

export function recordPaymentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/payments',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: IdParams, body: RecordPaymentRequest, response: { 201: Payment }, tags: ['billing'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const b = req.body;
      const now = ctx.clock.now();
      const receivedAt = b.receivedAt ? new Date(b.receivedAt) : now;
      if (receivedAt.getTime() > now.getTime() + 60_000)
        throw badField('body.receivedAt', 'may not be in the future');
      const id = await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('payments')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            amount_cents: b.amountCents,
            method: b.method,
            received_at: receivedAt,
            reference: b.reference ?? null,
            recorded_by: a.userId,
            recorded_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'payment',
          resourceId: row.id,
          patientId: patient.id,
          category: 'billing',
          details: { amountCents: b.amountCents, method: b.method },
        });
        return row.id;
      });
      const payment = (await paymentRows(ctx.db, a.clinicId, patient.id)).find((p) => p.id === id);
      if (!payment) throw notFound('payment');
      return reply.status(201).send(payment);
    },
  );
}
