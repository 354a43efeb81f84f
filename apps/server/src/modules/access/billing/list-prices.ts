/**
 * GET /api/v1/prices — the clinic's price list: every row (newest first per service) and the row in force today
 * per service. Roles: any staff (the price list is clinic configuration, no patient data; not audited). 200.
 */
import { PriceList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { priceList } from './prices.ts';

export function listPricesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/prices',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { response: { 200: PriceList }, tags: ['billing'] },
    },
    async (req) => {
      const a = authOf(req);
      const today = clinicDate(ctx.clock.now(), a.timeZone);
      return priceList(ctx.db, a.clinicId, today);
    },
  );
}
