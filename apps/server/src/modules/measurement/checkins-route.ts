/**
 * GET /api/v1/patients/{id}/check-ins — the patient's open measurement requests and the forms to
 * fill in ("My check-ins" in the portal). The patient themself and clinical readers.
 */
import { IdParams, PendingCheckIns } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { clinicInstruments, publicDefinition } from './definitions.ts';

export function checkInsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/check-ins',
    {
      config: { policy: allow.roles(...CLINICAL_READERS).orSelf('id') },
      schema: { params: IdParams, response: { 200: PendingCheckIns }, tags: ['measurement'] },
    },
    async (req) => {
      const a = authOf(req);
      const p = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('measurement_requests')
        .select(['id', 'instrument_id', 'due_at'])
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', p.id)
        .where('completed_at', 'is', null)
        .orderBy('due_at')
        .execute();
      const defs = (await clinicInstruments(ctx.db, a.clinicId)).filter((d) => d.kind === 'self_report');
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'measurement_request',
        patientId: p.id,
        category: 'assessment',
      });
      return {
        items: rows.map((r) => ({
          requestId: r.id,
          instrument: r.instrument_id,
          dueAt: r.due_at.toISOString(),
        })),
        instruments: defs.map(publicDefinition),
      } as never;
    },
  );
}
