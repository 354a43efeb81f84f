/**
 * POST /api/v1/patients/{id}/charges/{chargeId}/void {reason} — voids a charge (it stays on the record, marked,
 * and no longer counts in the balance). Roles: admin, front desk, prescriber. 200 with the charge; 404 for a
 * charge of another patient or clinic; 409 `conflict` when it is already voided. Audited in the transaction.
 */
import { Charge, ChargeParams, VoidRequest } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { chargeRows } from './charge-rows.ts';
import { BILLING_ROLES } from './roles.ts';

export function voidChargeRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/charges/:chargeId/void',
    {
      config: { policy: allow.roles(...BILLING_ROLES) },
      schema: { params: ChargeParams, body: VoidRequest, response: { 200: Charge }, tags: ['billing'] },
    },
    async (req) => {
      const a = authOf(req);
      const { id, chargeId } = req.params;
      await ctx.db.transaction().execute(async (trx) => {
        const c = await trx
          .selectFrom('charges')
          .select(['id', 'voided_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', id)
          .where('id', '=', chargeId)
          .forUpdate()
          .executeTakeFirst();
        if (!c) throw notFound('charge');
        if (c.voided_at) throw new AppError('conflict', 'the charge is already voided');
        await trx
          .updateTable('charges')
          .set({ voided_at: ctx.clock.now(), voided_by: a.userId, void_reason: req.body.reason })
          .where('id', '=', c.id)
          .where('clinic_id', '=', a.clinicId)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'charge',
          resourceId: c.id,
          patientId: id,
          category: 'billing',
          details: { voided: true },
        });
      });
      const charge = (await chargeRows(ctx.db, a.clinicId, id)).find((c) => c.id === chargeId);
      if (!charge) throw notFound('charge');
      return charge;
    },
  );
}
