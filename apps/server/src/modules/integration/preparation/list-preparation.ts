/**
 * GET /api/v1/patients/{id}/preparation — the patient's preparation records: the one in force (`current`, the
 * newest) and every record, newest first (corrections are new records).
 * Roles: admin, prescriber, nurse, therapist (the care team). 200; 404 for a patient of another clinic.
 * Clinic-scoped; the read is audited against the patient.
 */
import { IdParams, PreparationHistory } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { preparationRecords } from './preparation-row.ts';

export function listPreparationRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/preparation',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: PreparationHistory }, tags: ['integration'] },
    },
    async (req) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const items = await preparationRecords(ctx.db, a.clinicId, patient.id);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'preparation_record',
        patientId: patient.id,
        category: 'integration',
        details: { results: items.length },
      });
      return { current: items[0] ?? null, items };
    },
  );
}
