/**
 * POST /api/v1/appointments/{id}/cancel {reason, late?} — cancel a booked appointment (a late cancellation
 * when `late`). The chair and clinician are free again at once (the exclusion constraints cover only
 * holding statuses). Roles: as booking. 200 with the appointment; 404 for another clinic's; 409
 * `illegal_transition` unless booked (cancelled, checked in, completed, no-show).
 */
import { Appointment, CancelAppointmentRequest, IdParams } from '@plasticity/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { viewOne } from '../shared/appointment-view.ts';
import { loadAppointment } from '../shared/load.ts';
import { reopenSlotOf } from '../shared/reopen-slot.ts';
import { APPOINTMENT_EDITORS, requireMayEdit } from './edit-roles.ts';
import { recordChange } from './record-change.ts';

export function cancelAppointmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointments/:id/cancel',
    {
      config: { policy: allow.roles(...APPOINTMENT_EDITORS) },
      schema: {
        params: IdParams,
        body: CancelAppointmentRequest,
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
            `only a booked appointment can be cancelled (this one is ${cur.status.replace('_', ' ')})`,
          );
        const status = b.late ? 'late_cancelled' : 'cancelled';
        const now = ctx.clock.now();
        const done = await trx
          .updateTable('appointments')
          .set({
            status,
            status_reason: b.reason,
            status_changed_at: now,
            status_changed_by: a.userId,
            updated_at: now,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', cur.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordChange(trx, ctx, actorOf(req), done, {
          action: status,
          at: now,
          details: { reason: b.reason },
          audit: { status },
        });
        // A visit booked into a portal slot gives its time back to the portal.
        await reopenSlotOf(trx, a.clinicId, done.id, now);
        return done;
      });
      return viewOne(ctx.db, a.clinicId, a.timeZone, row);
    },
  );
}
