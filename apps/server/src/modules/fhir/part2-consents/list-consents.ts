/**
 * GET /api/v1/patients/{id}/part2-consents (admin, prescriber, nurse, therapist) → 200 Part2ConsentList: the
 * patient's 42 CFR Part 2 disclosure consents, newest first, revoked and entered-in-error ones included, each
 * with whether it is in force now. 404 for another clinic's patient. Audited as a read.
 */
import { IdParams, Part2ConsentList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { consentsOf, toPart2Consent } from './consent-rows.ts';
import { PART2_CONSENT_RECORDERS } from './roles.ts';

export function listPart2ConsentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/part2-consents',
    {
      config: { policy: allow.roles(...PART2_CONSENT_RECORDERS) },
      schema: { params: IdParams, response: { 200: Part2ConsentList }, tags: ['consent'] },
    },
    async (req) => {
      const a = authOf(req);
      return ctx.db.transaction().execute(async (trx) => {
        await requirePatient(trx, a.clinicId, req.params.id);
        const rows = await consentsOf(trx, a.clinicId, req.params.id, ctx.clock.now());
        await ctx.audit.record(trx, actorOf(req), {
          action: 'read',
          resourceType: 'part2_disclosure_consent',
          patientId: req.params.id,
          category: 'consent',
          details: { results: rows.length },
        });
        return { items: rows.map(toPart2Consent) };
      });
    },
  );
}
