/**
 * POST /api/v1/appointments/{id}/no-show {note?} — the patient did not come. Only a booked appointment whose
 * start has passed (409 `precondition_failed` before; 409 `illegal_transition` unless booked). Frees the
 * chair and clinician for the rest of the slot. Roles: as booking. 200 with the appointment; 404 for
 * another clinic's.
 */
import { Appointment, IdParams, NoShowRequest } from '@plasticity/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { viewOne } from '../shared/appointment-view.ts';
import { loadAppointment } from '../shared/load.ts';
import { APPOINTMENT_EDITORS, requireMayEdit } from './edit-roles.ts';
import { recordChange } from './record-change.ts';

export function markNoShowRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointments/:id/no-show',
    {
      config: { policy: allow.roles(...APPOINTMENT_EDITORS) },
      schema: { params: IdParams, body: NoShowRequest, response: { 200: Appointment }, tags: ['scheduling'] },
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
            `only a booked appointment can be marked as a no-show (this one is ${cur.status.replace('_', ' ')})`,
          );
        const now = ctx.clock.now();
        if (new Date(cur.start_at) > now)
          throw new AppError('precondition_failed', 'the appointment has not started yet', [
            { field: 'id', message: 'starts later: a no-show is recorded once the start has passed' },
          ]);
        const done = await trx
          .updateTable('appointments')
          .set({
            status: 'no_show',
            status_reason: b.note ?? null,
            status_changed_at: now,
            status_changed_by: a.userId,
            updated_at: now,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', cur.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordChange(trx, ctx, actorOf(req), done, {
          action: 'no_show',
          at: now,
          details: b.note ? { note: b.note } : {},
        });
        return done;
      });
      return viewOne(ctx.db, a.clinicId, a.timeZone, row);
    },
  );
}
