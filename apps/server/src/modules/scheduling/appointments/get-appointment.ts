/**
 * GET /api/v1/appointments/{id} — one appointment. Roles: staff. 200; 404 for another clinic's or none.
 * The read is audited against the patient.
 */
import { Appointment, IdParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { viewOne } from '../shared/appointment-view.ts';
import { loadAppointment } from '../shared/load.ts';

export function getAppointmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/appointments/:id',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { params: IdParams, response: { 200: Appointment }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const row = await loadAppointment(ctx.db, a.clinicId, req.params.id);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'appointment',
        resourceId: row.id,
        patientId: row.patient_id,
        category: 'scheduling',
      });
      return viewOne(ctx.db, a.clinicId, a.timeZone, row);
    },
  );
}
