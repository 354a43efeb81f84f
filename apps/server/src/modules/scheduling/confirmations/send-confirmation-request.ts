/**
 * POST /api/v1/appointments/{id}/confirmation-request — the front desk sends the patient the visit's
 * confirmation request now ("I didn't get the email"), besides the automatic ones 48 h and 24 h before. Roles:
 * admin, prescriber, nurse, front desk. 202 `{queued, withLink}`: the message goes through the outbox like the
 * automatic ones (first name, time, one-time link while unconfirmed, calendar file); a newer link replaces
 * the older ones. 404 for another clinic's appointment; 409 `precondition_failed` unless it is a booked dosing
 * visit still to come, or when the patient has no email (naming `patient.email`). Recorded in the visit's
 * history and audited.
 */
import { ConfirmationRequestQueued, IdParams } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, PATIENT_EDITORS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { loadAppointment } from '../shared/load.ts';
import { queueRequest, selectDue } from './queue-confirmation-requests.ts';

export function sendConfirmationRequestRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointments/:id/confirmation-request',
    {
      config: { policy: allow.roles(...PATIENT_EDITORS) },
      schema: { params: IdParams, response: { 202: ConfirmationRequestQueued }, tags: ['scheduling'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const result = await ctx.db.transaction().execute(async (trx) => {
        const cur = await loadAppointment(trx, a.clinicId, req.params.id, { forUpdate: true });
        if (cur.type !== 'dosing' || cur.status !== 'booked' || cur.start_at.getTime() <= now.getTime())
          throw new AppError(
            'precondition_failed',
            'confirmation requests are sent for booked dosing visits that are still to come',
          );
        const due = await selectDue(trx)
          .where('a.clinic_id', '=', a.clinicId)
          .where('a.id', '=', cur.id)
          .executeTakeFirst();
        if (!due) throw notFound('appointment');
        if (!due.email)
          throw new AppError('precondition_failed', 'the patient has no email address to send it to', [
            { field: 'patient.email', message: 'add an email address to the patient’s record' },
          ]);
        await queueRequest(trx, ctx, due, { kind: 'staff' }, { kind: 'user', userId: a.userId });
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'appointment_confirmation_link',
          resourceId: cur.id,
          patientId: cur.patient_id,
          category: 'scheduling',
          details: { requestedBy: 'staff' },
        });
        return { queued: true as const, withLink: !due.confirmed_at && !due.reschedule_requested_at };
      });
      return reply.status(202).send(result);
    },
  );
}
