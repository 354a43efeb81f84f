/**
 * GET /api/v1/controlled/stock — every container of the clinic, empty ones included, with its balance
 * derived from the ledger, status (sealed/open/empty/expired/quarantined) and any draws still not
 * accounted for (drawn ≠ administered + wasted: drug in someone's hands). Audited as a register read.
 */
import { StockList } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import {
  CATEGORY,
  canon,
  clinicInfo,
  READERS,
  statusOf,
  stockQuery,
  todayIn,
  toStockItem,
} from './stock-and-ledger.ts';

export function listStockRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/controlled/stock',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { response: { 200: StockList }, tags: ['controlled'] },
    },
    async (req) => {
      const a = authOf(req);
      const info = await clinicInfo(ctx.db, a.clinicId);
      const today = todayIn(ctx.clock.now(), info.timeZone);
      const rows = await stockQuery(ctx.db, a.clinicId)
        .orderBy('l.name')
        .orderBy('c.label')
        .orderBy('c.created_at')
        .execute();
      const draws = await ctx.db
        .selectFrom('cs_ledger as d')
        .select(['d.id', 'd.container_id', 'd.patient_id', 'd.occurred_at'])
        .select(
          sql<string>`(select coalesce(sum(x.draw_delta), 0)::text from cs_ledger x where x.draw_id = d.id)`.as(
            'outstanding',
          ),
        )
        .where('d.clinic_id', '=', a.clinicId)
        .where('d.type', '=', 'draw')
        .where('d.corrects_entry_id', 'is', null)
        .execute();
      const open = draws.filter((d) => Number(d.outstanding) > 0);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'controlled_stock',
        category: CATEGORY,
        details: { count: rows.length },
      });
      return {
        items: rows.map((r) =>
          toStockItem(
            r,
            statusOf(r, today, info.timeZone, info.settings),
            open
              .filter((d) => d.container_id === r.id)
              .map((d) => ({
                id: d.id,
                patientId: d.patient_id ?? '',
                outstanding: canon(d.outstanding),
                occurredAt: new Date(d.occurred_at).toISOString(),
              })),
          ),
        ),
      };
    },
  );
}
