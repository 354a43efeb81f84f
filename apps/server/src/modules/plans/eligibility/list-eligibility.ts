/** GET /api/v1/patients/{id}/eligibility — the patient's eligibility evaluations and signed decisions, newest first. */
import { EligibilityList, IdParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { patientOf } from '../patient-and-settings.ts';
import { toDecision } from './decision-row.ts';

export function listEligibilityRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/eligibility',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: EligibilityList }, tags: ['eligibility'] },
    },
    async (req) => {
      const a = authOf(req);
      await patientOf(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('plan_eligibility_decisions')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', req.params.id)
        .where('entered_in_error_at', 'is', null)
        .orderBy('evaluated_at', 'desc')
        .orderBy('seq', 'desc')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'eligibility_decision',
        patientId: req.params.id,
        category: 'eligibility',
        details: { results: rows.length },
      });
      return { items: rows.map(toDecision) };
    },
  );
}
