/**
 * GET /api/v1/appointments/{id}/history — every change to an appointment, oldest first, each as a sentence
 * with times in the clinic's zone and who made it (a user's name, or "Patient (confirmation link)").
 * Roles: staff. 200; 404 for another clinic's or none. Audited against the patient.
 */
import { AppointmentHistory, IdParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { iso, loadAppointment } from '../shared/load.ts';
import { summarizeEvent } from './history-summary.ts';

export function getAppointmentHistoryRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/appointments/:id/history',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { params: IdParams, response: { 200: AppointmentHistory }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const row = await loadAppointment(ctx.db, a.clinicId, req.params.id);
      const events = await ctx.db
        .selectFrom('appointment_events as e')
        .leftJoin('users as u', 'u.id', 'e.actor_user_id')
        .select(['e.at', 'e.action', 'e.actor_kind', 'e.details', 'u.display_name'])
        .where('e.clinic_id', '=', a.clinicId)
        .where('e.appointment_id', '=', row.id)
        .orderBy('e.seq')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'appointment',
        resourceId: row.id,
        patientId: row.patient_id,
        category: 'scheduling',
        details: { history: true },
      });
      return {
        items: events.map((e) => ({
          at: iso(e.at),
          action: e.action,
          summary: summarizeEvent(e.action, e.details, a.timeZone),
          byName:
            e.actor_kind === 'patient_link'
              ? 'Patient (confirmation link)'
              : e.actor_kind === 'system'
                ? 'Plasticity'
                : (e.display_name ?? null),
        })),
      };
    },
  );
}
