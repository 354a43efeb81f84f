/** GET /api/v1/patients/{id}/intake — the patient's intakes, newest first (clinicians, or the patient). */
import { IdParams, IntakeList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { patientOf } from '../patient-and-settings.ts';
import { toIntakeRecord } from './intake-row.ts';

export function listIntakesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/intake',
    {
      config: { policy: allow.roles(...CLINICAL_READERS).orSelf('id') },
      schema: { params: IdParams, response: { 200: IntakeList }, tags: ['intake'] },
    },
    async (req) => {
      const a = authOf(req);
      await patientOf(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('plan_intakes')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', req.params.id)
        .where('entered_in_error_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('seq', 'desc')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'intake',
        patientId: req.params.id,
        category: 'intake',
        details: { results: rows.length },
      });
      return { items: rows.map(toIntakeRecord) };
    },
  );
}
