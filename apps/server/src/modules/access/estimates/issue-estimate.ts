/**
 * POST /api/v1/estimates/{id}/issue — issues a drafted good-faith estimate (the day it is handed to the patient; the
 * PDF is what they receive). Roles: admin, front desk, prescriber. 200 with the estimate; 404 for an estimate of
 * another clinic; 409 when it is already issued or was entered in error. Written with its audit entry in one
 * transaction.
 */
import { Estimate, IdParams } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { loadEstimates } from './estimate-view.ts';
import { WRITE_ESTIMATES } from './policies.ts';

export function issueEstimateRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/estimates/:id/issue',
    {
      config: { policy: WRITE_ESTIMATES },
      schema: { params: IdParams, response: { 200: Estimate }, tags: ['estimates'] },
    },
    async (req) => {
      const a = authOf(req);
      await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('good_faith_estimates')
          .select(['id', 'patient_id', 'status', 'entered_in_error_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('estimate');
        if (row.entered_in_error_at || row.status !== 'draft')
          throw new AppError('illegal_transition', 'only a draft estimate can be issued');
        await trx
          .updateTable('good_faith_estimates')
          .set({ status: 'issued', issued_at: ctx.clock.now(), issued_by: a.userId })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', row.id)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'good_faith_estimate',
          resourceId: row.id,
          patientId: row.patient_id,
          category: 'billing',
          details: { status: 'issued' },
        });
      });
      const [estimate] = await loadEstimates(ctx.db, { clinicId: a.clinicId, estimateId: req.params.id });
      if (!estimate) throw notFound('estimate');
      return estimate;
    },
  );
}
