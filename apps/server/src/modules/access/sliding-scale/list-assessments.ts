/**
 * GET /api/v1/patients/{id}/sliding-scale — the patient's sliding-scale assessments, newest first, each with its
 * status now, and which one's discount applies. Any staff role. 200 SlidingScaleAssessmentList; 404 for a patient
 * of another clinic. Audited (a read of the patient's household income).
 */
import { IdParams, SlidingScaleAssessmentList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { assessmentList } from './assessment-view.ts';
import { ANY_STAFF } from './policies.ts';

export function listAssessmentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/sliding-scale',
    {
      config: { policy: ANY_STAFF },
      schema: { params: IdParams, response: { 200: SlidingScaleAssessmentList }, tags: ['sliding-scale'] },
    },
    async (req) => {
      const a = authOf(req);
      await requirePatient(ctx.db, a.clinicId, req.params.id);
      const list = await assessmentList(ctx.db, a.clinicId, req.params.id, ctx.clock.now());
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'sliding_scale_assessment',
        patientId: req.params.id,
        category: 'billing',
      });
      return list;
    },
  );
}
