/**
 * POST /api/v1/estimates/{id}/entered-in-error — marks a mistaken estimate entered in error with the reason; it is
 * kept (records are never deleted), shown struck out, and no longer covers any visit on the due list.
 * Roles: admin, front desk, prescriber. 200 with the estimate; 400 naming `body.reason`; 404 for an estimate of
 * another clinic; 409 when it is already entered in error. Written with its audit entry in one transaction.
 */
import { EnterEstimateInErrorRequest, Estimate, IdParams } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { loadEstimates } from './estimate-view.ts';
import { WRITE_ESTIMATES } from './policies.ts';

export function enterEstimateInErrorRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/estimates/:id/entered-in-error',
    {
      config: { policy: WRITE_ESTIMATES },
      schema: {
        params: IdParams,
        body: EnterEstimateInErrorRequest,
        response: { 200: Estimate },
        tags: ['estimates'],
      },
    },
    async (req) => {
      const a = authOf(req);
      await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('good_faith_estimates')
          .select(['id', 'patient_id', 'entered_in_error_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('estimate');
        if (row.entered_in_error_at) throw new AppError('illegal_transition', 'already entered in error');
        await trx
          .updateTable('good_faith_estimates')
          .set({
            entered_in_error_at: ctx.clock.now(),
            entered_in_error_by: a.userId,
            entered_in_error_reason: req.body.reason,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', row.id)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'good_faith_estimate',
          resourceId: row.id,
          patientId: row.patient_id,
          category: 'billing',
          details: { status: 'entered_in_error' },
        });
      });
      const [estimate] = await loadEstimates(ctx.db, { clinicId: a.clinicId, estimateId: req.params.id });
      if (!estimate) throw notFound('estimate');
      return estimate;
    },
  );
}
