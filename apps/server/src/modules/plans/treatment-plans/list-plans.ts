/** GET /api/v1/patients/{id}/plans — the patient's treatment plans with progress, newest first (clinicians or the patient). */
import { IdParams, TreatmentPlanList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { patientOf } from '../patient-and-settings.ts';
import { planViews } from './plan-view.ts';

export function listPlansRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/plans',
    {
      config: { policy: allow.roles(...CLINICAL_READERS).orSelf('id') },
      schema: { params: IdParams, response: { 200: TreatmentPlanList }, tags: ['plans'] },
    },
    async (req) => {
      const a = authOf(req);
      await patientOf(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('plan_treatment_plans')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', req.params.id)
        .where('entered_in_error_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('seq', 'desc')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'treatment_plan',
        patientId: req.params.id,
        category: 'treatment_plan',
        details: { results: rows.length },
      });
      return { items: await planViews(ctx.db, a.clinicId, req.params.id, rows) };
    },
  );
}
