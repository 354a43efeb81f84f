/**
 * GET /api/v1/patients/{id}/estimates — the patient's coverage status in force and their good-faith estimates,
 * newest first, each with its lines, its deadline, the charges billed for its period and the $400 flag
 * (45 CFR 149.620). Roles: every staff role. 200; 404 for a patient of another clinic. The read is audited against
 * the patient.
 */
import { IdParams, PatientEstimates } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { currentCoverage } from './coverage.ts';
import { loadEstimates } from './estimate-view.ts';
import { READ_ESTIMATES } from './policies.ts';

export function listPatientEstimatesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/estimates',
    {
      config: { policy: READ_ESTIMATES },
      schema: { params: IdParams, response: { 200: PatientEstimates }, tags: ['estimates'] },
    },
    async (req) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const coverage = await currentCoverage(ctx.db, a.clinicId, patient.id);
      const items = await loadEstimates(ctx.db, { clinicId: a.clinicId, patientId: patient.id });
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'good_faith_estimate',
        patientId: patient.id,
        category: 'billing',
        details: { results: items.length },
      });
      return { coverage, items };
    },
  );
}
