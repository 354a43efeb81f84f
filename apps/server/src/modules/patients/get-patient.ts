/**
 * GET /api/v1/patients/{id} — staff of the patient's clinic, or the patient themself.
 * Another clinic's patient answers 404, exactly like a patient that does not exist.
 */
import { IdParams, Patient } from '@plasticity/contracts';
import { notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, STAFF } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toPatient } from './patient-row.ts';

export function getPatientRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id',
    {
      config: { policy: allow.roles(...STAFF).orSelf('id') },
      schema: { params: IdParams, response: { 200: Patient }, tags: ['patients'] },
    },
    async (req) => {
      const a = authOf(req);
      const row = await ctx.db
        .selectFrom('patients')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!row) throw notFound('patient');
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'patient',
        resourceId: row.id,
        patientId: row.id,
        category: 'demographics',
      });
      return toPatient(row);
    },
  );
}
