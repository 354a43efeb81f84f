/**
 * GET /api/v1/alerts?status=open|acknowledged|all&assignedTo=me&patientId= — the clinic's alerts,
 * newest first, for clinicians and the admin (never front desk, never patients: alerts are clinical).
 * The listing is audited as a query (alerts name patients by id).
 */
import { AlertList, AlertListQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toAlertsWithNames } from './alert-store.ts';

export function listAlertsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/alerts',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { querystring: AlertListQuery, response: { 200: AlertList }, tags: ['alerts'] },
    },
    async (req) => {
      const a = authOf(req);
      const { status, assignedTo, patientId } = req.query;
      let q = ctx.db.selectFrom('alerts').selectAll().where('clinic_id', '=', a.clinicId);
      if (status !== 'all') q = q.where('status', '=', status);
      if (patientId) q = q.where('patient_id', '=', patientId);
      if (assignedTo === 'me') q = q.where('assigned_to', '@>', JSON.stringify([a.userId]) as never);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'alert',
        category: 'alert',
        details: { status, mine: assignedTo === 'me', results: rows.length },
      });
      return { items: await toAlertsWithNames(ctx.db, rows) };
    },
  );
}
