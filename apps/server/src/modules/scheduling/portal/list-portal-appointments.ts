/**
 * GET /api/v1/portal/appointments — the signed-in patient's upcoming appointments (booked or checked in,
 * starting no earlier than an hour ago): time, place, preparation, and whether the portal accepts a
 * cancellation. Role patient only; the patient's own record only. 200 PortalAppointmentList.
 */
import { PortalAppointmentList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { portalAppointments, portalClinic, selectPortalRows } from './portal-view.ts';
import { ownPatientId } from './slot-view.ts';
import { clinicTypeSettings } from './type-settings.ts';

const HOUR_MS = 3_600_000;

export function listPortalAppointmentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/portal/appointments',
    {
      config: { policy: allow.roles('patient') },
      schema: { response: { 200: PortalAppointmentList }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const now = ctx.clock.now();
      const rows = await selectPortalRows(ctx.db, a.clinicId, patientId)
        .where('a.status', 'in', ['booked', 'checked_in'])
        .where('a.start_at', '>=', new Date(now.getTime() - HOUR_MS))
        .orderBy('a.start_at')
        .limit(200)
        .execute();
      const settings = await clinicTypeSettings(ctx.db, a.clinicId);
      const clinic = await portalClinic(ctx.db, a.clinicId);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'appointment',
        patientId,
        category: 'scheduling',
        details: { via: 'portal' },
      });
      return { items: await portalAppointments(ctx.db, a.clinicId, rows, settings, clinic, now) };
    },
  );
}
