/**
 * GET /api/v1/portal/slots?type= — open slots the signed-in patient may book: self-bookable types only, not
 * booked, not withdrawn, starting from now up to 60 days ahead. Role patient only. 200 OpenSlotList.
 */
import { OpenSlotList, PortalSlotQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { DAY_MS, ownPatientId, SLOT_HORIZON_DAYS, selectSlots, slotView } from './slot-view.ts';
import { clinicTypeSettings, selfBookableTypes } from './type-settings.ts';

export function listPortalSlotsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/portal/slots',
    {
      config: { policy: allow.roles('patient') },
      schema: { querystring: PortalSlotQuery, response: { 200: OpenSlotList }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const now = ctx.clock.now();
      const settings = await clinicTypeSettings(ctx.db, a.clinicId);
      const types = selfBookableTypes(settings).filter((t) => !req.query.type || t === req.query.type);
      const rows =
        types.length === 0
          ? []
          : await selectSlots(ctx.db, a.clinicId)
              .where('s.type', 'in', types)
              .where('s.appointment_id', 'is', null)
              .where('s.withdrawn_at', 'is', null)
              .where('s.start_at', '>=', now)
              .where('s.start_at', '<', new Date(now.getTime() + SLOT_HORIZON_DAYS * DAY_MS))
              .orderBy('s.start_at')
              .limit(500)
              .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'appointment_slot',
        patientId,
        category: 'scheduling',
      });
      return { items: rows.map((r) => slotView(r, settings)) };
    },
  );
}
