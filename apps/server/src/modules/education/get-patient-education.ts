/**
 * GET /api/v1/patients/{id}/education — which education pages the patient has read, per current page: the
 * newest version read, when, and whether it is the current text. The care team (admin, prescriber, nurse,
 * therapist) and the patient themself. Audited. 200 PatientEducation; 404 for a patient of another clinic.
 */
import { IdParams, PatientEducation } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { ensureEducationPages } from './ensure-pages.ts';
import { currentPages, readsOf, toPatientItem } from './page-rows.ts';

export function getPatientEducationRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/education',
    {
      config: { policy: allow.roles(...CLINICAL_READERS).orSelf('id') },
      schema: { params: IdParams, response: { 200: PatientEducation }, tags: ['education'] },
    },
    async (req) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      await ensureEducationPages(ctx.db, a.clinicId);
      const rows = await currentPages(ctx.db, a.clinicId);
      const reads = await readsOf(ctx.db, a.clinicId, patient.id);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'education_read',
        patientId: patient.id,
        category: 'education',
      });
      return { items: rows.map((r) => toPatientItem(r, reads.get(r.slug))) };
    },
  );
}
