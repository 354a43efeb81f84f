/**
 * POST /api/v1/portal/appointments/{id}/cancel {reason?} — the signed-in patient cancels their own visit
 * (role patient). 200 PortalAppointment (status cancelled). 404 for anyone else's appointment. 409
 * `precondition_failed`: a visit type patients may not cancel themselves (dosing visits and every type that
 * is not self-bookable: "call the clinic"), a visit no longer booked, or past the notice deadline (the
 * message names the deadline in the clinic's time zone). A portal slot the visit came from opens again as a
 * new slot; the old slot keeps its link to the cancelled visit.
 */
import { formatDateTime } from '@plasticity/clinical/time-format';
import { IdParams, PortalAppointment, PortalCancelRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { reopenSlotOf } from '../shared/reopen-slot.ts';
import { cancelRule, portalAppointments, portalClinic, selectPortalRows } from './portal-view.ts';
import { ownPatientId } from './slot-view.ts';
import { clinicTypeSettings } from './type-settings.ts';

export function cancelOwnAppointmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/portal/appointments/:id/cancel',
    {
      config: { policy: allow.roles('patient') },
      schema: {
        params: IdParams,
        body: PortalCancelRequest,
        response: { 200: PortalAppointment },
        tags: ['scheduling'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const now = ctx.clock.now();
      const settings = await clinicTypeSettings(ctx.db, a.clinicId);
      const clinic = await portalClinic(ctx.db, a.clinicId);
      await ctx.db.transaction().execute(async (trx) => {
        const appt = await trx
          .selectFrom('appointments')
          .select(['id', 'type', 'status', 'start_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', patientId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!appt) throw notFound('appointment');
        if (appt.status !== 'booked')
          throw new AppError('precondition_failed', 'only a booked visit can be cancelled');
        const rule = cancelRule(appt, settings, clinic, now);
        if (!rule.canCancel) {
          const deadline = rule.cancelDeadline
            ? ` The deadline was ${formatDateTime(rule.cancelDeadline, clinic.timeZone, { zone: true })}.`
            : '';
          throw new AppError(
            'precondition_failed',
            `${settings[appt.type].label} cannot be cancelled online.${deadline} ${rule.cancelNote ?? ''}`.trim(),
          );
        }
        const reason = req.body.reason ?? 'Cancelled by the patient on the portal';
        await trx
          .updateTable('appointments')
          .set({
            status: 'cancelled',
            status_reason: reason,
            status_changed_at: now,
            status_changed_by: a.userId,
            updated_at: now,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', appt.id)
          .execute();
        await trx
          .insertInto('appointment_events')
          .values({
            clinic_id: a.clinicId,
            appointment_id: appt.id,
            at: now,
            action: 'cancelled',
            actor_user_id: a.userId,
            actor_kind: 'user',
            details: toJson({ via: 'portal', reason }),
          })
          .execute();
        const reopened = await reopenSlotOf(trx, a.clinicId, appt.id, now);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'appointment',
          resourceId: appt.id,
          patientId,
          category: 'scheduling',
          details: { change: 'cancelled', via: 'portal', slotReopened: reopened },
        });
      });
      const rows = await selectPortalRows(ctx.db, a.clinicId, patientId)
        .where('a.id', '=', req.params.id)
        .execute();
      const [view] = await portalAppointments(ctx.db, a.clinicId, rows, settings, clinic, now);
      if (!view) throw notFound('appointment');
      return view;
    },
  );
}
