/**
 * POST /api/v1/patients/{id}/payments/{paymentId}/void {reason} — voids a payment recorded in error (it stays on
 * the record, marked, and no longer counts). Roles: admin, front desk, prescriber. 200 with the payment; 404 for a
 * payment of another patient or clinic; 409 `conflict` when already voided. Audited in the transaction.
 */
import { Payment, PaymentParams, VoidRequest } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { paymentRows } from './charge-rows.ts';
import { BILLING_ROLES } from './roles.ts';

export function voidPaymentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/payments/:paymentId/void',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: PaymentParams, body: VoidRequest, response: { 200: Payment }, tags: ['billing'] },
    },
    async (req) => {
      const a = authOf(req);
      const { id, paymentId } = req.params;
      await ctx.db.transaction().execute(async (trx) => {
        const p = await trx
          .selectFrom('payments')
          .select(['id', 'voided_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', id)
          .where('id', '=', paymentId)
          .forUpdate()
          .executeTakeFirst();
        if (!p) throw notFound('payment');
        if (p.voided_at) throw new AppError('conflict', 'the payment is already voided');
        await trx
          .updateTable('payments')
          .set({ voided_at: ctx.clock.now(), voided_by: a.userId, void_reason: req.body.reason })
          .where('id', '=', p.id)
          .where('clinic_id', '=', a.clinicId)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'payment',
          resourceId: p.id,
          patientId: id,
          category: 'billing',
          details: { voided: true },
        });
      });
      const payment = (await paymentRows(ctx.db, a.clinicId, id)).find((p) => p.id === paymentId);
      if (!payment) throw notFound('payment');
      return payment;
    },
  );
}
