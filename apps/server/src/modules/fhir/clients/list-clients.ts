/**
 * GET /api/v1/fhir-clients (admin) → 200 FhirClientList: the clinic's system clients, newest first, disabled
 * ones included, with the token endpoint their assertions must name as `aud`. No patient data.
 */
import { FhirClientList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { authOf } from '../../../platform/request-context.ts';
import { toFhirClient, tokenEndpoint } from './client-store.ts';

export function listClientsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/fhir-clients',
    {
      config: { policy: allow.roles('admin') },
      schema: { response: { 200: FhirClientList }, tags: ['fhir'] },
    },
    async (req) => {
      const rows = await ctx.db
        .selectFrom('fhir_clients')
        .selectAll()
        .where('clinic_id', '=', authOf(req).clinicId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return { items: rows.map(toFhirClient), tokenEndpoint: tokenEndpoint(req, ctx.config) };
    },
  );
}
