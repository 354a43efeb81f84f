/**
 * GET /api/v1/appointment-slots?from&to — staff: the clinic's open portal slots (not booked, not withdrawn)
 * starting in [from, to); default from now for 60 days. 200 OpenSlotList; 400 when `to` is not after `from`.
 */
import { OpenSlotList, SlotListQuery } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { DAY_MS, SLOT_HORIZON_DAYS, selectSlots, slotView } from './slot-view.ts';
import { clinicTypeSettings } from './type-settings.ts';

export function listSlotsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/appointment-slots',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { querystring: SlotListQuery, response: { 200: OpenSlotList }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const from = req.query.from ? new Date(req.query.from) : ctx.clock.now();
      const to = req.query.to
        ? new Date(req.query.to)
        : new Date(from.getTime() + SLOT_HORIZON_DAYS * DAY_MS);
      if (to.getTime() <= from.getTime()) throw badField('querystring.to', 'must be after from');
      const settings = await clinicTypeSettings(ctx.db, a.clinicId);
      const rows = await selectSlots(ctx.db, a.clinicId)
        .where('s.appointment_id', 'is', null)
        .where('s.withdrawn_at', 'is', null)
        .where('s.start_at', '>=', from)
        .where('s.start_at', '<', to)
        .orderBy('s.start_at')
        .limit(2000)
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'appointment_slot',
        category: 'scheduling',
      });
      return { items: rows.map((r) => slotView(r, settings)) };
    },
  );
}
