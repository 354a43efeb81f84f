/**
 * GET /api/v1/estimates/due — the good-faith estimates the clinic owes and by when (estimates-due.ts): booked
 * visits of self-pay and uninsured patients with no estimate covering them, and drafted estimates not yet issued.
 * Roles: admin, front desk, prescriber. 200. The read is audited (one entry for the list).
 */
import { EstimatesDue } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { estimatesDue } from './estimates-due.ts';
import { WRITE_ESTIMATES } from './policies.ts';

export function listDueEstimatesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/estimates/due',
    {
      config: { policy: WRITE_ESTIMATES },
      schema: { response: { 200: EstimatesDue }, tags: ['estimates'] },
    },
    async (req) => {
      const a = authOf(req);
      const items = await estimatesDue(ctx.db, a.clinicId, ctx.clock.now(), a.timeZone);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'good_faith_estimates_due',
        category: 'billing',
        details: { results: items.length },
      });
      return { items };
    },
  );
}
