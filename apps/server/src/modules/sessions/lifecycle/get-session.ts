/** GET /api/v1/sessions/{id} — the full session record for clinicians and the admin; audited as a read. */
import { IdParams, SessionRecord } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { loadSession } from '../shared/load.ts';
import { sessionDetail } from './session-detail.ts';

export function getSessionRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/sessions/:id',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: SessionRecord }, tags: ['sessions'] },
    },
    async (req) => {
      const a = authOf(req);
      const s = await loadSession(ctx.db, a.clinicId, req.params.id);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'dosing_session',
        resourceId: s.id,
        patientId: s.patient_id,
        category: 'dosing_session',
      });
      return sessionDetail(ctx.db, s, ctx.clock.now());
    },
  );
}
