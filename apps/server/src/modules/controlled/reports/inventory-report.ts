/**
 * GET /api/v1/controlled/reports/inventory?kind=initial|biennial&takenAt&format=pdf|csv — the initial or
 * biennial inventory of 21 CFR 1304.11: every controlled substance on hand with name, strength, form,
 * container size and quantity, taken at opening or close of business, with the registrant's name,
 * address and DEA number. Count method per line from the pure `buildInventory`: sealed containers
 * counted exactly; opened Schedule III–V containers may be an estimated count or measure unless they
 * hold more than 1,000 units (1304.11(e)(3)). The biennial due date (two years) is printed.
 */
import { buildInventory, type InventoryItem, type Schedule } from '@plasticity/clinical/controlled';
import { InventoryReportQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import {
  CATEGORY,
  clinicInfo,
  dec,
  READERS,
  registrantLine,
  stockQuery,
  todayIn,
} from '../stock-and-ledger.ts';
import { localStamp, type Report } from './render.ts';
import { sendReport } from './send.ts';

export function inventoryReportRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/controlled/reports/inventory',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { querystring: InventoryReportQuery, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const q = req.query;
      const now = ctx.clock.now();
      const info = await clinicInfo(ctx.db, a.clinicId);
      const rows = (
        await stockQuery(ctx.db, a.clinicId).orderBy('p.drug').orderBy('c.expires_on').execute()
      ).filter((r) => dec(r.balance).isPositive());
      const items: (InventoryItem & { lot: string; expiresOn: string; location: string; label: string })[] =
        rows.map((r) => ({
          containerId: r.id,
          ndc: r.ndc,
          substance: r.drug,
          form: r.form,
          strength: r.strength,
          schedule: r.schedule as Schedule,
          unit: r.unit,
          sealed: !r.opened_at,
          containerSize: dec(r.container_size),
          quantity: dec(r.balance),
          lot: r.lot,
          expiresOn: r.expires_on,
          location: r.location_name,
          label: r.label,
        }));
      const kind = q.kind ?? 'biennial';
      const takenAt = q.takenAt ?? 'close_of_business';
      const inv = buildInventory({
        kind,
        takenOn: todayIn(now, info.timeZone),
        takenAt,
        registrant: { name: info.name, deaNumber: info.deaNumber, address: info.address },
        items,
      });
      const report: Report = {
        title: `${kind === 'initial' ? 'Initial' : 'Biennial'} inventory of controlled substances (21 CFR 1304.11)`,
        lines: [
          registrantLine(info),
          `Taken on ${inv.takenOn} at ${takenAt === 'close_of_business' ? 'close of business' : 'opening of business'}; next biennial inventory due by ${inv.nextBiennialDueOn}.`,
          inv.zeroInventory
            ? 'Zero inventory: no controlled substances on hand.'
            : `${inv.lines.length} container(s) on hand.`,
        ],
        columns: [
          { header: 'NDC', width: 7 },
          { header: 'Substance', width: 8 },
          { header: 'Strength', width: 6 },
          { header: 'Form', width: 9 },
          { header: 'Sched.', width: 4 },
          { header: 'Container size', width: 6 },
          { header: 'Container', width: 6 },
          { header: 'Lot', width: 5 },
          { header: 'Expires', width: 6 },
          { header: 'Location', width: 7 },
          { header: 'Sealed', width: 4 },
          { header: 'Quantity', width: 5 },
          { header: 'Unit', width: 3 },
          { header: 'Count method', width: 6 },
          { header: 'Count rule', width: 16 },
        ],
        rows: inv.lines.map((l, i) => {
          const it = items[i] as (typeof items)[number];
          return [
            l.ndc,
            l.substance,
            l.strength,
            l.form,
            l.schedule,
            `${l.containerSize.toString()} ${l.unit}`,
            it.label,
            it.lot,
            it.expiresOn,
            it.location,
            l.sealed ? 'yes' : 'no',
            l.quantity.toString(),
            l.unit,
            l.countMethod,
            l.countMethodReason,
          ];
        }),
        footnote:
          'Opened Schedule III-V containers: estimated count or measure allowed unless the container holds more than 1,000 units (21 CFR 1304.11(e)(3)).\nCounted by: ____________________   Witness: ____________________',
        printedAt: localStamp(now, info.timeZone),
      };
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: q.format === 'csv' ? 'export' : 'print',
        resourceType: 'controlled_inventory_report',
        category: CATEGORY,
        details: { kind, lines: inv.lines.length },
      });
      return sendReport(reply, report, q.format ?? 'pdf', `inventory-${kind}-${inv.takenOn}`);
    },
  );
}
