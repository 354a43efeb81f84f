/**
 * POST /api/v1/patients/{id}/coverage — records the patient's coverage status (self-pay, uninsured, insured but not
 * billing insurance, insured): the status in force is the newest record and every record is kept. Self-pay and
 * uninsured patients are owed good-faith estimates (45 CFR 149.610(b)(1)(i)–(ii): the provider asks and records it).
 * Roles: admin, front desk, prescriber. 201 with the coverage; 400 naming `body.status`; 404 for a patient of
 * another clinic. Written with its audit entry in one transaction.
 */
import { Coverage, IdParams, SetCoverageRequest } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { currentCoverage } from './coverage.ts';
import { WRITE_ESTIMATES } from './policies.ts';

export function setCoverageRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/coverage',
    {
      config: { policy: WRITE_ESTIMATES },
      schema: {
        params: IdParams,
        body: SetCoverageRequest,
        response: { 201: Coverage },
        tags: ['estimates'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('patient_coverage')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            status: req.body.status,
            recorded_by: a.userId,
            recorded_at: ctx.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'patient_coverage',
          resourceId: row.id,
          patientId: patient.id,
          category: 'billing',
          details: { status: req.body.status },
        });
      });
      const coverage = await currentCoverage(ctx.db, a.clinicId, patient.id);
      if (!coverage) throw new Error('coverage just recorded is missing');
      return reply.status(201).send(coverage);
    },
  );
}
