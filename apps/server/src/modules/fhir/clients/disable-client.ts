/**
 * POST /api/v1/fhir-clients/{id}/disable {reason} (admin) → 200 FhirClient: the client can no longer get a
 * token, and the tokens it holds stop working at once (bearer resolution requires an enabled client). Clients
 * are never deleted. Another clinic's or an unknown id → 404; already disabled → 409. Audited (configuration).
 */
import { DisableFhirClientRequest, FhirClient, IdParams } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { toFhirClient } from './client-store.ts';

export function disableClientRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/fhir-clients/:id/disable',
    {
      config: { policy: allow.roles('admin') },
      schema: {
        params: IdParams,
        body: DisableFhirClientRequest,
        response: { 200: FhirClient },
        tags: ['fhir'],
      },
    },
    async (req) => {
      const a = authOf(req);
      return ctx.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('fhir_clients')
          .select(['id', 'disabled_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw notFound('FHIR client');
        if (current.disabled_at) throw new AppError('conflict', 'this client is already disabled');
        const updated = await trx
          .updateTable('fhir_clients')
          .set({ disabled_at: ctx.clock.now(), disabled_by: a.userId, disabled_reason: req.body.reason })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'fhir_client',
          resourceId: updated.id,
          category: 'configuration',
          details: { disabled: true },
        });
        return toFhirClient(updated);
      });
    },
  );
}
