/**
 * GET /api/v1/patients/{id}/consents — the clinic's current consent documents (whole text, so the patient
 * reads exactly what they sign) and the patient's signatures, including withdrawn ones.
 */
import { IdParams, PatientConsents } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { patientOf } from '../patient-and-settings.ts';
import { currentDocuments, signaturesOf, toDocument, toSignature } from './consent-rows.ts';

export function patientConsentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/consents',
    {
      config: { policy: allow.roles(...STAFF).orSelf('id') },
      schema: { params: IdParams, response: { 200: PatientConsents }, tags: ['consent'] },
    },
    async (req) => {
      const a = authOf(req);
      await patientOf(ctx.db, a.clinicId, req.params.id);
      const documents = await currentDocuments(ctx.db, a.clinicId);
      const signatures = await signaturesOf(ctx.db, a.clinicId, req.params.id);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'consent_signature',
        patientId: req.params.id,
        category: 'consent',
        details: { results: signatures.length },
      });
      return { documents: documents.map(toDocument), signatures: signatures.map(toSignature) };
    },
  );
}
