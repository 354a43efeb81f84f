/**
 * POST /api/v1/appointments — book one appointment. Roles: admin, prescriber, nurse, front desk; a therapist
 * for integration and therapy sessions (403 otherwise). 201 with the appointment (`id`, `start`, `end`, …);
 * 404 naming `body.patientId`, `body.chairId` or `body.clinicianId` for a record not of this clinic; 400
 * naming the field for an inactive chair or one of the wrong kind, a clinician whose role may not run the
 * type, a plan not of this patient, an unknown protocol; 409 `conflict` when the chair or clinician is
 * already booked then (the database's exclusion constraints decide, whatever the concurrency). Times
 * outside opening or working hours are booked and flagged, never refused.
 */
import { Appointment, BookAppointmentRequest } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { viewOne } from '../shared/appointment-view.ts';
import { bookInTrx } from '../shared/book.ts';
import { APPOINTMENT_EDITORS, requireMayEdit } from './edit-roles.ts';

export function bookAppointmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointments',
    {
      config: { policy: allow.roles(...APPOINTMENT_EDITORS) },
      schema: { body: BookAppointmentRequest, response: { 201: Appointment }, tags: ['scheduling'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      requireMayEdit(a.role, b.type);
      const row = await ctx.db.transaction().execute((trx) =>
        bookInTrx(trx, ctx, actorOf(req), {
          clinicId: a.clinicId,
          patientId: b.patientId,
          type: b.type,
          start: new Date(b.start),
          durationMin: b.durationMin,
          chairId: b.chairId,
          clinicianId: b.clinicianId,
          protocolId: b.protocolId,
          planId: b.planId,
          bookedVia: 'staff',
          notes: b.notes,
          createdBy: a.userId,
        }),
      );
      return reply.status(201).send(await viewOne(ctx.db, a.clinicId, a.timeZone, row));
    },
  );
}
