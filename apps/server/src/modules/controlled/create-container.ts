/**
 * POST /api/v1/controlled/containers — a prescriber or nurse registers a received stock unit (lot,
 * expiry, container label, storage location) and, in the same transaction, its receipt movement
 * (21 CFR 1304.22(c): date, quantity, supplier name, address and DEA number; invoice). Without
 * `receipt` the unit is registered empty and a later `receipt` movement fills it.
 */
import { CreateContainerRequest, StockItem } from '@plasticity/contracts';
import { badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { recordMovement } from './record-movement.ts';
import {
  CATEGORY,
  clinicInfo,
  loadStockRow,
  MOVERS,
  statusOf,
  todayIn,
  toStockItem,
} from './stock-and-ledger.ts';

export function createContainerRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/controlled/containers',
    {
      config: { policy: allow.roles(...MOVERS) },
      schema: { body: CreateContainerRequest, response: { 201: StockItem }, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const id = await ctx.db.transaction().execute(async (trx) => {
        const product = await trx
          .selectFrom('cs_products')
          .select(['id', 'unit'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', b.productId)
          .executeTakeFirst();
        if (!product) throw badField('body.productId', 'no such product in this clinic');
        const loc = await trx
          .selectFrom('cs_locations')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', b.locationId)
          .executeTakeFirst();
        if (!loc) throw badField('body.locationId', 'no such location in this clinic');
        const c = await trx
          .insertInto('cs_containers')
          .values({
            clinic_id: a.clinicId,
            product_id: b.productId,
            lot: b.lot,
            expires_on: b.expiresOn,
            label: b.label || b.lot,
            location_id: b.locationId,
            created_by: a.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'controlled_container',
          resourceId: c.id,
          category: CATEGORY,
        });
        if (b.receipt) {
          const r = await recordMovement(trx, {
            clinicId: a.clinicId,
            actorUserId: a.userId,
            now: ctx.clock.now(),
            witnesses: [],
            body: {
              type: 'receipt',
              containerId: c.id,
              quantity: b.receipt.quantity,
              unit: product.unit,
              supplierId: b.receipt.supplierId,
              ...(b.receipt.invoice ? { invoice: b.receipt.invoice } : {}),
              ...(b.receipt.occurredAt ? { occurredAt: b.receipt.occurredAt } : {}),
            },
          });
          await ctx.audit.record(trx, actorOf(req), {
            action: 'create',
            resourceType: 'controlled_movement',
            resourceId: r.entry.id,
            category: CATEGORY,
            details: { type: 'receipt', containerId: c.id, quantity: r.entry.quantity, unit: r.unit },
          });
        }
        return c.id;
      });
      const info = await clinicInfo(ctx.db, a.clinicId);
      const r = await loadStockRow(ctx.db, a.clinicId, id);
      return reply
        .status(201)
        .send(
          toStockItem(r, statusOf(r, todayIn(ctx.clock.now(), info.timeZone), info.timeZone, info.settings)),
        );
    },
  );
}
