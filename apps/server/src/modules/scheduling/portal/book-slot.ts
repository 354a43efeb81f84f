/**
 * POST /api/v1/portal/slots/{id}/book — the signed-in patient books an open slot for themself (role patient).
 * 201 PortalAppointment. The slot is locked, the appointment booked (booked via the portal) and the slot
 * marked taken in one transaction, so of two patients booking the same slot exactly one wins; the other
 * gets 409 `conflict`, as does a patient who already has a visit at that time. 404 for an unknown or
 * withdrawn slot, or one of a type no longer self-bookable; 409 `precondition_failed` once it has started.
 */
import { HOLDING_STATUSES, IdParams, PortalAppointment } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { bookInTrx } from '../shared/book.ts';
import { portalAppointments, portalClinic, selectPortalRows } from './portal-view.ts';
import { ownPatientId } from './slot-view.ts';
import { clinicTypeSettings } from './type-settings.ts';

export function bookSlotRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/portal/slots/:id/book',
    {
      config: { policy: allow.roles('patient') },
      schema: { params: IdParams, response: { 201: PortalAppointment }, tags: ['scheduling'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const now = ctx.clock.now();
      const settings = await clinicTypeSettings(ctx.db, a.clinicId);
      const id = await ctx.db.transaction().execute(async (trx) => {
        const slot = await trx
          .selectFrom('appointment_slots')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!slot || slot.withdrawn_at || !settings[slot.type].selfBookable) throw notFound('slot');
        if (slot.appointment_id)
          throw new AppError('conflict', 'this slot was just booked; please choose another');
        if (slot.start_at.getTime() <= now.getTime())
          throw new AppError('precondition_failed', 'this slot has already started; please choose another');
        const clash = await trx
          .selectFrom('appointments')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', patientId)
          .where('status', 'in', [...HOLDING_STATUSES])
          .where('start_at', '<', slot.end_at)
          .where('end_at', '>', slot.start_at)
          .executeTakeFirst();
        if (clash)
          throw new AppError('conflict', 'you already have a visit at this time; please choose another');
        const booked = await bookInTrx(trx, ctx, actorOf(req), {
          clinicId: a.clinicId,
          patientId,
          type: slot.type,
          start: slot.start_at,
          durationMin: Math.round((slot.end_at.getTime() - slot.start_at.getTime()) / 60_000),
          ...(slot.chair_id ? { chairId: slot.chair_id } : {}),
          ...(slot.clinician_id ? { clinicianId: slot.clinician_id } : {}),
          bookedVia: 'portal',
          createdBy: a.userId,
        });
        const taken = await trx
          .updateTable('appointment_slots')
          .set({ appointment_id: booked.id })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', slot.id)
          .where('appointment_id', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!taken) throw new AppError('conflict', 'this slot was just booked; please choose another');
        return booked.id;
      });
      const rows = await selectPortalRows(ctx.db, a.clinicId, patientId).where('a.id', '=', id).execute();
      const clinic = await portalClinic(ctx.db, a.clinicId);
      const [view] = await portalAppointments(ctx.db, a.clinicId, rows, settings, clinic, now);
      if (!view) throw notFound('appointment');
      return reply.status(201).send(view);
    },
  );
}
