/**
 * GET /api/v1/chairs?includeInactive=&kind= (all staff roles) → 200 ChairList: the clinic's chairs and
 * rooms, active ones only unless `includeInactive=true`, optionally of one kind, ordered by their sort order
 * then name (natural order: "Chair 2" before "Chair 10"). No patient data.
 */
import { ChairList, ChairListQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { authOf } from '../../../platform/request-context.ts';
import { bySortOrderAndName, toChair } from './chair-store.ts';

export function listChairsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/chairs',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { querystring: ChairListQuery, response: { 200: ChairList }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const q = req.query;
      const rows = await ctx.db
        .selectFrom('chairs')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .$if(q.includeInactive !== 'true', (s) => s.where('active', '=', true))
        .$if(q.kind !== undefined, (s) => s.where('kind', '=', q.kind as NonNullable<typeof q.kind>))
        .execute();
      return { items: rows.sort(bySortOrderAndName).map(toChair) };
    },
  );
}
