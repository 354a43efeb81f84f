/**
 * GET /api/v1/controlled/expiring?days — stock with a balance that expires within `days` (default:
 * the clinic's `controlled.expiryAlertDays`, see stock-and-ledger.ts), soonest first, via the pure `expiringSoon`.
 * Already-expired stock is listed by /stock with status `expired`.
 */
import { expiringSoon } from '@plasticity/clinical/controlled';
import { ExpiryList, ExpiryQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import {
  CATEGORY,
  canon,
  clinicInfo,
  dec,
  productDisplay,
  READERS,
  stockQuery,
  todayIn,
} from './stock-and-ledger.ts';

export function listExpiringRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/controlled/expiring',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { querystring: ExpiryQuery, response: { 200: ExpiryList }, tags: ['controlled'] },
    },
    async (req) => {
      const a = authOf(req);
      const info = await clinicInfo(ctx.db, a.clinicId);
      const days = req.query.days ?? info.settings.expiryAlertDays;
      const rows = (await stockQuery(ctx.db, a.clinicId).execute())
        .filter((r) => dec(r.balance).isPositive())
        .map((r) => ({ ...r, expiresOn: r.expires_on }));
      const soon = expiringSoon(rows, todayIn(ctx.clock.now(), info.timeZone), days);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'controlled_expiry',
        category: CATEGORY,
        details: { days, count: soon.length },
      });
      return {
        withinDays: days,
        items: soon.map(({ unit: r, daysLeft }) => ({
          id: r.id,
          product: productDisplay(r),
          lot: r.lot,
          expiresOn: r.expires_on,
          daysLeft,
          location: r.location_name,
          balance: canon(r.balance),
          unit: r.unit,
        })),
      };
    },
  );
}
