/**
 * POST /api/v1/prices {serviceKey, amountCents, effectiveFrom, label?} — a new price for a service from a date
 * on. Prices are never changed in place: the new price is a new row, and the row in force on that date gets
 * `effective_to` the day before. A price dated on or before the start of a later row for the same service is
 * refused (400 naming `body.effectiveFrom`), so rows never overlap.
 * Roles: admin. 201 with the price list. Written with its audit entry in one transaction.
 */

import { SERVICE_LABELS } from '@plasticity/clinical/billing';
import { PriceList, SetPriceRequest } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { priceList } from './prices.ts';

const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

export function setPriceRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/prices',
    {
      config: { policy: allow.roles('admin') },
      schema: { body: SetPriceRequest, response: { 201: PriceList }, tags: ['billing'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      await ctx.db.transaction().execute(async (trx) => {
        const later = await trx
          .selectFrom('price_list_items')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('service_key', '=', b.serviceKey)
          .where('effective_from', '>=', b.effectiveFrom)
          .executeTakeFirst();
        if (later) throw badField('body.effectiveFrom', 'must be after the start of the latest price');
        await trx
          .updateTable('price_list_items')
          .set({ effective_to: dayBefore(b.effectiveFrom) })
          .where('clinic_id', '=', a.clinicId)
          .where('service_key', '=', b.serviceKey)
          .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', b.effectiveFrom)]))
          .execute();
        const row = await trx
          .insertInto('price_list_items')
          .values({
            clinic_id: a.clinicId,
            service_key: b.serviceKey,
            label: b.label ?? SERVICE_LABELS[b.serviceKey],
            amount_cents: b.amountCents,
            effective_from: b.effectiveFrom,
            created_by: a.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'price_list_item',
          resourceId: row.id,
          category: 'configuration',
          details: { serviceKey: b.serviceKey, amountCents: b.amountCents, effectiveFrom: b.effectiveFrom },
        });
      });
      const today = clinicDate(ctx.clock.now(), a.timeZone);
      return reply.status(201).send(await priceList(ctx.db, a.clinicId, today));
    },
  );
}
