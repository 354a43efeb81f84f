/**
 * POST /api/v1/appointment-slots/{id}/withdraw — staff take an open portal slot back. 200 with the slot;
 * withdrawing it again changes nothing. 404 for another clinic's slot; 409 `precondition_failed` when a
 * patient already booked it (cancel the appointment instead).
 */
import { IdParams, OpenSlot } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { selectSlots, slotView } from './slot-view.ts';
import { clinicTypeSettings } from './type-settings.ts';

export function withdrawSlotRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointment-slots/:id/withdraw',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { params: IdParams, response: { 200: OpenSlot }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      await ctx.db.transaction().execute(async (trx) => {
        const slot = await trx
          .selectFrom('appointment_slots')
          .select(['id', 'appointment_id', 'withdrawn_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!slot) throw notFound('slot');
        if (slot.appointment_id)
          throw new AppError(
            'precondition_failed',
            'a patient booked this slot; cancel the appointment instead of withdrawing the slot',
          );
        if (slot.withdrawn_at) return;
        await trx
          .updateTable('appointment_slots')
          .set({ withdrawn_at: now })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', slot.id)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'appointment_slot',
          resourceId: slot.id,
          category: 'scheduling',
          details: { change: 'withdrawn' },
        });
      });
      const settings = await clinicTypeSettings(ctx.db, a.clinicId);
      const row = await selectSlots(ctx.db, a.clinicId)
        .where('s.id', '=', req.params.id)
        .executeTakeFirstOrThrow();
      return slotView(row, settings);
    },
  );
}
