/**
 * POST /api/v1/appointments/{id}/reschedule — move a booked appointment: a new start and optionally a new
 * length (default: its current length), chair or clinician (null removes one). Same id; the 'rescheduled'
 * event keeps from and to. Roles: as booking. 200 with the appointment; 404 for another clinic's; 409
 * `illegal_transition` unless booked; 409 `conflict` when the new time clashes (nothing changes); 400/404
 * naming the chair or clinician as when booking. A dosing visit's confirmation starts over (the escort named
 * is kept, but fasting, no driving and the confirmation itself must be given again for the new time).
 */
import { Appointment, IdParams, RescheduleAppointmentRequest } from '@plasticity/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { neededChairKind, typeSettings } from '../shared/appointment-types.ts';
import { viewOne } from '../shared/appointment-view.ts';
import { checkChair, checkClinician, underSavepoint } from '../shared/book.ts';
import { appointmentProtocol, iso, loadAppointment } from '../shared/load.ts';
import { APPOINTMENT_EDITORS, requireMayEdit } from './edit-roles.ts';
import { recordChange } from './record-change.ts';

export function rescheduleAppointmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointments/:id/reschedule',
    {
      config: { policy: allow.roles(...APPOINTMENT_EDITORS) },
      schema: {
        params: IdParams,
        body: RescheduleAppointmentRequest,
        response: { 200: Appointment },
        tags: ['scheduling'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const cur = await loadAppointment(trx, a.clinicId, req.params.id, { forUpdate: true });
        requireMayEdit(a.role, cur.type);
        if (cur.status !== 'booked')
          throw new AppError(
            'illegal_transition',
            `only a booked appointment can be moved (this one is ${cur.status.replace('_', ' ')})`,
          );
        const settings = await typeSettings(trx, a.clinicId, cur.type);
        const chairId = b.chairId === undefined ? cur.chair_id : b.chairId;
        const clinicianId = b.clinicianId === undefined ? cur.clinician_id : b.clinicianId;
        if (chairId && chairId !== cur.chair_id) {
          const protocol = cur.type === 'dosing' ? await appointmentProtocol(trx, a.clinicId, cur) : null;
          const kind = neededChairKind(cur.type, settings, protocol);
          await checkChair(trx, a.clinicId, chairId, kind, 'body.chairId');
        }
        if (clinicianId && clinicianId !== cur.clinician_id)
          await checkClinician(trx, a.clinicId, clinicianId, settings, 'body.clinicianId');
        const oldStart = new Date(cur.start_at);
        const oldEnd = new Date(cur.end_at);
        const minutes = b.durationMin ?? Math.round((oldEnd.getTime() - oldStart.getTime()) / 60_000);
        const start = new Date(b.start);
        const end = new Date(start.getTime() + minutes * 60_000);
        const heldUntil = new Date(end.getTime() + settings.bufferMin * 60_000);
        const now = ctx.clock.now();
        const moved = await underSavepoint(
          trx,
          () =>
            trx
              .updateTable('appointments')
              .set({
                start_at: start,
                end_at: end,
                held_until: heldUntil,
                chair_id: chairId,
                clinician_id: clinicianId,
                updated_at: now,
                ...(cur.type === 'dosing'
                  ? {
                      confirmed_at: null,
                      fasting_confirmed: false,
                      no_driving_confirmed: false,
                      reschedule_requested_at: null,
                      reschedule_note: null,
                    }
                  : {}),
              })
              .where('clinic_id', '=', a.clinicId)
              .where('id', '=', cur.id)
              .returningAll()
              .executeTakeFirstOrThrow(),
          { clinicId: a.clinicId, appointmentId: cur.id, chairId, clinicianId, start, heldUntil },
          'body',
        );
        await recordChange(trx, ctx, actorOf(req), moved, {
          action: 'rescheduled',
          at: now,
          details: {
            fromStart: iso(oldStart),
            fromEnd: iso(oldEnd),
            toStart: iso(start),
            toEnd: iso(end),
            fromChairId: cur.chair_id,
            toChairId: chairId,
            fromClinicianId: cur.clinician_id,
            toClinicianId: clinicianId,
            ...(b.reason ? { reason: b.reason } : {}),
          },
          audit: { chairId, clinicianId },
        });
        return moved;
      });
      return viewOne(ctx.db, a.clinicId, a.timeZone, row);
    },
  );
}
