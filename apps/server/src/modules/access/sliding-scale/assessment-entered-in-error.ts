/**
 * POST /api/v1/patients/{id}/sliding-scale/{assessmentId}/entered-in-error {reason} — marks an assessment
 * entered in error (it never applies again; kept, never deleted); the newest remaining one, if still valid,
 * applies. Roles admin and front desk. 200 SlidingScaleAssessmentList; 404 for an assessment not of this
 * patient and clinic; 409 when it is already marked. Audited.
 */
import {
  AssessmentEnteredInErrorRequest,
  SlidingScaleAssessmentList,
  SlidingScaleAssessmentParams,
} from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { assessmentList } from './assessment-view.ts';
import { RECORD_ASSESSMENT } from './policies.ts';

export function assessmentEnteredInErrorRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/sliding-scale/:assessmentId/entered-in-error',
    {
      config: { policy: RECORD_ASSESSMENT },
      schema: {
        params: SlidingScaleAssessmentParams,
        body: AssessmentEnteredInErrorRequest,
        response: { 200: SlidingScaleAssessmentList },
        tags: ['sliding-scale'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const { id: patientId, assessmentId } = req.params;
      const now = ctx.clock.now();
      return ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('sliding_scale_assessments')
          .select(['id', 'entered_in_error_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', patientId)
          .where('id', '=', assessmentId)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('assessment');
        if (row.entered_in_error_at)
          throw new AppError('conflict', 'the assessment is already entered in error');
        await trx
          .updateTable('sliding_scale_assessments')
          .set({
            entered_in_error_at: now,
            entered_in_error_by: a.userId,
            entered_in_error_reason: req.body.reason,
          })
          .where('id', '=', assessmentId)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'sliding_scale_assessment',
          resourceId: assessmentId,
          patientId,
          category: 'billing',
        });
        return assessmentList(trx, a.clinicId, patientId, now);
      });
    },
  );
}
