/**
 * GET /api/v1/appointments?from=&to=&chairId=&clinicianId=&patientId=&status= — the calendar's list, ordered
 * by start. Roles: staff. 200 `{items}`: appointments whose [start, end) overlaps [from, to). A window is
 * required (400 naming `querystring.from`) unless the list is for one patient; `to` must be after `from` and
 * at most 62 days later (400 naming `querystring.to`; a patient's list may span any time). `status=active`
 * (default) leaves out cancelled appointments (late cancellations and no-shows stay, as the day list shows
 * them); `status=all` includes them. Read with one joined query (the window uses appointments_clinic_time);
 * the type labels and the clinicians' hours for the flags are read alongside it. Audited as one query (naming the patient when filtered by one).
 */
import { AppointmentList, AppointmentListQuery } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ownPatientId } from '../../patients/require-patient.ts';
import { listViews, viewQuery } from '../shared/appointment-view.ts';

const MAX_WINDOW_DAYS = 62;
/** An appointment lasts at most 10 hours (600 minutes, the request schemas' limit). */
const LONGEST_MS = 600 * 60_000;

export function listAppointmentsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/appointments',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { querystring: AppointmentListQuery, response: { 200: AppointmentList }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const q = req.query;
      const from = q.from ? new Date(q.from) : null;
      const to = q.to ? new Date(q.to) : null;
      if (!from && !to && !q.patientId) throw badField('querystring.from', 'is required (or a patientId)');
      if (from && to && to <= from) throw badField('querystring.to', 'must be after from');
      if (!q.patientId) {
        if (!from) throw badField('querystring.from', 'is required with to');
        if (!to) throw badField('querystring.to', 'is required with from');
        if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000)
          throw badField('querystring.to', `must be at most ${MAX_WINDOW_DAYS} days after from`);
      }
      const patientId = await ownPatientId(ctx.db, a.clinicId, q.patientId);
      let query = viewQuery(ctx.db, a.clinicId);
      if (q.patientId) query = query.where('a.patient_id', '=', q.patientId);
      if (q.chairId) query = query.where('a.chair_id', '=', q.chairId);
      if (q.clinicianId) query = query.where('a.clinician_id', '=', q.clinicianId);
      if (q.status !== 'all') query = query.where('a.status', '<>', 'cancelled');
      // Overlap: start < to and end > from. The lower bound on start (no appointment is longer than
      // LONGEST_MS) keeps the scan on the index range of (clinic_id, start_at).
      if (to) query = query.where('a.start_at', '<', to);
      if (from)
        query = query
          .where('a.end_at', '>', from)
          .where('a.start_at', '>=', new Date(from.getTime() - LONGEST_MS));
      const items = await listViews(
        ctx.db,
        a.clinicId,
        a.timeZone,
        query.orderBy('a.start_at').orderBy('a.id').execute(),
      );
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'appointment',
        patientId,
        category: 'scheduling',
        details: { results: items.length },
      });
      return { items };
    },
  );
}
