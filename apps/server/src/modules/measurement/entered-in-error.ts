/**
 * POST /api/v1/patients/{id}/assessments/{assessmentId}/entered-in-error {reason} — a clinician marks a
 * score entered in error. Clinical records are never deleted (product rule): the row stays with who,
 * when and why, and is left out of trends and outcomes. Marking twice is a 409. Any alert it raised
 * stays as it is: a risk answer, once given, is still followed up.
 */
import { Assessment, AssessmentParams, EnteredInErrorRequest } from '@plasticity/contracts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toAssessment } from './record.ts';

export function enteredInErrorRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/assessments/:assessmentId/entered-in-error',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'therapist') },
      schema: {
        params: AssessmentParams,
        body: EnteredInErrorRequest,
        response: { 200: Assessment },
        tags: ['measurement'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const now = ctx.clock.now();
        const updated = await trx
          .updateTable('assessments')
          .set({
            entered_in_error_at: now,
            entered_in_error_by: a.userId,
            entered_in_error_reason: req.body.reason,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', '=', req.params.assessmentId)
          .where('entered_in_error_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!updated) {
          const exists = await trx
            .selectFrom('assessments')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('patient_id', '=', req.params.id)
            .where('id', '=', req.params.assessmentId)
            .executeTakeFirst();
          if (!exists) throw notFound('assessment');
          throw new AppError('conflict', 'this assessment is already marked entered in error');
        }
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'assessment',
          resourceId: updated.id,
          patientId: updated.patient_id,
          category: 'assessment',
          details: { enteredInError: true },
        });
        return updated;
      });
      return toAssessment(row);
    },
  );
}
